/**
 * The only place that writes output: a whole tree, built in a sibling temporary folder and
 * swapped in at the end, so a failed or interrupted build never leaves a half-written `feeds/`.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface OutputFile {
  /** Relative, forward slashes. */
  file: string
  bytes: Uint8Array
}

export interface WriteStats {
  files: number
  bytes: number
}

/** Files written at once: enough to keep the disk busy, few enough not to exhaust file handles. */
const PARALLEL = 64

export async function writeTreeAtomically(outDir: string, files: Iterable<OutputFile>): Promise<WriteStats> {
  const tmp = join(dirname(outDir), `.${basename(outDir)}.tmp-${randomUUID().slice(0, 8)}`)
  try {
    const stats = await writeAll(tmp, files)
    await swapIn(tmp, outDir)
    return stats
  } catch (err) {
    await rm(tmp, { recursive: true, force: true })
    throw err
  }
}

async function writeAll(root: string, files: Iterable<OutputFile>): Promise<WriteStats> {
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
      const { file, bytes } = next.value
      const abs = join(root, file)
      await ensureDir(dirname(abs))
      await writeFile(abs, bytes)
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
