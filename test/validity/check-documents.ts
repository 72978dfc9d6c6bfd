/**
 * The validity bar over a set of feed documents: XML well-formed, Atom valid against RFC 4287,
 * JSON Feed 1.1 valid, and two independent parsers agreeing with each other and with the
 * expected title, link, id and date of every item. Returns failures as readable strings.
 */
import type { Site } from '../../src/documents/site.js'
import { urlPath } from '../../src/paths.js'
import { atomId } from '../../src/render/atom-entry.js'
import { parseWithFeedExtractor, parseWithRssParser, validateJsonFeed, type NormalizedItem } from '../helpers/validate.js'
import type { FeedKey } from '../render/rich-site.js'
import { checkWellFormedBatch, validateAtomBatch, type XmlDoc } from './xmllint-batch.js'

/** What an item must read as, by article id. */
export type ExpectedItems = ReadonlyMap<string, { title: string; link: string; publishedMs: number }>

export interface BarReport {
  documents: number
  /** Item occurrences checked (an article counts once per document it is in). */
  items: number
  /** Article ids seen in at least one checked document. */
  seen: Set<string>
  failures: string[]
}

const decoder = new TextDecoder()

export async function checkDocuments(site: Site, keys: readonly FeedKey[], expected: ExpectedItems): Promise<BarReport> {
  const report: BarReport = { documents: keys.length, items: 0, seen: new Set(), failures: [] }
  const rss: XmlDoc[] = []
  const atom: XmlDoc[] = []
  for (const key of keys) {
    const doc = site.get(key)
    const name = urlPath(key)
    if (!doc) {
      report.failures.push(`${name}: no document`)
      continue
    }
    const text = decoder.decode(doc.body)
    if (key.format === 'rss') rss.push({ name, xml: text })
    else if (key.format === 'atom') atom.push({ name, xml: text })
    else {
      const parsed = JSON.parse(text) as unknown
      for (const e of validateJsonFeed(parsed)) report.failures.push(`${name}: ${e}`)
      compare(report, name, 'json', jsonItems(parsed), parseWithFeedExtractor(text, 'json').items, expected)
    }
  }
  const xmlDocs = [...rss.map((d) => ({ ...d, format: 'rss' as const })), ...atom.map((d) => ({ ...d, format: 'atom' as const }))]
  for (const { name, xml, format } of xmlDocs) {
    try {
      const a = (await parseWithRssParser(xml)).items
      // feed-extractor does not recognise an Atom feed with zero entries (a known quirk).
      const b = format === 'atom' && a.length === 0 ? [] : parseWithFeedExtractor(xml, format).items
      compare(report, name, format, a, b, expected)
    } catch (err) {
      report.failures.push(`${name}: a parser failed: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  report.failures.push(...(await checkWellFormedBatch(rss)), ...(await validateAtomBatch(atom)))
  return report
}

/** JSON Feed items read straight from the parsed object: the second reader of JSON documents. */
function jsonItems(feed: unknown): NormalizedItem[] {
  const items = (feed as { items?: Record<string, unknown>[] }).items ?? []
  return items.map((i) => ({
    title: String(i.title ?? ''),
    link: String(i.url ?? ''),
    id: String(i.id ?? ''),
    date: new Date(String(i.date_published)).toISOString(),
  }))
}

function compare(report: BarReport, name: string, format: string, a: NormalizedItem[], b: NormalizedItem[], expected: ExpectedItems): void {
  const fail = (msg: string) => report.failures.length < 200 && report.failures.push(`${name}: ${msg}`)
  if (a.length !== b.length) fail(`parsers see ${a.length} and ${b.length} items`)
  let previous = Infinity
  a.forEach((item, i) => {
    report.items++
    const other = b[i]
    if (other && JSON.stringify(other) !== JSON.stringify(item)) fail(`parsers disagree on item ${i}: ${JSON.stringify(item)} vs ${JSON.stringify(other)}`)
    const id = format === 'atom' ? fromAtomId(item.id, expected) : item.id
    const want = expected.get(id)
    if (!want) return void fail(`unexpected item id ${JSON.stringify(item.id)}`)
    report.seen.add(id)
    // RFC 822 dates have whole seconds: RSS drops the milliseconds that Atom and JSON keep.
    const ms = format === 'rss' ? Math.floor(want.publishedMs / 1000) * 1000 : want.publishedMs
    const wantItem = { title: want.title, link: want.link, id: format === 'atom' ? atomId(id) : id, date: new Date(ms).toISOString() }
    if (JSON.stringify(item) !== JSON.stringify(wantItem)) fail(`item ${i} reads ${JSON.stringify(item)}, expected ${JSON.stringify(wantItem)}`)
    if (want.publishedMs > previous) fail(`item ${i} is newer than the one before it`)
    previous = want.publishedMs
  })
}

/** The article id behind an Atom id (non-IRI ids were turned into `urn:feedstand:…`). */
function fromAtomId(atom: string, expected: ExpectedItems): string {
  if (expected.has(atom)) return atom
  const prefix = 'urn:feedstand:'
  return atom.startsWith(prefix) ? decodeURIComponent(atom.slice(prefix.length)) : atom
}
