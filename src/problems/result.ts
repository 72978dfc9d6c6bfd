/**
 * Constructors of the one Result shape (src/types.ts) that every step of the intake returns:
 * reading, decoding, front-matter parsing and normalizing a seed. A failure carries its problems
 * (at least one error); a success carries its value and the warnings found on the way.
 */
import type { Problem, Result } from '../types.js'

export function ok<T>(value: T, problems: Problem[] = []): Result<T> {
  return { ok: true, value, problems }
}

export function failed<T = never>(problem: Problem): Result<T> {
  return { ok: false, problems: [problem] }
}
