/**
 * deploy/systemd/feedstand.service: checked by `systemd-analyze verify` where systemd is installed,
 * and its ExecStart run as systemd would run it (its Environment=, its WorkingDirectory, SIGTERM
 * to stop) with /srv/feedstand mapped to this checkout and the state directory to a temp dir.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { SeedDir } from '../http/fixture.js'
import { corpusSeeds } from './fixture.js'
import { wire } from './http.js'
import { freePort } from './nginx.js'

const REPO = resolve(import.meta.dirname, '../..')
const UNIT = join(REPO, 'deploy/systemd/feedstand.service')
const ANALYZE = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p))

let seeds: SeedDir
let state: string
beforeAll(async () => {
  ;({ seeds } = await corpusSeeds())
  state = await mkdtemp(join(tmpdir(), 'feedstand-state-'))
})
afterAll(async () => {
  await seeds.cleanup()
  await rm(state, { recursive: true, force: true })
})

/** `Key=value` lines of the unit; repeated keys (Environment=) keep every value. */
async function unitLines(): Promise<[string, string][]> {
  const text = await readFile(UNIT, 'utf8')
  return text.split('\n').filter((l) => /^[A-Z]\w*=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
}

it.skipIf(!ANALYZE)(`passes systemd-analyze verify${ANALYZE ? '' : ' (skipped: no systemd-analyze on this machine)'}`, () => {
  const res = spawnSync(ANALYZE!, ['verify', UNIT], { encoding: 'utf8' })
  expect(res.stderr + res.stdout).toBe('')
  expect(res.status).toBe(0)
})

it('its ExecStart, with its Environment= and WorkingDirectory, serves the feeds and stops cleanly on SIGTERM', async () => {
  const lines = await unitLines()
  const port = await freePort()
  const local = (v: string) => v.replace('/srv/feedstand/seeds', seeds.seeds).replace('/srv/feedstand', REPO).replace('/var/lib/feedstand', state)
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' }
  for (const [k, v] of lines) if (k === 'Environment') env[v.slice(0, v.indexOf('='))] = local(v.slice(v.indexOf('=') + 1))
  expect(env.FEEDSTAND_PORT).toBe('3000')
  env.FEEDSTAND_PORT = String(port)
  const [cmd, ...args] = local(lines.find(([k]) => k === 'ExecStart')![1]).split(' ')
  const cwd = local(lines.find(([k]) => k === 'WorkingDirectory')![1])
  const child = spawn(cmd!, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] })
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  let stderr = ''
  try {
    await new Promise<void>((ready, fail) => {
      child.stderr!.on('data', (c: Buffer) => {
        stderr += c.toString()
        if (stderr.includes('Feedstand serving')) ready()
      })
      void exited.then((code) => fail(new Error(`exited ${code}: ${stderr}`)))
    })
    const res = await wire(`http://127.0.0.1:${port}/rss.xml`)
    expect(res.status).toBe(200)
    expect(res.body.toString()).toContain(`<atom:link href="${env.FEEDSTAND_BASE_URL}/rss.xml" rel="self"`)
  } finally {
    child.kill('SIGTERM')
  }
  expect(await exited, stderr).toBe(0)
})
