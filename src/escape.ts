/** Escaping for text and attribute values in XML and HTML. One pass, no allocation when clean. */

const XML_SPECIAL = /[&<>"]/
const XML_SPECIAL_G = /[&<>"]/g
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Escapes `& < > "`: safe in element content and in double-quoted attributes, XML and HTML alike. */
export function escapeXml(s: string): string {
  return XML_SPECIAL.test(s) ? s.replace(XML_SPECIAL_G, (c) => ENTITIES[c]!) : s
}

/** Same rules; a separate name where the output is HTML, for the reader. */
export const escapeHtml = escapeXml

const RSS_SPECIAL = /[&<>]/
const RSS_SPECIAL_G = /[&<>]/g
const RSS_REFS: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;' }

/**
 * Escapes plain text for RSS element content (`<title>`, `<category>`, `<source>`, `<dc:creator>`).
 * RSS never said whether those elements hold HTML, so readers differ; the RSS Best Practices
 * Profile (Character Data) and the feed validator's `CharacterData` warning recommend the
 * hexadecimal references `&#x26;` `&#x3C;` `&#x3E;`, the form the widest range of readers shows
 * as the literal character. To an XML parser they mean exactly what `&amp;` `&lt;` `&gt;` mean.
 */
export function escapeRssText(s: string): string {
  return RSS_SPECIAL.test(s) ? s.replace(RSS_SPECIAL_G, (c) => RSS_REFS[c]!) : s
}
