/**
 * The progress port: how the loader and the output path tell how far a long step is, without
 * knowing whether anyone draws it (only the CLI touches the terminal: src/cli/progress-line.ts).
 */

/** One step's count so far: seeds read (from the cache or parsed) or documents written. */
export interface Progress {
  step: 'read' | 'write'
  done: number
  /** When known: seeds in the folder; documents to write. */
  total?: number
}

export type OnProgress = (p: Progress) => void
