/**
 * The build rows, each a fresh child process of the real CLI as a user would run it, several
 * rounds each: the cold heads build (`build --history none`: heads, index documents and pages,
 * what Hugo's RSS build is compared with), the cold full build (every bridge and archive), the
 * warm rebuild with nothing changed, and the rebuild after one seed was edited. "Cold" means no
 * persistent cache and no previous output: both are removed before each cold round. Beside them,
 * one cold full build with `--archive-encodings gzip-only` for its files and bytes (deterministic:
 * one round is the figure), the setting that fits a full history in 1.5 GB.
 */
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { editNewest, type CorpusInfo } from './corpus-dir.js'
import { measure, type RunResult } from './measure.js'
import { statOf, type Stat } from './stats.js'

export interface BuildRow {
  wallS: Stat
  cpuS?: Stat
  peakRssMb?: Stat
  /** Files and bytes written, from the build's summary line (the last round's). */
  files?: number
  bytes?: number
}

export interface BuildResults {
  heads: BuildRow
  full: BuildRow
  warm: BuildRow
  oneChanged: BuildRow
  /** One cold full build with `--archive-encodings gzip-only` (archives as their .gz alone): its files and bytes. */
  gzipOnly?: BuildRow
}

export interface BuildOptions {
  node: string
  cliArgs: (command: string) => string[]
  root: string
  rounds: number
  progress: (line: string) => void
}

/** The persistent cache folder Feedstand uses for an output folder (its sibling). */
export function cacheDirFor(outDir: string): string {
  return join(dirname(outDir), '.feedstand-cache')
}

export async function measureBuilds(corpus: CorpusInfo, opts: BuildOptions): Promise<BuildResults> {
  const out = join(opts.root, 'build', 'feeds')
  const build = (...extra: string[]) => measure(opts.node, [...opts.cliArgs('build'), '--seeds', corpus.seedsDir, '--out', out, ...extra], { cwd: opts.root })
  const clean = () => rm(dirname(out), { recursive: true, force: true })
  const rounds = async (name: string, before: () => Promise<void>, run: () => Promise<RunResult>): Promise<BuildRow> => {
    const runs: RunResult[] = []
    for (let r = 0; r < opts.rounds; r++) {
      await before()
      runs.push(await run())
      opts.progress(`${name} ${r + 1}/${opts.rounds}: ${runs.at(-1)!.wallS.toFixed(2)} s`)
    }
    return row(runs)
  }
  const heads = await rounds('cold heads build', clean, () => build('--history', 'none'))
  const full = await rounds('cold full build', clean, build)
  // The folder and cache of the last full build are the baseline of the warm rounds.
  const warm = await rounds('warm rebuild', async () => {}, build)
  let edit = 0
  const oneChanged = await rounds('one file changed', () => editNewest(corpus, ++edit), build)
  await clean()
  const gzipOnly = row([await build('--archive-encodings', 'gzip-only')])
  opts.progress(`cold full build, archives gzip-only: ${gzipOnly.files} files, ${((gzipOnly.bytes ?? 0) / 1e9).toFixed(2)} GB`)
  await clean()
  return { heads, full, warm, oneChanged, gzipOnly }
}

/** Medians and spreads of the rounds; files and bytes from the summary line ("wrote N files (B bytes)"). */
function row(runs: RunResult[]): BuildRow {
  const out: BuildRow = { wallS: statOf(runs.map((r) => r.wallS))! }
  const cpu = statOf(runs.map((r) => r.cpuS))
  const peak = statOf(runs.map((r) => r.peakRssMb))
  if (cpu) out.cpuS = cpu
  if (peak) out.peakRssMb = peak
  const m = /wrote (\d+) files \((\d+) bytes\)/.exec(runs.at(-1)!.stderr)
  if (m) Object.assign(out, { files: Number(m[1]), bytes: Number(m[2]) })
  return out
}
