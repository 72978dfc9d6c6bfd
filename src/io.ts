/**
 * What commands and the live server may do to the outside world: write a line to stdout or
 * stderr, read the clock. Handed in by cli/main.ts (the only file that touches `process`); a leaf,
 * so cli/ and live/ both import it without live/ reaching into cli/.
 */
export interface Io {
  out(line: string): void
  err(line: string): void
  /** The clock, for the future-date rule. */
  now(): number
  /**
   * Redraws the one progress line (an empty line clears it). Present only when stderr is a
   * terminal: CI logs and systemd get no progress at all.
   */
  progress?(line: string): void
}
