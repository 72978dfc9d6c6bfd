/**
 * The package as a user gets it: `npm pack` (which compiles src/ into dist/ through the `prepare`
 * script), the tarball installed into an empty temp project, and `feedstand build` and
 * `feedstand serve` run from there: compiled JavaScript on plain node, with neither tsx, esbuild
 * nor TypeScript installed. The seeds are enough files for the parse worker threads to start, so
 * their worker file is loaded by URL from dist/ (.js), as the compression workers are by the build.
 *
 * Network: the install is `--prefer-offline`; it needs the registry only for package metadata
 * not yet in npm's cache (the first run on a machine), tarballs come from the cache.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus, writeCorpus } from '../../bench/corpus.js'
import { WORKER_MIN_FILES } from '../../src/node/parse-pool.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BASE = 'https://feeds.example.com'
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** The caller's environment without Feedstand's settings (a developer's FEEDSTAND_PORT must not leak in). */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FEEDSTAND_') && k !== 'PORT' && k !== 'HOST'))

function run(cmd: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { cwd, env: ENV, timeout: 120_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}\n${stderr}`)) : resolve({ stdout, stderr })),
  )
}

/** Starts a server process in its own process group; resolves with its URL from the "serving … on" line. */
function startServer(cmd: string, args: string[], cwd: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(cmd, args, { cwd, env: ENV, detached: true, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no server: ${stderr}`)), 60_000)
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      const m = / on (http:\/\/\S+)/.exec(stderr)
      if (m) (clearTimeout(timer), resolve({ child, url: m[1]! }))
    })
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`exited with ${code}: ${stderr}`))))
  })
}

/** SIGTERM to the group we started (npm → sh → node); resolves with the exit code. */
function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  process.kill(-child.pid!, 'SIGTERM')
  return exited
}

describe('the packed tarball, installed into an empty project', () => {
  let tmp: string
  let app: string
  const servers: ChildProcess[] = []

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'feedstand-pack-'))
    app = join(tmp, 'app')
    await mkdir(app)
    const { stdout } = await run(NPM, ['pack', '--json', '--pack-destination', tmp], ROOT)
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[]
    expect(packed!.files.map((f) => f.path)).toEqual(expect.arrayContaining(['bin/feedstand.js', 'dist/cli/main.js', 'dist/node/parse-worker.js', 'dist/node/worker-boot.mjs', 'dist/node/compress-worker.mjs']))
    expect(packed!.files.some((f) => f.path.startsWith('src/') || f.path.startsWith('test/'))).toBe(false)
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }))
    // --ignore-scripts: nothing of ours runs at install; @parcel/watcher's binary is its prebuilt optional package.
    await run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(tmp, packed!.filename)], app)
    await writeCorpus(join(app, 'seeds'), generateCorpus({ count: WORKER_MIN_FILES, seed: 13 }))
  }, 180_000)

  afterAll(async () => {
    await Promise.all(servers.map(stop))
    await rm(tmp, { recursive: true, force: true })
  })

  it('brings no TypeScript toolchain: tsx, esbuild and typescript are not installed', () => {
    for (const dev of ['tsx', 'esbuild', 'typescript']) expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false)
    expect(existsSync(join(app, 'node_modules/.bin/feedstand'))).toBe(true)
  })

  it('`feedstand build` and `feedstand serve` run from there, and serve the built bytes', async () => {
    const bin = join(app, 'node_modules/.bin/feedstand')
    const build = await run(bin, ['build', '--base-url', BASE], app)
    expect(build.stderr).toMatch(new RegExp(`^${WORKER_MIN_FILES} articles, 0 errors, 0 warnings; wrote \\d+ files`, 'm'))
    const built = await readFile(join(app, 'feeds/rss.xml'))
    // serve with its defaults otherwise: the watcher follows seeds/ from the installed package too.
    const server = await startServer(bin, ['serve', '--base-url', BASE, '--host', '127.0.0.1', '--port', '0'], app)
    servers.push(server.child)
    const res = await fetch(`${server.url}/rss.xml`, { headers: { 'accept-encoding': 'identity' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(Buffer.from(await res.arrayBuffer()).equals(built)).toBe(true)
    expect(await stop(server.child)).toBe(0)
  }, 120_000)

  it('`npm start` in the clone runs the same compiled CLI (dist/ made by the pack above, as npm install does)', async () => {
    const server = await startServer(NPM, ['start', '--', '--no-watch', '--host', '127.0.0.1', '--port', '0'], ROOT)
    servers.push(server.child)
    const res = await fetch(`${server.url}/rss.xml`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<rss')
    await stop(server.child)
  }, 60_000)
})
