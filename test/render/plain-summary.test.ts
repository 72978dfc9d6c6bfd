/**
 * Issue 15 #13: an RSS item without an excerpt still has a `<description>`, the start of its
 * content as plain text (readers that read only description showed an empty item).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { escapeHtml } from '../../src/escape.js'
import { HEAD } from '../../src/paths.js'
import { SUMMARY_CHARS, clip, htmlText, plainSummary } from '../../src/render/plain-summary.js'
import { siteFromTexts, text } from '../helpers/site.js'
import { readItems, type ReadItem } from './read-items.js'

describe('htmlText', () => {
  it('drops tags without joining words across blocks or splitting them inside a line', () => {
    expect(htmlText('<h2>Chips</h2><p>Nvidia <strong>ships</strong> <a href="x">Blackwell</a>.</p><ul><li>one</li><li>two</li></ul>')).toBe(
      'Chips Nvidia ships Blackwell. one two',
    )
  })
  it('decodes the references sanitized HTML carries, and leaves text that only looks like markup alone', () => {
    expect(htmlText('<p>AT&amp;T &lt;b&gt; &quot;q&quot; &#39;s&#39; &#x1F680; a&nbsp;b &bogus;</p>')).toBe(`AT&T <b> "q" 's' 🚀 a b &bogus;`)
  })
  it('is empty for content without text (an image alone)', () => {
    expect(htmlText('<figure><img src="https://x.example/a.jpg" alt=""></figure>')).toBe('')
  })
})

describe('clip', () => {
  it('keeps short text whole', () => expect(clip('a b c', 10)).toBe('a b c'))
  it('cuts after the last whole word that fits, without trailing punctuation, and says so', () => {
    expect(clip('one two three, four five', 15)).toBe('one two three…')
  })
  it('counts code points: no surrogate pair is cut in half', () => {
    const s = '🚀'.repeat(20)
    const out = clip(s, 5)
    expect(out).toBe('🚀'.repeat(5) + '…')
  })
})

describe('RSS description without an excerpt', () => {
  const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ')
  const seed = (file: string, extra: string, body: string) => ({
    file,
    text: `---\ntitle: "Title of ${file}"\npublishedDateTime: 2024-05-18T07:00:00Z\nwebUrl: "https://x.example/${file}"\n${extra}---\n${body}\n`,
  })
  const { site } = siteFromTexts([
    seed('long.md', '', `# Heading\n\nA *long* body & more: ${words}`),
    seed('image.md', '', '![](https://x.example/i.jpg)'),
    seed('excerpt.md', 'excerpt: "The <b>excerpt</b>."\n', 'Body.'),
  ])
  let rss: ReadItem[] = []
  const byId = new Map<string, ReadItem>()
  beforeAll(async () => {
    rss = await readItems(text(site.get({ type: 'feed', scope: null, format: 'rss', page: HEAD })!.body))
    for (const i of rss) byId.set(i.id, i)
  })

  it('is the start of the content as text, at most SUMMARY_CHARS characters and a …', () => {
    const d = byId.get('https://x.example/long.md')!.summary!
    expect(d.startsWith(escapeHtml('Heading A long body & more: word0 word1'))).toBe(true)
    expect(d.endsWith('…')).toBe(true)
    expect([...d.replace(/&amp;/g, '&')].length).toBeLessThanOrEqual(SUMMARY_CHARS + 1)
  })
  it('is the title when the content has no text', () => {
    expect(byId.get('https://x.example/image.md')!.summary).toBe('Title of image.md')
  })
  it('is still the excerpt when there is one', () => {
    expect(byId.get('https://x.example/excerpt.md')!.summary).toBe(escapeHtml('The <b>excerpt</b>.'))
  })
  it('every item has one', () => {
    expect(rss.length).toBe(3)
    for (const item of rss) expect(item.summary, item.id).toBeTruthy()
  })
  it('plainSummary falls back to the title only for content without text', () => {
    expect(plainSummary('<p>Text</p>', 'T')).toBe('Text')
    expect(plainSummary('<p> </p>', 'T')).toBe('T')
  })
})
