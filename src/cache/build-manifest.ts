/**
 * What the last static build into an output folder wrote: per document file, a digest of the
 * document's signature (`Site.signature`), under a key made of Feedstand's version, code and the
 * whole config. The next build renders and writes only documents whose digest differs, and
 * deletes those that are gone.
 *
 * The manifest is removed before an incremental build starts writing and saved only when it
 * has finished, so a build that dies half-way leaves no manifest, and the next build is a full
 * one (atomic, from scratch): the manifest never vouches for a folder it did not see finished.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

export interface BuildManifest {
  /** Version + code + config fingerprint the documents were built under. */
  key: string
  /** Absolute output folder. */
  outDir: string
  /** Document file → digest of its signature. */
  files: Record<string, string>
}

/** A short digest of a document signature. */
export function signatureDigest(sig: string): string {
  return createHash('sha1').update(sig).digest('base64url')
}

/** The manifest file of `outDir` in the cache folder (one per output folder). */
export function manifestPath(cacheDir: string, outDir: string): string {
  const id = createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 16)
  return join(cacheDir, `build-${id}.json`)
}

/** The manifest valid for `key` and `outDir`, or undefined (none, another key, unreadable). */
export async function readManifest(path: string, key: string, outDir: string): Promise<BuildManifest | undefined> {
  try {
    const m = JSON.parse(await readFile(path, 'utf8')) as BuildManifest
    if (m.key !== key || m.outDir !== resolve(outDir) || typeof m.files !== 'object' || m.files === null) return undefined
    return m
  } catch {
    return undefined
  }
}

export async function removeManifest(path: string): Promise<void> {
  await rm(path, { force: true })
}

/** Saves atomically (temporary file, then rename). */
export async function writeManifest(path: string, manifest: BuildManifest): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true })
  const tmp = `${path}.tmp-${randomUUID().slice(0, 8)}`
  await writeFile(tmp, JSON.stringify(manifest))
  await rename(tmp, path)
}
