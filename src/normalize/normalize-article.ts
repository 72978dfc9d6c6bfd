/**
 * One parsed seed → one Article, or the reasons it can't be one. Only the fields we publish are
 * read; everything else (`secured` above all) is left behind here and can never reach output.
 */
import type { Article, Image, Provider, Related, Result, Topic } from '../types.js'
import type { ParsedSeed } from '../load/parse-front-matter.js'
import { buildContentHtml } from './content.js'
import { parseDate } from './dates.js'
import { renderMarkdown } from './markdown.js'
import { Problems, asList, asRecord, positiveInt, readText, withinBudget } from './schema.js'
import { slugify } from './slug.js'
import { stripForbidden, truncate } from './text.js'
import { domainUrl, httpUrl, imageType } from './urls.js'

export interface NormalizeOptions {
  maxExcerptLength: number
  /** "Now", for the future-date rule; passed in so that normalizing stays pure. */
  nowMs: number
}

/** Front matter with more nodes than this is refused (aliases can make a small file expand to millions). */
export const NODE_BUDGET = 20000
/** Articles dated more than this ahead of "now" are held back until due (clock skew tolerance). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000
const MAX_LIST = 50

export function normalizeArticle(file: string, hash: string, seed: ParsedSeed, opts: NormalizeOptions): Result<Article> {
  const p = new Problems(file, seed.frontMatter)
  const d = seed.data
  if (!withinBudget(d, NODE_BUDGET)) {
    p.error(undefined, 'too-complex', `front matter expands to more than ${NODE_BUDGET} values (YAML aliases?)`)
    return { ok: false, problems: p.list }
  }
  const title = readText(d.title, 'title', p, { required: true })
  const date = readPublished(d.publishedDateTime, p, opts.nowMs)
  const webUrl = readUrl(d.webUrl, 'webUrl', p)
  const originalUrl = readUrl(d.originalUrl, 'originalUrl', p)
  const link = webUrl ?? originalUrl
  if (!link && d.webUrl === undefined && d.originalUrl === undefined) p.error('webUrl', 'missing-url', 'webUrl (or originalUrl) is missing')
  else if (!link) p.error('webUrl', 'bad-url', 'the article has no usable webUrl or originalUrl')
  const id = d.id === undefined ? link : readText(d.id, 'id', p, { required: true })
  if (title === undefined || date === undefined || !link || !id || p.hasErrors) return { ok: false, problems: p.list }

  let excerpt = readText(d.excerpt, 'excerpt', p) ?? ''
  if (excerpt.length > opts.maxExcerptLength) {
    p.warn('excerpt', 'excerpt-truncated', `excerpt is ${excerpt.length} characters, over ${opts.maxExcerptLength} (maxExcerptLength); truncated`)
    excerpt = truncate(excerpt, opts.maxExcerptLength)
  }
  const provider = readProvider(d.provider, p)
  const images = readImages(d.images, p)
  const related = readRelated(d.related, p)
  const body = stripForbidden(seed.body).trim()
  const contentHtml = buildContentHtml({
    title, excerpt, webUrl: link, related, bodyHtml: body ? renderMarkdown(body, link) : '',
    ...(provider && { provider }), ...(images[0] && { lead: images[0] }),
  })
  const article: Article = {
    id, file, hash, title, excerpt, contentHtml, publishedMs: date, webUrl: link,
    topics: readTopics(d.topics, p), images, related,
    published: readPublishedFlag(d.published, p),
  }
  if (originalUrl && originalUrl !== link) article.originalUrl = originalUrl
  const category = readText(d.category, 'category', p)
  if (category) article.category = category
  if (provider) article.provider = provider
  if (typeof d.quality === 'number' && Number.isFinite(d.quality)) article.quality = d.quality
  return { ok: true, value: article, problems: p.list }
}

function readPublished(value: unknown, p: Problems, nowMs: number): number | undefined {
  if (value === undefined || value === null) {
    p.error('publishedDateTime', 'missing-date', 'publishedDateTime is missing')
    return undefined
  }
  const r = parseDate(value)
  if (!r.ok) {
    p.error('publishedDateTime', 'bad-date', `publishedDateTime ${r.reason}`)
    return undefined
  }
  if (r.noTimezone) p.warn('publishedDateTime', 'date-no-timezone', 'publishedDateTime has no time zone; read as UTC')
  if (r.ms > nowMs + FUTURE_TOLERANCE_MS) {
    p.warn('publishedDateTime', 'future-date', `publishedDateTime ${new Date(r.ms).toISOString()} is in the future; held back until then`)
  }
  return r.ms
}

function readUrl(value: unknown, field: string, p: Problems): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const r = httpUrl(value)
  if (r.ok) return r.url
  p.warn(field, 'bad-url', `${field}: ${r.reason}`)
  return undefined
}

function readPublishedFlag(value: unknown, p: Problems): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'boolean') return value
  p.warn('published', 'bad-published', 'published must be true or false; read as true')
  return true
}

function readTopics(value: unknown, p: Problems): Topic[] {
  if (value === undefined || value === null) return []
  let names: unknown[]
  if (typeof value === 'string') {
    p.warn('topics', 'topics-not-list', 'topics is one string, not a list; read as one topic')
    names = [value]
  } else if (Array.isArray(value)) {
    names = value
  } else {
    p.warn('topics', 'bad-topics', 'topics must be a list of names; dropped')
    return []
  }
  const topics = new Map<string, Topic>()
  names.slice(0, MAX_LIST).forEach((raw, i) => {
    const name = readText(raw, `topics[${i}]`, p)
    if (name === undefined) return
    const slug = slugify(name)
    if (!slug) p.warn(`topics[${i}]`, 'empty-topic-slug', `topic ${JSON.stringify(name)} has no letters or digits; dropped`)
    else if (!topics.has(slug)) topics.set(slug, { name, slug })
  })
  return [...topics.values()]
}

function readProvider(value: unknown, p: Problems): Provider | undefined {
  if (value === undefined || value === null) return undefined
  const rec = asRecord(value)
  const name = rec ? readText(rec.name, 'provider.name', p) : undefined
  if (!rec || !name) {
    if (!rec) p.warn('provider', 'bad-provider', 'provider must be a mapping with a name; dropped')
    return undefined
  }
  const url = domainUrl(rec.domain)
  if (rec.domain !== undefined && !url) p.warn('provider.domain', 'bad-domain', `provider.domain ${JSON.stringify(rec.domain)} is not a host name; dropped`)
  return url ? { name, url } : { name }
}

function readImages(value: unknown, p: Problems): Image[] {
  const list = asList(value)
  if (value !== undefined && value !== null && !list) p.warn('images', 'bad-images', 'images must be a list; dropped')
  const images: Image[] = []
  for (const [i, raw] of (list ?? []).slice(0, MAX_LIST).entries()) {
    const rec = asRecord(raw)
    const r = httpUrl(rec ? rec.url : raw)
    if (!r.ok) {
      p.warn(`images[${i}].url`, 'bad-url', `images[${i}].url: ${r.reason}; image dropped`)
      continue
    }
    const img: Image = { url: r.url }
    const type = imageType(r.url)
    if (type) img.type = type
    const width = positiveInt(rec?.width)
    const height = positiveInt(rec?.height)
    if (width && height) Object.assign(img, { width, height })
    images.push(img)
  }
  return images
}

function readRelated(value: unknown, p: Problems): Related[] {
  const list = asList(value)
  if (value !== undefined && value !== null && !list) p.warn('related', 'bad-related', 'related must be a list; dropped')
  const related: Related[] = []
  for (const [i, raw] of (list ?? []).slice(0, MAX_LIST).entries()) {
    const rec = asRecord(raw)
    if (!rec) {
      p.warn(`related[${i}]`, 'bad-related', `related[${i}] must be a mapping; dropped`)
      continue
    }
    const title = readText(rec.title, `related[${i}].title`, p)
    const r = httpUrl(rec.webUrl ?? rec.originalUrl)
    if (!r.ok || !title) {
      if (!r.ok) p.warn(`related[${i}].webUrl`, 'bad-url', `related[${i}].webUrl: ${r.reason}; related entry dropped`)
      else p.warn(`related[${i}].title`, 'missing-title', `related[${i}] has no title; dropped`)
      continue
    }
    const item: Related = { title, url: r.url }
    const providerName = readText(asRecord(rec.provider)?.name, `related[${i}].provider.name`, p)
    if (providerName) item.provider = providerName
    const date = rec.publishedDateTime === undefined ? undefined : parseDate(rec.publishedDateTime)
    if (date?.ok) item.publishedMs = date.ms
    related.push(item)
  }
  return related
}
