/**
 * node:zlib behind the Compressor port. Levels chosen by figures on feed documents (bench/,
 * 2 cores, heads and archives of 10k articles; ratio = compressed / identity, CPU MB/s):
 *
 *   gzip 1: 0.193 at 149 MB/s   gzip 6: 0.164 at 69 MB/s   gzip 9: 0.163 at 51 MB/s
 *   br 1:   0.182 at 262 MB/s   br 5:   0.151 at 49 MB/s   br 9:   0.144 at  5 MB/s
 *
 * Heads, bridges and index documents (read all the time, re-made on every change): gzip 6 is
 * as small as 9 for a third less time, and brotli first beats gzip clearly at quality 5 (8%
 * smaller); quality 9 saves another 4% for nine times the time, which a live update would pay
 * on every changed head. Archives (`archival`: never change, seldom read, nine in ten bytes of
 * a full build): gzip 1 and brotli 1, 18% larger than the levels above but 3.4 times cheaper,
 * so that compressing the history does not dominate a full build.
 */
import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib'
import type { Compressor, Encoding } from '../documents/document.js'

export interface CompressionLevels {
  gzipLevel?: number
  brotliQuality?: number
  /** For archival documents (RFC 5005 archives). */
  archivalGzipLevel?: number
  archivalBrotliQuality?: number
}

/** Same bytes as the Compressor, computed on libuv's thread pool: the static build compresses on every core. */
export type AsyncCompressor = Record<Encoding, (body: Uint8Array, archival?: boolean) => Promise<Uint8Array>>

/** The zlib options for each encoding and tier: the one place the levels become bytes. */
export function zlibOptions(levels: CompressionLevels) {
  const gz = (archival = false): ZlibOptions => ({ level: archival ? (levels.archivalGzipLevel ?? 1) : (levels.gzipLevel ?? 6) })
  const br = (body: Uint8Array, archival = false): BrotliOptions => ({
    params: {
      [constants.BROTLI_PARAM_QUALITY]: archival ? (levels.archivalBrotliQuality ?? 1) : (levels.brotliQuality ?? 5),
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  })
  return { gz, br }
}

export function nodeCompressor(levels: CompressionLevels = {}): Compressor {
  const { gz, br } = zlibOptions(levels)
  return {
    gzip: (body, archival) => gzipSync(body, gz(archival)),
    br: (body, archival) => brotliCompressSync(body, br(body, archival)),
  }
}

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

/** The asynchronous twin of `nodeCompressor(levels)`: zlib's output depends only on input and options. */
export function nodeCompressorAsync(levels: CompressionLevels = {}): AsyncCompressor {
  const { gz, br } = zlibOptions(levels)
  return {
    gzip: (body, archival) => gzipAsync(body, gz(archival)),
    br: (body, archival) => brotliAsync(body, br(body, archival)),
  }
}
