/** Several rounds of one figure → median and spread: a single pass on a 2-core machine swings ±30 %. Pure. */

export interface Stat {
  median: number
  min: number
  max: number
  /** Rounds measured. */
  n: number
}

/** Median, min and max of `xs` (at least one value). */
export function stat(xs: readonly number[]): Stat {
  if (xs.length === 0) throw new Error('stat of no values')
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return { median: s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2, min: s[0]!, max: s[s.length - 1]!, n: s.length }
}

/** The value below which `p` (0–1) of `xs` fall, nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!
}

/** Stat of the defined values, or undefined when there are none. */
export function statOf(xs: readonly (number | undefined)[]): Stat | undefined {
  const d = xs.filter((x): x is number => x !== undefined && Number.isFinite(x))
  return d.length ? stat(d) : undefined
}

/** `12.3 (11.9–13.0)`: the median and the spread, with `d` decimals. */
export function spread(s: Stat | undefined, d = 2): string {
  if (!s) return '-'
  return s.n > 1 ? `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})` : s.median.toFixed(d)
}
