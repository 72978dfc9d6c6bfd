/**
 * `npx tsx bench/catalog.ts`: what the catalog costs on its own (issue 11, warm start ≤ 2 s):
 * `new CatalogIndex(outcomes)` (the server's warm start and every build) and
 * `CatalogIndex.update` with one changed file (the live-update path), in one process.
 *
 *   npx tsx bench/catalog.ts --articles 100000                         outcomes of a generated corpus
 *   npx tsx bench/catalog.ts --seeds /tmp/c100k/seeds --cache-dir DIR   outcomes from a cache, loaded
 *     as a warm start loads them; the cache key hashes the code that wrote it, so write that cache
 *     with this same tree run through tsx: `npx tsx src/cli/main.ts build --seeds … --cache-dir DIR`
 *
 * Round 1 of the construction is the one a warm start pays (nothing memoized, code not yet
 * optimized); later rounds show the steady cost. Figures only: nothing here asserts a time.
 */
import { parseArgs } from 'node:util'
import { CatalogIndex, type OutcomeChange } from '../src/catalog/update-catalog.js'
import { resolveConfig } from '../src/config.js'
import { loadCachedOutcomes, SeedCache } from '../src/loader/index.js'
import { normalizeOptions, processSeed } from '../src/seed/process-seed.js'
import type { SeedOutcome } from '../src/seed/seed-outcome.js'
import { generateCorpus } from './corpus.js'

const { values } = parseArgs({
  options: {
    seeds: { type: 'string' },
    'cache-dir': { type: 'string' },
    articles: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
    updates: { type: 'string', default: '30' },
  },
})
const rounds = Number(values.rounds)
const NOW = Date.now()
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ')

async function outcomes(): Promise<SeedOutcome[]> {
  if (values.seeds && values['cache-dir']) {
    const config = resolveConfig({ seeds: values.seeds })
    const got = await loadCachedOutcomes(config, values['cache-dir'], new SeedCache())
    if (got.outcomes.length === 0) throw new Error(`no cached outcomes for ${values.seeds} in ${values['cache-dir']} (built by this code? the cache key includes a hash of it)`)
    return got.outcomes
  }
  const normalize = normalizeOptions(resolveConfig({}), NOW)
  const enc = new TextEncoder()
  return generateCorpus({ count: Number(values.articles), seed: 1 }).map((f) => processSeed(f.path, enc.encode(f.text), normalize))
}

const all = await outcomes()
const opts = { onlyPublished: false, nowMs: NOW }
const built: number[] = []
let index = new CatalogIndex([], opts)
for (let r = 0; r < rounds; r++) {
  const t = performance.now()
  index = new CatalogIndex(all, opts)
  built.push(performance.now() - t)
}
console.log(`new CatalogIndex, ${all.length} outcomes: round 1 ${built[0]!.toFixed(0)} ms; all rounds ${fmt(built)} ms; median ${median(built).toFixed(0)} ms`)

// One file per update, cycling edit (the date moves), add (a new file and id), delete (that file again).
const withArticle = all.filter((o) => o.article)
const times: number[] = []
for (let r = 0; r < Number(values.updates); r++) {
  const o = withArticle[(r * 7919) % withArticle.length]!
  const a = o.article!
  const added = `zz-bench-${r - (r % 3 === 2 ? 1 : 0)}.md`
  const change: OutcomeChange =
    r % 3 === 0 ? [o.file, { ...o, article: { ...a, publishedMs: a.publishedMs + 1000 } }]
    : r % 3 === 1 ? [added, { file: added, problems: [], article: { ...a, id: `${a.id}#bench-${r}`, file: added } }]
    : [added, undefined]
  const t = performance.now()
  index.update([change], NOW + r)
  times.push(performance.now() - t)
}
console.log(`CatalogIndex.update, one file: median ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${times.length}`)
