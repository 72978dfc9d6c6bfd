/**
 * Oracles for "nothing executable came through": each scanner reads one output document with a
 * real parser (fast-xml-parser for feeds and OPML, JSON.parse, htmlparser2 for HTML), decodes it
 * the way a reader would, and lists every `<script>` element, `on*` event-handler attribute and
 * `javascript:`/`vbscript:` URL it finds. HTML carried inside a feed (RSS description and
 * content:encoded, Atom content, JSON content_html) is decoded from XML/JSON first and scanned
 * as HTML in its own right, since that is what a reader renders.
 */
import { XMLParser } from 'fast-xml-parser'
import { Parser } from 'htmlparser2'
import { urlPath } from '../../src/paths.js'

/**
 * The one script a page may carry: Feedstand's own, by URL, empty, in the head (src/render/pages/
 * page-shell.ts). Markup that came from input can never be it: input reaches a page only as
 * escaped text, and the tag is only looked for in the head, before any of it.
 */
const OWN_SCRIPT = new RegExp(`^(<!doctype html>[^]*?<head>[^]*?)<script src="(?:/[^"<>]*)?${urlPath({ type: 'asset', name: 'site.js' }).replace(/\./g, '\\.')}" defer></script>([^]*?</head>)`)

/** A page without its own script tag, for the scanner (pages only; a feed carries no script at all). */
function withoutOwnScript(html: string): string {
  return html.replace(OWN_SCRIPT, '$1$2')
}

/** Attributes that hold a URL in HTML. */
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data', 'srcset', 'longdesc', 'usemap', 'manifest', 'icon'])

/** A URL a browser would run, after the clean-up browsers do (whitespace and controls dropped, case folded). */
export function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const v = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase()
  return v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('livescript:')
}

/** Violations in one piece of HTML (a page, or a feed item's decoded content). */
export function scanHtml(html: string, where: string): string[] {
  const found: string[] = []
  if (/<script/i.test(html)) found.push(`${where}: <script in HTML`)
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'meta'].includes(name) && !(name === 'meta' && where.endsWith('index.html'))) {
          found.push(`${where}: <${name}> element`)
        }
        for (const [attr, value] of Object.entries(attribs)) {
          if (/^on/i.test(attr)) found.push(`${where}: <${name} ${attr}=…> event handler`)
          if (URL_ATTRS.has(attr.toLowerCase()) && isScriptUrl(value)) found.push(`${where}: <${name} ${attr}="${value.slice(0, 60)}">`)
          if (attr === 'style' && /expression\(|javascript:/i.test(value)) found.push(`${where}: <${name} style> with script`)
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  return found
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: () => true,
})

/**
 * RSS item elements whose text readers render as HTML ("MUST be suitable for presentation as
 * HTML", RSS Best Practices Profile). The channel's description is character data, like titles.
 */
const RSS_ITEM_HTML = new Set(['description', 'content:encoded'])
/** Element names whose text is a URL. */
const URL_ELEMENTS = new Set(['link', 'uri', 'url', 'docs', 'comments', 'icon', 'logo'])

/**
 * Whether an element's text is HTML: by its Atom `type` when it has one (RFC 4287 §3.1: absent
 * means text), else by the RSS element name.
 */
function isHtmlText(name: string, parent: string, type: string | undefined): boolean {
  return type === undefined ? parent === 'item' && RSS_ITEM_HTML.has(name) : /^(html|xhtml|text\/html)$/i.test(type)
}

/** Violations in an RSS, Atom or OPML document: raw markup, decoded HTML fields, and URLs. */
export function scanXml(text: string, where: string): string[] {
  const found: string[] = []
  if (/<script/i.test(text)) found.push(`${where}: <script element in XML`)
  const checkText = (value: string, name: string, parent: string, type: string | undefined) => {
    if (isHtmlText(name, parent, type)) found.push(...scanHtml(value, `${where} <${name}>`))
    if (URL_ELEMENTS.has(name) && isScriptUrl(value)) found.push(`${where}: <${name}>${value.slice(0, 60)}`)
  }
  const walk = (node: unknown, name: string, parent: string): void => {
    if (typeof node === 'string') return checkText(node, name, parent, undefined)
    if (Array.isArray(node)) return node.forEach((n) => walk(n, name, parent))
    if (!node || typeof node !== 'object') return
    const rec = node as Record<string, unknown>
    const type = typeof rec['@type'] === 'string' ? rec['@type'] : undefined
    for (const [key, value] of Object.entries(rec)) {
      if (key.startsWith('@')) {
        if (/^@on/i.test(key)) found.push(`${where}: ${key} attribute`)
        if (typeof value === 'string' && isScriptUrl(value)) found.push(`${where}: <${name} ${key.slice(1)}="${value.slice(0, 60)}">`)
      } else if (key === '#text') {
        for (const t of Array.isArray(value) ? value : [value]) if (typeof t === 'string') checkText(t, name, parent, type)
      } else {
        walk(value, key, name)
      }
    }
  }
  walk(xml.parse(text), '', '')
  return found
}

/** Violations in a JSON Feed or topics.json: `content_html` scanned as HTML, every `*url`, image or icon checked. */
export function scanJson(value: unknown, where: string): string[] {
  const found: string[] = []
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (key === 'content_html') found.push(...scanHtml(v, `${where} ${key}`))
      if (/url$|^image$|^banner_image$|^icon$|^favicon$/i.test(key) && isScriptUrl(v)) found.push(`${where}: "${key}": ${v.slice(0, 60)}`)
      return
    }
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key))
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k)
  }
  walk(value, '')
  return found
}

/** Scans one built document by its file name. */
export function scanDocument(file: string, body: Uint8Array): string[] {
  if (!/\.(json|xml|opml|html)$/.test(file)) return []
  const text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  if (file.endsWith('.json')) return scanJson(JSON.parse(text), file)
  if (file.endsWith('.xml') || file.endsWith('.opml')) return scanXml(text, file)
  if (file.endsWith('.html')) return scanHtml(withoutOwnScript(text), file)
  return []
}
