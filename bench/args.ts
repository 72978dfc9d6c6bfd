/** Command line of `npm run bench`. Pure: argv is handed in. */
import { parseArgs } from 'node:util'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface BenchArgs {
  sizes: number[]
  seed: number
  durationS: number
  connections: number
  liveRounds: number
  hugo: boolean
  serve: boolean
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

  --sizes 1000,10000,100000   corpus sizes (articles), each generated into a temporary folder
  --seed N                    corpus seed number (default 1): same seed, same corpus
  --duration S                seconds per load test (default 5)
  --connections N             autocannon connections (default 10)
  --live-rounds N             live updates timed (default 5)
  --no-hugo                   skip the Hugo peer even when hugo is on the PATH
  --no-serve                  skip the server rows (serving, live update, server RSS)
  --keep                      keep the temporary folder (its path is printed)
  --reload-heap               only the heap after live reloads next to a fresh start (issue 15 #6)
  --reloads N                 reloads per round for --reload-heap (default 1000)
  --reload-articles N         corpus size for --reload-heap (default 10000)
  --reload-rounds N           rounds for --reload-heap (default 3)
  --views                     only the cost of cold views: topic unions and filters (issue 14)
  --views-articles N          corpus size for --views (default 100000)
  --out FILE                  results JSON (default bench/results/latest.json; the tables go beside it as .txt)
`

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      seed: { type: 'string', default: '1' },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      'live-rounds': { type: 'string', default: '5' },
      'no-hugo': { type: 'boolean', default: false },
      'no-serve': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'reload-heap': { type: 'boolean', default: false },
      reloads: { type: 'string', default: '1000' },
      'reload-articles': { type: 'string', default: '10000' },
      'reload-rounds': { type: 'string', default: '3' },
      views: { type: 'boolean', default: false },
      'views-articles': { type: 'string', default: '100000' },
      out: { type: 'string', default: DEFAULT_OUT },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  const sizes = values.sizes.split(',').map((s) => whole(s.trim(), 'sizes', 1))
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    seed: whole(values.seed, 'seed', 0),
    durationS: whole(values.duration, 'duration', 1),
    connections: whole(values.connections, 'connections', 1),
    liveRounds: whole(values['live-rounds'], 'live-rounds', 1),
    hugo: !values['no-hugo'],
    serve: !values['no-serve'],
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

function whole(s: string, name: string, min: number): number {
  const n = Number(s)
  if (!/^\d+$/.test(s) || n < min) throw new Error(`--${name}: expected a whole number ≥ ${min}, got ${JSON.stringify(s)}`)
  return n
}
