/**
 * The in-place update: writes a set of files into an existing output folder and deletes files
 * that are no longer part of it, in two phases. First every new file is written under a hidden
 * temporary name beside its target (`.rss.xml.tmp-<id>`): a failure there (a full disk, a name
 * too long, a file where a folder must go) removes those and leaves the folder exactly as it
 * was. Only then is each renamed over its target (atomic per file, same folder) and the
 * deletions done, new files before deletions so a document that moved is never missing. A
 * reader sees each file whole. A kill during the rename phase is repaired by the next build
 * from the journal (manifest.ts), which knows `id` and so the temporary names.
 */
import { rename, rm, rmdir, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative } from 'node:path'
import { eachBounded } from '../each-bounded.js'
import type { TreeFile } from './files.js'
import { writeFiles, type WriteResult } from './write-files.js'

export interface InPlaceResult extends WriteResult {
  deleted: number
}

/** Files renamed or deleted at once. */
const PARALLEL = 32

/** The temporary name of `abs` for the update `id`. */
export function tempName(abs: string, id: string): string {
  return join(dirname(abs), `.${basename(abs)}.tmp-${id}`)
}

/** Writes `files` and deletes `deletions` (relative paths, forward slashes) under `outDir`. A pending file that resolves to undefined is deleted. */
export async function writeInPlace(outDir: string, files: Iterable<TreeFile>, deletions: Iterable<string>, id: string): Promise<InPlaceResult> {
  const staged: string[] = []
  let result: WriteResult
  try {
    result = await writeFiles(outDir, files, async (abs, bytes) => {
      staged.push(abs)
      await writeFile(tempName(abs, id), bytes)
    })
  } catch (err) {
    await Promise.all(staged.map((abs) => rm(tempName(abs, id), { force: true }).catch(() => undefined)))
    await removeEmptyDirs(outDir, staged.map((abs) => dirname(abs)))
    throw err
  }
  await eachBounded(staged, PARALLEL, (abs) => rename(tempName(abs, id), abs))
  const gone = [...deletions, ...result.absent]
  const emptied = new Set<string>()
  let deleted = 0
  await eachBounded(gone, PARALLEL, async (file) => {
    const abs = join(outDir, file)
    // Counted only when it was there: a variant that never paid off has no file to delete.
    const existed = await rm(abs).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false
        throw err
      },
    )
    if (!existed) return
    deleted++
    emptied.add(dirname(abs))
  })
  await removeEmptyDirs(outDir, emptied)
  return { ...result, deleted }
}

/** Removes the temporary files an update `id` may have left for `files` (relative paths). */
export async function removeTemps(outDir: string, files: Iterable<string>, id: string): Promise<void> {
  await eachBounded(files, PARALLEL, (file) => rm(tempName(join(outDir, file), id), { force: true }))
}

/** Folders left empty (a topic that vanished, or a failed update's new folder), deepest first, never `outDir` itself. */
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
