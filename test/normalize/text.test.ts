/**
 * Text hygiene keeps one rule however it gets there (issue 11): the early answers for clean
 * printable ASCII and for text with nothing forbidden give exactly what the full sequence of
 * steps gives (mojibake repaired, forbidden characters removed, NFC, whitespace collapsed).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { repairMojibake } from '../../src/normalize/mojibake.js'
import { cleanBody, cleanText, stripForbidden } from '../../src/normalize/text.js'

/** The characters XML 1.0 forbids and lone surrogates, as text.ts states them. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Every step, every time: the rule the shortcuts must agree with. */
function fullClean(raw: string): { text: string; fixes: string[] } {
  const fixes: string[] = []
  let text = repairMojibake(raw)
  if (text !== raw) fixes.push('mojibake')
  const stripped = text.replace(FORBIDDEN, '')
  if (stripped !== text) fixes.push('control-chars')
  text = stripped.normalize('NFC').replace(/\s+/g, ' ').trim()
  return { text, fixes }
}

// ASCII words and spaces most of the time, with what each step acts on mixed in.
const unit = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'Z', '9', '!', '~', '-', ' ') },
  { weight: 2, arbitrary: fc.constantFrom('  ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', '\u3000') },
  { weight: 2, arbitrary: fc.constantFrom('Ã', '©', 'â€™', 'Ã©', 'Â', 'ô', 'é', 'e\u0301', 'ﬁ', '中', '😀') },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0007', '\u001f', '\u007f', '\u0085', '\u009f', '\ufffe', '\uffff', '\ud800', '\udfff', '\ud83d') },
)
const text = fc.array(unit, { maxLength: 24 }).map((units) => units.join(''))

describe('cleanText and cleanBody', () => {
  it('cleanText gives what every step in turn gives, fixes included', () => {
    fc.assert(fc.property(text, (raw) => {
      expect(cleanText(raw)).toEqual(fullClean(raw))
    }), { numRuns: 20000 })
  })

  it('stripForbidden and cleanBody remove exactly what FORBIDDEN matches, and keep everything else', () => {
    fc.assert(fc.property(text, (raw) => {
      expect(stripForbidden(raw)).toBe(raw.replace(FORBIDDEN, ''))
      const repaired = repairMojibake(raw)
      const body = repaired.replace(FORBIDDEN, '')
      expect(cleanBody(raw)).toEqual({ text: body, fixes: [...(repaired !== raw ? ['mojibake'] : []), ...(body !== repaired ? ['control-chars'] : [])] })
    }), { numRuns: 20000 })
  })

  it('clean ASCII comes back as it is, and a stray space or tab still goes', () => {
    expect(cleanText('AI Hardware, 2024: what changed?')).toEqual({ text: 'AI Hardware, 2024: what changed?', fixes: [] })
    expect(cleanText(' a  b\t')).toEqual({ text: 'a b', fixes: [] })
    expect(cleanText('')).toEqual({ text: '', fixes: [] })
  })
})
