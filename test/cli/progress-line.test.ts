/**
 * The progress line (issue 11, "What the operator sees"): nothing for a step shorter than about two
 * seconds, one line redrawn in place after that with counts and rates, cleared before other output,
 * and nothing at all where stderr is no terminal (Io.progress absent). The clock is handed in.
 */
import { describe, expect, it } from 'vitest'
import { ProgressLine, progressText } from '../../src/cli/progress-line.js'

function terminal() {
  const drawn: string[] = []
  let now = 0
  return { drawn, at: (ms: number) => (now = ms), io: { progress: (line: string) => drawn.push(line) }, clock: () => now }
}

describe('progress line', () => {
  it('stays quiet for two seconds, then draws counts and rates, at most every 100 ms, and clears', () => {
    const t = terminal()
    const line = new ProgressLine(t.io, t.clock)
    line.tell({ step: 'read', done: 0, total: 100_000 })
    t.at(1900)
    line.tell({ step: 'read', done: 19_000, total: 100_000 })
    expect(t.drawn).toEqual([])
    t.at(2000)
    line.tell({ step: 'read', done: 20_000, total: 100_000 })
    t.at(2050)
    line.tell({ step: 'read', done: 20_500, total: 100_000 })
    t.at(4000)
    line.tell({ step: 'write', done: 1 })
    t.at(5000)
    line.tell({ step: 'write', done: 1001 })
    expect(t.drawn).toEqual([
      'read 20,000 of 100,000 seeds (10,000/s)',
      'read 20,500 of 100,000 seeds (10,000/s) · wrote 1 documents',
      'read 20,500 of 100,000 seeds (10,000/s) · wrote 1,001 documents (1,001/s)',
    ])
    line.clear()
    expect(t.drawn.at(-1)).toBe('')
    line.clear()
    expect(t.drawn).toHaveLength(4)
  })

  it('draws nothing, and clears nothing, when stderr is no terminal', () => {
    let now = 0
    const line = new ProgressLine({}, () => now)
    now = 10_000
    expect(() => line.tell({ step: 'read', done: 5 })).not.toThrow()
    line.clear()
  })

  it('says of how many only when the total is known', () => {
    expect(progressText([{ step: 'write', done: 12, firstMs: 0, atMs: 0 }])).toBe('wrote 12 documents')
  })
})
