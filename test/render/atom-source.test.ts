/**
 * Issue 15 #11: every Atom `<source>` carries the feed-level elements RFC 4287 §4.2.11 asks an
 * aggregator to keep (id, title, updated), so the W3C validator no longer warns
 * `MissingSourceElement`; its `updated` is the entry's own date (deterministic, no clock).
 */
import { describe, expect, it } from 'vitest'
import { HEAD } from '../../src/paths.js'
import { siteFromTexts, text } from '../helpers/site.js'

const seed = (file: string, provider: string) => ({
  file,
  text: `---\ntitle: "${file}"\nexcerpt: "x"\npublishedDateTime: 2024-05-18T07:00:00Z\nwebUrl: "https://x.example/${file}"\n${provider}---\n`,
})

describe('Atom source', () => {
  const { site } = siteFromTexts([
    seed('with-domain.md', 'provider:\n  name: "Example News"\n  domain: news.example.com\n'),
    seed('name-only.md', 'provider:\n  name: "Nameless Wire"\n'),
  ])
  const atom = text(site.get({ type: 'feed', scope: null, format: 'atom', page: HEAD })!.body)
  const entries = atom.split('<entry>').slice(1)
  const entry = (id: string) => entries.find((e) => e.includes(`<id>https://x.example/${id}</id>`))!

  it('has id, title and updated (the entry date) besides its link', () => {
    expect(entry('with-domain.md')).toContain(
      '<source><id>https://news.example.com/</id><title type="text">Example News</title><updated>2024-05-18T07:00:00.000Z</updated><link rel="alternate" href="https://news.example.com/"/></source>',
    )
  })

  it('every source in the document carries all three', () => {
    const sources = atom.match(/<source>[\s\S]*?<\/source>/g) ?? []
    expect(sources.length).toBeGreaterThan(0)
    for (const s of sources) for (const el of ['<id>', '<title type="text">', '<updated>']) expect(s, s).toContain(el)
  })

  it('a provider without a domain has no id to give: no source, the name stays the author (as RSS has no <source url>)', () => {
    expect(entry('name-only.md')).not.toContain('<source>')
    expect(entry('name-only.md')).toContain('<author><name>Nameless Wire</name></author>')
  })
})
