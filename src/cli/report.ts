/** Moved to src/problems/format.ts (a leaf that live/ imports too); kept so cli/ imports stay as they are. */
export { countProblems, formatProblem, summaryLine, type ProblemCounts } from '../problems/format.js'
