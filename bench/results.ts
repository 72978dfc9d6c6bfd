/** The shape of bench/results/latest.json, and the targets of issue 11 checked against it. Pure. */
import type { BuildResults, BuildRow } from './builds.js'
import type { CorpusLayout } from './corpus.js'
import type { FloorResult } from './floor.js'
import type { ServingResult } from './serving.js'
import type { Stat } from './stats.js'

/** One corpus (layout × size) and every row measured on it. */
export interface RunEntry {
  layout: CorpusLayout
  articles: number
  seedBytes: number
  floor: FloorResult
  builds?: BuildResults
  hugo?: BuildRow
  serving?: ServingResult
}

export interface ReloadHeap {
  articles: number
  reloads: number
  freshMb: Stat
  afterMb: Stat
  /** after / fresh − 1. */
  growth: Stat
}

export interface Results {
  generatedAt: string
  commit: string
  machine: { cpus: number; cpuModel: string; memGb: number; node: string; platform: string; loadBefore: number[]; loadAfter: number[] }
  options: { sizes: number[]; layouts: CorpusLayout[]; rows: string[]; seed: number; rounds: Record<string, number>; liveRounds: number; durationS: number; connections: number }
  hugoVersion?: string
  runs: RunEntry[]
  reloadHeap?: ReloadHeap
  targets: Target[]
  /** Wall-clock seconds of the whole bench run. */
  elapsedS?: number
}

export interface Target {
  name: string
  /** What the figure must be, in words (`≤ 200 ms`). */
  bound: string
  value: string
  ok: boolean | undefined
  /** How far it is from the bound, when it misses (or by how much it holds). */
  margin: string
}

/** Issue 11's targets, at one corpus (the largest of the flat layout). */
export function checkTargets(run: RunEntry, reload?: ReloadHeap): Target[] {
  const t: Target[] = []
  const le = (name: string, value: number | undefined, bound: number, unit: string, boundText: string, d = 2) => {
    if (value === undefined || !Number.isFinite(value)) return
    const ok = value <= bound
    t.push({ name, bound: boundText, value: `${value.toFixed(d)}${unit}`, ok, margin: ok ? `holds with ${(bound / value).toFixed(2)}× room` : `misses by ${(value / bound).toFixed(2)}×` })
  }
  const { builds: b, hugo, floor, serving: v } = run
  const m = (s: Stat | undefined) => s?.median
  if (v?.live) for (const [op, p95] of Object.entries(v.live.p95)) le(`live update p95, ${op}`, p95, 200, ' ms', '≤ 200 ms', 0)
  if (v) {
    le('server ready, warm (from cache)', v.warmReadyS.median, 2, ' s', '≤ 2 s')
    if (b) le('server ready, cold / cold heads build', v.coldReadyS.median / b.heads.wallS.median, 1, '×', '≤ 1× cold heads build')
    le('server peak RSS, watch on', v.peakRssMb, 512, ' MB', '≤ 512 MiB', 0)
  }
  if (b) {
    le('full history files', b.full.files, 20000, '', '≤ 20,000', 0)
    le('full history bytes', b.full.bytes === undefined ? undefined : b.full.bytes / 1e9, 1.5, ' GB', '≤ 1.5 GB')
    le('full history files, archives gzip-only', b.gzipOnly?.files, 20000, '', '≤ 20,000', 0)
    le('full history bytes, archives gzip-only', b.gzipOnly?.bytes === undefined ? undefined : b.gzipOnly.bytes / 1e9, 1.5, ' GB', '≤ 1.5 GB')
    if (hugo) le('cold full build / Hugo heads', b.full.wallS.median / hugo.wallS.median, 1, '×', '≤ 1× Hugo')
    le('cold full build peak', m(b.full.peakRssMb), 1024, ' MB', '≤ 1 GiB', 0)
    const headsBound = run.articles >= 100_000 ? 0.25 : 0.5
    if (hugo) le('cold heads build / Hugo', b.heads.wallS.median / hugo.wallS.median, headsBound, '×', `≤ ${headsBound}× Hugo`)
    le('warm rebuild / floor', b.warm.wallS.median / floor.wallS, 1.5, '×', '≤ 1.5× floor')
    le('warm rebuild peak', m(b.warm.peakRssMb), 512, ' MB', '≤ 512 MiB', 0)
    le('one file changed / floor', b.oneChanged.wallS.median / floor.wallS, 1.5, '×', '≤ 1.5× floor')
  }
  if (reload) le(`heap after ${reload.reloads} reloads vs fresh`, reload.growth.median * 100, 10, ' %', '≤ 10 % growth', 1)
  return t
}

/** The run the targets are checked on: the largest flat corpus, else the largest of any layout. */
export function targetRun(runs: readonly RunEntry[]): RunEntry | undefined {
  const pick = (rs: readonly RunEntry[]) => [...rs].sort((a, b) => b.articles - a.articles)[0]
  return pick(runs.filter((r) => r.layout === 'flat')) ?? pick(runs)
}
