/**
 * Writes a stream of files under a root, a bounded number at a time, awaiting files still in
 * the making (compression on the thread pool) so rendering, compressing and writing overlap.
 * On the first failure no further file is started and the call waits for the writes already
 * running before it rejects with that first error: a caller that then removes what was written
 * never races a write still landing (which made `rm` fail with ENOTEMPTY and hid the real cause,
 * ENOSPC, on a full disk).
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { eachBounded } from '../each-bounded.js'
import type { TreeFile } from './files.js'

export interface WriteResult {
  files: number
  bytes: number
  /** Every file written → its size. */
  sizes: Map<string, number>
  /** Files that must not exist (a variant that did not pay off). */
  absent: string[]
}

/** Files written (or awaited) at once: enough to keep the disk and the thread pool busy, few enough for file handles and memory. */
const PARALLEL = 64

export async function writeFiles(root: string, files: Iterable<TreeFile>, write: (abs: string, bytes: Uint8Array) => Promise<void>): Promise<WriteResult> {
  const dirs = new Map<string, Promise<unknown>>()
  const ensureDir = (dir: string) => {
    let p = dirs.get(dir)
    if (!p) dirs.set(dir, (p = mkdir(dir, { recursive: true })))
    return p
  }
  const result: WriteResult = { files: 0, bytes: 0, sizes: new Map(), absent: [] }
  await eachBounded(files, PARALLEL, async (f) => {
    const bytes = 'bytes' in f ? f.bytes : await f.pending
    if (!bytes) {
      result.absent.push(f.file)
      return
    }
    const abs = join(root, f.file)
    await ensureDir(dirname(abs))
    await write(abs, bytes)
    result.files++
    result.bytes += bytes.byteLength
    result.sizes.set(f.file, bytes.byteLength)
  })
  return result
}
