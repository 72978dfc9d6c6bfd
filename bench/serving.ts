/**
 * The server rows, through the real CLI (`feedstand serve`, live watch on, as users run it):
 * - ready time, cold (a fresh folder: no cache, no previous build) and warm (the folder a
 *   `feedstand build` left, with its persistent cache): spawn → first 200 on `/rss.xml`, so it
 *   measures whatever start-up path the code takes;
 * - the topic feed under load (200 with gzip, and 304) beside the bare-Hono ceiling serving a
 *   body of the same size;
 * - live updates (live.ts) and the RSS, current and peak (VmHWM), with the watcher on.
 */
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { CorpusInfo } from './corpus-dir.js'
import { measureLive, type LiveResult } from './live.js'
import { loadTest, type LoadResult } from './load-test.js'
import { measure } from './measure.js'
import { startServer, type Server } from './server.js'
import { stat, type Stat } from './stats.js'

export interface ServingResult {
  /** Spawn → first 200 on /rss.xml, seconds. */
  coldReadyS: Stat
  warmReadyS: Stat
  rssMb: number
  peakRssMb: number
  topic?: { name: string; slug: string; articles: number; path: string; gzipBytes: number }
  ours200?: LoadResult
  ours304?: LoadResult
  ceiling200?: LoadResult
  ceiling304?: LoadResult
  live?: LiveResult
  liveNote?: string
}

export interface ServingOptions {
  node: string
  cliArgs: (command: string) => string[]
  ceilingArgs: (bytes: number) => string[]
  durationS: number
  connections: number
  liveRounds: number
  rounds: number
  /** Load tests of the topic feed (skipped with --rows without `load`). */
  load: boolean
  live: boolean
  cwd: string
  progress: (line: string) => void
}

export async function measureServing(corpus: CorpusInfo, opts: ServingOptions): Promise<ServingResult> {
  const serveArgs = [...opts.cliArgs('serve'), '--seeds', corpus.seedsDir, '--port', '0', '--host', '127.0.0.1']
  const cold: number[] = []
  for (let r = 0; r < opts.rounds; r++) {
    const dir = join(opts.cwd, `serve-cold-${r}`)
    await mkdir(dir, { recursive: true })
    const s = await start(opts.node, serveArgs, dir)
    cold.push(s.readyS)
    await s.server.stop()
    await rm(dir, { recursive: true, force: true })
    opts.progress(`server cold start ${r + 1}/${opts.rounds}: ${s.readyS.toFixed(2)} s`)
  }
  // Warm: the folder a build left (feeds/ and its cache beside it), as `npm run build` then `npm start` do.
  const warmDir = join(opts.cwd, 'serve-warm')
  await mkdir(warmDir, { recursive: true })
  await measure(opts.node, [...opts.cliArgs('build'), '--seeds', corpus.seedsDir], { cwd: warmDir })
  const warm: number[] = []
  let kept: Server | undefined
  try {
    for (let r = 0; r < opts.rounds; r++) {
      const s = await start(opts.node, serveArgs, warmDir)
      warm.push(s.readyS)
      opts.progress(`server warm start ${r + 1}/${opts.rounds}: ${s.readyS.toFixed(2)} s`)
      if (r < opts.rounds - 1) await s.server.stop()
      else kept = s.server
    }
    const ours = kept!
    const result: ServingResult = { coldReadyS: stat(cold), warmReadyS: stat(warm), rssMb: NaN, peakRssMb: NaN }
    if (opts.load) await loadRows(ours, corpus, opts, result)
    if (opts.live) {
      const health = await (await fetch(ours.url + '/healthz')).text()
      if (/watch: on/.test(health)) result.live = await measureLive(ours.url, corpus.seedsDir, corpus.topTopic, opts.liveRounds, opts.progress)
      else result.liveNote = 'n/a: the server does not watch seeds'
    }
    const rss = ours.rss()
    if (rss) Object.assign(result, { rssMb: rss.rssMb, peakRssMb: rss.peakMb })
    return result
  } finally {
    await kept?.stop()
    await rm(warmDir, { recursive: true, force: true })
  }
}

/** Starts the server and waits for its first 200 on /rss.xml. */
async function start(node: string, args: string[], cwd: string): Promise<{ server: Server; readyS: number }> {
  const spawned = performance.now()
  const server = await startServer(node, args, { cwd })
  for (;;) {
    const res = await fetch(server.url + '/rss.xml').catch(() => undefined)
    await res?.arrayBuffer()
    if (res?.status === 200) return { server, readyS: (performance.now() - spawned) / 1000 }
    if (performance.now() - spawned > 600_000) throw new Error('no 200 on /rss.xml within 10 minutes')
    await new Promise((r) => setTimeout(r, 5))
  }
}

async function loadRows(ours: Server, corpus: CorpusInfo, opts: ServingOptions, into: ServingResult): Promise<void> {
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
    into.ours200 = await run(ours.url + topic.path, 200, etag)
    into.ceiling200 = await run(ceiling.url + topic.path, 200, '')
    into.ours304 = await run(ours.url + topic.path, 304, etag)
    into.ceiling304 = await run(ceiling.url + topic.path, 304, '"ceiling-0000000000000000000000-gzip"')
    into.topic = { ...topic, gzipBytes }
  } finally {
    await ceiling.stop()
  }
}

async function topicFeed(server: Server, name: string): Promise<{ name: string; slug: string; articles: number; path: string }> {
  const res = await fetch(server.url + '/topics.json')
  const doc = (await res.json()) as { topics: { name: string; slug: string; count: number }[] }
  const topic = doc.topics.find((t) => t.name === name) ?? [...doc.topics].sort((a, b) => b.count - a.count)[0]
  if (!topic) throw new Error('no topic in /topics.json')
  return { name: topic.name, slug: topic.slug, articles: topic.count, path: `/topics/${encodeURIComponent(topic.slug)}/rss.xml` }
}
