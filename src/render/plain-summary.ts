/**
 * A plain-text summary of an item's HTML content, for RSS `<description>` when the seed has no
 * excerpt. The content is sanitize-html's output (normalize/markdown.ts), so its tags are well
 * formed and its only references are the ones decoded here; this is not a general HTML parser.
 */

/**
 * Summaries stop at about this many characters, at a word boundary: WordPress's automatic
 * excerpt is 55 words, ~300 characters of English, and list views of readers show two or three lines.
 */
export const SUMMARY_CHARS = 300

/** Elements that run inside a line: removing their tags must not split or join words. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr'])

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>|<!--[\s\S]*?-->/g
const REF = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** The text of sanitized HTML: tags dropped (block ones as a space), references decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  const text = html.replace(TAG, (_, name: string | undefined) => (name && INLINE.has(name.toLowerCase()) ? '' : ' '))
  return text.replace(REF, decodeRef).replace(/\s+/g, ' ').trim()
}

function decodeRef(ref: string, body: string): string {
  if (body[0] !== '#') return NAMED[body] ?? ref
  const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ref
}

/**
 * At most `max` characters (code points, so no surrogate pair is cut) of `text`, cut after the
 * last whole word that fits, with `…` when anything was cut.
 */
export function clip(text: string, max = SUMMARY_CHARS): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const head = chars.slice(0, max).join('')
  const cut = head.lastIndexOf(' ')
  return (cut > max / 2 ? head.slice(0, cut) : head).replace(/[\s,;:.–—-]+$/u, '') + '…'
}

/** The summary of an item with no excerpt: the start of its content as text, else its title. */
export function plainSummary(contentHtml: string, title: string): string {
  return clip(htmlText(contentHtml)) || title
}
