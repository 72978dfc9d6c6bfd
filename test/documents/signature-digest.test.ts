/**
 * `Site.signatureDigest`, the token the build manifest keeps per document: it must change exactly
 * when the signature does (a missed change leaves a stale file, a false one rewrites archives),
 * though a page's three formats share one digest of their items.
 */
import { describe, expect, it } from 'vitest'
import { sha256 } from '../../src/node/digest.js'
import type { Site } from '../../src/documents/site.js'
import { filePath, type DocKey } from '../../src/paths.js'
import { siteFromTexts, type SeedText } from '../helpers/site.js'

const digest = (s: string) => sha256(s, 'base64url')

function seed(n: number, title = `Story ${n}`, topic = n % 2 ? 'Odd' : 'Even'): SeedText {
  const day = String(n + 1).padStart(2, '0')
  return { file: `s${n}.md`, text: `---\ntitle: "${title}"\npublishedDateTime: 2025-01-${day}T10:00:00Z\nwebUrl: "https://example.com/${n}"\ntopics:\n  - ${topic}\n---\n` }
}

const paged = { maxItems: 2, archiveSize: 2 }
const seeds = Array.from({ length: 11 }, (_, i) => seed(i))

function byFile(site: Site, f: (key: DocKey) => string | undefined): Map<string, string | undefined> {
  return new Map([...site.keys()].map((k) => [filePath(k), f(k)]))
}

describe('Site.signatureDigest', () => {
  it('differs between two snapshots exactly where the signature does', () => {
    const { site: a } = siteFromTexts(seeds, paged)
    // An edit in an old archive, one article gone, one new: heads, bridges and archives move.
    const edited = seeds.map((s, i) => (i === 2 ? seed(2, 'Story two, corrected') : s)).filter((_, i) => i !== 7)
    const { site: b } = siteFromTexts([...edited, seed(20)], paged)
    const [sigA, sigB] = [byFile(a, (k) => a.signature(k)), byFile(b, (k) => b.signature(k))]
    const [digA, digB] = [byFile(a, (k) => a.signatureDigest(k, digest)), byFile(b, (k) => b.signatureDigest(k, digest))]
    let same = 0
    for (const [file, sig] of sigB) {
      if (!sigA.has(file)) continue
      expect(digB.get(file) === digA.get(file), file).toBe(sig === sigA.get(file))
      if (sig === sigA.get(file)) same++
    }
    // Both outcomes occur, or the check above proves little.
    expect(same).toBeGreaterThan(0)
    expect(same).toBeLessThan(sigB.size)
  })

  it('tells apart every document of a snapshot, the formats of one page too', () => {
    const { site } = siteFromTexts(seeds, paged)
    const digests = [...byFile(site, (k) => site.signatureDigest(k, digest)).values()]
    const feeds = [...site.keys()].filter((k) => k.type === 'feed')
    expect(feeds.length).toBeGreaterThan(10)
    expect(digests.every((d) => d !== undefined)).toBe(true)
    const sigs = [...byFile(site, (k) => site.signature(k)).values()]
    expect(new Set(digests).size).toBe(new Set(sigs).size)
  })

  it('is undefined where there is no document', () => {
    const { site } = siteFromTexts(seeds, paged)
    expect(site.signatureDigest({ type: 'feed', scope: { kind: 'topic', slug: 'none' }, format: 'rss', page: { kind: 'head' } }, digest)).toBeUndefined()
    expect(site.signatureDigest({ type: 'feed', scope: null, format: 'rss', page: { kind: 'archive', n: 99 } }, digest)).toBeUndefined()
  })
})
