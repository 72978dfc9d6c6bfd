/** The bench's command line, its round counts and its chart: pure, so checked without running a bench. */
import { describe, expect, it } from 'vitest'
import { defaultRounds, parseBenchArgs } from './args.js'
import { scalingSvg } from './chart.js'
import type { RunEntry } from './results.js'
import { percentile, stat } from './stats.js'

describe('parseBenchArgs', () => {
  it('defaults to 10k and 100k, flat then folders, every row, 20 live rounds', () => {
    const a = parseBenchArgs([])
    expect(a).toMatchObject({ sizes: [10000, 100000], layouts: ['flat', 'folders'], liveRounds: 20 })
    expect([...a.rows]).toEqual(['builds', 'hugo', 'serve', 'load', 'live', 'reload'])
    expect(a.rounds).toBeUndefined()
  })

  it('selects sizes, layouts and rows, and --no-serve drops every server row', () => {
    const a = parseBenchArgs(['--sizes', '1000', '--layouts', 'folders', '--rows', 'builds,serve,live', '--no-serve', '--rounds', '2'])
    expect(a).toMatchObject({ sizes: [1000], layouts: ['folders'], rounds: 2 })
    expect([...a.rows]).toEqual(['builds'])
    expect(() => parseBenchArgs(['--layouts', 'tree'])).toThrow('--layouts: "tree" is not one of flat, folders')
  })

  it('runs fewer rounds at 100k, fewest on the layout the targets are not checked on', () => {
    expect([defaultRounds(10000, 'flat'), defaultRounds(100000, 'flat'), defaultRounds(100000, 'folders')]).toEqual([3, 2, 1])
  })
})

describe('stats', () => {
  it('median, spread and nearest-rank percentiles', () => {
    expect(stat([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10, n: 4 })
    const xs = Array.from({ length: 20 }, (_, i) => i + 1)
    expect([percentile(xs, 0.5), percentile(xs, 0.95)]).toEqual([10, 19])
  })
})

describe('scalingSvg', () => {
  const row = (s: number) => ({ wallS: stat([s]), peakRssMb: stat([s * 100]) })
  const run = (articles: number, k: number): RunEntry => ({
    layout: 'flat', articles, seedBytes: 0,
    floor: { wallS: k * 0.1, cpuS: 0, files: articles, bytes: 0 },
    builds: { heads: row(k), full: row(2 * k), warm: row(k), oneChanged: row(k) },
    hugo: row(1.5 * k),
  })
  it('draws one line per series over the sizes of the layout, and says so when there is nothing', () => {
    const svg = scalingSvg([run(10000, 1), run(100000, 10)], 'flat')
    expect(svg.startsWith('<svg')).toBe(true)
    // time: full, heads, Hugo, floor; memory: full, heads, Hugo (no server rows here).
    expect(svg.match(/<path /g)).toHaveLength(7)
    expect(scalingSvg([], 'flat')).toContain('no data')
  })
})
