/**
 * The only place that writes the static build's output. A full build is written in a sibling
 * temporary folder and swapped in at the end, so a failed or interrupted build never leaves a
 * half-written `feeds/`. An incremental build writes into the existing folder, each file
 * atomically (temporary file, then rename), new files before deletions.
 *
 * Files may still be in the making (compression running on the thread pool): the writer awaits
 * them a bounded number at a time, so rendering, compressing and writing overlap.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { writeAtomically, writeChangedFiles } from './write-changed.js'

export interface OutputFile {
  /** Relative, forward slashes. */
  file: string
  bytes: Uint8Array
}

/** A file whose bytes are still being computed; undefined means the file must not exist (compression did not pay). */
export interface PendingFile {
  file: string
  pending: Promise<Uint8Array | undefined>
}

export type TreeFile = OutputFile | PendingFile

export interface WriteStats {
  files: number
  bytes: number
}

/** Files written (or awaited) at once: enough to keep the disk and the thread pool busy, few enough for file handles and memory. */
const PARALLEL = 64

export async function writeTreeAtomically(outDir: string, files: Iterable<TreeFile>): Promise<WriteStats> {
  const tmp = join(dirname(outDir), `.${basename(outDir)}.tmp-${randomUUID().slice(0, 8)}`)
  try {
    const stats = await writeAll(tmp, files, writeFile)
    await swapIn(tmp, outDir)
    return stats
  } catch (err) {
    await rm(tmp, { recursive: true, force: true })
    throw err
  }
}

/**
 * Writes `files` into the existing `outDir`, each atomically, then deletes `deletions`. A pending
 * file that resolves to undefined is deleted too (a variant that no longer pays off).
 */
export async function writeInPlace(outDir: string, files: Iterable<TreeFile>, deletions: Iterable<string>): Promise<WriteStats & { deleted: number }> {
  const gone: string[] = []
  const stats = await writeAll(outDir, files, writeAtomically, (file) => gone.push(file))
  // Deletions after writes, and folders they leave empty go too: the same rules as build --watch.
  const { deleted } = await writeChangedFiles(outDir, [], [...deletions, ...gone])
  return { ...stats, deleted }
}

async function writeAll(
  root: string,
  files: Iterable<TreeFile>,
  write: (abs: string, bytes: Uint8Array) => Promise<void>,
  absent?: (file: string) => void,
): Promise<WriteStats> {
  const dirs = new Map<string, Promise<unknown>>()
  const ensureDir = (dir: string) => {
    let p = dirs.get(dir)
    if (!p) dirs.set(dir, (p = mkdir(dir, { recursive: true })))
    return p
  }
  const stats: WriteStats = { files: 0, bytes: 0 }
  const iterator = files[Symbol.iterator]()
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const f = next.value
      const bytes = 'bytes' in f ? f.bytes : await f.pending
      if (!bytes) {
        absent?.(f.file)
        continue
      }
      const abs = join(root, f.file)
      await ensureDir(dirname(abs))
      await write(abs, bytes)
      stats.files++
      stats.bytes += bytes.byteLength
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return stats
}

/** Replace `outDir` with `tmp`: two renames, so readers see the old tree or the new one. */
async function swapIn(tmp: string, outDir: string): Promise<void> {
  const old = join(dirname(outDir), `.${basename(outDir)}.old-${randomUUID().slice(0, 8)}`)
  let moved = false
  try {
    await rename(outDir, old)
    moved = true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  await rename(tmp, outDir)
  if (moved) await rm(old, { recursive: true, force: true })
}
