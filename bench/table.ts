/** Results → the printed tables: one per corpus (layout × size), then the reload heap and the targets. Pure. */
import type { BuildRow } from './builds.js'
import type { LoadResult } from './load-test.js'
import type { ReloadHeap, Results, RunEntry, Target } from './results.js'
import { spread, type Stat } from './stats.js'

const COLS = [30, 22, 22, 20] as const

function line(cells: string[], note = ''): string {
  const [name, ...rest] = cells
  return name!.padEnd(COLS[0]) + rest.map((c, i) => c.padStart(COLS[i + 1]!)).join('') + (note ? '   ' + note : '')
}

const s = (n: number | undefined, d = 2) => (n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(d))
const ms = (n: number | undefined) => (n === undefined ? '-' : n < 10 ? n.toFixed(2) : n.toFixed(1))

/** The table of one corpus: builds (median (min–max) of the rounds), Hugo, the server rows. */
export function runTable(r: RunEntry): string[] {
  const floor = r.floor.wallS
  const ratio = (x: Stat, by: number) => `${s(x.median / by)}×`
  const build = (name: string, row: BuildRow, extra: string[] = []) =>
    line([name, spread(row.wallS), spread(row.cpuS), spread(row.peakRssMb, 0)], [`${ratio(row.wallS, floor)} floor`, ...extra].join(', '))
  const out = [
    `${r.articles} articles, ${r.layout} layout (${s(r.seedBytes / 1e6, 1)} MB of seeds), median (min–max) of ${r.builds?.full.wallS.n ?? 1} rounds`,
    line(['step', 'wall s', 'CPU s', 'peak MB']),
    line(['floor: read every seed', s(floor), s(r.floor.cpuS), '-'], 'best of 3'),
  ]
  const { builds: b, hugo } = r
  if (b) {
    const vsHugo = (x: BuildRow) => (hugo ? [`${ratio(x.wallS, hugo.wallS.median)} Hugo`] : [])
    out.push(
      build('cold heads build', b.heads, vsHugo(b.heads)),
      build('cold full build', b.full, [...vsHugo(b.full), `${b.full.files ?? '-'} files, ${s((b.full.bytes ?? NaN) / 1e6, 0)} MB`]),
      build('warm rebuild, no change', b.warm),
      build('one file changed', b.oneChanged, [`${b.oneChanged.files ?? '-'} files written`]),
      ...(b.gzipOnly ? [build('full build, archives gzip-only', b.gzipOnly, [`${b.gzipOnly.files ?? '-'} files, ${s((b.gzipOnly.bytes ?? NaN) / 1e6, 0)} MB`])] : []),
    )
  }
  if (hugo) out.push(build('Hugo, RSS heads (peer)', hugo))
  const v = r.serving
  if (v) {
    out.push(
      '',
      line(['server ready → 200 /rss.xml', 'cold ' + spread(v.coldReadyS), 'warm ' + spread(v.warmReadyS)], 's (cold: no cache; warm: after a build)'),
      line(['server RSS, watch on', s(v.rssMb, 0), 'peak ' + s(v.peakRssMb, 0)], 'MB, after the live rounds'),
    )
    if (v.live) {
      const l = v.live
      out.push(line(['live update → /rss.xml', 'p50', 'p95', 'max'], `ms over ${l.ms.add.length} rounds each`))
      for (const op of Object.keys(l.ms) as (keyof typeof l.ms)[]) out.push(line([`  ${op}`, ms(l.p50[op]), ms(l.p95[op]), ms(Math.max(...l.ms[op]))]))
    } else if (v.liveNote) out.push(line(['live update', v.liveNote]))
    if (v.topic && v.ours200 && v.ceiling200 && v.ours304 && v.ceiling304) {
      out.push(
        line(['serving ' + v.topic.path, 'req/s', 'p50 / p99 ms', 'vs bare'], 'server CPU µs/req'),
        load('  ours, 200 gzip', v.ours200, v.ceiling200, `; ${v.topic.gzipBytes} B body, ${v.topic.articles} articles in topic`),
        load('  bare Hono, 200 same size', v.ceiling200),
        load('  ours, 304', v.ours304, v.ceiling304),
        load('  bare Hono, 304', v.ceiling304),
      )
    }
  }
  return out
}

function load(name: string, r: LoadResult, ceiling?: LoadResult, extra = ''): string {
  return line([name, s(r.rps, 0), `${ms(r.p50Ms)} / ${ms(r.p99Ms)}`, ceiling ? pct(r.rps / ceiling.rps) : '100%'], cpu(r, ceiling) + extra)
}

export function reloadLines(h: ReloadHeap): string[] {
  return [
    `heap after ${h.reloads} live reloads at ${h.articles} articles, ${h.freshMb.n} rounds, median (min–max):`,
    line(['  fresh start, MB', spread(h.freshMb, 1)]),
    line([`  after ${h.reloads} reloads, MB`, spread(h.afterMb, 1)]),
    line(['  growth, %', spread({ ...h.growth, median: h.growth.median * 100, min: h.growth.min * 100, max: h.growth.max * 100 }, 1)], 'target ≤ 10 %'),
  ]
}

export function targetLines(run: RunEntry, targets: Target[]): string[] {
  return [
    `targets of issue 11 at ${run.articles} articles, ${run.layout} layout:`,
    ...targets.map((t) => `  ${t.ok === undefined ? '?' : t.ok ? '✓' : '✗'} ${t.name.padEnd(40)} ${t.value.padStart(10)}  (${t.bound}${t.margin ? '; ' + t.margin : ''})`),
  ]
}

export function header(r: Results): string {
  const m = r.machine
  return `Feedstand bench ${r.generatedAt} @ ${r.commit} — ${m.cpus} × ${m.cpuModel}, ${m.memGb} GB, node ${m.node}; load ${m.loadBefore.map((l) => l.toFixed(2)).join(' ')}${r.hugoVersion ? `; peer: ${r.hugoVersion}` : ''}${r.elapsedS ? `; ${(r.elapsedS / 60).toFixed(1)} min` : ''}`
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

/** The README's Performance table (markdown), one column per corpus: what latest.md holds. */
export function markdownTable(r: Results): string {
  const runs = r.runs
  const col = (f: (x: RunEntry) => string) => runs.map(f)
  const row = (name: string, cells: string[]) => `| ${name} | ${cells.join(' | ')} |`
  const wall = (x: BuildRow | undefined) => (x ? `${spread(x.wallS)} s` : '-')
  const peak = (x: BuildRow | undefined) => (x?.peakRssMb ? `${x.peakRssMb.median.toFixed(0)} MB` : '-')
  const vs = (x: BuildRow | undefined, by: number | undefined, what: string) => (x && by ? ` (${(x.wallS.median / by).toFixed(2)}× ${what})` : '')
  const live = (x: RunEntry) => {
    const l = x.serving?.live
    if (!l) return '-'
    return (['add', 'edit', 'rename', 'delete'] as const).map((op) => `${l.p50[op].toFixed(0)}/${l.p95[op].toFixed(0)}`).join(', ')
  }
  const lines = [
    row('', col((x) => `${x.articles.toLocaleString('en')} ${x.layout}`)),
    row('---', col(() => '---')),
    row('cold heads build (`--history none`)', col((x) => wall(x.builds?.heads) + vs(x.builds?.heads, x.hugo?.wallS.median, 'Hugo'))),
    row('cold full build', col((x) => wall(x.builds?.full) + vs(x.builds?.full, x.hugo?.wallS.median, 'Hugo'))),
    row('full history files, bytes', col((x) => (x.builds?.full.files ? `${x.builds.full.files.toLocaleString('en')}, ${((x.builds.full.bytes ?? 0) / 1e9).toFixed(2)} GB` : '-'))),
    row('… with `--archive-encodings gzip-only`', col((x) => (x.builds?.gzipOnly?.files ? `${x.builds.gzipOnly.files.toLocaleString('en')}, ${((x.builds.gzipOnly.bytes ?? 0) / 1e9).toFixed(2)} GB` : '-'))),
    row('peak RSS: heads, full build', col((x) => `${peak(x.builds?.heads)}, ${peak(x.builds?.full)}`)),
    row('warm rebuild, nothing changed', col((x) => wall(x.builds?.warm) + vs(x.builds?.warm, x.floor.wallS, 'floor'))),
    row('one file changed', col((x) => wall(x.builds?.oneChanged) + vs(x.builds?.oneChanged, x.floor.wallS, 'floor'))),
    row('Hugo, RSS heads (peer)', col((x) => wall(x.hugo) + (x.hugo?.peakRssMb ? `, ${peak(x.hugo)}` : ''))),
    row('floor: read every seed', col((x) => `${x.floor.wallS.toFixed(2)} s`)),
    row('server ready → 200, cold / warm', col((x) => (x.serving ? `${spread(x.serving.coldReadyS)} / ${spread(x.serving.warmReadyS)} s` : '-'))),
    row('server RSS peak, watch on', col((x) => (x.serving ? `${x.serving.peakRssMb.toFixed(0)} MB` : '-'))),
    row('live update p50/p95 ms: add, edit, rename, delete', col(live)),
  ]
  if (r.reloadHeap) lines.push('', `Heap after ${r.reloadHeap.reloads} live reloads (${r.reloadHeap.articles.toLocaleString('en')} articles): ${spread(r.reloadHeap.afterMb, 1)} MB against ${spread(r.reloadHeap.freshMb, 1)} MB at a fresh start (${(r.reloadHeap.growth.median * 100).toFixed(1)} %).`)
  return lines.join('\n') + '\n'
}
