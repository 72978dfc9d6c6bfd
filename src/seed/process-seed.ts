/**
 * The pure seed step: one seed's bytes → its SeedOutcome (decode → parse front matter →
 * normalize). No disk, no clock (the instant comes in the options), no cache: the loader, the
 * parse workers and the live reader all call it, and the same bytes and options always give the
 * same outcome, which is what lets the caches above it store outcomes by content hash.
 */
import { sha256 } from '../node/digest.js'
import type { Config } from '../config.js'
import { decodeSeed } from '../load/decode.js'
import { parseFrontMatter } from '../load/parse-front-matter.js'
import { normalizeArticle, type NormalizeOptions } from '../normalize/normalize-article.js'
import { idSource } from './id-source.js'
import type { SeedOutcome } from './seed-outcome.js'

/** Hash of a seed's bytes: the cache key of everything derived from it. */
export function hashSeed(bytes: Uint8Array): string {
  return sha256(bytes)
}

/** The normalize settings of `config` at the instant `nowMs`. */
export function normalizeOptions(config: Pick<Config, 'maxExcerptLength'>, nowMs: number): NormalizeOptions {
  return { maxExcerptLength: config.maxExcerptLength, nowMs }
}

/** Bytes of one seed → its outcome. Pure: the same bytes and options always give the same outcome. */
export function processSeed(file: string, bytes: Uint8Array, opts: NormalizeOptions): SeedOutcome {
  return processSeedHashed(file, bytes, hashSeed(bytes), opts)
}

/** `processSeed` when the caller already has the bytes' hash. */
export function processSeedHashed(file: string, bytes: Uint8Array, hash: string, opts: NormalizeOptions): SeedOutcome {
  // Each step is a Result: a failure's problems are the outcome's; a success's warnings go on.
  const decoded = decodeSeed(file, bytes)
  if (!decoded.ok) return { file, problems: decoded.problems }
  const parsed = parseFrontMatter(file, decoded.value)
  if (!parsed.ok) return { file, problems: parsed.problems }
  const result = normalizeArticle(file, hash, parsed.value, opts, [...decoded.problems, ...parsed.problems])
  if (!result.ok) return { file, problems: result.problems }
  const article = { ...result.value, idFrom: idSource(parsed.value.data, result.value) }
  return { file, article, problems: result.problems }
}
