/** node:zlib behind the Compressor port. Levels chosen for precomputed bodies: paid once, served many times. */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Compressor } from '../documents/document.js'

export function nodeCompressor(opts: { gzipLevel?: number; brotliQuality?: number } = {}): Compressor {
  const gzipLevel = opts.gzipLevel ?? 9
  const brotliQuality = opts.brotliQuality ?? 9
  return {
    gzip: (body) => gzipSync(body, { level: gzipLevel }),
    br: (body) =>
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      }),
  }
}
