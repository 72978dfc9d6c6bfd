/**
 * What the RSS and Atom documents share around `feed`, which renders their feed-level metadata:
 * text made safe for its XML writer, and the RFC 5005 links it has no option for.
 */
import { escapeXml } from '../escape.js'
import type { PageLinks } from './feed-meta.js'

/**
 * Text for a `feed` option that ends up as element content (title, description, copyright,
 * author name). `feed` hands it to xml-js, whose text writer first turns every `&amp;` back into
 * `&` ("desanitize to avoid double sanitization") and then escapes: a topic called `R&amp;D`
 * would come out as `R&D`. Escaping `&` first makes that round trip exact.
 * test/render/feed-library-limits.test.ts fails the day xml-js stops doing it.
 */
export function xmlJsText(s: string): string {
  return s.replace(/&/g, '&amp;')
}

const LINK_RELS = [
  ['first', 'first'],
  ['last', 'last'],
  ['previous', 'previous'],
  ['next', 'next'],
  ['current', 'current'],
  ['prevArchive', 'prev-archive'],
] as const

/** One `<link>` line per RFC 5005 relation present (`atom:link` in RSS, `link` in Atom). */
export function pageLinkLines(links: PageLinks, element: 'atom:link' | 'link', type: string, indent: string): string[] {
  return LINK_RELS.filter(([key]) => links[key]).map(
    ([key, rel]) => `${indent}<${element} rel="${rel}" href="${escapeXml(links[key]!)}" type="${type}"/>\n`,
  )
}
