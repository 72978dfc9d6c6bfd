/**
 * The server rows: `feedstand serve` on the corpus (live watch on), its RSS once loaded, the
 * topic feed under load (200 with gzip, and 304) beside the bare-Hono ceiling serving a body of
 * the same size, then live updates: a new seed written, timed until the feed serves it.
 */
import { writeFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { liveSeed, type CorpusInfo } from './corpus-dir.js'
import { loadTest, type LoadResult } from './load-test.js'
import { startServer, type Server } from './server.js'

export interface ServingResult {
  readyS: number
  rssMb: number
  peakRssMb: number
  topic: { name: string; slug: string; articles: number; path: string; gzipBytes: number }
  ours200: LoadResult
  ours304: LoadResult
  ceiling200: LoadResult
  ceiling304: LoadResult
  /** Milliseconds from a seed write completing to the topic feed serving it, one per round; undefined when live watch is unavailable. */
  liveMs?: number[]
  liveNote?: string
}

export interface ServingOptions {
  node: string
  cliArgs: (command: string) => string[]
  ceilingArgs: (bytes: number) => string[]
  durationS: number
  connections: number
  liveRounds: number
  cwd: string
}

export async function measureServing(corpus: CorpusInfo, opts: ServingOptions): Promise<ServingResult> {
  const ours = await startServer(opts.node, [...opts.cliArgs('serve'), '--seeds', corpus.seedsDir, '--port', '0', '--host', '127.0.0.1'], { cwd: opts.cwd })
  try {
    const topic = await topicFeed(ours, corpus.topTopic)
    const headRes = await fetch(ours.url + topic.path, { headers: { 'accept-encoding': 'gzip' } })
    // fetch() decodes gzip: the size on the wire is the Content-Length.
    await headRes.arrayBuffer()
    const gzipBytes = Number(headRes.headers.get('content-length'))
    const etag = headRes.headers.get('etag')
    if (headRes.status !== 200 || headRes.headers.get('content-encoding') !== 'gzip' || !etag || !(gzipBytes > 0)) {
      throw new Error(`${topic.path}: expected a gzip 200 with an ETag, got ${headRes.status} ${headRes.headers.get('content-encoding')}`)
    }
    const ceiling = await startServer(opts.node, opts.ceilingArgs(gzipBytes), { cwd: opts.cwd, timeoutMs: 60_000 })
    try {
      const run = (url: string, status: 200 | 304, tag: string) =>
        loadTest({
          url,
          status,
          pid: url.startsWith(ours.url) ? ours.pid : ceiling.pid,
          durationS: opts.durationS,
          connections: opts.connections,
          headers: status === 200 ? { 'accept-encoding': 'gzip' } : { 'accept-encoding': 'gzip', 'if-none-match': tag },
        })
      // Warm both (JIT, first compression), then alternate so that noise hits both sides alike.
      await run(ours.url + topic.path, 200, etag)
      await run(ceiling.url + topic.path, 200, '')
      const ours200 = await run(ours.url + topic.path, 200, etag)
      const ceiling200 = await run(ceiling.url + topic.path, 200, '')
      const ours304 = await run(ours.url + topic.path, 304, etag)
      const ceiling304 = await run(ceiling.url + topic.path, 304, '"ceiling-0000000000000000000000-gzip"')
      const rss = ours.rss()
      const result: ServingResult = {
        readyS: ours.readyS,
        rssMb: rss?.rssMb ?? NaN,
        peakRssMb: rss?.peakMb ?? NaN,
        topic: { ...topic, gzipBytes },
        ours200, ours304, ceiling200, ceiling304,
      }
      await measureLive(ours, corpus.seedsDir, topic, opts.liveRounds, result)
      const after = ours.rss()
      if (after) {
        result.rssMb = Math.max(result.rssMb, after.rssMb)
        result.peakRssMb = after.peakMb
      }
      return result
    } finally {
      await ceiling.stop()
    }
  } finally {
    await ours.stop()
  }
}

async function topicFeed(server: Server, name: string): Promise<{ name: string; slug: string; articles: number; path: string }> {
  const res = await fetch(server.url + '/topics.json')
  const doc = (await res.json()) as { topics: { name: string; slug: string; count: number }[] }
  const topic = doc.topics.find((t) => t.name === name) ?? [...doc.topics].sort((a, b) => b.count - a.count)[0]
  if (!topic) throw new Error('no topic in /topics.json')
  return { name: topic.name, slug: topic.slug, articles: topic.count, path: `/topics/${encodeURIComponent(topic.slug)}/rss.xml` }
}

/** Writes new seeds one at a time and times each until the topic feed serves its title. */
async function measureLive(server: Server, seedsDir: string, topic: { name: string; path: string }, rounds: number, into: ServingResult): Promise<void> {
  const health = await (await fetch(server.url + '/healthz')).text()
  if (!/watch: on/.test(health)) {
    into.liveNote = 'n/a: the server does not watch seeds (src/live pending)'
    return
  }
  into.liveMs = []
  const written: string[] = []
  try {
    for (let i = 1; i <= rounds; i++) {
      const title = `Benchmark live update ${i} ${Date.now()}`
      const file = join(seedsDir, `zz-bench-live-${i}.md`)
      await writeFile(file, liveSeed(topic.name, title, Date.now() - 1000))
      written.push(file)
      const started = performance.now()
      into.liveMs.push(await waitFor(server.url + topic.path, title, started))
      await new Promise((r) => setTimeout(r, 300))
    }
  } finally {
    for (const f of written) await unlink(f).catch(() => undefined)
  }
}

/** Polls `url` (conditional GETs, so unchanged answers are cheap 304s) until the body contains `needle`; bounded at 30 s. */
async function waitFor(url: string, needle: string, started: number): Promise<number> {
  let etag = ''
  const escaped = needle.replace(/&/g, '&amp;')
  while (performance.now() - started < 30_000) {
    const res = await fetch(url, { headers: etag ? { 'if-none-match': etag } : {} })
    if (res.status === 200) {
      etag = res.headers.get('etag') ?? ''
      if ((await res.text()).includes(escaped)) return performance.now() - started
    } else {
      await res.arrayBuffer()
    }
    await new Promise((r) => setTimeout(r, 2))
  }
  throw new Error(`live update not served within 30 s (${url})`)
}
