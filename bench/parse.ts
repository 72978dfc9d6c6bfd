/**
 * The seed step on one thread, stage by stage (issue 11): `npx tsx bench/parse.ts --dir DIR
 * --rounds 3`. Every seed of DIR is read into memory first, so no stage touches the disk; each
 * stage then runs in its own loop over every seed, once per round after one warm-up round (the
 * JIT), and is printed as CPU ms per 1,000 seeds (user + system of the process, so GC threads count
 * too): median (min–max) of the rounds. CPU rather than wall time, because this machine is shared: a
 * round that other work preempts takes longer on the clock, not in CPU.
 *
 * The stages are the seed step's own functions: `front matter` is parseFrontMatter whole, and
 * `gray-matter + js-yaml` the one call inside it (js-yaml alone, on the same blocks, is the floor
 * no trim of ours can go under); `normalize` is normalizeArticle without its Markdown, and its
 * rows (dates, urls, slugs, text) time the same calls it makes on the same values. `seed step`
 * is processSeedHashed end to end plus the hash: what a parse worker spends per file.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { decodeSeed } from '../src/load/decode.js'
import { fieldSource, matterBlock, parseFrontMatter, type ParsedSeed } from '../src/load/parse-front-matter.js'
import { findBlock } from '../src/load/front-matter-block.js'
import { parseDate } from '../src/normalize/dates.js'
import { renderMarkdown } from '../src/normalize/markdown.js'
import { normalizeArticle } from '../src/normalize/normalize-article.js'
import { asRecord } from '../src/normalize/schema.js'
import { topicSlug } from '../src/normalize/slug.js'
import { cleanBody, cleanText } from '../src/normalize/text.js'
import { domainUrl, httpUrl } from '../src/normalize/urls.js'
import { hashSeed, processSeedHashed } from '../src/seed/process-seed.js'
import { spread, stat } from './stats.js'

const { values } = parseArgs({ options: { dir: { type: 'string' }, rounds: { type: 'string', default: '3' }, only: { type: 'string' } } })
if (!values.dir) throw new Error('usage: npx tsx bench/parse.ts --dir SEEDS_DIR [--rounds 3] [--only stage,stage]')
const dir = values.dir
const rounds = Math.max(1, Number(values.rounds))
// js-yaml is gray-matter's own (3.x, no types of its own here): loaded for the floor only.
const yaml = createRequire(import.meta.url)('js-yaml') as { safeLoad(s: string): unknown }

const names = readdirSync(dir).filter((f) => !f.startsWith('.')).sort()
const bytes = names.map((f) => readFileSync(join(dir, f)))
const opts = { maxExcerptLength: 2000, nowMs: Date.parse('2026-12-01T00:00:00Z') }

// Every stage's inputs, computed once from the previous stage's outputs.
const hashes = bytes.map((b) => hashSeed(b))
const texts = names.map((f, i) => {
  const r = decodeSeed(f, bytes[i]!)
  return r.ok ? r.value : ''
})
const blocks = texts.map((t) => {
  const r = findBlock(t)
  return r.ok ? r.value.block : undefined
}).filter((b): b is string => b !== undefined)
const parsed = names.map((f, i) => {
  const r = parseFrontMatter(f, texts[i]!)
  return r.ok ? r.value : undefined
})
const seeds = parsed.map((p, i) => [names[i]!, hashes[i]!, p] as const).filter((x): x is [string, string, ParsedSeed] => x[2] !== undefined)
const records = seeds.map(([, , s]) => s.data)
const texts1 = records.flatMap((d) => [d.title, d.excerpt, d.category, asRecord(d.provider)?.name, ...list(d.topics), ...list(d.related).map((r) => asRecord(r)?.title)])
  .filter((v): v is string => typeof v === 'string')
const topicNames = records.flatMap((d) => list(d.topics)).filter((v): v is string => typeof v === 'string').map((t) => cleanText(t).text)
const urlValues = records.flatMap((d) => [d.webUrl, d.originalUrl, ...list(d.images).map((x) => asRecord(x)?.url ?? x), ...list(d.related).map((r) => asRecord(r)?.webUrl)])
  .filter((v) => v !== undefined)
const domains = records.map((d) => asRecord(d.provider)?.domain).filter((v) => v !== undefined)
const bodies = seeds.map(([, , s]) => {
  const body = cleanBody(s.body).text.trim()
  return [body, String(s.data.webUrl)] as const
}).filter(([b]) => b !== '')

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

/** Each stage: a name, the indent of a sub-stage, and one pass over its inputs (the sink defeats dead-code removal). */
const STAGES: [string, number, () => number][] = [
  ['hash (sha256)', 0, () => sum(bytes, (b) => hashSeed(b).length)],
  ['decode', 0, () => sum(names, (f, i) => (decodeSeed(f, bytes[i]!).ok ? 1 : 0))],
  ['front matter', 0, () => sum(names, (f, i) => (parseFrontMatter(f, texts[i]!).ok ? 1 : 0))],
  ['gray-matter + js-yaml', 1, () => sum(blocks, (b) => tryCount(() => matterBlock(b).matter.length))],
  ['js-yaml alone (floor)', 2, () => sum(blocks, (b) => tryCount(() => (yaml.safeLoad(b) ? 1 : 0)))],
  ['normalize + markdown', 0, () => sum(seeds, ([f, h, s]) => (normalizeArticle(f, h, s, opts).ok ? 1 : 0))],
  ['dates', 1, () => sum(records, (d, i) => {
    const fm = seeds[i]![2].frontMatter
    let n = parseDate(d.publishedDateTime, fieldSource(fm, 'publishedDateTime')).ok ? 1 : 0
    if (d.updatedDateTime != null) n += parseDate(d.updatedDateTime, fieldSource(fm, 'updatedDateTime')).ok ? 1 : 0
    for (const r of list(d.related)) if (asRecord(r)?.publishedDateTime !== undefined) n += parseDate(asRecord(r)!.publishedDateTime).ok ? 1 : 0
    return n
  })],
  ['urls', 1, () => sum(urlValues, (u) => (httpUrl(u).ok ? 1 : 0)) + sum(domains, (d) => (domainUrl(d) ? 1 : 0))],
  ['topic slugs', 1, () => sum(topicNames, (t) => topicSlug(t).slug.length)],
  ['text (fields + body)', 1, () => sum(texts1, (t) => cleanText(t).text.length) + sum(seeds, ([, , s]) => cleanBody(s.body).text.length)],
  ['markdown + sanitize', 1, () => sum(bodies, ([b, u]) => renderMarkdown(b, u).length)],
  ['seed step (hash + all)', 0, () => sum(names, (f, i) => processSeedHashed(f, bytes[i]!, hashSeed(bytes[i]!), opts).problems.length)],
]

function sum<T>(xs: readonly T[], f: (x: T, i: number) => number): number {
  let n = 0
  for (let i = 0; i < xs.length; i++) n += f(xs[i]!, i)
  return n
}

function tryCount(f: () => number): number {
  try {
    return f()
  } catch {
    return 0
  }
}

const only = values.only ? new Set(values.only.split(',')) : undefined
const chosen = STAGES.filter(([name]) => !only || only.has(name))
const times = new Map<string, number[]>(chosen.map(([name]) => [name, []]))
for (let round = 0; round <= rounds; round++) {
  for (const [name, , run] of chosen) {
    const t = process.cpuUsage()
    run()
    const { user, system } = process.cpuUsage(t)
    // µs of CPU per seed = ms per 1,000 seeds.
    if (round > 0) times.get(name)!.push((user + system) / names.length)
  }
}

console.log(`${names.length} seeds (${bodies.length} with a Markdown body) in ${dir}; CPU ms per 1,000 seeds, median (min–max) of ${rounds} rounds after 1 warm-up`)
for (const [name, indent] of chosen) console.log(`${'  '.repeat(indent)}${name}`.padEnd(28) + spread(stat(times.get(name)!), 1).padStart(24))
