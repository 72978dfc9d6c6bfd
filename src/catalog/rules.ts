/**
 * The catalog's rules, written once for the full build (build-catalog.ts), the incremental update
 * (update-catalog.ts) and `check`: which of several files claiming one id wins, what is visible,
 * what is held back by its future date, and when the next held-back article becomes due.
 */
import type { Article, Problem } from '../types.js'
import { FUTURE_TOLERANCE_MS } from '../normalize/normalize-article.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'

export interface CatalogOptions {
  onlyPublished: boolean
  nowMs: number
}

/**
 * The winner rule, as an order on the claiming files: the file whose path sorts first wins,
 * whatever the dates, so the choice is stable across runs and machines.
 */
export function claimOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The error a losing claimant gets; it names the field its id came from (`id`, `webUrl` or `originalUrl`). */
export function duplicateIdProblem(loser: Article, winnerFile: string): Problem {
  return {
    file: loser.file, field: loser.idFrom ?? 'webUrl', code: 'duplicate-id', severity: 'error',
    message: `article id ${JSON.stringify(loser.id)} is already used by ${winnerFile}; this file is not published`,
  }
}

/** Id → winning article, and every losing claimant's `duplicate-id` problem, by the winner rule. */
export function resolveIds(outcomes: Iterable<SeedOutcome>): { winners: Map<string, Article>; duplicates: Problem[] } {
  const winners = new Map<string, Article>()
  const duplicates: Problem[] = []
  for (const o of [...outcomes].sort((a, b) => claimOrder(a.file, b.file))) {
    const a = o.article
    if (!a) continue
    const first = winners.get(a.id)
    if (first) duplicates.push(duplicateIdProblem(a, first.file))
    else winners.set(a.id, a)
  }
  return { winners, duplicates }
}

/** Published now: not a draft when only published articles count, and not dated in the future. */
export function isVisible(a: Article, opts: CatalogOptions): boolean {
  if (opts.onlyPublished && !a.published) return false
  return a.publishedMs <= opts.nowMs + FUTURE_TOLERANCE_MS
}

/** Not visible now only because of its date: it becomes visible at `dueMs(a)`. A draft under `onlyPublished` never does. */
export function isHeldBack(a: Article, opts: CatalogOptions): boolean {
  return !isVisible(a, opts) && (!opts.onlyPublished || a.published)
}

/** The first instant at which a held-back article is visible. */
export function dueMs(a: Article): number {
  return a.publishedMs - FUTURE_TOLERANCE_MS
}

/** Winners held back by their future date (the articles a timer waits for). */
export function heldBack(winners: Iterable<Article>, opts: CatalogOptions): Article[] {
  return [...winners].filter((a) => isHeldBack(a, opts))
}

/** The earliest `dueMs` of `held`, or undefined when none is waiting. */
export function earliestDue(held: Iterable<Article>): number | undefined {
  let next: number | undefined
  for (const a of held) if (next === undefined || dueMs(a) < next) next = dueMs(a)
  return next
}

/**
 * The first instant at which a held-back (future) article becomes visible, for the server's timer;
 * undefined when none is waiting. Only articles that win their id count, and with `onlyPublished`
 * a draft never becomes due, so a timer set from this always has something to show.
 */
export function nextDueMs(outcomes: Iterable<SeedOutcome>, opts: CatalogOptions): number | undefined {
  return earliestDue(heldBack(resolveIds(outcomes).winners.values(), opts))
}
