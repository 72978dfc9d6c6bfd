/**
 * The key under which cached work is valid: Feedstand's version, a hash of its own code, and the
 * config fields the cached work depends on. Any change gives another key, so a cache can never
 * hand back what an older version (or a locally edited one) would have computed.
 *
 * The code is hashed, not only the version: during development the version stays the same while
 * the rules change, and a stale cache there would be a silent wrong answer.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sha256 } from '../node/digest.js'
import { VERSION } from '../version.js'

/** The source folder this module is part of (src/ when run through tsx). */
const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url))

let codeHash: Promise<string> | undefined

/** Hash of every file of Feedstand's code (computed once per process; a few milliseconds). */
export function codeFingerprint(): Promise<string> {
  return (codeHash ??= hashTree(CODE_ROOT))
}

/** A short key from the version, the code and `parts` (config values, in a fixed order). */
export async function fingerprint(kind: string, parts: Record<string, unknown>): Promise<string> {
  const sorted = JSON.stringify(Object.entries(parts).sort(([a], [b]) => (a < b ? -1 : 1)))
  return sha256([`${kind}\0${VERSION}\0${await codeFingerprint()}\0`, sorted]).slice(0, 20)
}

async function hashTree(root: string): Promise<string> {
  let names: string[]
  try {
    names = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
  } catch {
    return `no-code:${VERSION}`
  }
  names.sort()
  const contents = await Promise.all(names.map((n) => readFile(n).catch(() => Buffer.alloc(0))))
  return sha256(names.flatMap((n, i) => [n.slice(root.length), '\0', contents[i]!, '\0']))
}
