/** What the seed step gives for one file. Types only. */
import type { Article, Problem } from '../types.js'

/** What one seed file produced: an article, problems, or both. */
export interface SeedOutcome {
  file: string
  article?: Article
  problems: Problem[]
}
