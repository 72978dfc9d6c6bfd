/**
 * The stored layout of a light record (article-parts.ts): positional arrays, not objects with
 * their keys. A start from the cache decodes 100k of them, and deserializing was most of its
 * time: as v8-serialized objects they were 129 MB at 100k (each carried its file three times, its
 * hash twice, and, for most articles, one URL as both id and webUrl), deserialized in 0.95–1.25 s
 * on this 2-core machine; as positional arrays without the repeats 78 MB in 0.48–0.53 s (same
 * records, 3 rounds each, noisy). The decoded value is rebuilt into the record object and then
 * checked whole by record-shape.ts, as before: the layout changes what is read, not what is trusted.
 */
import type { LightArticle, LightRecord } from './article-parts.js'

/** The article's stored fields in their order (file and hash are the record's; see `toLayout`). */
const FIELDS = ['id', 'title', 'excerpt', 'publishedMs', 'updatedMs', 'webUrl', 'originalUrl', 'topics', 'category', 'provider', 'quality', 'published', 'idFrom'] as const
const ID = 0
const WEB_URL = FIELDS.indexOf('webUrl')

/** `r` as stored: `[file, size, mtimeMs, hash, problems, article fields | undefined]`; an id equal to the webUrl is left out (undefined). */
export function toLayout(r: LightRecord): unknown[] {
  const a = r.outcome.article as Record<string, unknown> | undefined
  const fields = a && FIELDS.map((k) => a[k])
  if (fields && fields[ID] === fields[WEB_URL]) fields[ID] = undefined
  return [r.file, r.size, r.mtimeMs, r.hash, r.outcome.problems, fields]
}

/**
 * The record a stored layout describes, for record-shape.ts to check; undefined when `v` is no
 * layout at all. The article shares the record's file and hash strings (and its webUrl as id):
 * one string each, not the copies deserializing made.
 */
export function fromLayout(v: unknown): LightRecord | undefined {
  if (!Array.isArray(v) || v.length !== 6 || typeof v[0] !== 'string') return undefined
  const [file, size, mtimeMs, hash, problems, fields] = v as [string, number, number, string, LightRecord['outcome']['problems'], unknown]
  if (fields !== undefined && (!Array.isArray(fields) || fields.length !== FIELDS.length)) return undefined
  const outcome: LightRecord['outcome'] = { file, problems }
  if (fields) {
    const a: Record<string, unknown> = { id: fields[ID] ?? fields[WEB_URL], file, hash }
    for (let i = 1; i < FIELDS.length; i++) if (fields[i] !== undefined) a[FIELDS[i]!] = fields[i]
    outcome.article = a as unknown as LightArticle
  }
  return { file, size, mtimeMs, hash, outcome }
}
