/** Command line of `npm run bench`. Pure: argv is handed in. */
import { parseArgs } from 'node:util'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CorpusLayout } from './corpus.js'

export const ROWS = ['builds', 'hugo', 'serve', 'load', 'live', 'reload'] as const
export type Row = (typeof ROWS)[number]
const LAYOUTS: readonly CorpusLayout[] = ['flat', 'folders']

export interface BenchArgs {
  sizes: number[]
  layouts: CorpusLayout[]
  rows: Set<Row>
  seed: number
  /** Rounds per build and server-start figure; undefined: `defaultRounds`. */
  rounds?: number
  durationS: number
  connections: number
  liveRounds: number
  keep: boolean
  /** Only the heap-after-reloads bench (bench/reload-heap.ts). */
  reloadHeap: boolean
  reloads: number
  reloadArticles: number
  reloadRounds: number
  /** Only the cold-view bench (bench/views.ts). */
  views: boolean
  viewsArticles: number
  out: string
  help: boolean
}

export const DEFAULT_OUT = join(fileURLToPath(new URL('.', import.meta.url)), 'results', 'latest.json')

export const BENCH_USAGE = `Usage: npm run bench -- [options]

  --sizes 10000,100000        corpus sizes (articles), each generated into a temporary folder
  --layouts flat,folders      corpus layouts: flat (hashed names in one folder, as the pipeline
                              writes them; the targets are checked on it) and folders (subfolders)
  --rows ${ROWS.join(',')}
                              which rows to measure (default all; --no-hugo, --no-serve drop some)
  --rounds N                  rounds per build and server-start figure (default 3 below 100k,
                              2 at 100k flat, 1 at 100k folders: the default run fits 25 minutes)
  --live-rounds N             rounds of add/edit/rename/delete timed (default 20)
  --seed N                    corpus seed number (default 1): same seed, same corpus
  --duration S                seconds per load test (default 5)
  --connections N             autocannon connections (default 10)
  --no-hugo                   skip the Hugo peer even when hugo is on the PATH
  --no-serve                  skip the server rows (ready, RSS, load, live update)
  --keep                      keep the temporary folder (its path is printed)
  --reload-heap               only the heap after live reloads next to a fresh start (issue 15 #6)
  --reloads N                 reloads per round of the reload heap (default 1000)
  --reload-articles N         corpus size of the reload heap (default 10000)
  --reload-rounds N           rounds of the reload heap (default 2: a round is 1–4 minutes)
  --views                     only the cost of cold views: topic unions and filters (issue 14)
  --views-articles N          corpus size for --views (default 100000)
  --out FILE                  results JSON (default bench/results/latest.json; the tables go beside
                              it as .txt and the chart as scaling.svg)
`

/** Rounds of a figure when --rounds is not given: as many as fit the 25-minute default run. */
export function defaultRounds(articles: number, layout: CorpusLayout): number {
  if (articles < 100_000) return 3
  return layout === 'flat' ? 2 : 1
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      layouts: { type: 'string', default: LAYOUTS.join(',') },
      rows: { type: 'string', default: ROWS.join(',') },
      rounds: { type: 'string' },
      seed: { type: 'string', default: '1' },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      'live-rounds': { type: 'string', default: '20' },
      'no-hugo': { type: 'boolean', default: false },
      'no-serve': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'reload-heap': { type: 'boolean', default: false },
      reloads: { type: 'string', default: '1000' },
      'reload-articles': { type: 'string', default: '10000' },
      'reload-rounds': { type: 'string', default: '2' },
      views: { type: 'boolean', default: false },
      'views-articles': { type: 'string', default: '100000' },
      out: { type: 'string', default: DEFAULT_OUT },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  const sizes = values.sizes.split(',').map((s) => whole(s.trim(), 'sizes', 1))
  const layouts = list(values.layouts, 'layouts', LAYOUTS)
  const rows = new Set(list(values.rows, 'rows', ROWS))
  if (values['no-hugo']) rows.delete('hugo')
  if (values['no-serve']) for (const r of ['serve', 'load', 'live'] as const) rows.delete(r)
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    layouts,
    rows,
    seed: whole(values.seed, 'seed', 0),
    ...(values.rounds !== undefined && { rounds: whole(values.rounds, 'rounds', 1) }),
    durationS: whole(values.duration, 'duration', 1),
    connections: whole(values.connections, 'connections', 1),
    liveRounds: whole(values['live-rounds'], 'live-rounds', 1),
    keep: values.keep,
    reloadHeap: values['reload-heap'],
    reloads: whole(values.reloads, 'reloads', 1),
    reloadArticles: whole(values['reload-articles'], 'reload-articles', 1),
    reloadRounds: whole(values['reload-rounds'], 'reload-rounds', 1),
    views: values.views,
    viewsArticles: whole(values['views-articles'], 'views-articles', 1),
    out: values.out,
    help: values.help,
  }
}

function list<T extends string>(s: string, name: string, allowed: readonly T[]): T[] {
  const items = s.split(',').map((x) => x.trim()).filter(Boolean)
  for (const x of items) if (!allowed.includes(x as T)) throw new Error(`--${name}: ${JSON.stringify(x)} is not one of ${allowed.join(', ')}`)
  return [...new Set(items)] as T[]
}

function whole(s: string, name: string, min: number): number {
  const n = Number(s)
  if (!/^\d+$/.test(s) || n < min) throw new Error(`--${name}: expected a whole number ≥ ${min}, got ${JSON.stringify(s)}`)
  return n
}
