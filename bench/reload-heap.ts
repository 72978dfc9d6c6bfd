/**
 * `npm run bench -- --reload-heap`: heap after N live reloads (default 1,000) next to a fresh
 * start, at 10,000 articles, over several rounds (issue 15 #6: it grew 52 → 235 MB over 1,081
 * reloads; the target is within 10 % of a fresh start). Each round is a child process with
 * --expose-gc on the same generated corpus; the heap is read after a forced GC.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { makeCorpus } from './corpus-dir.js'

export interface ReloadHeapOptions {
  root: string
  articles: number
  reloads: number
  rounds: number
  seed: number
  node: string
  childArgs: string[]
  log: (line: string) => void
}

interface Round {
  freshMb: number
  afterMb: number
  rssMb: number
}

export async function measureReloadHeap(o: ReloadHeapOptions): Promise<Round[]> {
  const corpus = await makeCorpus(join(o.root, `reload-${o.articles}`), o.articles, o.seed, false)
  const rounds: Round[] = []
  for (let r = 0; r < o.rounds; r++) {
    const { stdout } = await promisify(execFile)(o.node, ['--expose-gc', ...o.childArgs, corpus.seedsDir, corpus.newest.path, String(o.reloads)], {
      maxBuffer: 1 << 20,
    })
    rounds.push(JSON.parse(stdout) as Round)
    o.log(`  round ${r + 1}: fresh ${rounds[r]!.freshMb.toFixed(1)} MB, after ${o.reloads} reloads ${rounds[r]!.afterMb.toFixed(1)} MB`)
  }
  const growth = rounds.map((x) => x.afterMb / x.freshMb - 1)
  const fmt = (xs: number[], unit: (x: number) => string) => `${unit(median(xs))} (${unit(Math.min(...xs))}–${unit(Math.max(...xs))})`
  const mb = (x: number) => `${x.toFixed(1)} MB`
  o.log(`Heap at ${o.articles} articles, ${o.rounds} rounds, median (min–max):`)
  o.log(`  fresh start            ${fmt(rounds.map((x) => x.freshMb), mb)}`)
  o.log(`  after ${o.reloads} reloads     ${fmt(rounds.map((x) => x.afterMb), mb)}`)
  o.log(`  growth                 ${fmt(growth, (x) => `${(x * 100).toFixed(1)} %`)}  (target ≤ 10 %)`)
  o.log(`  RSS after the reloads  ${fmt(rounds.map((x) => x.rssMb), mb)}`)
  return rounds
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
