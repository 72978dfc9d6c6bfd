/**
 * Incremental snapshots: the catalog of the previous snapshot + the outcomes of the files that
 * changed → the next Catalog, in time proportional to the change, equal to what `buildCatalog`
 * gives for the same outcomes (test/live/update-catalog.test.ts checks that on random histories).
 *
 * The next Catalog shares every unchanged Article object, every untouched TopicEntry and, through
 * a LayeredMap, the bulk of `byId`; sorted lists get binary inserts, never a re-sort.
 *
 * Invariants it relies on (processSeed guarantees them): every problem of an outcome names the
 * outcome's file, an article's `file` is its outcome's file, and an article's topics have distinct
 * slugs.
 */
import type { Article, Catalog, Problem, TopicEntry } from '../types.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import { assembleCatalog, byFileAndLine, compareArticles } from './build-catalog.js'
import type { Spellings } from './group-scopes.js'
import { SHARED_SLUG, sharedSlugsOf } from './shared-slugs.js'
import { claimOrder, duplicateIdProblem, earliestDue, isHeldBack, isVisible, type CatalogOptions } from './rules.js'
import { LayeredMap } from './layered-map.js'
import { editSorted, lowerBound } from './sorted-list.js'
import { SCOPE_KINDS, SCOPE_KIND_TABLE, type ScopeKind } from '../scopes/scope-kinds.js'

/** A file's new outcome, or undefined when the file is gone. */
export type OutcomeChange = readonly [file: string, outcome: SeedOutcome | undefined]

/**
 * The live catalog: all outcomes by file plus the indexes that make an update local. Single
 * writer: call `update` from one place at a time. Every Catalog it returns is immutable.
 */
export class CatalogIndex {
  private readonly outcomes = new Map<string, SeedOutcome>()
  /** Article id → the files whose article has that id, in claim order: the first one wins. */
  private readonly claims = new Map<string, string[]>()
  /** Article id → the winning article, published or not. */
  private readonly winners = new Map<string, Article>()
  /** Winners held back only by their future date: they become visible as time passes. */
  private readonly held = new Set<Article>()
  /** Per scope kind: slug → spelling → how many visible articles use it; the smallest spelling names the scope. */
  private spellings = new Map<ScopeKind, Spellings>()
  private opts: CatalogOptions
  private current!: Catalog

  constructor(outcomes: Iterable<SeedOutcome>, opts: CatalogOptions) {
    this.opts = opts
    for (const o of outcomes) this.outcomes.set(o.file, o)
    this.rebuild()
  }

  get catalog(): Catalog {
    return this.current
  }

  outcome(file: string): SeedOutcome | undefined {
    return this.outcomes.get(file)
  }

  files(): IterableIterator<string> {
    return this.outcomes.keys()
  }

  /** When the next held-back article becomes visible (epoch ms), if any is waiting. */
  nextDueMs(): number | undefined {
    return earliestDue(this.held)
  }

  /** Files whose article is held back and is visible at `nowMs`. */
  dueFiles(nowMs: number): string[] {
    return [...this.held].filter((a) => isVisible(a, { ...this.opts, nowMs })).map((a) => a.file)
  }

  /** Applies the changed files' outcomes at `nowMs` and returns the new snapshot. */
  update(changes: Iterable<OutcomeChange>, nowMs: number): Catalog {
    const clockWentBack = nowMs < this.opts.nowMs
    const files = new Set<string>()
    const ids = new Set<string>()
    for (const [file, next] of changes) {
      const prev = this.outcomes.get(file)
      if (prev?.article) {
        this.unclaim(prev.article.id, file)
        ids.add(prev.article.id)
      }
      if (next) this.outcomes.set(file, next)
      else this.outcomes.delete(file)
      if (next?.article) {
        this.claim(next.article.id, file)
        ids.add(next.article.id)
      }
      files.add(file)
    }
    this.opts = { ...this.opts, nowMs }
    // Visible articles could become future ones again: rare enough to rebuild rather than track.
    if (clockWentBack) return this.rebuild()
    const prev = this.current
    const removed: Article[] = []
    const added: Article[] = []
    for (const id of ids) {
      const claimants = this.claims.get(id)
      // Duplicate-id problems name the winner: every claimant's problems may change.
      for (const f of claimants ?? []) files.add(f)
      const before = this.winners.get(id)
      const after = claimants && this.outcomes.get(claimants[0]!)!.article!
      if (before === after) continue
      if (before && !this.held.delete(before) && prev.byId.get(id) === before) removed.push(before)
      if (after) {
        this.winners.set(id, after)
        this.place(after, added)
      } else this.winners.delete(id)
    }
    for (const a of this.held) {
      if (isVisible(a, this.opts)) {
        this.held.delete(a)
        added.push(a)
      }
    }
    return (this.current = this.next(prev, removed, added, files))
  }

  private next(prev: Catalog, removed: Article[], added: Article[], files: Set<string>): Catalog {
    const articles = editSorted(prev.articles, removed, added, compareArticles)
    const byIdChanges = new Map<string, Article | undefined>()
    for (const a of removed) byIdChanges.set(a.id, undefined)
    for (const a of added) byIdChanges.set(a.id, a)
    const scopes = Object.fromEntries(SCOPE_KINDS.map((k) => [k, this.nextTopics(prev.scopes[k], removed, added, k)])) as Catalog['scopes']
    return {
      articles,
      byId: byIdChanges.size > 0 ? LayeredMap.with(prev.byId, byIdChanges) : prev.byId,
      topics: scopes.topic,
      scopes,
      problems: this.withSharedSlugs(this.nextProblems(prev.problems, [...files].sort()), scopes.provider),
      updatedMs: articles[0]?.publishedMs ?? 0,
    }
  }

  /** A new winner goes to the visible list, to the held-back set, or nowhere (unpublished). */
  private place(a: Article, visible: Article[]): void {
    if (isVisible(a, this.opts)) visible.push(a)
    else if (isHeldBack(a, this.opts)) this.held.add(a)
  }

  /** Adds `file` to the claimants of `id` and returns them, in claim order. */
  private claim(id: string, file: string): readonly string[] {
    const list = this.claims.get(id)
    if (!list) {
      const only = [file]
      this.claims.set(id, only)
      return only
    }
    list.splice(lowerBound(list, file, claimOrder), 0, file)
    return list
  }

  private unclaim(id: string, file: string): void {
    const list = this.claims.get(id)!
    list.splice(list.indexOf(file), 1)
    if (list.length === 0) this.claims.delete(id)
  }

  private nextTopics(prev: ReadonlyMap<string, TopicEntry>, removed: Article[], added: Article[], kind: ScopeKind): ReadonlyMap<string, TopicEntry> {
    const of = SCOPE_KIND_TABLE[kind].of
    const spellings = this.spellings.get(kind)!
    const edits = new Map<string, { remove: Article[]; add: Article[] }>()
    const edit = (slug: string) => {
      let e = edits.get(slug)
      if (!e) edits.set(slug, (e = { remove: [], add: [] }))
      return e
    }
    for (const a of removed) {
      for (const t of of(a)) {
        edit(t.slug).remove.push(a)
        spell(spellings, t.slug, t.name, -1)
      }
    }
    for (const a of added) {
      for (const t of of(a)) {
        edit(t.slug).add.push(a)
        spell(spellings, t.slug, t.name, +1)
      }
    }
    if (edits.size === 0) return prev
    const next = new Map(prev)
    let slugsChanged = false
    for (const [slug, { remove, add }] of edits) {
      const articles = editSorted(prev.get(slug)?.articles ?? [], remove, add, compareArticles)
      if (articles.length === 0) {
        if (next.delete(slug)) slugsChanged = true
        continue
      }
      if (!next.has(slug)) slugsChanged = true
      next.set(slug, { slug, name: smallestName(spellings.get(slug)!), articles })
    }
    // Topics stay in slug order; only a new or vanished slug costs a sort of the (short) slug list.
    return slugsChanged ? new Map([...next].sort(([a], [b]) => byString(a, b))) : next
  }


  /**
   * The problem list with the provider scopes' shared-slug warnings as they are now: only the
   * scopes with several spellings (the spellings index knows them) are read, and only when some
   * warning comes or goes is the list re-sorted.
   */
  private withSharedSlugs(problems: readonly Problem[], providers: ReadonlyMap<string, TopicEntry>): readonly Problem[] {
    const shared = sharedSlugsOf(providers, this.spellings.get('provider')!)
    const had = problems.some((p) => p.code === SHARED_SLUG)
    if (!had && shared.length === 0) return problems
    return [...problems.filter((p) => p.code !== SHARED_SLUG), ...shared].sort(byFileAndLine)
  }

  /** The problem list with the given files' entries replaced by their current ones. */
  private nextProblems(prev: readonly Problem[], files: readonly string[]): readonly Problem[] {
    if (files.length === 0) return prev
    const out: Problem[] = []
    let j = 0
    for (const p of prev) {
      while (j < files.length && files[j]! < p.file) out.push(...this.problemsOf(files[j++]!))
      if (j < files.length && files[j] === p.file) continue
      out.push(p)
    }
    while (j < files.length) out.push(...this.problemsOf(files[j++]!))
    return out
  }

  /** One file's problems as buildCatalog lists them: its own, then a duplicate-id error, by line. */
  problemsOf(file: string): Problem[] {
    const o = this.outcomes.get(file)
    if (!o) return []
    const list = [...o.problems]
    const a = o.article
    const first = a && this.winners.get(a.id)
    if (a && first && first !== a) list.push(duplicateIdProblem(a, first.file))
    return list.length > 1 ? list.sort((x, y) => (x.line ?? 0) - (y.line ?? 0)) : list
  }

  /** Everything from the outcomes, as a fresh start would: the constructor and the rare fallback. */
  private rebuild(): Catalog {
    this.claims.clear()
    this.winners.clear()
    this.held.clear()
    // One pass in load order (the cheapest to read): claims, the winner of each id so far, problems.
    const contested = new Set<string>()
    const problems: Problem[] = []
    this.outcomes.forEach((o, file) => {
      for (const p of o.problems) problems.push(p)
      const a = o.article
      if (!a) return
      const claimants = this.claim(a.id, file)
      if (claimants[0] === file) this.winners.set(a.id, a)
      if (claimants.length === 2) contested.add(a.id)
    })
    for (const id of contested) {
      const [winner, ...losers] = this.claims.get(id)!
      for (const f of losers) problems.push(duplicateIdProblem(this.outcomes.get(f)!.article!, winner!))
    }
    const { catalog, spellings } = assembleCatalog(this.winners.values(), problems, this.opts, (a) => this.held.add(a))
    this.spellings = spellings
    return (this.current = catalog)
  }
}

function spell(spellings: Map<string, Map<string, number>>, slug: string, name: string, delta: number): void {
  let names = spellings.get(slug)
  if (!names) spellings.set(slug, (names = new Map()))
  const n = (names.get(name) ?? 0) + delta
  if (n > 0) names.set(name, n)
  else names.delete(name)
  if (names.size === 0) spellings.delete(slug)
}

function smallestName(names: Map<string, number>): string {
  let best: string | undefined
  for (const name of names.keys()) if (best === undefined || name < best) best = name
  return best!
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
