/**
 * The only place that reads input from disk: lists the seed files under a folder and reads their bytes.
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { sep } from 'node:path'
import { failed, ok } from '../problems/result.js'
import type { Problem, Result } from '../types.js'
import { scanSeeds } from './scan-seeds.js'

export { classifyEntry, scanSeeds, seedsRoot, type SeedScan } from './scan-seeds.js'

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
  return (await scanSeeds(dir)).entries
}
/** Reads one seed, refusing files over `maxBytes` before reading them. */
export async function readSeed(entry: SeedEntry, maxBytes: number): Promise<Result<SeedBytes>> {
  if (entry.size > maxBytes) return failed(tooLarge(entry.file, entry.size, maxBytes))
  let bytes: Uint8Array | undefined
  try {
    bytes = await readAtMost(entry.abs, entry.size, maxBytes)
  } catch (err) {
    return failed({ file: entry.file, code: 'unreadable', severity: 'error', message: `cannot read file: ${(err as Error).message}` })
  }
  // The file grew past the limit between the listing and the read.
  if (!bytes) return failed(tooLarge(entry.file, undefined, maxBytes))
  return ok({ file: entry.file, bytes, size: bytes.byteLength, mtimeMs: entry.mtimeMs })
}

/** The file's bytes, or undefined when it holds more than `maxBytes`; never reads more than `maxBytes + 1`. */
async function readAtMost(abs: string, sizeHint: number, maxBytes: number): Promise<Uint8Array | undefined> {
  // The listing only hands over regular files (a symlinked seed as its checked real path), but the
  // entry can be swapped before we get here: O_NOFOLLOW refuses a link put in its place, O_NONBLOCK
  // keeps a FIFO from blocking the open (and fstat refuses it), so a read never hangs.
  const fh = await open(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  try {
    if (!(await fh.stat()).isFile()) throw new Error('not a regular file any more')
    let buf = Buffer.allocUnsafe(Math.min(sizeHint, maxBytes) + 1)
    let length = 0
    for (;;) {
      if (length === buf.byteLength) {
        if (length > maxBytes) return undefined
        const bigger = Buffer.allocUnsafe(Math.min(buf.byteLength * 2, maxBytes + 1))
        buf.copy(bigger, 0, 0, length)
        buf = bigger
      }
      const { bytesRead } = await fh.read(buf, length, buf.byteLength - length, null)
      if (bytesRead === 0) break
      length += bytesRead
    }
    return length > maxBytes ? undefined : buf.subarray(0, length)
  } finally {
    await fh.close()
  }
}

function tooLarge(file: string, size: number | undefined, maxBytes: number): Problem {
  const is = size === undefined ? 'file is' : `file is ${size} bytes,`
  return { file, code: 'too-large', severity: 'error', message: `${is} over the limit of ${maxBytes} bytes (maxFileBytes)` }
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}
