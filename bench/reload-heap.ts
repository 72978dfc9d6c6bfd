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
import type { ReloadHeap } from './results.js'
import { stat } from './stats.js'

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

/** Rounds of fresh-start and after-reloads heap, as medians and spreads; each round is logged as it ends. */
export async function measureReloadHeap(o: ReloadHeapOptions): Promise<ReloadHeap> {
  const corpus = await makeCorpus(join(o.root, `reload-${o.articles}`), o.articles, o.seed, false, 'flat')
  const rounds: Round[] = []
  for (let r = 0; r < o.rounds; r++) {
    const { stdout } = await promisify(execFile)(o.node, ['--expose-gc', ...o.childArgs, corpus.seedsDir, corpus.newest.path, String(o.reloads)], {
      maxBuffer: 1 << 20,
    })
    rounds.push(JSON.parse(stdout) as Round)
    o.log(`reload heap round ${r + 1}: fresh ${rounds[r]!.freshMb.toFixed(1)} MB, after ${o.reloads} reloads ${rounds[r]!.afterMb.toFixed(1)} MB, RSS ${rounds[r]!.rssMb.toFixed(0)} MB`)
  }
  return {
    articles: o.articles,
    reloads: o.reloads,
    freshMb: stat(rounds.map((x) => x.freshMb)),
    afterMb: stat(rounds.map((x) => x.afterMb)),
    growth: stat(rounds.map((x) => x.afterMb / x.freshMb - 1)),
  }
}
