/**
 * Live updates through the real server: each round adds a seed, edits it, publishes another by
 * renaming it into place (written under a hidden name first, as a pipeline publishes atomically)
 * and deletes the first; each is timed from the file operation's completion until `/rss.xml`
 * shows it (a new title present, or the deleted one gone). The new seeds are the newest of all,
 * so they are in the global head. Seed names follow the corpus layout (flat `000_<hash>.txt`).
 */
import { rename, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { liveSeed } from './corpus-dir.js'
import { percentile, stat, type Stat } from './stats.js'

export const LIVE_OPS = ['add', 'edit', 'rename', 'delete'] as const
export type LiveOp = (typeof LIVE_OPS)[number]

export interface LiveResult {
  /** Milliseconds per round, per operation. */
  ms: Record<LiveOp, number[]>
  p50: Record<LiveOp, number>
  p95: Record<LiveOp, number>
  all: Stat & { p95: number }
}

/** Runs `rounds` rounds of add/edit/rename/delete against the server at `url` watching `seedsDir`. */
export async function measureLive(url: string, seedsDir: string, topic: string, rounds: number, progress: (line: string) => void): Promise<LiveResult> {
  const ms: Record<LiveOp, number[]> = { add: [], edit: [], rename: [], delete: [] }
  const feed = url + '/rss.xml'
  const stamp = Date.now()
  const cleanup: string[] = []
  try {
    for (let r = 1; r <= rounds; r++) {
      const a = join(seedsDir, `000_fffflive${String(r).padStart(4, '0')}a.txt`)
      const b = join(seedsDir, `000_fffflive${String(r).padStart(4, '0')}b.txt`)
      const hidden = join(seedsDir, `.000_fffflive${String(r).padStart(4, '0')}b.txt`)
      cleanup.push(a, b, hidden)
      const title = (what: string) => `Bench live ${stamp} ${r} ${what}`
      const seed = (what: string) => liveSeed(topic, title(what), Date.now() - 1000)
      ms.add.push(await timed(feed, () => writeFile(a, seed('added')), title('added'), true))
      ms.edit.push(await timed(feed, () => writeFile(a, seed('edited')), title('edited'), true))
      await writeFile(hidden, seed('renamed'))
      ms.rename.push(await timed(feed, () => rename(hidden, b), title('renamed'), true))
      ms.delete.push(await timed(feed, () => unlink(b), title('renamed'), false))
      await unlink(a)
      await waitFor(feed, title('edited'), false, performance.now())
      if (r % 5 === 0 || r === rounds) progress(`live round ${r}/${rounds}: add ${ms.add.at(-1)!.toFixed(0)} ms, edit ${ms.edit.at(-1)!.toFixed(0)}, rename ${ms.rename.at(-1)!.toFixed(0)}, delete ${ms.delete.at(-1)!.toFixed(0)}`)
    }
  } finally {
    for (const f of cleanup) await rm(f, { force: true })
  }
  const per = <T>(f: (xs: number[]) => T) => Object.fromEntries(LIVE_OPS.map((op) => [op, f(ms[op])])) as Record<LiveOp, T>
  const all = LIVE_OPS.flatMap((op) => ms[op])
  return { ms, p50: per((xs) => percentile(xs, 0.5)), p95: per((xs) => percentile(xs, 0.95)), all: { ...stat(all), p95: percentile(all, 0.95) } }
}

/** Does `op`, then times until the feed shows (or no longer shows) `needle`. */
async function timed(feed: string, op: () => Promise<void>, needle: string, present: boolean): Promise<number> {
  await op()
  return waitFor(feed, needle, present, performance.now())
}

/** Polls with conditional GETs (unchanged answers are cheap 304s) until `needle` is (or is not) in the body; bounded at 30 s. */
async function waitFor(url: string, needle: string, present: boolean, started: number): Promise<number> {
  let etag = ''
  let body = ''
  const escaped = needle.replace(/&/g, '&amp;')
  while (performance.now() - started < 30_000) {
    const res = await fetch(url, { headers: etag ? { 'if-none-match': etag } : {} })
    if (res.status === 200) {
      etag = res.headers.get('etag') ?? ''
      body = await res.text()
    } else await res.arrayBuffer()
    if (body && body.includes(escaped) === present) return performance.now() - started
    await new Promise((r) => setTimeout(r, 2))
  }
  throw new Error(`live update not ${present ? 'served' : 'removed'} within 30 s (${url}: ${needle})`)
}
