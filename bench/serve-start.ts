/**
 * Server start at N seeds in one flat folder (issue 11: "server start → first 200 on /rss.xml"
 * and "server RSS with watch on, peak included"): a cold start (no cache: every seed parsed, the
 * cache written), then a warm one (from the cache, catching up after), each through the compiled
 * CLI (run `npm run compile` first), timed to the first 200 on /rss.xml, with the process's RSS
 * and peak RSS (VmRSS/VmHWM) once it has caught up.
 *
 *   npx tsx bench/serve-start.ts [--count 100000] [--dir /tmp/feedstand-flat] [--warm-only]
 *
 * The corpus (bench/corpus.ts, realistic, seed 1) is written flat, under hashed-looking names, once
 * per --dir and --count, and reused.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { generateCorpus } from './corpus.js'

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1]! : fallback
}
const count = Number(arg('count', '100000'))
const dir = arg('dir', '/tmp/feedstand-flat')
const seeds = join(dir, `seeds-${count}`)

if (!existsSync(join(seeds, '.complete'))) {
  await rm(seeds, { recursive: true, force: true })
  await mkdir(seeds, { recursive: true })
  const files = generateCorpus({ count, seed: 1 })
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map((f, j) => {
      const name = `${String(i + j).padStart(3, '0').slice(-3)}_${createHash('sha1').update(f.path).digest('hex').slice(0, 16)}.txt`
      return writeFile(join(seeds, name), f.text)
    }))
  }
  await writeFile(join(seeds, '.complete'), '')
}

const kb = (status: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024

async function start(label: string): Promise<void> {
  const port = 3900 + Math.floor(Math.random() * 90)
  const began = performance.now()
  const child = spawn(process.execPath, ['bin/feedstand.js', 'serve', '--seeds', seeds, '--out', join(dir, 'feeds'), '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  const caught = new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString()
    if (/^(Caught up|Ready in .* from the seeds folder)/m.test(stderr)) resolve()
  }))
  let readyMs = NaN
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/rss.xml`).catch(() => undefined)
    if (res?.status === 200) {
      readyMs = performance.now() - began
      break
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  await caught
  const caughtMs = performance.now() - began
  await new Promise((r) => setTimeout(r, 1000))
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8')
  child.kill('SIGTERM')
  await new Promise((r) => child.once('exit', r))
  const lines = stderr.split('\n').filter((l) => /^(Ready|Caught up)/.test(l))
  console.log(`${label}: first 200 on /rss.xml ${(readyMs / 1000).toFixed(2)} s; caught up ${(caughtMs / 1000).toFixed(2)} s; RSS ${kb(status, 'VmRSS').toFixed(0)} MiB, peak ${kb(status, 'VmHWM').toFixed(0)} MiB | ${lines.join(' | ')}`)
}

// --warm-only: keep the cache a previous run left (after a change of code the key changes: cold again).
if (!process.argv.includes('--warm-only')) {
  await rm(join(dir, '.feedstand-cache'), { recursive: true, force: true })
  await start(`cold, ${count} flat`)
}
await start(`warm, ${count} flat`)
await start(`warm, ${count} flat`)
