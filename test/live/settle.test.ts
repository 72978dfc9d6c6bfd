/** The debounce on a fake clock: deterministic to the millisecond. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Settler } from '../../src/live/settle.js'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

function settler(quietMs: number, maxWaitMs: number) {
  const batches: { at: number; paths: string[] }[] = []
  const start = Date.now()
  const s = new Settler({ quietMs, maxWaitMs }, (paths) => batches.push({ at: Date.now() - start, paths: paths.sort() }), () => Date.now())
  return { s, batches }
}

describe('Settler', () => {
  it('hands a burst over as one batch once everything has been quiet', () => {
    const { s, batches } = settler(100, 500)
    s.touch('a.md')
    vi.advanceTimersByTime(30)
    s.touch('b.md')
    s.touch('a.md')
    vi.advanceTimersByTime(99)
    expect(batches).toEqual([])
    vi.advanceTimersByTime(1)
    expect(batches).toEqual([{ at: 130, paths: ['a.md', 'b.md'] }])
    expect(s.size).toBe(0)
  })

  it('under a steady stream, hands over the quiet paths after maxWait and keeps the busy one', () => {
    const { s, batches } = settler(100, 300)
    s.touch('calm.md')
    for (let t = 0; t < 1000; t += 20) {
      s.touch('busy.md')
      vi.advanceTimersByTime(20)
    }
    expect(batches).toEqual([{ at: 300, paths: ['calm.md'] }])
    vi.advanceTimersByTime(100)
    expect(batches[1]).toEqual({ at: 1080, paths: ['busy.md'] })
  })

  it('forgets everything when closed', () => {
    const { s, batches } = settler(100, 300)
    s.touch('a.md')
    s.close()
    s.touch('b.md')
    vi.advanceTimersByTime(1000)
    expect(batches).toEqual([])
  })
})
