/** One log block per live update: the changed files' problems, then one summary line. */
import type { Io } from '../io.js'
import { countProblems, formatProblem, summaryLine } from '../problems/format.js'
import type { LiveUpdate } from './live-site.js'

export function logUpdate(update: LiveUpdate, seedsDir: string, io: Io): void {
  const { changes, site, tookMs } = update
  for (const p of changes.problems) io.err(formatProblem(p, seedsDir))
  const parts = [
    changes.added.length > 0 && `${changes.added.length} added`,
    changes.changed.length > 0 && `${changes.changed.length} changed`,
    changes.removed.length > 0 && `${changes.removed.length} removed`,
    changes.kept.length > 0 && `${changes.kept.length} broken, kept on the last good version`,
  ].filter(Boolean)
  const what = parts.length > 0 ? parts.join(', ') : 'held-back articles due'
  const one = [...changes.added, ...changes.changed, ...changes.removed]
  const which = one.length === 1 ? ` (${one[0]})` : ''
  const { catalog } = site
  io.err(`live: ${what}${which} → ${summaryLine(catalog.articles.length, countProblems(catalog.problems))}; served in ${tookMs.toFixed(0)} ms`)
}
