/**
 * Settled paths → their new outcomes: classify (the symlink rule of src/load/scan-seeds.ts), read
 * and process only those files. A path that no longer holds a seed maps to `undefined` (gone); a
 * skipped entry (symlinked folder, link out of the tree, FIFO…) maps to its warning. A file that
 * changed while we read it is handed back as unsettled instead of being published half-written.
 * (No mtime-age rule: a rename keeps the mtime, so a file renamed just after being written would
 * be held back while its old name's removal went through, splitting the rename into two snapshots.)
 */
import { realpath, stat } from 'node:fs/promises'
import { eachBounded } from '../each-bounded.js'
import { failed } from '../problems/result.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import type { Config } from '../config.js'
import { classifyEntry, readSeed } from '../load/read-seeds.js'
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
  // Once per batch: the seeds folder itself may be a link, and is followed.
  const root = await realpath(config.seedsDir).catch(() => config.seedsDir)
  await eachBounded(files, PARALLEL, async (file) => {
    const got = await readOne(config, root, file)
    if (got === 'unsettled') result.unsettled.push(file)
    else if (got === undefined) result.outcomes.set(file, undefined)
    else result.outcomes.set(file, got.ok ? processSeed(file, got.value.bytes, opts) : { file, problems: got.problems })
  })
  return result
}

type Read = Awaited<ReturnType<typeof readSeed>>

async function readOne(config: Config, root: string, file: string): Promise<Read | undefined | 'unsettled'> {
  const entry = await classifyEntry(config.seedsDir, root, file)
  if (entry === undefined || entry === 'folder') return undefined
  if ('code' in entry) return failed(entry)
  const read = await readSeed(entry, config.maxFileBytes)
  const after = await stat(entry.abs).catch(() => undefined)
  if (!after) return undefined
  if (after.size !== entry.size || after.mtimeMs !== entry.mtimeMs) return 'unsettled'
  if (read.ok && read.value.bytes.byteLength !== entry.size) return 'unsettled'
  return read
}
