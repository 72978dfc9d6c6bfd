import { describe, expect, it } from 'vitest'
import { eachBounded } from '../../src/each-bounded.js'

const tick = () => new Promise<void>((r) => setImmediate(r))

describe('eachBounded', () => {
  it('calls every item once, never more than the limit at a time', async () => {
    let inFlight = 0
    let most = 0
    const seen: number[] = []
    await eachBounded(Array.from({ length: 50 }, (_, i) => i), 4, async (i) => {
      most = Math.max(most, ++inFlight)
      await tick()
      seen.push(i)
      inFlight--
    })
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(most).toBe(4)
  })

  it('reads a lazy iterable one item at a time, as slots free', async () => {
    let pulled = 0
    function* items() {
      for (let i = 0; i < 10; i++) {
        pulled++
        yield i
      }
    }
    let maxAhead = 0
    let done = 0
    await eachBounded(items(), 2, async () => {
      maxAhead = Math.max(maxAhead, pulled - done)
      await tick()
      done++
    })
    expect(pulled).toBe(10)
    expect(maxAhead).toBeLessThanOrEqual(2)
  })

  it('after a failure starts nothing new, waits for calls in flight, then throws the first failure', async () => {
    const started: number[] = []
    let finished = 0
    const run = eachBounded([0, 1, 2, 3, 4, 5, 6, 7], 2, async (i) => {
      started.push(i)
      await tick()
      if (i === 1) throw new Error('first')
      if (i === 2) throw new Error('second')
      finished++
    })
    await expect(run).rejects.toThrow('first')
    expect(started.length).toBeLessThan(8)
    expect(finished).toBe(started.length - started.filter((i) => i === 1 || i === 2).length)
  })

  it('treats an iterable that throws as a failure, after the calls in flight', async () => {
    let finished = 0
    function* items() {
      yield 1
      yield 2
      throw new Error('render failed')
    }
    const run = eachBounded(items(), 2, async () => {
      await tick()
      finished++
    })
    await expect(run).rejects.toThrow('render failed')
    expect(finished).toBe(2)
  })

  it('handles no items', async () => {
    await eachBounded([], 8, async () => {
      throw new Error('never')
    })
  })
})
