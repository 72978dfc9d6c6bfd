/**
 * `npm run bench -- --views`: what a cold view costs (issue 14). A generated corpus (bench/corpus.ts)
 * goes through the real seed step and catalog in memory; then, on one snapshot, the time to build
 * cold unions of the ten largest topics and cold filters on the global feed (each view asked
 * once, so every one is built), the scan cap's effect on a filter that matches nothing, and the
 * heap after a crawler's worth of distinct views (bounded by the view LRU).
 */
import { buildCatalog } from '../src/catalog/build-catalog.js'
import { resolveConfig } from '../src/config.js'
import { Site } from '../src/documents/site.js'
import { nodePorts } from '../src/node/document-ports.js'
import type { FeedKey } from '../src/documents/document-source.js'
import { normalizeOptions, processSeed } from '../src/seed/process-seed.js'
import type { ViewSpec } from '../src/views/view-spec.js'
import { VIEW_SCAN_LIMIT } from '../src/views/view-spec.js'
import { generateCorpus } from './corpus.js'

export interface ViewsOptions {
  articles: number
  seed: number
  log: (line?: string) => void
}

const HEAD = { kind: 'head' } as const
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (x: number) => `${x.toFixed(1)} ms`

/** Runs the views bench and logs one line per figure. */
export async function measureViews({ articles, seed, log }: ViewsOptions): Promise<void> {
  const config = resolveConfig({ baseUrl: 'https://feeds.example' })
  const now = Date.now()
  const normalize = normalizeOptions(config, now)
  const enc = new TextEncoder()
  const outcomes = generateCorpus({ count: articles, seed }).map((f) => processSeed(f.path, enc.encode(f.text), normalize))
  const catalog = buildCatalog(outcomes, { onlyPublished: false, nowMs: now })
  const site = (deps: Partial<ConstructorParameters<typeof Site>[1]> = {}) => new Site(catalog, { config, ...nodePorts(), ...deps })
  const topics = [...catalog.topics.values()].sort((a, b) => b.articles.length - a.articles.length).map((t) => t.slug)
  log(`views at ${catalog.articles.length} articles, ${topics.length} topics (cold = built once, rendered, hashed; compression is lazy, per encoding asked)`)

  const time = (s: Site, key: FeedKey, view: ViewSpec, query: string) => {
    const t = performance.now()
    s.getView(key, view, query)
    return performance.now() - t
  }
  const json: FeedKey = { type: 'feed', scope: null, format: 'json', page: HEAD }
  // Unions of 10 topics: different sets, so each is cold.
  const s1 = site()
  const unions: number[] = []
  for (let i = 0; i < 9; i++) {
    const set = topics.slice(i, i + 10).sort()
    unions.push(time(s1, { ...json, scope: { kind: 'topic', slug: set.join('+') } }, { topics: set }, `u${i}`))
  }
  log(`  cold union of 10 topics, head of 50:        median ${ms(median(unions))}, max ${ms(Math.max(...unions))}`)
  const filters: number[] = []
  for (let q = 0; q < 9; q++) filters.push(time(s1, json, { minQuality: q % 5, words: ['the'] }, `f${q}`))
  log(`  cold filter (min_quality + q=the), global:  median ${ms(median(filters))}, max ${ms(Math.max(...filters))}`)
  const none: number[] = []
  for (let q = 0; q < 3; q++) none.push(time(s1, json, { words: [`zzqx${q}`] }, `n${q}`))
  log(`  cold filter matching nothing (reads ${VIEW_SCAN_LIMIT}):  median ${ms(median(none))}`)
  const s2 = site({ viewScanLimit: Infinity })
  const all: number[] = []
  for (let q = 0; q < 1; q++) all.push(time(s2, json, { words: [`zzqx${q}`] }, `a${q}`))
  log(`  same without the scan cap (reads ${catalog.articles.length}):  median ${ms(median(all))}`)

  // A crawler: 1,000 distinct views (unions of random topic sets, 50 items each); the heap stays at the LRU's bound.
  const s3 = site()
  globalThis.gc?.()
  const before = process.memoryUsage().heapUsed
  const t = performance.now()
  const n = 1000
  for (let i = 0; i < n; i++) {
    const set = [...new Set([topics[i % topics.length]!, topics[(i * 7 + 3) % topics.length]!, topics[(i * 13 + 5) % topics.length]!])].sort()
    if (set.length > 1) s3.getView({ ...json, scope: { kind: 'topic', slug: set.join('+') } }, { topics: set, minQuality: i % 3 }, `c${i}`)
  }
  const spent = performance.now() - t
  globalThis.gc?.()
  const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20
  log(`  ${n} distinct cold views: ${ms(spent)} in all (${ms(spent / n)} each); heap +${grown.toFixed(1)} MiB (view LRU: 128 documents)`)
}
