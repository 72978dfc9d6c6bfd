/** Results → the printed tables: one per corpus size, then growth and targets. Pure. */
import type { BuildRow } from './builds.js'
import type { LoadResult } from './load-test.js'
import type { Growth, Results, SizeResult, Target } from './results.js'

const COLS = [30, 9, 9, 9, 10] as const

function line(cells: string[], note = ''): string {
  const [name, ...nums] = cells
  return name!.padEnd(COLS[0]) + nums.map((c, i) => c.padStart(COLS[i + 1]!)).join('') + (note ? '   ' + note : '')
}

const s = (n: number | undefined, d = 2) => (n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(d))
const ms = (n: number | undefined) => (n === undefined ? '-' : n < 10 ? n.toFixed(2) : n.toFixed(1))

export function sizeTable(r: SizeResult): string[] {
  const per = (row: { wallS: number }) => s((row.wallS * 1e6) / r.articles, 1)
  const floor = r.floor.wallS
  const build = (name: string, row: BuildRow, extra = '') =>
    line([name, s(row.wallS), s(row.cpuS), s(row.peakRssMb, 0), per(row)], [`${s(row.wallS / floor)}× floor`, extra].filter(Boolean).join(', '))
  const { builds, hugo } = r
  const out = [
    `${r.articles} articles (${s(r.seedBytes / 1e6, 1)} MB of seeds)`,
    line(['step', 'wall s', 'CPU s', 'peak MB', 'µs/art']),
    line(['floor: read every seed', s(floor), s(r.floor.cpuS), '-', s((floor * 1e6) / r.articles, 1)]),
    build('cold build, heads', builds.heads, hugo ? `${s(builds.heads.wallS / hugo.wallS)}× Hugo` : ''),
    build('cold build, full history', builds.full, builds.full.files ? `${builds.full.files} files, ${s((builds.full.bytes ?? 0) / 1e6, 0)} MB` : ''),
    build('warm rebuild, no change', builds.warm),
    build('rebuild, one file changed', builds.oneChanged),
  ]
  if (hugo) out.push(build('Hugo, RSS heads (peer)', hugo))
  const v = r.serving
  if (v) {
    out.push(
      '',
      line(['serving ' + v.topic.path, 'req/s', 'p50 ms', 'p99 ms', 'vs bare'], 'server CPU µs/req'),
      line(['  ours, 200 gzip', s(v.ours200.rps, 0), ms(v.ours200.p50Ms), ms(v.ours200.p99Ms), pct(v.ours200.rps / v.ceiling200.rps)], `${cpu(v.ours200, v.ceiling200)}; ${v.topic.gzipBytes} B body, ${v.topic.articles} articles in topic`),
      line(['  bare Hono, 200 same size', s(v.ceiling200.rps, 0), ms(v.ceiling200.p50Ms), ms(v.ceiling200.p99Ms), '100%'], cpu(v.ceiling200)),
      line(['  ours, 304', s(v.ours304.rps, 0), ms(v.ours304.p50Ms), ms(v.ours304.p99Ms), pct(v.ours304.rps / v.ceiling304.rps)], cpu(v.ours304, v.ceiling304)),
      line(['  bare Hono, 304', s(v.ceiling304.rps, 0), ms(v.ceiling304.p50Ms), ms(v.ceiling304.p99Ms), '100%'], cpu(v.ceiling304)),
      line(['server ready (load + warm)', s(v.readyS)], 's'),
      line(['server RSS', s(v.rssMb, 0)], `MB (peak ${s(v.peakRssMb, 0)} MB)`),
      v.liveMs?.length
        ? line(['live update, write → served', ms(median(v.liveMs))], `ms median of ${v.liveMs.length} (${v.liveMs.map((x) => x.toFixed(0)).join(', ')})`)
        : line(['live update', v.liveNote ?? 'n/a']),
    )
  }
  return out
}

export function growthLines(g: Growth): string[] {
  const x = g.to / g.from
  const f = (v: number | undefined) => (v === undefined ? '-' : `×${v.toFixed(2)}`)
  return [
    `growth ${g.from} → ${g.to} articles (×${x}):`,
    `  time: heads ${f(g.headsTime)}, full history ${f(g.fullTime)}; output bytes ${f(g.fullBytes)}`,
    `  memory: heads build ${f(g.headsRss)}, full build ${f(g.fullRss)}, server ${f(g.serverRss)}`,
  ]
}

export function targetLines(size: number, targets: Target[]): string[] {
  return [
    `targets at ${size} articles:`,
    ...targets.map((t) => `  ${t.ok === undefined ? '?' : t.ok ? '✓' : '✗'} ${t.name.padEnd(36)} ${t.value.padStart(10)}  (${t.bound}${t.margin ? '; ' + t.margin : ''})`),
  ]
}

export function header(r: Results): string {
  const m = r.machine
  return `Feedstand bench ${r.generatedAt} @ ${r.commit} — ${m.cpus} × ${m.cpuModel}, ${m.memGb} GB, node ${m.node}; load ${m.loadBefore.map((l) => l.toFixed(2)).join(' ')}${r.hugoVersion ? `; peer: ${r.hugoVersion}` : ''}`
}

/** Server CPU per response, and its ratio to the ceiling's when given. */
function cpu(r: LoadResult, ceiling?: LoadResult): string {
  if (r.serverCpuUs === undefined) return '-'
  const ratio = ceiling?.serverCpuUs ? ` (${(r.serverCpuUs / ceiling.serverCpuUs).toFixed(2)}× bare)` : ''
  return `${r.serverCpuUs.toFixed(0)} µs${ratio}`
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`
}

function median(xs: number[]): number {
  const a = [...xs].sort((p, q) => p - q)
  return a[Math.floor(a.length / 2)]!
}
