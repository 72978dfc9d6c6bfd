/** Shared pieces of the live tests: temp seed folders, seed text, waiting on updates (bounded), ETags. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { resolveConfig, type Config, type RawConfig } from '../../src/config.js'
import type { Io } from '../../src/io.js'
import { createApp } from '../../src/http/app.js'
import type { LiveSite, LiveUpdate } from '../../src/live/live-site.js'
import { FAST_PORTS } from '../helpers/site.js'

/** Fast compression (and node:crypto hashing): the tests look at bytes and tags, not ratios. */
export const ports = FAST_PORTS
export const compressor = ports.compressor

export async function tempDir(prefix = 'feedstand-live-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

export function liveConfig(seedsDir: string, overrides: RawConfig = {}): Config {
  return resolveConfig({ seeds: seedsDir, out: join(seedsDir, '..', 'out'), baseUrl: 'http://feeds.test', port: 0, archiveSize: overrides.maxItems ?? 50, ...overrides })
}

export interface SeedSpec {
  /** Distinguishes articles: the id (webUrl) is https://news.test/{slug}. */
  slug: string
  title?: string
  /** ISO instant; default 2024-03-13T00:59:00Z. */
  date?: string
  topics?: string[]
  body?: string
}

export function seedText(s: SeedSpec): string {
  const topics = (s.topics ?? ['General']).map((t) => `  - ${JSON.stringify(t)}`).join('\n')
  return [
    '---',
    `title: ${JSON.stringify(s.title ?? `Article ${s.slug}`)}`,
    `publishedDateTime: ${s.date ?? '2024-03-13T00:59:00Z'}`,
    `webUrl: "https://news.test/${s.slug}"`,
    'topics:',
    topics,
    '---',
    s.body ?? `Body of ${s.slug}.`,
    '',
  ].join('\n')
}

export async function writeSeed(dir: string, file: string, spec: SeedSpec | string): Promise<void> {
  const abs = join(dir, file)
  await mkdir(dirname(abs), { recursive: true })
  await writeFile(abs, typeof spec === 'string' ? spec : seedText(spec))
}

export function captureIo(nowMs?: () => number): Io & { lines: string[] } {
  const lines: string[] = []
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l), now: nowMs ?? (() => Date.now()) }
}

/** The first update (from now on) that satisfies `pred`; rejects after `timeoutMs`. */
export function nextUpdate(live: LiveSite, pred: (u: LiveUpdate) => boolean = () => true, timeoutMs = 8000): Promise<LiveUpdate> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`no matching live update within ${timeoutMs} ms`))
    }, timeoutMs)
    const off = live.onUpdate((u) => {
      if (!pred(u)) return
      clearTimeout(timer)
      off()
      resolve(u)
    })
  })
}

/** An update that touched `file` (in any way). */
export const touches = (file: string) => (u: LiveUpdate) =>
  [...u.changes.added, ...u.changes.changed, ...u.changes.removed].includes(file)

/** The first watcher event on `file`; rejects after `timeoutMs`. */
export function nextEvent(live: LiveSite, file: string, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`no watcher event for ${file} within ${timeoutMs} ms`))
    }, timeoutMs)
    const off = live.onEvent((path) => {
      if (path !== file) return
      clearTimeout(timer)
      off()
      resolve()
    })
  })
}

/** An in-process client of the live app: status, ETag and body of a path. */
export function client(live: LiveSite) {
  const app = createApp({ site: () => live.site, health: () => live.health() })
  const get = async (path: string) => {
    const res = await app.request(`http://feeds.test${path}`)
    return { status: res.status, etag: res.headers.get('etag'), body: await res.text() }
  }
  const etags = async (paths: readonly string[]) =>
    Object.fromEntries(await Promise.all(paths.map(async (p) => [p, (await get(p)).etag] as const)))
  return { app, get, etags }
}

/** Resolves once `pred` holds (checked every 20 ms), rejects after `timeoutMs`. */
export async function until(pred: () => boolean, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}
