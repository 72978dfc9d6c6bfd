/**
 * The only place that reads input from disk: lists the seed files under a folder and reads their bytes.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { Problem } from '../types.js'

/** Extensions that make a file a seed. Anything else, and every hidden file or folder, is ignored. */
export const SEED_EXTENSIONS = ['.md', '.markdown', '.txt'] as const

export interface SeedEntry {
  /** Relative to the seeds folder, forward slashes: the name problems and caches use. */
  file: string
  abs: string
  size: number
  mtimeMs: number
}

export interface SeedBytes {
  file: string
  bytes: Uint8Array
  size: number
  mtimeMs: number
}

/** True when `relPath` (relative, either separator) names a seed: right extension, no hidden segment. */
export function isSeedPath(relPath: string): boolean {
  const parts = relPath.split(/[\\/]/)
  if (parts.some((p) => p.startsWith('.'))) return false
  const name = parts[parts.length - 1]!.toLowerCase()
  return SEED_EXTENSIONS.some((ext) => name.endsWith(ext))
}

/** Every seed under `dir`, recursively, sorted by path so that every run sees the same order. */
export async function listSeeds(dir: string): Promise<SeedEntry[]> {
  const names = await readdir(dir, { recursive: true })
  const entries: SeedEntry[] = []
  await Promise.all(
    names.map(async (name) => {
      if (!isSeedPath(name)) return
      const abs = join(dir, name)
      const st = await stat(abs).catch(() => undefined)
      if (!st?.isFile()) return
      entries.push({ file: toPosix(relative(dir, abs)), abs, size: st.size, mtimeMs: st.mtimeMs })
    }),
  )
  return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/** Reads one seed, refusing files over `maxBytes` before reading them. */
export async function readSeed(entry: SeedEntry, maxBytes: number): Promise<SeedBytes | Problem> {
  if (entry.size > maxBytes) {
    return {
      file: entry.file,
      code: 'too-large',
      severity: 'error',
      message: `file is ${entry.size} bytes, over the limit of ${maxBytes} (maxFileBytes)`,
    }
  }
  try {
    const bytes = await readFile(entry.abs)
    return { file: entry.file, bytes, size: bytes.byteLength, mtimeMs: entry.mtimeMs }
  } catch (err) {
    return { file: entry.file, code: 'unreadable', severity: 'error', message: `cannot read file: ${(err as Error).message}` }
  }
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}
