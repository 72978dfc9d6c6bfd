/**
 * The on-disk form of cache records, and the only code that trusts or distrusts it. A shard is a
 * run of frames `[u32 length][u32 CRC-32 of the payload][payload]` (little endian), each payload
 * a v8-serialized array of records (SeedJobResult: the parse workers' batches go in unchanged).
 *
 * The writer ends every shard with an end mark, an empty frame (8 zero bytes).
 *
 * Reading checks every frame's checksum before deserializing it, and every decoded record's
 * shape (record-shape.ts) before using it. CRC-32 catches every burst error up to 32 bits, so
 * every single flipped byte (issue 15, #5: 10 flips, 5 silently wrong builds and 1 crash). A
 * shard without its end mark was cut short (even when the cut fell between two frames), and
 * bytes after it were appended: damage too, since shards are renamed into place whole. A bad
 * frame cannot be skipped (its length may be the damaged part), so reading stops there; what it
 * held is parsed again from the seeds.
 *
 * Kept apart from the store so that moving the cache to another container (LMDB, SQLite) keeps
 * the record validation: one frame per record there.
 */
import { crc32 } from 'node:zlib'
import { deserialize } from 'node:v8'
import type { SeedJobResult } from '../seed/seed-job.js'
import { isSeedRecord, type SeedRecord } from './record-shape.js'

const HEADER = 8

/** The end mark: the header of an empty payload (length 0, CRC-32 0). */
export const END_MARK: Uint8Array = new Uint8Array(HEADER)

/** The 8-byte header to write before `payload`. */
export function frameHeader(payload: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER)
  header.writeUInt32LE(payload.byteLength, 0)
  header.writeUInt32LE(crc32(payload), 4)
  return header
}

/** What one shard held: its usable records (in write order), and what was wrong with it, if anything. */
export interface DecodedShard {
  records: SeedRecord[]
  /** Values read, usable or not: the shard's weight, for the compaction rule. */
  values: number
  /** Records or bytes that were discarded as damaged, described for one log line; undefined when sound. */
  damage?: string
}

/** Decodes a whole shard; never throws. */
export function decodeShard(bytes: Uint8Array): DecodedShard {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const records: SeedRecord[] = []
  let malformed = 0
  let values = 0
  let at = 0
  const damaged = (what: string): DecodedShard => ({ records, values, damage: `${what} at byte ${at} of ${view.byteLength}` })
  while (at < view.byteLength) {
    if (at + HEADER > view.byteLength) return damaged('a partial frame header')
    const length = view.readUInt32LE(at)
    if (length === 0 && view.readUInt32LE(at + 4) === 0) {
      if (at + HEADER !== view.byteLength) return damaged('bytes after the end mark')
      return malformed > 0 ? { records, values, damage: `${malformed} malformed record${malformed === 1 ? '' : 's'}` } : { records, values }
    }
    if (at + HEADER + length > view.byteLength) return damaged(`a frame of ${length} bytes running past the end`)
    const payload = view.subarray(at + HEADER, at + HEADER + length)
    if (crc32(payload) !== view.readUInt32LE(at + 4)) return damaged('a checksum mismatch')
    let list: unknown
    try {
      list = deserialize(payload)
    } catch {
      return damaged('an undecodable frame')
    }
    if (!Array.isArray(list)) return damaged('a frame that is not a list of records')
    values += list.length
    for (const v of list) {
      const kind = classify(v)
      if (kind === 'record') records.push(v as SeedRecord)
      else if (kind === 'malformed') malformed++
    }
    at += HEADER + length
  }
  return damaged('no end mark (the shard was cut short)')
}

/**
 * A stored value is a record to use, a result not worth keeping (an unreadable file, a
 * "same as cached" answer, an outcome that depends on the clock), or malformed.
 */
function classify(v: unknown): 'record' | 'skip' | 'malformed' {
  if (typeof v !== 'object' || v === null) return 'malformed'
  const r = v as Partial<SeedJobResult>
  if (r.hash === undefined || (r.same === true && r.outcome === undefined)) return typeof r.file === 'string' ? 'skip' : 'malformed'
  if (!isSeedRecord(v)) return 'malformed'
  return v.outcome.problems.some((p) => p.code === 'future-date') ? 'skip' : 'record'
}
