/**
 * Nothing lost, nothing leaked: 1,000 good seeds (bench/corpus.ts) among 30 bad ones publish
 * exactly the 1,000; a folder of nothing but bad seeds still starts the server; and the values of
 * fields we do not publish (`secured`, unknown fields) appear in no file, response or log line.
 */
import { spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus, writeCorpus, type SeedFile } from '../bench/corpus.js'
import { resolveConfig } from '../src/config.js'
import type { Site } from '../src/documents/site.js'
import { createApp } from '../src/http/app.js'
import { makeSite } from './helpers/site.js'
import { urlPath } from '../src/paths.js'
import { loadCatalog } from '../src/loader/index.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const BAD = fileURLToPath(new URL('./fixtures/bad/', import.meta.url))
const MARKER = `FEEDSTAND-SECRET-${process.pid}-7f3a9c`

/** Fixtures that publish nothing (an error each). */
const ERROR_FIXTURES = [
  'yaml-syntax.md', 'yaml-not-mapping.md', 'yaml-js-tag.md', 'unclosed-front-matter.md', 'no-front-matter.md', 'empty-file.md',
  'binary-file.md', 'not-utf8.md', 'utf16.md', 'missing-title.md', 'title-empty.md', 'title-not-string.md', 'title-object.md',
  'title-list.md', 'missing-date.md', 'bad-date.md', 'date-impossible.md', 'weburl-relative.md', 'weburl-javascript.md',
  'weburl-data.md', 'billion-laughs.md', 'self-reference.md', 'alias-amplification.md', 'fm-js.md', 'fm-javascript.md',
  'fm-coffee.md', 'fm-json.md',
]

/** A seed's text with the marker in `secured` and in a field we do not know. */
function withMarker(text: string): string {
  const secured = `secured: "${MARKER};c2VjcmV0"\ninternalNotes: {owner: "${MARKER}", tags: [${MARKER}]}\n`
  return text.replace(/^secured: .*\n/m, '').replace(/^---\n/, `---\n${secured}`)
}

/** Writes 30 bad seeds under `dir/bad/` (most carrying the marker); returns their file names relative to `dir`. */
async function writeBadSeeds(dir: string, good: readonly SeedFile[]): Promise<string[]> {
  await mkdir(join(dir, 'bad'), { recursive: true })
  const names: string[] = []
  for (const [i, f] of ERROR_FIXTURES.entries()) {
    const name = `bad/${String(i).padStart(2, '0')}-${f}`
    const bytes = await readFile(join(BAD, f))
    const text = bytes.toString('utf8')
    // Only files that are text with a plain `---` line can carry the marker in their front matter.
    await writeFile(join(dir, name), text.startsWith('---\n') && !f.startsWith('fm-') && !f.startsWith('not-') ? withMarker(text) : bytes)
    names.push(name)
  }
  const big = withMarker(`---\ntitle: Too large\npublishedDateTime: 2024-03-13T00:59:00Z\nwebUrl: "https://example.com/too-large"\n---\n`)
  await writeFile(join(dir, 'bad/27-too-large.md'), big + 'x'.repeat(1024 * 1024))
  // Same id as a good seed, at a path that sorts after it: the good one keeps its place.
  const dup = good[0]!
  await writeFile(join(dir, 'zz-duplicate.md'), withMarker(dup.text.replace(/^title: .*$/m, 'title: "An impostor"')))
  await writeFile(join(dir, 'bad/29-future.md'), withMarker(`---\ntitle: Not yet\npublishedDateTime: 2999-01-01T00:00:00Z\nwebUrl: "https://example.com/not-yet"\n---\n`))
  return [...names, 'bad/27-too-large.md', 'zz-duplicate.md', 'bad/29-future.md']
}

describe('1,000 good seeds among 30 bad ones', () => {
  let tmp: string
  let good: SeedFile[]
  let bad: string[]
  let site: Site

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'feedstand-lost-'))
    good = generateCorpus({ count: 1000, variety: 'realistic' })
    // A few good seeds carry the marker too: they are published, their secrets must not be.
    good = good.map((f, i) => (i % 200 === 7 ? { ...f, text: withMarker(f.text) } : f))
    await writeCorpus(join(tmp, 'seeds'), good)
    bad = await writeBadSeeds(join(tmp, 'seeds'), good)
    const config = resolveConfig({ seeds: join(tmp, 'seeds'), maxItems: 50, archiveSize: 50 })
    site = makeSite(await loadCatalog(config, Date.now()), config)
  })
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  it('publish exactly the 1,000: the global feed\'s full history (head + every archive) holds their ids', () => {
    expect(bad).toHaveLength(30)
    const ids = new Set<string>()
    let documents = 0
    for (const key of site.keys()) {
      if (key.type !== 'feed' || key.scope !== null || key.format !== 'json' || key.page.kind === 'page') continue
      const feed = JSON.parse(new TextDecoder().decode(site.get(key)!.body)) as { items: { id: string }[] }
      for (const item of feed.items) ids.add(item.id)
      documents++
    }
    expect(documents).toBe(21) // the head and 20 full archives of 50
    expect([...ids].sort()).toEqual(good.map((f) => f.id).sort())
    expect(site.catalog.byId.get(good[0]!.id)?.file).toBe(good[0]!.path)
  })

  it('and every bad one is reported: an error each, the future one a warning', () => {
    const { problems } = site.catalog
    for (const file of bad) {
      const codes = problems.filter((p) => p.file === file).map((p) => `${p.severity}:${p.code}`)
      if (file === 'bad/29-future.md') expect(codes).toEqual(['warning:future-date'])
      else expect(codes.some((c) => c.startsWith('error:')), `${file}: ${codes.join(', ')}`).toBe(true)
    }
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.file).sort()).toEqual(bad.filter((f) => f !== 'bad/29-future.md').sort())
  })

  it('and no document of the whole site carries the marker', () => {
    // The marker is really there: in published seeds, as parsed front matter.
    const marked = good.filter((f) => f.text.includes(MARKER))
    expect(marked.length).toBe(5)
    for (const f of marked) expect(site.catalog.byId.get(f.id)?.file).toBe(f.path)
    let documents = 0
    for (const key of site.keys()) {
      const doc = site.get(key)!
      expect(Buffer.from(doc.body).includes(MARKER), doc.file).toBe(false)
      documents++
    }
    expect(documents).toBeGreaterThan(100)
  })
})

describe('secrets in the real build, its logs, and the HTTP responses', () => {
  let tmp: string
  let seeds: string
  let good: SeedFile[]
  let logs: string

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'feedstand-secret-'))
    seeds = join(tmp, 'seeds')
    good = generateCorpus({ count: 40, seed: 4, variety: 'varied' }).map((f, i) => (i % 8 === 0 ? { ...f, text: withMarker(f.text) } : f))
    await writeCorpus(seeds, good)
    await writeBadSeeds(seeds, good)
    const run = await runCli(['build', '--seeds', seeds, '--out', join(tmp, 'feeds'), '--no-watch'])
    expect(run.code).toBe(0)
    logs = run.stdout + run.stderr
  })
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  it('no built file, plain or decompressed, and no log line holds `secured` or an unknown field', async () => {
    expect(logs).toMatch(/\d+ articles, \d+ errors/)
    const seeded = (await readdir(seeds, { recursive: true, withFileTypes: true })).filter((d) => d.isFile())
    const carrying = await Promise.all(seeded.map(async (d) => (await readFile(join(d.parentPath, d.name))).includes(MARKER)))
    expect(carrying.filter(Boolean).length).toBeGreaterThan(20)
    expect(logs).not.toContain(MARKER)
    const secrets = good.map((f) => f.secured!).filter(Boolean)
    expect(secrets.length).toBe(40)
    for (const s of secrets) expect(logs).not.toContain(s.slice(0, 40))
    const out = join(tmp, 'feeds')
    const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((d) => d.isFile())
    let compressed = 0
    for (const f of files) {
      const path = join(f.parentPath, f.name)
      let bytes = await readFile(path)
      if (f.name.endsWith('.gz') || f.name.endsWith('.br')) {
        bytes = f.name.endsWith('.gz') ? gunzipSync(bytes) : brotliDecompressSync(bytes)
        expect(bytes.equals(await readFile(path.slice(0, -3))), f.name).toBe(true)
        compressed++
      }
      expect(bytes.includes(MARKER), path).toBe(false)
      for (const s of secrets) expect(bytes.includes(s.slice(0, 40)), `${path} holds a secured value`).toBe(false)
    }
    expect(compressed).toBeGreaterThan(20)
  })

  it('no HTTP response, in any encoding, holds them', async () => {
    const config = resolveConfig({ seeds })
    const site = makeSite(await loadCatalog(config, Date.now()), config)
    const app = createApp({ site: () => site })
    const paths = ['/healthz', ...[...site.keys()].map(urlPath)]
    for (const path of paths) {
      for (const encoding of ['identity', 'gzip', 'br']) {
        const res = await app.request(path, { headers: { 'Accept-Encoding': encoding } })
        expect(res.status, path).toBe(200)
        let body = Buffer.from(await res.arrayBuffer())
        const used = res.headers.get('Content-Encoding')
        if (used === 'gzip') body = gunzipSync(body)
        if (used === 'br') body = brotliDecompressSync(body)
        expect(body.includes(MARKER), `${path} (${encoding})`).toBe(false)
      }
    }
  })
})

describe('problems never stop the server from starting', () => {
  let tmp: string
  let seeds: string
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'feedstand-badonly-'))
    seeds = join(tmp, 'seeds')
    await mkdir(seeds)
    for (const f of ERROR_FIXTURES) await copyFile(join(BAD, f), join(seeds, f))
    await writeFile(join(seeds, 'marked-yaml-error.md'), withMarker('---\ntitle: [broken\n---\n'))
  })
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  it('in process: /healthz counts the errors, every feed answers (empty)', async () => {
    const config = resolveConfig({ seeds })
    const catalog = await loadCatalog(config, Date.now())
    const app = createApp({ site: () => makeSite(catalog, config) })
    const health = await app.request('/healthz')
    expect(health.status).toBe(200)
    expect(await health.text()).toMatch(new RegExp(`^ok\\narticles: 0\\ntopics: 0\\nerrors: ${ERROR_FIXTURES.length + 1}\\nwarnings: 0\\n`))
    for (const path of ['/rss.xml', '/atom.xml', '/feed.json', '/topics.json', '/topics.opml', '/']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
    }
    expect((await (await app.request('/feed.json')).json()).items).toEqual([])
  })

  it('the real `serve` logs every problem and answers /healthz and the feeds', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--seeds', seeds, '--port', '0', '--no-watch'], {
      cwd: ROOT, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 30_000)
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString()
          const m = / on (http:\/\/\S+)/.exec(stderr)
          if (m) {
            clearTimeout(timer)
            resolve(m[1]!)
          }
        })
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
      })
      const health = await (await fetch(`${url}/healthz`)).text()
      expect(health).toContain(`errors: ${ERROR_FIXTURES.length + 1}`)
      for (const path of ['/rss.xml', '/atom.xml', '/feed.json']) expect((await fetch(url + path)).status, path).toBe(200)
      for (const f of ERROR_FIXTURES) expect(stderr, f).toContain(`${seeds}/${f}`)
      expect(stderr).toContain(`0 articles, ${ERROR_FIXTURES.length + 1} errors, 0 warnings`)
      expect(stderr).not.toContain(MARKER)
    } finally {
      child.kill('SIGTERM')
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
    }
  })
})

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FEEDSTAND_') && k !== 'PORT' && k !== 'HOST'))
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, env: cleanEnv() })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}
