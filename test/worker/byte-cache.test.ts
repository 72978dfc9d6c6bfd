/** The Worker's per-isolate document cache: bounded by bytes, oldest use first, the newest entry always kept. */
import { describe, expect, it } from 'vitest'
import { ByteCache } from '../../src/adapter/workers/byte-cache.js'

describe('ByteCache', () => {
  it('evicts the least recently used entries once the bytes pass the bound', () => {
    const c = new ByteCache<string>(100)
    c.set('a', 'A', 40)
    c.set('b', 'B', 40)
    expect(c.get('a')).toBe('A') // a is now newer than b
    c.set('c', 'C', 40)
    expect(c.get('b')).toBeUndefined()
    expect([c.get('a'), c.get('c')]).toEqual(['A', 'C'])
  })

  it('keeps an entry bigger than the bound alone (the request needs it) and counts a replaced entry once', () => {
    const c = new ByteCache<string>(100)
    c.set('a', 'A', 60)
    c.set('a', 'A2', 60)
    expect(c.get('a')).toBe('A2')
    c.set('big', 'B', 500)
    expect(c.get('big')).toBe('B')
    expect(c.get('a')).toBeUndefined()
    c.set('d', 'D', 10)
    expect(c.get('big')).toBeUndefined()
    expect(c.get('d')).toBe('D')
  })
})
