/**
 * The catalog a running process follows: the incremental CatalogIndex plus the last-good-version
 * rule. When an edit breaks a file that had published an article, the article stays published as
 * it was, and the file's problems (plus a `kept-last-good` warning) are reported until the file is
 * fixed (the fix is published) or deleted (the article goes).
 */
import type { SeedOutcome } from '../seed/seed-outcome.js'
import { CatalogIndex, type OutcomeChange } from '../catalog/update-catalog.js'
import type { Catalog, Problem } from '../types.js'

export const KEPT_CODE = 'kept-last-good'

/** What one update did, by file (relative paths, sorted). */
export interface AppliedChanges {
  catalog: Catalog
  added: string[]
  changed: string[]
  removed: string[]
  /** Changed files that broke and stay published in their last good version. */
  kept: string[]
  /** Problems of the changed files, as now reported. */
  problems: Problem[]
}

export class LiveCatalog {
  /** Files currently published in their last good version. */
  private readonly keptFiles = new Set<string>()
  /** Folder → how many files with an outcome it holds directly ('' for the top): `filesUnder` stays O(folders), not O(files). */
  private readonly folders = new Map<string, number>()

  constructor(private readonly index: CatalogIndex) {
    for (const file of index.files()) this.count(file, +1)
  }

  get catalog(): Catalog {
    return this.index.catalog
  }

  get kept(): ReadonlySet<string> {
    return this.keptFiles
  }

  /** Every file with an outcome (relative paths). */
  files(): IterableIterator<string> {
    return this.index.files()
  }

  /** Files with an outcome under the folder `path` (relative): none, at once, when no known file is there. */
  filesUnder(path: string): string[] {
    const prefix = path + '/'
    let any = false
    for (const folder of this.folders.keys()) if (folder === path || folder.startsWith(prefix)) any = true
    if (!any) return []
    return [...this.index.files()].filter((f) => f.startsWith(prefix))
  }

  /** Whether the file currently has an article (published or held back). */
  publishes(file: string): boolean {
    return this.index.outcome(file)?.article !== undefined
  }

  nextDueMs(): number | undefined {
    return this.index.nextDueMs()
  }

  dueFiles(nowMs: number): string[] {
    return this.index.dueFiles(nowMs)
  }

  /** Applies fresh outcomes (undefined: the file is gone) at `nowMs`. */
  apply(fresh: ReadonlyMap<string, SeedOutcome | undefined>, nowMs: number): AppliedChanges {
    const changes: OutcomeChange[] = []
    const out: AppliedChanges = { catalog: this.index.catalog, added: [], changed: [], removed: [], kept: [], problems: [] }
    for (const file of [...fresh.keys()].sort()) {
      const before = this.index.outcome(file)
      const next = this.effective(file, fresh.get(file), before)
      if (!before && !next) continue
      changes.push([file, next])
      ;(!before ? out.added : !next ? out.removed : out.changed).push(file)
      if (!before || !next) this.count(file, next ? +1 : -1)
      if (next && this.keptFiles.has(file)) out.kept.push(file)
    }
    if (changes.length > 0 || this.index.dueFiles(nowMs).length > 0) out.catalog = this.index.update(changes, nowMs)
    // After the update: duplicate-id errors depend on the other files.
    for (const [file, next] of changes) if (next) out.problems.push(...this.index.problemsOf(file))
    return out
  }

  private count(file: string, delta: number): void {
    const slash = file.lastIndexOf('/')
    const folder = slash < 0 ? '' : file.slice(0, slash)
    const n = (this.folders.get(folder) ?? 0) + delta
    if (n > 0) this.folders.set(folder, n)
    else this.folders.delete(folder)
  }

  private effective(file: string, fresh: SeedOutcome | undefined, before: SeedOutcome | undefined): SeedOutcome | undefined {
    const lastGood = before?.article
    if (!fresh || fresh.article || !lastGood) {
      this.keptFiles.delete(file)
      return fresh
    }
    this.keptFiles.add(file)
    const kept: Problem = {
      file, code: KEPT_CODE, severity: 'warning',
      message: 'the file has errors; its last good version stays published until the file is fixed or deleted',
    }
    return { file, article: lastGood, problems: [...fresh.problems, kept] }
  }
}
