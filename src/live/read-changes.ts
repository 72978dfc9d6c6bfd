/**
 * Settled paths → their new outcomes: stat, read and process only those files. A path that no
 * longer holds a seed file maps to `undefined` (gone). A file that changed while we read it is
 * handed back as unsettled instead of being published half-written. (No mtime-age rule: a rename
 * keeps the mtime, so a file renamed just after being written would be held back while its old
 * name's removal went through, splitting the rename into two snapshots.)
 */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import type { Config } from '../config.js'
import { readSeed } from '../load/read-seeds.js'
import { normalizeOptions, processSeed } from '../seed/process-seed.js'

export interface ReadResult {
  outcomes: Map<string, SeedOutcome | undefined>
  unsettled: string[]
}

/** Files read at once: a checkout of thousands must not exhaust file handles. */
const PARALLEL = 32

export async function readChanges(config: Config, files: readonly string[], nowMs: number): Promise<ReadResult> {
  const result: ReadResult = { outcomes: new Map(), unsettled: [] }
  const opts = normalizeOptions(config, nowMs)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!
      const got = await readOne(config, file)
      if (got === 'unsettled') result.unsettled.push(file)
      else if (got === undefined) result.outcomes.set(file, undefined)
      else result.outcomes.set(file, 'bytes' in got ? processSeed(file, got.bytes, opts) : { file, problems: [got] })
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, files.length) }, worker))
  return result
}

type Read = Awaited<ReturnType<typeof readSeed>>

async function readOne(config: Config, file: string): Promise<Read | undefined | 'unsettled'> {
  const abs = join(config.seedsDir, file)
  const before = await stat(abs).catch(() => undefined)
  if (!before?.isFile()) return undefined
  const read = await readSeed({ file, abs, size: before.size, mtimeMs: before.mtimeMs }, config.maxFileBytes)
  const after = await stat(abs).catch(() => undefined)
  if (!after) return undefined
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) return 'unsettled'
  if ('bytes' in read && read.bytes.byteLength !== before.size) return 'unsettled'
  return read
}
