/**
 * One parsed seed → one Article, or the reasons it can't be one. Only the fields we publish are
 * read; everything else (`secured` above all) is left behind here and can never reach output.
 */
import type { Article, Problem, Provider, Result } from '../types.js'
import { fieldSource, type ParsedSeed } from '../load/parse-front-matter.js'
import { buildContentHtml } from './content.js'
import { parseDate, warnShortYear } from './dates.js'
import { renderMarkdown } from './markdown.js'
import { readImages, readRelated, readTopics } from './read-lists.js'
import { Problems, asRecord, overBudget, readText } from './schema.js'
import { cleanBody, truncate } from './text.js'
import { topicSlug } from './slug.js'
import { domainUrl, httpUrl, warnCredentials, type UrlResult } from './urls.js'

export interface NormalizeOptions {
  maxExcerptLength: number
  /** "Now", for the future-date rule; passed in so that normalizing stays pure. */
  nowMs: number
}

/**
 * Front matter with more values than this plus its own length in characters is refused (aliases
 * can make a small file expand to millions). Without aliases every value takes at least one
 * character of the text (`[a,b]`, `-\n-`), so a long plain list (10,000 images) stays within
 * the budget and is cut to MAX_LIST entries with `list-truncated`, like topics; only aliases can
 * go past it.
 */
export const NODE_BUDGET = 20000
/** Articles dated more than this ahead of "now" are held back until due (clock skew tolerance). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000

/** `warnings`: what the steps before found and fixed (the parse result's problems), listed first. */
export function normalizeArticle(file: string, hash: string, seed: ParsedSeed, opts: NormalizeOptions, warnings: readonly Problem[] = []): Result<Article> {
  const p = new Problems(file, seed.frontMatter)
  p.list.push(...warnings)
  const d = seed.data
  // Without aliases, the text of the values cannot be longer than the front matter itself.
  const nodes = NODE_BUDGET + seed.frontMatter.length
  const over = overBudget(d, { nodes, chars: 2 * seed.frontMatter.length + 1024 })
  if (over) {
    p.error(undefined, 'too-complex', over === 'nodes'
      ? `front matter expands to more than ${NODE_BUDGET} values beyond what its ${seed.frontMatter.length} characters can hold (YAML aliases, or an anchor that contains itself); refused`
      : 'front matter text expands to more than twice its size through YAML aliases; refused')
    return { ok: false, problems: p.list }
  }
  const title = readText(d.title, 'title', p, { required: true })
  const date = readPublished(d.publishedDateTime, fieldSource(seed.frontMatter, 'publishedDateTime'), p, opts.nowMs)
  const link = readLink(d.webUrl, d.originalUrl, p)
  const id = d.id === undefined ? link?.url : readText(d.id, 'id', p, { required: true })
  if (title === undefined || date === undefined || !link || !id || p.hasErrors) return { ok: false, problems: p.list }

  let excerpt = readText(d.excerpt, 'excerpt', p) ?? ''
  if (excerpt.length > opts.maxExcerptLength) {
    p.warn('excerpt', 'excerpt-truncated', `excerpt is ${excerpt.length} characters, over ${opts.maxExcerptLength} (maxExcerptLength); truncated`)
    excerpt = truncate(excerpt, opts.maxExcerptLength)
  }
  const provider = readProvider(d.provider, p)
  const images = readImages(d.images, p)
  const related = readRelated(d.related, p)
  const { text: body, fixes } = cleanBody(seed.body)
  if (fixes.includes('mojibake')) p.warn(undefined, 'mojibake', 'the Markdown body was mis-decoded text (UTF-8 read as Windows-1252); repaired')
  if (fixes.includes('control-chars')) p.warn(undefined, 'control-chars', 'the Markdown body had control characters or lone surrogates; removed')
  const contentHtml = buildContentHtml({
    title, excerpt, webUrl: link.url, related, bodyHtml: body.trim() ? renderMarkdown(body.trim(), link.url) : '',
    ...(provider && { provider }), ...(images[0] && { lead: images[0] }),
  })
  const article: Article = {
    id, file, hash, title, excerpt, contentHtml, publishedMs: date, webUrl: link.url,
    topics: readTopics(d.topics, p), images, related,
    published: readPublishedFlag(d.published, p),
  }
  if (link.originalUrl && link.originalUrl !== link.url) article.originalUrl = link.originalUrl
  const category = readText(d.category, 'category', p)
  if (category) article.category = category
  if (provider) article.provider = provider
  if (typeof d.quality === 'number' && Number.isFinite(d.quality)) article.quality = d.quality
  const updated = readUpdated(d.updatedDateTime, fieldSource(seed.frontMatter, 'updatedDateTime'), date, p, opts.nowMs)
  if (updated !== undefined) article.updatedMs = updated
  return { ok: true, value: article, problems: p.list }
}

/**
 * `updatedDateTime`, the date of a correction: the same date rules as `publishedDateTime`, and never
 * before it. A bad one is dropped with a warning (the article stays, updated = published); one in
 * the future is dropped too, since the article as it is now cannot have been changed then.
 */
function readUpdated(value: unknown, source: string | undefined, publishedMs: number, p: Problems, nowMs: number): number | undefined {
  if (value === undefined || value === null) return undefined
  const r = parseDate(value, source)
  if (!r.ok) {
    p.warn('updatedDateTime', 'bad-updated-date', `updatedDateTime ${r.reason}; dropped (updated = published)`)
    return undefined
  }
  if (r.noTimezone) p.warn('updatedDateTime', 'date-no-timezone', 'updatedDateTime has no time zone; read as UTC')
  if (r.shortYear) warnShortYear('updatedDateTime', r.shortYear, p)
  if (r.ms < publishedMs) {
    p.warn('updatedDateTime', 'bad-updated-date', `updatedDateTime ${new Date(r.ms).toISOString()} is before publishedDateTime ${new Date(publishedMs).toISOString()}; dropped (updated = published)`)
    return undefined
  }
  if (r.ms > nowMs + FUTURE_TOLERANCE_MS) {
    p.warn('updatedDateTime', 'bad-updated-date', `updatedDateTime ${new Date(r.ms).toISOString()} is in the future; dropped (updated = published)`)
    return undefined
  }
  return r.ms
}

function readPublished(value: unknown, source: string | undefined, p: Problems, nowMs: number): number | undefined {
  if (value === undefined || value === null) {
    p.error('publishedDateTime', 'missing-date', 'publishedDateTime is missing')
    return undefined
  }
  const r = parseDate(value, source)
  if (!r.ok) {
    p.error('publishedDateTime', 'bad-date', `publishedDateTime ${r.reason}`)
    return undefined
  }
  if (r.noTimezone) p.warn('publishedDateTime', 'date-no-timezone', 'publishedDateTime has no time zone; read as UTC')
  if (r.shortYear) warnShortYear('publishedDateTime', r.shortYear, p)
  if (r.ms > nowMs + FUTURE_TOLERANCE_MS) {
    p.warn('publishedDateTime', 'future-date', `publishedDateTime ${new Date(r.ms).toISOString()} is in the future; held back until then`)
  }
  return r.ms
}

/**
 * The article's link: webUrl, else originalUrl. Only when neither is usable is it an error
 * (one problem, on the field that was meant); a bad one beside a good one is a warning.
 */
function readLink(webUrl: unknown, originalUrl: unknown, p: Problems): { url: string; originalUrl?: string } | undefined {
  const web = urlField(webUrl)
  const orig = urlField(originalUrl)
  if (!web && !orig) {
    p.error('webUrl', 'missing-url', 'webUrl (or originalUrl) is missing')
    return undefined
  }
  const url = web?.ok ? web.url : orig?.ok ? orig.url : undefined
  if (url === undefined) {
    const [field, r] = web ? ['webUrl', web] : ['originalUrl', orig!]
    p.error(field, 'bad-url', `${field}: ${(r as { reason: string }).reason}; the article has no usable link`)
    return undefined
  }
  if (web && !web.ok) p.warn('webUrl', 'bad-url', `webUrl: ${web.reason}; originalUrl used instead`)
  if (orig && !orig.ok) p.warn('originalUrl', 'bad-url', `originalUrl: ${orig.reason}; dropped`)
  if (web) warnCredentials('webUrl', web, p)
  if (orig) warnCredentials('originalUrl', orig, p)
  return orig?.ok ? { url, originalUrl: orig.url } : { url }
}

function urlField(value: unknown): UrlResult | undefined {
  return value === undefined || value === null || value === '' ? undefined : httpUrl(value)
}

function readPublishedFlag(value: unknown, p: Problems): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'boolean') return value
  p.warn('published', 'bad-published', 'published must be true or false; read as true')
  return true
}

function readProvider(value: unknown, p: Problems): Provider | undefined {
  if (value === undefined || value === null) return undefined
  const rec = asRecord(value)
  const name = rec ? readText(rec.name, 'provider.name', p, { code: 'provider' }) : undefined
  if (!rec || !name) {
    if (!rec) p.warn('provider', 'bad-provider', 'provider must be a mapping with a name; dropped')
    else if (typeof rec.name === 'string') p.warn('provider.name', 'bad-provider', 'provider.name is empty; the provider is dropped')
    return undefined
  }
  // The provider's feed lives at /providers/{slug}/ (the topic slug rule): a name without letters
  // or digits (`../`) has none, as such a topic has none; the name still names the author.
  if (!topicSlug(name).slug) p.warn('provider.name', 'empty-provider-slug', `provider ${JSON.stringify(name.slice(0, 100))} has no letters or digits, so it has no provider feed; kept as the author`)
  const domain = domainUrl(rec.domain)
  if (domain?.credentials) p.warn('provider.domain', 'url-credentials', 'provider.domain had a user name or password (user:pass@); removed, the domain is kept without them')
  if (rec.domain !== undefined && !domain) {
    // What precedes an `@` would be credentials: never quoted.
    const shown = typeof rec.domain === 'string' ? rec.domain.replace(/^.*@/, '…@') : rec.domain
    p.warn('provider.domain', 'bad-domain', `provider.domain ${JSON.stringify(shown)?.slice(0, 100)} is not a host name; dropped`)
  }
  return domain ? { name, url: domain.url } : { name }
}
