/** The shape of bench/results/latest.json, and the targets of issue 7 checked against it. */
import type { BuildResults, BuildRow } from './builds.js'
import type { FloorResult } from './floor.js'
import type { ServingResult } from './serving.js'

export interface SizeResult {
  articles: number
  seedBytes: number
  floor: FloorResult
  builds: BuildResults
  hugo?: BuildRow
  serving?: ServingResult
}

export interface Results {
  generatedAt: string
  commit: string
  machine: { cpus: number; cpuModel: string; memGb: number; node: string; platform: string; loadBefore: number[]; loadAfter: number[] }
  options: { sizes: number[]; seed: number; durationS: number; connections: number }
  hugoVersion?: string
  sizes: Record<string, SizeResult>
  /** Largest size over the one ten times smaller, when both ran (10k → 100k). */
  growth?: Growth
  targets: Target[]
}

export interface Growth {
  from: number
  to: number
  headsTime: number
  fullTime: number
  fullBytes?: number
  headsRss?: number
  fullRss?: number
  serverRss?: number
}

export interface Target {
  name: string
  /** What the figure must be, in words (`≤ 12 s`). */
  bound: string
  value: string
  ok: boolean | undefined
  /** How far it is from the bound, when it misses (or by how much it holds). */
  margin: string
}

const fmt = (n: number, d = 2) => n.toFixed(d)

/** The targets, checked at the largest size measured. */
export function checkTargets(size: SizeResult, growth: Growth | undefined): Target[] {
  const t: Target[] = []
  const { builds, floor, hugo, serving } = size
  const le = (name: string, value: number, bound: number, unit: string, boundText: string) => {
    const ok = value <= bound
    t.push({ name, bound: boundText, value: `${fmt(value)}${unit}`, ok, margin: ok ? `holds with ${fmt(bound / value)}× room` : `misses by ${fmt(value / bound)}×` })
  }
  const ge = (name: string, value: number, bound: number, boundText: string) => {
    const ok = value >= bound
    t.push({ name, bound: boundText, value: `${fmt(value * 100, 0)}%`, ok, margin: ok ? `holds by ${fmt((value - bound) * 100, 0)} points` : `misses by ${fmt((bound - value) * 100, 0)} points` })
  }
  if (hugo) le('cold heads build / Hugo', builds.heads.wallS / hugo.wallS, 0.25, '×', '≤ 0.25× Hugo')
  le('cold heads build', builds.heads.wallS, 12, ' s', '≤ 12 s')
  le('warm rebuild / floor', builds.warm.wallS / floor.wallS, 2, '×', '≤ 2× floor')
  le('one file changed / floor', builds.oneChanged.wallS / floor.wallS, 2, '×', '≤ 2× floor')
  if (serving) {
    if (serving.liveMs?.length) le('live update (worst round)', Math.max(...serving.liveMs), 200, ' ms', '≤ 200 ms')
    else t.push({ name: 'live update', bound: '≤ 200 ms', value: serving.liveNote ?? 'n/a', ok: undefined, margin: '' })
    ge('serving 200 gzip / ceiling', serving.ours200.rps / serving.ceiling200.rps, 0.8, '≥ 80%')
    ge('serving 304 / ceiling', serving.ours304.rps / serving.ceiling304.rps, 1.0, '≥ 100%')
    le('server RSS', serving.rssMb, 1024, ' MB', '≤ 1024 MB')
  }
  if (growth) {
    const x = growth.to / growth.from
    // Linear or better: time and memory grow no faster than the article count (25% slack for noise).
    le(`full build time growth ×${x} articles`, growth.fullTime, x * 1.25, '×', `≤ ${x * 1.25}×`)
    le(`heads build time growth ×${x} articles`, growth.headsTime, x * 1.25, '×', `≤ ${x * 1.25}×`)
    if (growth.fullRss !== undefined) le(`full build peak RSS growth ×${x}`, growth.fullRss, x * 1.25, '×', `≤ ${x * 1.25}×`)
    if (growth.serverRss !== undefined) le(`server RSS growth ×${x}`, growth.serverRss, x * 1.25, '×', `≤ ${x * 1.25}×`)
  }
  return t
}

/** Largest size over the size ten times smaller (10k → 100k), when both ran. */
export function growthOf(sizes: Record<string, SizeResult>): Growth | undefined {
  const counts = Object.keys(sizes).map(Number).sort((a, b) => a - b)
  const to = counts[counts.length - 1]
  const from = counts.find((c) => to !== undefined && c * 10 === to)
  if (to === undefined || from === undefined) return undefined
  const a = sizes[from]!
  const b = sizes[to]!
  const ratio = (x: number | undefined, y: number | undefined) => (x && y ? y / x : undefined)
  const g: Growth = {
    from,
    to,
    headsTime: b.builds.heads.wallS / a.builds.heads.wallS,
    fullTime: b.builds.full.wallS / a.builds.full.wallS,
  }
  const put = (key: 'fullBytes' | 'headsRss' | 'fullRss' | 'serverRss', v: number | undefined) => {
    if (v !== undefined && Number.isFinite(v)) g[key] = v
  }
  put('fullBytes', ratio(a.builds.full.bytes, b.builds.full.bytes))
  put('headsRss', ratio(a.builds.heads.peakRssMb, b.builds.heads.peakRssMb))
  put('fullRss', ratio(a.builds.full.peakRssMb, b.builds.full.peakRssMb))
  put('serverRss', ratio(a.serving?.rssMb, b.serving?.rssMb))
  return g
}
