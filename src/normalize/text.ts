/**
 * Text hygiene for every plain-text field (title, excerpt, names): mojibake repaired, NFC,
 * characters XML 1.0 forbids and lone surrogates removed, whitespace collapsed. Pure.
 */
import { repairMojibake } from './mojibake.js'

// C0 controls except tab/newline/CR, DEL and C1 controls, U+FFFE/U+FFFF, and lone surrogates.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** One class of every character FORBIDDEN can match: a body or field without any is left as it is. */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/
/**
 * Printable ASCII words with single spaces between them: what most titles, names and excerpts
 * are, and text that every step of cleanText leaves as it is (no mojibake lead, nothing
 * forbidden, already NFC, no whitespace to collapse or trim).
 */
const CLEAN_ASCII = /^(?:[!-~]+(?: [!-~]+)*)?$/

export interface CleanText {
  text: string
  /** What was changed, for warnings: `mojibake`, `control-chars`. */
  fixes: ('mojibake' | 'control-chars')[]
}

/** Cleans one plain-text value. Mojibake is repaired first, since C1 controls can be part of it. */
export function cleanText(raw: string): CleanText {
  if (CLEAN_ASCII.test(raw)) return { text: raw, fixes: [] }
  const fixes: CleanText['fixes'] = []
  let text = repairMojibake(raw)
  if (text !== raw) fixes.push('mojibake')
  const stripped = stripForbidden(text)
  if (stripped !== text) fixes.push('control-chars')
  text = stripped.normalize('NFC').replace(/\s+/g, ' ').trim()
  return { text, fixes }
}

/** Removes only what XML cannot carry (for Markdown bodies, where whitespace matters). */
export function stripForbidden(raw: string): string {
  // The one-class test is a plain scan; FORBIDDEN's lookarounds cost more on a long body.
  return MAYBE_FORBIDDEN.test(raw) ? raw.replace(FORBIDDEN, '') : raw
}

/**
 * Cleans a Markdown body by the rules of `cleanText` that keep its layout: mojibake repaired
 * (certain runs only, first, since C1 controls can be part of it), then what XML cannot carry
 * removed. Whitespace and Unicode form are left alone: they are Markdown's business.
 */
export function cleanBody(raw: string): CleanText {
  const fixes: CleanText['fixes'] = []
  const repaired = repairMojibake(raw)
  if (repaired !== raw) fixes.push('mojibake')
  const text = stripForbidden(repaired)
  if (text !== repaired) fixes.push('control-chars')
  return { text, fixes }
}

/** Cuts at the last word boundary before `max` characters and adds an ellipsis; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  if (space > max * 0.6) cut = cut.slice(0, space)
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return cut.trimEnd() + '…'
}
