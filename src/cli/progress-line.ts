/**
 * The operator's progress line (issue 11): a build or a start that runs longer than about two
 * seconds shows, on a terminal, one line redrawn in place with the seeds read and the documents
 * written, their counts and rates. Where stderr is no terminal (CI logs, systemd) `Io.progress`
 * is absent and nothing is drawn. The loader and the output path only call the OnProgress port.
 */
import type { Io } from '../io.js'
import type { OnProgress, Progress } from '../progress.js'

/** Quiet for this long: a step that ends sooner never shows a line. */
const DELAY_MS = 2000
/** Redraws at most this often (a terminal is slow, and the eye slower). */
const EVERY_MS = 100

interface Seen extends Progress {
  firstMs: number
  atMs: number
}

const count = (n: number) => n.toLocaleString('en-US')
const NOUN = { read: ['read', 'seeds'], write: ['wrote', 'documents'] } as const

/** The line for what has been seen, e.g. `read 45,000 of 100,000 seeds (8,200/s) · wrote 1,234 documents (900/s)`. */
export function progressText(steps: readonly Seen[]): string {
  return steps.map((s) => {
    const [verb, noun] = NOUN[s.step]
    const secs = (s.atMs - s.firstMs) / 1000
    const rate = secs > 0 ? ` (${count(Math.round(s.done / secs))}/s)` : ''
    return `${verb} ${count(s.done)}${s.total === undefined ? '' : ` of ${count(s.total)}`} ${noun}${rate}`
  }).join(' · ')
}

export class ProgressLine {
  private readonly steps = new Map<Progress['step'], Seen>()
  private readonly startedMs: number
  private lastDrawMs = -Infinity
  private drawn = false

  constructor(
    private readonly io: Pick<Io, 'progress'>,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.startedMs = clock()
  }

  /** The port to hand to the loader and the output. */
  readonly tell: OnProgress = (p) => {
    if (!this.io.progress) return
    const now = this.clock()
    const seen = this.steps.get(p.step)
    this.steps.set(p.step, { ...p, firstMs: seen?.firstMs ?? now, atMs: now })
    if (now - this.startedMs < DELAY_MS || now - this.lastDrawMs < EVERY_MS) return
    this.lastDrawMs = now
    this.drawn = true
    this.io.progress(progressText([...this.steps.values()]))
  }

  /** Erases the line (before any other output, and at the end). */
  clear(): void {
    if (this.drawn) this.io.progress?.('')
    this.drawn = false
  }
}
