/**
 * A live site bounds its item fragments by bytes (src/render/fragments.ts `limit`): unbounded they
 * pinned ~87 MB at 100k seeds for as long as the articles lived. Bounded, the least recently used
 * go, and every document keeps exactly the bytes of an unbounded site.
 */
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../bench/corpus.js'
import type { Site } from '../../src/documents/site.js'
import { makeSite, siteFromTexts } from '../helpers/site.js'

function documents(site: Site): Map<string, string> {
  const docs = new Map<string, string>()
  for (const key of site.keys()) {
    const doc = site.get(key)
    if (doc) docs.set(doc.file, Buffer.from(doc.body).toString('base64'))
  }
  return docs
}

describe('bounded item fragments', () => {
  it('keep about the budget in bytes, and every document the bytes of unbounded ones', () => {
    const texts = generateCorpus({ count: 120, seed: 5, variety: 'varied' }).map((s) => ({ file: s.path, text: s.text }))
    const unbounded = siteFromTexts(texts).site
    const expected = documents(unbounded)
    const bounded = makeSite(unbounded.catalog, unbounded.config)
    const budget = 20_000
    bounded.fragments.limit(budget)
    expect(documents(bounded)).toEqual(expected)
    expect(bounded.fragments.size).toBeGreaterThan(0)
    // The newest entry always stays (its three formats at most), so the budget is passed by less than one entry.
    expect(bounded.fragments.size).toBeLessThan(budget + 3 * 20_000)
    // A second pass re-renders what was evicted: still the same bytes.
    expect(documents(makeSite(unbounded.catalog, unbounded.config, { previous: bounded }))).toEqual(expected)
  })
})
