/**
 * Incremental output: writes a few files into an existing output folder, each atomically (a
 * temporary file beside it, then a rename over it), and deletes files that are no longer part
 * of the output. A reader of the folder (a web server, rsync) sees each file whole: the old bytes
 * or the new, never a prefix. Used by `build --watch`; the first build swaps in a whole tree.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative } from 'node:path'
import type { OutputFile } from './write-tree.js'

export interface ChangeStats {
  written: number
  deleted: number
  bytes: number
}

/** Files written at once: enough to keep the disk busy, few enough not to exhaust file handles. */
const PARALLEL = 32

/** Writes `files` and deletes `deletions` (relative paths, forward slashes) under `outDir`. */
export async function writeChangedFiles(outDir: string, files: readonly OutputFile[], deletions: readonly string[]): Promise<ChangeStats> {
  const stats: ChangeStats = { written: 0, deleted: 0, bytes: 0 }
  const dirs = new Map<string, Promise<unknown>>()
  const ensureDir = (dir: string) => {
    let p = dirs.get(dir)
    if (!p) dirs.set(dir, (p = mkdir(dir, { recursive: true })))
    return p
  }
  await inParallel(files, async ({ file, bytes }) => {
    const abs = join(outDir, file)
    await ensureDir(dirname(abs))
    await writeAtomically(abs, bytes)
    stats.written++
    stats.bytes += bytes.byteLength
  })
  // Deletions after writes: a document that moved is never missing in between.
  const emptied = new Set<string>()
  await inParallel(deletions, async (file) => {
    const abs = join(outDir, file)
    await rm(abs, { force: true })
    stats.deleted++
    emptied.add(dirname(abs))
  })
  await removeEmptyDirs(outDir, emptied)
  return stats
}

/** Temporary name in the same folder (same file system, so the rename is atomic), hidden. */
export async function writeAtomically(abs: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(abs), `.${basename(abs)}.tmp-${randomUUID().slice(0, 8)}`)
  try {
    await writeFile(tmp, bytes)
    await rename(tmp, abs)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}

/** Folders left empty by deletions (a topic that vanished), deepest first, never `outDir` itself. */
async function removeEmptyDirs(outDir: string, dirs: Iterable<string>): Promise<void> {
  const candidates = new Set<string>()
  const inside = (d: string) => {
    const rel = relative(outDir, d)
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  }
  for (let d of dirs) for (; inside(d); d = dirname(d)) candidates.add(d)
  for (const d of [...candidates].sort((a, b) => b.length - a.length)) {
    // ENOTEMPTY (still in use) and ENOENT are both fine: only empty folders go.
    await rmdir(d).catch(() => undefined)
  }
}

async function inParallel<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker))
}
