/**
 * Readers for the list fields of front matter: topics, images, related coverage. Each entry that
 * is wrong is dropped with a warning naming it (`topics[2]`); the rest of the list is kept.
 */
import type { Image, Related, Topic } from '../types.js'
import { parseDate, warnShortYear } from './dates.js'
import { Problems, asList, asRecord, positiveInt, readText } from './schema.js'
import { MAX_SLUG_BYTES, MAX_SLUG_URL, topicSlug } from './slug.js'
import { httpUrl, imageType, warnCredentials } from './urls.js'

/** Entries past this are dropped (`list-truncated`): a feed item with 5,000 categories helps nobody. */
export const MAX_LIST = 50

function capped(list: unknown[], field: string, p: Problems): unknown[] {
  if (list.length > MAX_LIST) p.warn(field, 'list-truncated', `${field} has ${list.length} entries; only the first ${MAX_LIST} are kept`)
  return list.slice(0, MAX_LIST)
}

/**
 * Topic names → topics with slugs. A slug is always one safe path segment (see slug.ts), so a
 * name like `../../etc/passwd` becomes the topic `etc-passwd`; a name with no letters or digits
 * (`..`, `/`) has no slug and is dropped; a slug too long for a file name is cut (`slug-truncated`).
 */
export function readTopics(value: unknown, p: Problems): Topic[] {
  if (value === undefined || value === null) return []
  let names: unknown[]
  if (typeof value === 'string') {
    p.warn('topics', 'topics-not-list', 'topics is one string, not a list; read as one topic')
    names = [value]
  } else if (Array.isArray(value)) {
    names = capped(value, 'topics', p)
  } else {
    p.warn('topics', 'bad-topics', 'topics must be a list of names; dropped')
    return []
  }
  const topics = new Map<string, Topic>()
  names.forEach((raw, i) => {
    const field = `topics[${i}]`
    const name = readText(raw, field, p, { code: 'topic' })
    if (name === undefined) {
      if (raw === null || typeof raw === 'string') p.warn(field, 'empty-topic', `${field} is empty; dropped`)
      return
    }
    const { slug, truncated } = topicSlug(name)
    if (!slug) p.warn(field, 'empty-topic-slug', `topic ${JSON.stringify(name.slice(0, 100))} has no letters or digits; dropped`)
    else if (!topics.has(slug)) {
      if (truncated) {
        p.warn(field, 'slug-truncated', `topic ${JSON.stringify(name.slice(0, 100))} makes a slug over 80 characters, ${MAX_SLUG_BYTES} UTF-8 bytes or ${MAX_SLUG_URL} characters percent-encoded; shortened to "${slug}"`)
      }
      topics.set(slug, { name, slug })
    }
  })
  return [...topics.values()]
}

export function readImages(value: unknown, p: Problems): Image[] {
  const list = asList(value)
  if (value !== undefined && value !== null && !list) p.warn('images', 'bad-images', 'images must be a list; dropped')
  const images: Image[] = []
  for (const [i, raw] of capped(list ?? [], 'images', p).entries()) {
    const rec = asRecord(raw)
    const r = httpUrl(rec ? rec.url : raw)
    if (!r.ok) {
      p.warn(`images[${i}].url`, 'bad-url', `images[${i}].url: ${r.reason}; image dropped`)
      continue
    }
    warnCredentials(`images[${i}].url`, r, p)
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

export function readRelated(value: unknown, p: Problems): Related[] {
  const list = asList(value)
  if (value !== undefined && value !== null && !list) p.warn('related', 'bad-related', 'related must be a list; dropped')
  const related: Related[] = []
  for (const [i, raw] of capped(list ?? [], 'related', p).entries()) {
    const rec = asRecord(raw)
    if (!rec) {
      p.warn(`related[${i}]`, 'bad-related', `related[${i}] must be a mapping; dropped`)
      continue
    }
    const title = readText(rec.title, `related[${i}].title`, p, { code: 'related' })
    const r = httpUrl(rec.webUrl ?? rec.originalUrl)
    if (!r.ok) {
      p.warn(`related[${i}].webUrl`, 'bad-url', `related[${i}].webUrl: ${r.reason}; related entry dropped`)
      continue
    }
    if (!title) {
      p.warn(`related[${i}].title`, 'bad-related', `related[${i}] has no title; dropped`)
      continue
    }
    warnCredentials(`related[${i}].webUrl`, r, p)
    const item: Related = { title, url: r.url }
    const providerName = readText(asRecord(rec.provider)?.name, `related[${i}].provider.name`, p, { code: 'related' })
    if (providerName) item.provider = providerName
    const date = rec.publishedDateTime === undefined ? undefined : parseDate(rec.publishedDateTime)
    if (date?.ok) {
      item.publishedMs = date.ms
      if (date.shortYear) warnShortYear(`related[${i}].publishedDateTime`, date.shortYear, p)
    }
    else if (date) p.warn(`related[${i}].publishedDateTime`, 'bad-related', `related[${i}].publishedDateTime ${date.reason}; dropped`)
    related.push(item)
  }
  return related
}
