/**
 * Property (issue 15, finding 1): whatever the front-matter delimiters look like (`---x`, `--- a`,
 * `----`, `---\t`, `--- `, `...`, LF/CRLF/CR mixes, a BOM), a marker in `secured` or in an unknown
 * field reaches no output: no built file (plain or decompressed), no HTTP response, no log line,
 * no `check --json` report. And a seed is published exactly when its block follows the rule (no
 * stray delimiter line, a real closing line); otherwise it has an error with a line number.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckReport } from '../../src/cli/check.js'
import { resolveConfig } from '../../src/config.js'
import { createApp } from '../../src/http/app.js'
import { urlPath } from '../../src/paths.js'
import { loadCatalog } from '../../src/loader/index.js'
import { delimiterSeed, INVALID_CLOSES, STRAY_LINES, VALID_CLOSES } from './delimiter-seeds.js'
import { makeSite } from '../helpers/site.js'
import { documentsOf, siteOf } from './site-of.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const NOW = Date.UTC(2026, 0, 1)
const MARKER = `DELIMITER-SECRET-${process.pid}-5e1b`

describe('front-matter delimiters, in process', () => {
  it('publish exactly the seeds that follow the rule, and never the marker', () => {
    // Numbered seeds: each has its own link, so no two are duplicates.
    const seeds = fc.integer({ min: 1, max: 4 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => delimiterSeed(MARKER, i))))
    const seen = { published: 0, refused: 0 }
    fc.assert(
      fc.property(seeds, (list) => {
        const { site, outcomes } = siteOf(list.map((s, i) => ({ file: `d${i}.md`, text: s.text })), NOW)
        outcomes.forEach((o, i) => {
          expect(o.article !== undefined, JSON.stringify(list[i]!.text)).toBe(list[i]!.publishable)
          if (o.article) seen.published++
          else {
            seen.refused++
            expect(o.problems.some((p) => p.severity === 'error' && p.line !== undefined), JSON.stringify(o.problems)).toBe(true)
          }
          for (const p of o.problems) expect(p.message).not.toContain(MARKER)
        })
        for (const doc of documentsOf(site)) expect(Buffer.from(doc.body).includes(MARKER), doc.file).toBe(false)
      }),
      { numRuns: 300 },
    )
    // Both sides of the rule were exercised.
    expect(seen.published).toBeGreaterThan(50)
    expect(seen.refused).toBeGreaterThan(50)
  })
})

describe('front-matter delimiters, through build, check and the HTTP app', () => {
  let tmp: string
  let seeds: string
  let out: string
  let build: Run
  let check: Run
  let publishable: number

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'feedstand-delim-'))
    seeds = join(tmp, 'seeds')
    out = join(tmp, 'feeds')
    await mkdir(seeds)
    // Every stray line before every closing line (exact, trailing blanks, not a close, missing),
    // then random seeds from the generator.
    const texts: { text: string; publishable: boolean }[] = []
    const closes = [...VALID_CLOSES, ...INVALID_CLOSES]
    for (const [s, stray] of [undefined, ...STRAY_LINES].entries()) {
      for (const [c, close] of closes.entries()) {
        const eol = ['\n', '\r\n', '\r'][(s + c) % 3]!
        const block = [`title: Grid ${s}-${c}`, `secured: "${MARKER}"`, ...(stray === undefined ? [] : [stray]), `internalNotes: [${MARKER}]`,
          'publishedDateTime: 2024-03-13T00:59:00Z', `webUrl: https://example.com/grid-${s}-${c}`]
        const lines = ['---', ...block, ...(close === null ? [] : [close]), 'Body.']
        const valid = (VALID_CLOSES as readonly (string | null)[]).includes(close)
        texts.push({ text: ((s + c) % 2 ? '\ufeff' : '') + lines.join(eol) + eol, publishable: stray === undefined && valid })
      }
    }
    for (let i = 0; i < 120; i++) texts.push(fc.sample(delimiterSeed(MARKER, 1000 + i), { numRuns: 1, seed: 15 + i })[0]!)
    publishable = texts.filter((t) => t.publishable).length
    await Promise.all(texts.map((t, i) => writeFile(join(seeds, `${String(i).padStart(3, '0')}.md`), t.text)))
    ;[build, check] = await Promise.all([
      feedstand(['build', '--seeds', seeds, '--out', out, '--no-watch']),
      feedstand(['check', '--seeds', seeds, '--json']),
    ])
  }, 120_000)
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  it('check --json reports every refused seed and never the marker', () => {
    expect(check.code).toBe(1)
    expect(check.stdout + check.stderr).not.toContain(MARKER)
    const report = JSON.parse(check.stdout) as CheckReport
    expect(report.articles).toBe(publishable)
    expect(report.problems.map((p) => p.code)).toContain('front-matter-delimiter')
  })

  it('the build logs no marker, and no built file holds it, plain or decompressed', async () => {
    expect(build.code).toBe(0)
    expect(build.stdout + build.stderr).not.toContain(MARKER)
    expect(build.stderr).toContain(`${publishable} articles,`)
    const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((d) => d.isFile())
    let compressed = 0
    for (const f of files) {
      let bytes = await readFile(join(f.parentPath, f.name))
      if (f.name.endsWith('.gz')) bytes = gunzipSync(bytes)
      if (f.name.endsWith('.br')) bytes = brotliDecompressSync(bytes)
      if (f.name.endsWith('.gz') || f.name.endsWith('.br')) compressed++
      expect(bytes.includes(MARKER), f.name).toBe(false)
    }
    expect(compressed).toBeGreaterThan(5)
  })

  it('no HTTP response of the app, in any encoding, holds it', async () => {
    const config = resolveConfig({ seeds })
    const site = makeSite(await loadCatalog(config, Date.now()), config)
    expect(site.catalog.articles.length).toBe(publishable)
    const app = createApp({ site: () => site })
    for (const path of ['/healthz', ...[...site.keys()].map(urlPath)]) {
      for (const encoding of ['identity', 'gzip', 'br']) {
        const res = await app.request(path, { headers: { 'Accept-Encoding': encoding } })
        let body = Buffer.from(await res.arrayBuffer())
        const used = res.headers.get('Content-Encoding')
        if (used === 'gzip') body = gunzipSync(body)
        if (used === 'br') body = brotliDecompressSync(body)
        expect(body.includes(MARKER), `${path} (${encoding})`).toBe(false)
      }
    }
  })
})

interface Run {
  code: number
  stdout: string
  stderr: string
}

function feedstand(args: string[]): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FEEDSTAND_') && k !== 'PORT' && k !== 'HOST'))
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, env, timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : undefined) : 0
      if (code === undefined) reject(err)
      else resolve({ code, stdout, stderr })
    })
  })
}
