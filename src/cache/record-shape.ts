/**
 * Shape check of a decoded cache record: is this value, read back from disk, a well-formed
 * SeedRecord (a SeedOutcome with the file state it came from)? The checksum (record-codec.ts)
 * catches damaged bytes; this catches what a checksum cannot: a record written by a writer with
 * other ideas of the shape, or bytes that happen to pass. A decoded value that fails here is
 * discarded, never handed to the catalog: a cached `related` that is not a list crashed every
 * later build (issue 15, #5).
 */
import type { Article, Problem } from '../types.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import { BODY_FIELDS, type ArticleBody, type LightRecord } from './article-parts.js'

/** A cached outcome and the file state it was computed from. */
export interface SeedRecord {
  file: string
  size: number
  mtimeMs: number
  hash: string
  outcome: SeedOutcome
}

type Rec = Record<string, unknown>

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const opt = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v)
const listOf = (v: unknown, check: (v: unknown) => boolean) => Array.isArray(v) && v.every(check)

function isProblem(v: unknown, file: string): v is Problem {
  return isRec(v) && v.file === file && isStr(v.code) && isStr(v.message) && (v.severity === 'error' || v.severity === 'warning')
    && opt(v.line, isNum) && opt(v.field, isStr)
}

const isTopic = (v: unknown) => isRec(v) && isStr(v.name) && isStr(v.slug)
const isImage = (v: unknown) => isRec(v) && isStr(v.url) && opt(v.width, isNum) && opt(v.height, isNum) && opt(v.type, isStr)
const isRelated = (v: unknown) => isRec(v) && isStr(v.title) && isStr(v.url) && opt(v.provider, isStr) && opt(v.publishedMs, isNum)
const isProvider = (v: unknown) => isRec(v) && isStr(v.name) && opt(v.url, isStr)
const isIdField = (v: unknown) => v === 'id' || v === 'webUrl' || v === 'originalUrl'

/** The fields every stored article has, whichever part of the store it comes from. */
function isArticleHead(v: unknown, file: string, hash: string): v is Rec {
  return isRec(v) && v.file === file && v.hash === hash
    && isStr(v.id) && v.id !== '' && isStr(v.title) && isStr(v.excerpt) && isNum(v.publishedMs) && opt(v.updatedMs, isNum)
    && isStr(v.webUrl) && opt(v.originalUrl, isStr) && listOf(v.topics, isTopic) && opt(v.category, isStr)
    && opt(v.provider, isProvider) && opt(v.quality, isNum) && typeof v.published === 'boolean' && opt(v.idFrom, isIdField)
}

/** The heavy fields of an article (src/cache/article-parts.ts), checked on whatever holds them. */
function hasBodyFields(v: Rec): boolean {
  return isStr(v.contentHtml) && listOf(v.images, isImage) && listOf(v.related, isRelated)
}

function isArticle(v: unknown, file: string, hash: string): v is Article {
  return isArticleHead(v, file, hash) && hasBodyFields(v)
}

/** A light article: the head fields and none of the heavy ones (a value holding both is not what the store writes). */
function isLightArticle(v: unknown, file: string, hash: string): boolean {
  return isArticleHead(v, file, hash) && BODY_FIELDS.every((k) => !(k in v))
}

/** Whether `v` is a well-formed body (the heavy fields) of the seed bytes hashing to `hash`. */
export function isBody(v: unknown, hash: string): v is ArticleBody {
  return isRec(v) && v.hash === hash && hasBodyFields(v)
}

/** Whether `v` is a well-formed light SeedRecord: as isSeedRecord, with the article's heavy fields absent (they are stored apart). */
export function isLightRecord(v: unknown): v is LightRecord {
  return isRecordHead(v) && isRec(v.outcome) && v.outcome.file === v.file && listOf(v.outcome.problems, (p) => isProblem(p, v.file as string))
    && opt(v.outcome.article, (a) => isLightArticle(a, v.file as string, v.hash as string))
}

function isRecordHead(v: unknown): v is Rec {
  return isRec(v) && isStr(v.file) && isNum(v.size) && v.size >= 0 && isNum(v.mtimeMs) && isStr(v.hash) && /^[0-9a-f]{64}$/.test(v.hash)
}

/** Whether `v` is a well-formed outcome of `file` whose article (if any) came from bytes hashing to `hash`. */
export function isSeedOutcome(v: unknown, file: string, hash: string): v is SeedOutcome {
  return isRec(v) && v.file === file && listOf(v.problems, (p) => isProblem(p, file)) && opt(v.article, (a) => isArticle(a, file, hash))
}

/** Whether `v` is a well-formed SeedRecord: file state, content hash and outcome that agree with one another. */
export function isSeedRecord(v: unknown): v is SeedRecord {
  return isRecordHead(v) && isSeedOutcome(v.outcome, v.file as string, v.hash as string)
}
