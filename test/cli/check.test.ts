/**
 * `feedstand check` and the problem reporting of `feedstand build`, run as the real CLI in a
 * child process (node + tsx, as `npm run check` does) against the bad-seed fixtures.
 */
import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckReport } from '../../src/cli/check.js'
import { formatProblem, summaryLine } from '../../src/problems/format.js'
import { BAD_DIR, FIXTURE_MAX_BYTES, loadBadFixtures } from '../load/bad-fixtures.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MAIN = join(ROOT, 'src/cli/main.ts')

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs `feedstand ...args` to completion; never rejects on a non-zero exit. */
function feedstand(args: string[], cwd = ROOT): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FEEDSTAND_') && k !== 'PORT' && k !== 'HOST'))
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd, env, timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : undefined) : 0
      if (code === undefined) reject(err)
      else resolve({ code, stdout, stderr })
    })
  })
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '')

// Each run is a fresh Node + tsx (~1 s of CPU): run them side by side.
describe.concurrent('feedstand check', () => {
  let tmp: string
  let config: string
  /** The lines check must print for the fixtures, computed in-process from the same loader. */
  let expected: string[]
  let counts: { articles: number; errors: number; warnings: number }

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'feedstand-cli-'))
    config = join(tmp, 'feedstand.config.json')
    await writeFile(config, JSON.stringify({ maxFileBytes: FIXTURE_MAX_BYTES }))
    const { catalog } = await loadBadFixtures()
    expected = catalog.problems.map((p) => formatProblem(p, BAD_DIR))
    const errors = catalog.problems.filter((p) => p.severity === 'error').length
    counts = { articles: catalog.articles.length, errors, warnings: catalog.problems.length - errors }
  })
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  it('prints one line per problem and the summary, and exits 1 on errors', async () => {
    const run = await feedstand(['check', '--seeds', BAD_DIR, '--config', config])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    const out = lines(run.stdout)
    expect(out.slice(0, -1)).toEqual(expected)
    expect(out.at(-1)).toBe(summaryLine(counts.articles, counts))
    expect(out.at(-1)).toMatch(/^\d+ articles, \d+ errors, \d+ warnings$/)
    // The format the README promises, on a known line.
    expect(out).toContain(`${BAD_DIR}bad-date.md:3: bad-date: publishedDateTime "yesterday" is not a date (expected ISO 8601, like 2024-03-13T00:59:00Z)`)
    expect(out).toContain(`${BAD_DIR}topics-string.md:5: topics-not-list (warning): topics is one string, not a list; read as one topic`)
  })

  it('--json prints the same as one JSON document', async () => {
    const run = await feedstand(['check', '--seeds', BAD_DIR, '--config', config, '--json'])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as CheckReport
    expect(Object.keys(report)).toEqual(['seeds', 'files', 'articles', 'errors', 'warnings', 'heldBack', 'nextDue', 'problems'])
    expect(report).toMatchObject({ seeds: BAD_DIR, files: (await readdir(BAD_DIR)).length, ...counts, heldBack: 1, nextDue: '2998-12-31T23:55:00.000Z' })
    // One path convention: a JSON problem's file is the path its text line starts with (seeds/x.md).
    for (const [i, p] of report.problems.entries()) expect(expected[i]!.startsWith(`${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.code}`)).toBe(true)
    expect(report.problems.map((p) => formatProblem({ ...p, file: p.file.slice(BAD_DIR.length) }, BAD_DIR))).toEqual(expected)
    for (const p of report.problems) {
      expect(Object.keys(p).every((k) => ['file', 'line', 'field', 'code', 'message', 'severity'].includes(k))).toBe(true)
      expect(p.severity === 'error' || p.severity === 'warning').toBe(true)
    }
  })

  it('exits 0 when there are only warnings, and on an empty folder', async () => {
    const dir = join(tmp, 'warnings-only')
    await mkdir(dir)
    for (const f of ['topics-string.md', 'date-no-timezone.md', 'bom-crlf.md', 'future-date.md']) await cp(join(BAD_DIR, f), join(dir, f))
    const run = await feedstand(['check', '--seeds', dir])
    expect(run.code).toBe(0)
    expect(lines(run.stdout).at(-1)).toBe('3 articles, 0 errors, 3 warnings')
    const empty = join(tmp, 'empty')
    await mkdir(empty)
    const none = await feedstand(['check', '--seeds', empty])
    expect([none.code, none.stdout]).toEqual([0, '0 articles, 0 errors, 0 warnings\n'])
  })

  it('--json counts as held back exactly what nextDue waits for: with --only-published a future draft is neither', async () => {
    const dir = join(tmp, 'held')
    await mkdir(dir)
    const seed = (name: string, date: string, published: boolean) => writeFile(join(dir, `${name}.md`),
      `---\ntitle: ${name}\npublishedDateTime: ${date}\nwebUrl: https://x.example/${name}\npublished: ${published}\n---\n`)
    await Promise.all([seed('draft', '2997-01-01T00:00:00Z', false), seed('later', '2998-01-01T00:00:00Z', true), seed('now', '2020-01-01T00:00:00Z', true)])
    const run = await feedstand(['check', '--seeds', dir, '--only-published', '--json'])
    const report = JSON.parse(run.stdout) as CheckReport
    expect(report).toMatchObject({ articles: 1, heldBack: 1, nextDue: '2997-12-31T23:55:00.000Z' })
  })

  it('says so in one line when the seeds folder does not exist (exit 2)', async () => {
    const run = await feedstand(['check', '--seeds', join(tmp, 'nope')])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`feedstand: seeds folder "${join(tmp, 'nope')}" does not exist or is not a folder\n`)
  })
})

describe.concurrent('feedstand build with bad seeds', () => {
  let tmp: string
  let config: string
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'feedstand-build-'))
    config = join(tmp, 'feedstand.config.json')
    await writeFile(config, JSON.stringify({ maxFileBytes: FIXTURE_MAX_BYTES }))
  })
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  it('publishes the good articles, prints the same problems to stderr and exits 0', async () => {
    const out = join(tmp, 'feeds')
    const [build, check] = await Promise.all([
      // A base URL, as a deployment sets: without one, build warns after its summary (first-deploy.test.ts).
      feedstand(['build', '--seeds', BAD_DIR, '--out', out, '--config', config, '--no-watch', '--base-url', 'https://feeds.example.com']),
      feedstand(['check', '--seeds', BAD_DIR, '--config', config]),
    ])
    expect(build.code).toBe(0)
    expect(build.stdout).toBe('')
    const problemLines = lines(check.stdout).slice(0, -1)
    expect(lines(build.stderr).slice(0, problemLines.length)).toEqual(problemLines)
    expect(lines(build.stderr).at(-1)).toMatch(new RegExp(`^${lines(check.stdout).at(-1)}; wrote \\d+ files`))
    const feed = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(join(out, 'feed.json'), 'utf8'))) as { items: unknown[] }
    expect(feed.items.length).toBeGreaterThan(0)
  })

  it('--strict exits 1 when any seed has an error', async () => {
    const run = await feedstand(['build', '--seeds', BAD_DIR, '--out', join(tmp, 'strict'), '--config', config, '--strict', '--no-watch'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('bad-date.md:3: bad-date:')
  })
})

describe('formatProblem', () => {
  it('keeps every problem on one line, whatever the file is called', () => {
    const p = { file: 'a\nb\u001b[31m.md', line: 2, code: 'bad-date', severity: 'error' as const, message: 'x\u2028y' }
    expect(formatProblem(p, 'seeds/')).toBe('seeds/a\\x0ab\\x1b[31m.md:2: bad-date: x\\u2028y')
    expect(formatProblem({ ...p, file: 'x.md', severity: 'warning', message: 'm' }, 'seeds')).toBe('seeds/x.md:2: bad-date (warning): m')
  })
})
