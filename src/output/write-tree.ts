/**
 * The full build: the whole tree is written in a sibling temporary folder and swapped in at
 * the end with two renames, so a failed or killed build never leaves a half-written `feeds/`:
 * readers see the old tree or the new one. Temporary folders carry the pid of the build that
 * made them (`.feeds.tmp-<pid>-<rand>`, `.feeds.old-<pid>-<rand>`), so the next build removes
 * those of a dead build (killed, or its clean-up failed) and leaves alone those of a build
 * still running beside it.
 */
import { randomUUID } from 'node:crypto'
import { readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { TreeFile } from './files.js'
import { writeFiles, type WriteResult } from './write-files.js'

export type { OutputFile, PendingFile, TreeFile } from './files.js'
export type { WriteResult }

/** Whether the process that made a temporary folder still runs: signal 0 checks without sending anything. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A hidden sibling of `outDir` owned by this process. */
function sibling(outDir: string, kind: 'tmp' | 'old'): string {
  return join(dirname(outDir), `.${basename(outDir)}.${kind}-${process.pid}-${randomUUID().slice(0, 8)}`)
}

/**
 * Removes the temporary folders of dead builds beside `outDir`. Names without a pid come from
 * versions before this rule and are always stale. A build killed between the two renames of
 * its swap left no `outDir` and the old tree aside: that tree is put back first. Returns the
 * folders removed or put back.
 */
export async function removeStaleSiblings(outDir: string, alive: (pid: number) => boolean = processAlive): Promise<string[]> {
  const prefix = `.${basename(outDir)}.`
  const pattern = /^(?:tmp|old)-(?:(\d+)-)?[0-9a-f]{8}$/
  const names = await readdir(dirname(outDir)).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names) {
    const m = name.startsWith(prefix) ? pattern.exec(name.slice(prefix.length)) : null
    if (!m || (m[1] !== undefined && alive(Number(m[1])))) continue
    const abs = join(dirname(outDir), name)
    if (name.startsWith(`${prefix}old-`) && (await rename(abs, outDir).then(() => true, () => false))) {
      removed.push(name)
      continue
    }
    await rm(abs, { recursive: true, force: true })
    removed.push(name)
  }
  return removed
}

/** Writes `files` as the new `outDir`, swapped in whole; on failure the old tree stays and the error is the first cause. */
export async function writeTreeAtomically(outDir: string, files: Iterable<TreeFile>): Promise<WriteResult> {
  const tmp = sibling(outDir, 'tmp')
  try {
    const result = await writeFiles(tmp, files, writeFile)
    await swapIn(tmp, outDir)
    return result
  } catch (err) {
    // The first cause is the error; a clean-up that fails too is left to the next build.
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined)
    throw err
  }
}

/** Replace `outDir` with `tmp`: two renames, so readers see the old tree or the new one. */
async function swapIn(tmp: string, outDir: string): Promise<void> {
  const old = sibling(outDir, 'old')
  let moved = false
  try {
    await rename(outDir, old)
    moved = true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  try {
    await rename(tmp, outDir)
  } catch (err) {
    // Put the old tree back rather than leave no tree at all.
    if (moved) await rename(old, outDir).catch(() => undefined)
    throw err
  }
  if (moved) await rm(old, { recursive: true, force: true }).catch(() => undefined)
}
