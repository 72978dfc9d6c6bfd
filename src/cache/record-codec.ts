/**
 * The on-disk form of one cache record, and the only code that trusts or distrusts it. A record
 * is one frame `[u32 length][u32 CRC-32 of the payload][payload]` (little endian), the payload a
 * v8-serialized value: in the seed store (seed-store.ts) a light SeedRecord under its file's path
 * and its article's body under the seed's content hash (article-parts.ts).
 *
 * Reading checks the frame's length and checksum before deserializing it, and the decoded
 * record's shape (record-shape.ts) before using it, and that it is the record of the key it was
 * stored under. CRC-32 catches every burst error up to 32 bits, so every single flipped byte
 * (issue 15, #5: 10 flips, 5 silently wrong builds and 1 crash). The store's seal (seal.ts)
 * guards the container; this guards each record, whatever the container is.
 */
import { crc32 } from 'node:zlib'
import { deserialize, serialize } from 'node:v8'
import type { SeedJobResult } from '../seed/seed-job.js'
import type { Article } from '../types.js'
import { bodyOf, lightRecord, type ArticleBody, type LightRecord } from './article-parts.js'
import { fromLayout, toLayout } from './light-layout.js'
import { isBody, isLightRecord, isSeedRecord, type SeedRecord } from './record-shape.js'

const HEADER = 8

/** The 8-byte header to write before `payload`. */
export function frameHeader(payload: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER)
  header.writeUInt32LE(payload.byteLength, 0)
  header.writeUInt32LE(crc32(payload), 4)
  return header
}

/** Any value as one checksummed frame (a light record, a body). */
export function encodeFrame(value: unknown): Buffer {
  const payload = serialize(value)
  return Buffer.concat([frameHeader(payload), payload])
}

/** One whole record as one checksummed frame. */
export function encodeRecord(record: SeedRecord): Buffer {
  return encodeFrame(record)
}

/** The light record of `record` as stored under its file (light-layout.ts; its body goes under its hash: encodeBody). */
export function encodeLight(record: SeedRecord): Buffer {
  return encodeFrame(toLayout(lightRecord(record)))
}

/** The body of `a` as stored under its hash. */
export function encodeBody(a: Article): Buffer {
  return encodeFrame(bodyOf(a))
}

/** What one stored value gave: a record to use, nothing worth keeping, or damage (described for one log line). */
export type Decoded = { record: SeedRecord } | { skip: true } | { damage: string }

/** The value of a frame, or what is wrong with it; never throws. */
function unframe(bytes: Uint8Array): { value: unknown } | { damage: string } {
  // LMDB hands out Buffers: wrapping one again cost a Buffer per record (~130 ms per 100k in a profile).
  const view = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.byteLength < HEADER) return { damage: `a partial frame header (${view.byteLength} bytes)` }
  const length = view.readUInt32LE(0)
  if (HEADER + length !== view.byteLength) return { damage: `a frame of ${length} bytes in a value of ${view.byteLength}` }
  const payload = view.subarray(HEADER)
  if (crc32(payload) !== view.readUInt32LE(4)) return { damage: 'a checksum mismatch' }
  try {
    return { value: deserialize(payload) }
  } catch {
    return { damage: 'an undecodable frame' }
  }
}

/** Decodes a whole record stored under `file`; never throws. */
export function decodeRecord(file: string, bytes: Uint8Array): Decoded {
  const got = unframe(bytes)
  if ('damage' in got) return got
  const kind = classify(got.value, isSeedRecord)
  if (kind === 'malformed' || (got.value as SeedRecord).file !== file) return { damage: 'a malformed record' }
  return kind === 'skip' ? { skip: true } : { record: got.value as SeedRecord }
}

/** What one stored light value gave (as Decoded). */
export type DecodedLight = { record: LightRecord } | { skip: true } | { damage: string }

/** Decodes the light record stored under `file` (as the seed store writes them); never throws. */
export function decodeLight(file: string, bytes: Uint8Array): DecodedLight {
  const got = unframe(bytes)
  if ('damage' in got) return got
  const value = fromLayout(got.value)
  const kind = value ? classify(value, isLightRecord) : 'malformed'
  if (kind === 'malformed' || value!.file !== file) return { damage: 'a malformed record' }
  return kind === 'skip' ? { skip: true } : { record: value! }
}

/** Decodes the body stored under `hash`; never throws. */
export function decodeBody(hash: string, bytes: Uint8Array): { body: ArticleBody } | { damage: string } {
  const got = unframe(bytes)
  if ('damage' in got) return { damage: `its body: ${got.damage}` }
  return isBody(got.value, hash) ? { body: got.value } : { damage: 'its body: a malformed value' }
}

/** Whether a parse result is worth keeping: not an unreadable file, a "same" answer, or an outcome that depends on the clock. */
export function worthKeeping(r: Pick<SeedRecord, 'outcome'>): boolean {
  return !r.outcome.problems.some((p) => p.code === 'future-date')
}

/**
 * A stored value is a record to use, a result not worth keeping (an unreadable file, a
 * "same as cached" answer, an outcome that depends on the clock), or malformed.
 */
function classify(v: unknown, isRecord: (v: unknown) => boolean): 'record' | 'skip' | 'malformed' {
  if (typeof v !== 'object' || v === null) return 'malformed'
  const r = v as Partial<SeedJobResult>
  if (r.hash === undefined || (r.same === true && r.outcome === undefined)) return typeof r.file === 'string' ? 'skip' : 'malformed'
  if (!isRecord(v)) return 'malformed'
  return worthKeeping(v as SeedRecord) ? 'record' : 'skip'
}
