/**
 * What the last static build into an output folder wrote, kept in the cache folder: per
 * document file a digest of its signature (`Site.signatureDigest`), and the size of every file
 * written, under a key made of Feedstand's version, code and the whole config. The next build
 * renders and writes only documents whose digest differs, deletes those that are gone, and
 * first checks every size against the disk, so output deleted or truncated behind its back is
 * written again.
 *
 * Beside it, the journal: the documents an in-place update is about to touch, written before
 * the first of its files and removed after the manifest that describes the result. A build
 * that finds a journal (the last one was killed or failed half-way) treats every document it
 * names as changed and removes that update's temporary files, so the tree is repaired whatever
 * moment the kill came at. A full build removes the manifest before its swap: a manifest never
 * vouches for a folder it did not see finished.
 */
import { randomUUID } from 'node:crypto'
import { sha256 } from '../node/digest.js'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Site } from '../documents/site.js'
import type { DocKey } from '../paths.js'

export interface BuildManifest {
  /** Version + code + config fingerprint the documents were built under. */
  key: string
  /** Absolute output folder. */
  outDir: string
  /** Document file → digest of its signature (`documentToken`). */
  files: Record<string, string>
  /** Every file written (bodies, variants, `_headers`) → its size in bytes. */
  sizes: Record<string, number>
}

/** The documents an in-place update touches, and the id in its temporary file names. */
export interface Journal {
  id: string
  files: string[]
}

/** The manifest's token of a document: a short digest of its signature's inputs (`Site.signatureDigest`). */
export function documentToken(site: Site, key: DocKey): string | undefined {
  return site.signatureDigest(key, digestText)
}

const digestText = (text: string) => sha256(text, 'base64url')

/** The manifest file of `outDir` in the cache folder (one per output folder). */
export function manifestPath(cacheDir: string, outDir: string): string {
  const id = sha256(resolve(outDir)).slice(0, 16)
  return join(cacheDir, `build-${id}.json`)
}

const journalPath = (manifest: string) => manifest.replace(/\.json$/, '.journal.json')

/** The manifest valid for `key` and `outDir`, or undefined (none, another key, unreadable). */
export async function readManifest(path: string, key: string, outDir: string): Promise<BuildManifest | undefined> {
  const m = await readJson<BuildManifest>(path)
  if (!m || m.key !== key || m.outDir !== resolve(outDir) || !isRecord(m.files) || !isRecord(m.sizes)) return undefined
  return m
}

export async function removeManifest(path: string): Promise<void> {
  await rm(path, { force: true })
}

/** Saves atomically (temporary file, then rename). */
export async function writeManifest(path: string, manifest: BuildManifest): Promise<void> {
  await saveJson(path, manifest)
}

/** The journal a build left behind, if any. */
export async function readJournal(manifest: string): Promise<Journal | undefined> {
  const j = await readJson<Journal>(journalPath(manifest))
  return j && typeof j.id === 'string' && Array.isArray(j.files) ? j : undefined
}

export async function writeJournal(manifest: string, journal: Journal): Promise<void> {
  await saveJson(journalPath(manifest), journal)
}

export async function clearJournal(manifest: string): Promise<void> {
  await rm(journalPath(manifest), { force: true })
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T
  } catch {
    return undefined
  }
}

async function saveJson(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true })
  const tmp = `${path}.tmp-${randomUUID().slice(0, 8)}`
  await writeFile(tmp, JSON.stringify(value))
  await rename(tmp, path)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
