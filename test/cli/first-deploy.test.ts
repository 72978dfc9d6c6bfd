/**
 * What a first deploy trips on (issue 13, item 5), through the real CLI: runMain in-process with
 * its argv, environment and output handed in, real seeds, real files, a real port in use.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeListenError } from '../../src/cli/listen-error.js'
import { runCli } from './run-cli.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SEEDS = join(ROOT, 'seeds')
const WARNING = (url: string) =>
  `feedstand: warning: no base URL set, so the feeds call themselves ${url} (self links, ids, OPML); ` +
  'set the public URL with --base-url URL, FEEDSTAND_BASE_URL or "baseUrl" in feedstand.config.json'

let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'feedstand-first-deploy-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('build without a base URL', () => {
  it('warns once, after the summary, naming the URL it used and the three ways to set it', async () => {
    const out = join(tmp, 'default')
    const run = await runCli(['build', '--seeds', SEEDS, '--out', out])
    expect(run.code).toBe(0)
    expect(run.err.at(-1)).toBe(WARNING('http://localhost:3000'))
    expect(run.err.filter((l) => l.includes('base URL'))).toHaveLength(1)
    // The URL it names is the one in the feeds.
    expect(await readFile(join(out, 'rss.xml'), 'utf8')).toContain('href="http://localhost:3000/rss.xml"')
  })

  it('build --watch warns too, once, after the first build', async () => {
    const run = await runCli(['build', '--watch', '--seeds', SEEDS, '--out', join(tmp, 'watch')], {}, async () => {})
    expect(run.code).toBe(0)
    expect(run.err.filter((l) => l.includes('base URL'))).toEqual([WARNING('http://localhost:3000')])
    expect(run.err.findIndex((l) => l.includes('base URL'))).toBeGreaterThan(run.err.findIndex((l) => / wrote \d+ files/.test(l)))
  })

  it('names the URL it derived from --port', async () => {
    const run = await runCli(['build', '--seeds', SEEDS, '--out', join(tmp, 'port'), '--port', '8080'])
    expect(run.err.at(-1)).toBe(WARNING('http://localhost:8080'))
  })

  it('says nothing when the flag, the environment or the config file sets it', async () => {
    const config = join(tmp, 'with-base.json')
    await writeFile(config, JSON.stringify({ baseUrl: 'https://feeds.example.com' }))
    const runs = await Promise.all([
      runCli(['build', '--seeds', SEEDS, '--out', join(tmp, 'flag'), '--base-url', 'https://feeds.example.com']),
      runCli(['build', '--seeds', SEEDS, '--out', join(tmp, 'env')], { FEEDSTAND_BASE_URL: 'https://feeds.example.com' }),
      runCli(['build', '--seeds', SEEDS, '--out', join(tmp, 'file'), '--config', config]),
    ])
    for (const run of runs) {
      expect(run.code).toBe(0)
      expect(run.err.join('\n')).not.toContain('base URL')
      expect(run.err.at(-1)).toMatch(/^1 article, .*; wrote \d+ files/)
    }
  })
})

describe('serve on a port that is taken', () => {
  let taken: Server
  let port: number
  beforeAll(async () => {
    taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    port = (taken.address() as { port: number }).port
  })
  afterAll(async () => {
    await new Promise((resolve) => taken.close(resolve))
  })

  const line = (p: number) =>
    `feedstand: port ${p} on 127.0.0.1 is already in use (another server, or a feedstand still running): ` +
    'stop it, or choose another port with --port N, FEEDSTAND_PORT, PORT or "port" in feedstand.config.json'

  it('says so in one line naming the port, and exits 1', async () => {
    for (const watch of ['--no-watch', '--watch']) {
      const run = await runCli(['serve', '--seeds', SEEDS, '--host', '127.0.0.1', '--port', String(port), watch])
      expect(run.code, watch).toBe(1)
      expect(run.err.at(-1), watch).toBe(line(port))
      expect(run.err.join('\n')).not.toMatch(/^\s+at /m)
    }
  })

  it('and the real process exits by itself, watcher and all (no stack trace)', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FEEDSTAND_') && k !== 'PORT' && k !== 'HOST'))
    const args = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--seeds', SEEDS, '--port', String(port)]
    const { code, stderr } = await new Promise<{ code: unknown; stderr: string }>((resolve) =>
      execFile(process.execPath, args, { cwd: ROOT, env, timeout: 30_000 }, (err, _out, stderr) => resolve({ code: err?.code ?? 0, stderr })),
    )
    expect(code).toBe(1)
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(line(port))
  })

  it('names the address and the flag for EACCES and EADDRNOTAVAIL too', () => {
    const config = { host: '127.0.0.1', port: 80 }
    expect(describeListenError(Object.assign(new Error('listen EACCES'), { code: 'EACCES' }), config)).toMatch(
      /^not allowed to listen on port 80 on 127\.0\.0\.1 \(ports below 1024 .*--port N/,
    )
    expect(describeListenError(Object.assign(new Error('x'), { code: 'EADDRNOTAVAIL' }), { host: '10.9.9.9', port: 80 })).toMatch(/^cannot listen on 10\.9\.9\.9: .*--host HOST/)
    expect(describeListenError(new Error('other'), config)).toBeUndefined()
  })
})

describe('command-line mistakes', () => {
  it.each([
    [['build', '--bogus'], 'feedstand: unknown option --bogus; see "feedstand help build"'],
    [['serve', '--bogus=1'], 'feedstand: unknown option --bogus; see "feedstand help serve"'],
    [['-x'], 'feedstand: unknown option -x; see "feedstand help"'],
    [['build', '--port'], 'feedstand: --port needs a value: --port N; see "feedstand help build"'],
    [['serve', '--port', '--host', 'x'], 'feedstand: --port needs a value: --port N; see "feedstand help serve"'],
    [['build', '--strict=yes'], 'feedstand: --strict takes no value (got "yes"); see "feedstand help build"'],
    [['build', 'extra'], 'feedstand: unexpected argument "extra"; see "feedstand help build"'],
    [['bulid'], 'feedstand: unknown command "bulid" (commands: serve, build, check, help); see "feedstand help"'],
    [['help', 'bulid'], 'feedstand: unknown command "bulid" (commands: serve, build, check, help); see "feedstand help"'],
  ])('%j: one line naming it, pointing to help, exit 2', async (argv, expected) => {
    const run = await runCli(argv)
    expect(run).toEqual({ code: 2, out: [], err: [expected] })
  })
})
