/**
 * Reads every field we publish back out of RSS and Atom documents with a real parser
 * (rss-parser, on xml2js), so tests assert what a reader receives, not what we meant to write.
 * Values are XML-decoded once, never HTML-decoded (RSS `<description>` stays HTML source).
 */
import Parser from 'rss-parser'

export interface Attrs {
  [name: string]: string
}

export interface ReadItem {
  title: string
  link: string
  id: string
  /** RSS `<description>` (HTML source) or Atom `<summary>` (text). */
  summary?: string
  summaryType?: string
  /** RSS `content:encoded` or Atom `<content>`, as the HTML source. */
  contentHtml?: string
  contentType?: string
  titleType?: string
  /** RSS `dc:creator` or Atom `author/name`. */
  author?: string
  authorUri?: string
  /** RSS `<source url>` or Atom `source/id` + `source/title`. */
  source?: { url: string; name: string }
  /** `{text, domain}` in RSS; `{text: label, domain: scheme, term}` in Atom. */
  categories: { text: string; domain?: string; term?: string }[]
  /** RSS `<enclosure>`s, Atom `link rel="enclosure"`s. */
  enclosures: Attrs[]
  /** Atom links other than enclosures (alternate, via, related). */
  links: Attrs[]
  mediaContent: Attrs[]
  thumbnails: Attrs[]
}

type Node = string | { _?: string; $?: Attrs; [child: string]: unknown }

const FIELDS = [
  ['media:content', 'mediaContent'],
  ['media:thumbnail', 'thumbnails'],
  ['source', 'sources'],
  ['category', 'cats'],
  ['enclosure', 'encls'],
  ['link', 'allLinks'],
  ['description', 'desc'],
  ['summary', 'summaries'],
  ['content', 'contents'],
  ['title', 'titles'],
  ['author', 'authors'],
] as const

const parser = new Parser<Record<string, unknown>, Record<string, Node[] | undefined>>({
  customFields: { item: FIELDS.map(([from, to]) => [from, to, { keepArray: true }] as [string, string, { keepArray: true }]) },
})

const text = (n: Node | undefined): string => (n === undefined ? '' : typeof n === 'string' ? n : (n._ ?? ''))
const attrs = (n: Node | undefined): Attrs => (n !== undefined && typeof n === 'object' ? { ...n.$ } : {})
const child = (n: Node | undefined, name: string): Node | undefined =>
  n !== undefined && typeof n === 'object' ? (n[name] as Node[] | undefined)?.[0] : undefined

/** Items of an RSS 2.0 or Atom 1.0 document, in document order. */
export async function readItems(xml: string): Promise<ReadItem[]> {
  const feed = await parser.parseString(xml)
  const atom = /<feed[\s>]/.test(xml.slice(0, 500))
  return feed.items.map((raw) => (atom ? atomItem(raw) : rssItem(raw)))
}

function rssItem(raw: Record<string, unknown>): ReadItem {
  const r = raw as Record<string, Node[] | undefined> & { guid?: string; link?: string; title?: string; 'dc:creator'?: string }
  const source = r.sources?.[0]
  const item: ReadItem = {
    title: r.title ?? '',
    link: r.link ?? '',
    id: text(r.guid as Node | undefined),
    categories: (r.cats ?? []).map((c) => ({ text: text(c), ...(attrs(c).domain && { domain: attrs(c).domain }) })),
    enclosures: (r.encls ?? []).map(attrs),
    links: [],
    mediaContent: (r.mediaContent ?? []).map(attrs),
    thumbnails: (r.thumbnails ?? []).map(attrs),
  }
  if (r.desc) item.summary = text(r.desc[0])
  if (typeof raw['content:encoded'] === 'string') item.contentHtml = raw['content:encoded']
  if (r['dc:creator']) item.author = r['dc:creator']
  if (source) item.source = { url: attrs(source).url ?? '', name: text(source) }
  return item
}

function atomItem(raw: Record<string, unknown>): ReadItem {
  const r = raw as Record<string, Node[] | undefined> & { id?: string }
  const links = (r.allLinks ?? []).map(attrs)
  const author = r.authors?.[0]
  const source = r.sources?.[0]
  const item: ReadItem = {
    title: text(r.titles?.[0]),
    link: links.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href ?? '',
    id: r.id ?? '',
    categories: (r.cats ?? []).map((c) => {
      const a = attrs(c)
      return { text: a.label ?? a.term ?? '', term: a.term ?? '', ...(a.scheme && { domain: a.scheme }) }
    }),
    enclosures: links.filter((l) => l.rel === 'enclosure'),
    links: links.filter((l) => l.rel !== 'enclosure'),
    mediaContent: (r.mediaContent ?? []).map(attrs),
    thumbnails: (r.thumbnails ?? []).map(attrs),
  }
  const titleType = attrs(r.titles?.[0]).type
  if (titleType) item.titleType = titleType
  if (r.summaries?.[0]) Object.assign(item, { summary: text(r.summaries[0]), summaryType: attrs(r.summaries[0]).type })
  if (r.contents?.[0]) Object.assign(item, { contentHtml: text(r.contents[0]), contentType: attrs(r.contents[0]).type })
  if (author) {
    item.author = text(child(author, 'name'))
    const uri = text(child(author, 'uri'))
    if (uri) item.authorUri = uri
  }
  if (source) item.source = { url: text(child(source, 'id')), name: text(child(source, 'title')) }
  return item
}

/** What a reader that treats a value as HTML shows: the five entities the renderers emit, decoded once. */
export function htmlText(html: string): string {
  return html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!)
}
