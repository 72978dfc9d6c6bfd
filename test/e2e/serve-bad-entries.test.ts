/**
 * Issue 15 #2: `serve` with a symlink loop, a folder loop, an unreadable folder and a FIFO in
 * seeds/ printed an error and stayed alive without a port. The real CLI (bin/feedstand.js) in a
 * child process on 127.0.0.1: it must listen, serve the readable seeds, count every bad entry on
 * /healthz, and exit non-zero only when it cannot serve at all (no seeds folder).
 * As root, permissions do not stop reads, so the child then runs without the capabilities that
 * bypass them (setpriv drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH): still root, so it can read
 * the checkout wherever CI cloned it (a `nobody` child could not enter a 0700 clone folder), but a
 * folder with mode 0 is unreadable to it as to anyone else.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { removeDir, tempDir, writeSeed } from '../live/helpers.js'

const CLI = fileURLToPath(new URL('../../bin/feedstand.js', import.meta.url))
const SETPRIV = '/usr/bin/setpriv'
/** The command that runs `args` under permission checks even as root (see above). */
function honouringPermissions(args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [process.execPath, args]
  if (!existsSync(SETPRIV)) throw new Error(`running as root needs ${SETPRIV} (util-linux) to drop CAP_DAC_OVERRIDE for this test`)
  return [SETPRIV, ['--bounding-set=-dac_override,-dac_read_search', process.execPath, ...args]]
}
let dir: string
let child: ChildProcess | undefined

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  child = undefined
  await chmod(join(dir, 'seeds/locked'), 0o755).catch(() => undefined)
  await removeDir(dir)
})

function serve(seeds: string): { proc: ChildProcess; url: Promise<string>; exit: Promise<number | null>; err: () => string } {
  const [cmd, args] = honouringPermissions([CLI, 'serve', '--seeds', seeds, '--host', '127.0.0.1', '--port', '0', '--base-url', 'http://feeds.test'])
  const proc = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HOME: dir } })
  let stderr = ''
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening within 20 s:\n${stderr}`)), 20_000)
    proc.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      const m = /serving .* on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    void exit.then((code) => reject(new Error(`exited ${code} before listening:\n${stderr}`)))
  })
  return { proc, url, exit, err: () => stderr }
}

/** /healthz once it matches `re` (polled on the live server, bounded: it follows a watcher event). */
async function healthUntil(url: string, re: RegExp, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const body = await (await fetch(`${url}/healthz`)).text()
    if (re.test(body) || Date.now() > until) return body
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('feedstand serve with bad entries in seeds/', () => {
  it('listens, serves what it can read, and reports every bad entry', async () => {
    dir = await tempDir('feedstand-serve-')
    await chmod(dir, 0o755)
    const seeds = join(dir, 'seeds')
    await writeSeed(seeds, 'good.md', { slug: 'good', title: 'Still served' })
    await writeSeed(seeds, 'sub/deep.md', { slug: 'deep' })
    await symlink('b.md', join(seeds, 'a.md'))
    await symlink('a.md', join(seeds, 'b.md'))
    await symlink('self.md', join(seeds, 'self.md'))
    await symlink('..', join(seeds, 'sub/loop'))
    await writeSeed(seeds, 'locked/hidden.md', { slug: 'hidden' })
    await chmod(join(seeds, 'locked'), 0)
    execFileSync('mkfifo', [join(seeds, 'pipe.md')])
    const s = serve(seeds)
    child = s.proc
    const url = await s.url
    const rss = await fetch(`${url}/rss.xml`)
    expect(rss.status).toBe(200)
    const body = await rss.text()
    expect(body).toContain('Still served')
    expect(body).toContain('https://news.test/deep')
    expect(body).not.toContain('https://news.test/hidden')
    const health = await (await fetch(`${url}/healthz`)).text()
    expect(health).toMatch(/^articles: 2$/m)
    expect(health).toMatch(/^warnings: 6$/m)
    for (const code of ['link-loop', 'symlinked-folder', 'unreadable-folder', 'not-a-file']) expect(s.err()).toContain(code)
    // Made readable while serving: the watcher reports the folder's change of mode, and its seed is published.
    await chmod(join(seeds, 'locked'), 0o755)
    const after = await healthUntil(url, /^articles: 3$/m)
    expect(after).toMatch(/^articles: 3$/m)
    expect(after).toMatch(/^warnings: 5$/m)
    child.kill('SIGTERM')
    expect(await s.exit).toBe(0)
  })

  it('exits 2 at once when the seeds folder does not exist', async () => {
    dir = await tempDir('feedstand-serve-')
    await chmod(dir, 0o755)
    await mkdir(join(dir, 'seeds'))
    const s = serve(join(dir, 'missing'))
    child = s.proc
    s.url.catch(() => undefined)
    expect(await s.exit).toBe(2)
    expect(s.err()).toMatch(/does not exist or is not a folder/)
  })
})
