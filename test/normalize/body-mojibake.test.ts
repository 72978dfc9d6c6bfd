/**
 * Mojibake in Markdown bodies (issue 15, finding 12) is repaired by the same certain-only rule as
 * titles and excerpts, with the same `mojibake` warning, before the Markdown is rendered.
 */
import { describe, expect, it } from 'vitest'
import { processSeed } from '../../src/seed/process-seed.js'

const OPTS = { maxExcerptLength: 2000, nowMs: Date.UTC(2026, 0, 1) }
const head = '---\ntitle: t\npublishedDateTime: 2024-03-13T00:59:00Z\nwebUrl: https://example.com/t\n---\n'
const seed = (body: string) => processSeed('b.md', new TextEncoder().encode(head + body), OPTS)

describe('mojibake in a Markdown body', () => {
  it('is repaired before rendering, with a mojibake warning', () => {
    const o = seed('# Ã¼ber\n\nitâ€™s *â€œquotedâ€\u009d* and `cafÃ©`\n')
    expect(o.article?.contentHtml).toBe('<h1>über</h1>\n<p>it’s <em>“quoted”</em> and <code>café</code></p>')
    expect(o.problems).toEqual([
      { file: 'b.md', code: 'mojibake', severity: 'warning', message: 'the Markdown body was mis-decoded text (UTF-8 read as Windows-1252); repaired' },
    ])
  })

  it('leaves text that is not certainly mojibake alone, without a warning', () => {
    const o = seed('Un café à Paris, naïve façade: Ã alone, and ÂÂ.\n')
    expect(o.problems).toEqual([])
    expect(o.article?.contentHtml).toBe('<p>Un café à Paris, naïve façade: Ã alone, and ÂÂ.</p>')
  })
})
