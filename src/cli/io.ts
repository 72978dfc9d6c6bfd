/** What commands may do to the outside world, handed in by main.ts (the only file that touches `process`). */
export interface Io {
  out(line: string): void
  err(line: string): void
  /** The clock, for the future-date rule. */
  now(): number
}
