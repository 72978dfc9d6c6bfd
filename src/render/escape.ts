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
