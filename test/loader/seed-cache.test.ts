/**
 * The in-process seed cache (src/loader/seed-cache.ts): outcomes a start from the cache tells it
 * with `setLater` answer exactly as those told with `set`, in the order they were told.
 */
import { describe, expect, it } from 'vitest'
import { SeedCache } from '../../src/loader/seed-cache.js'
import type { SeedOutcome } from '../../src/seed/seed-outcome.js'

const outcome = (file: string): SeedOutcome => ({ file, problems: [] })
const entry = (file: string, size = 10, mtimeMs = 1000) => ({ file, abs: `/seeds/${file}`, size, mtimeMs })

describe('SeedCache', () => {
  it('answers outcomes told later by (path, size, mtime), as those told at once', () => {
    const cache = new SeedCache()
    const a = outcome('a.md')
    cache.setLater({ size: 10, mtimeMs: 1000 }, a)
    expect(cache.get(entry('a.md'))).toBe(a)
    expect(cache.get(entry('a.md', 11))).toBeUndefined()
    expect(cache.get(entry('a.md', 10, 1001))).toBeUndefined()
    expect(cache.get(entry('b.md'))).toBeUndefined()
  })

  it('lets a later set win over an earlier setLater, and forgets pending files that are gone', () => {
    const cache = new SeedCache()
    const [a, a2, b] = [outcome('a.md'), outcome('a.md'), outcome('b.md')]
    cache.setLater({ size: 10, mtimeMs: 1000 }, a)
    cache.setLater({ size: 10, mtimeMs: 1000 }, b)
    cache.set(entry('a.md', 12), a2)
    expect(cache.get(entry('a.md', 12))).toBe(a2)
    cache.setLater({ size: 10, mtimeMs: 1000 }, outcome('c.md'))
    cache.retain(new Set(['a.md', 'b.md']))
    expect(cache.get(entry('b.md'))).toBe(b)
    expect(cache.get(entry('c.md'))).toBeUndefined()
  })
})
