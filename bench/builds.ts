/**
 * The build rows, each a fresh child process as a user would run it: the heads-only cold build
 * (what Hugo is compared with), the full cold build (every page and archive), the warm rebuild
 * with nothing changed, and the rebuild after one seed was edited. "Cold" means no persistent
 * cache and no previous output.
 */
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { editNewest, type CorpusInfo } from './corpus-dir.js'
import { measure, type RunResult } from './measure.js'

export interface BuildRow {
  wallS: number
  cpuS?: number
  peakRssMb?: number
  files?: number
  bytes?: number
}

export interface BuildResults {
  heads: BuildRow
  full: BuildRow
  warm: BuildRow
  oneChanged: BuildRow
}

export interface BuildOptions {
  node: string
  cliArgs: (command: string) => string[]
  headsArgs: string[]
  root: string
}

/** The persistent cache folder Feedstand uses for an output folder (its sibling). */
export function cacheDirFor(outDir: string): string {
  return join(dirname(outDir), '.feedstand-cache')
}

export async function measureBuilds(corpus: CorpusInfo, opts: BuildOptions): Promise<BuildResults> {
  const headsOut = join(opts.root, 'heads', 'feeds')
  const fullOut = join(opts.root, 'full', 'feeds')
  for (const out of [headsOut, fullOut]) {
    await rm(dirname(out), { recursive: true, force: true })
  }
  const heads = row(await measure(opts.node, [...opts.headsArgs, corpus.seedsDir, headsOut], { cwd: opts.root }))
  await rm(dirname(headsOut), { recursive: true, force: true })
  const build = () => measure(opts.node, [...opts.cliArgs('build'), '--seeds', corpus.seedsDir, '--out', fullOut], { cwd: opts.root })
  const full = row(await build())
  const warm = row(await build())
  await editNewest(corpus, 1)
  const oneChanged = row(await build())
  await rm(dirname(fullOut), { recursive: true, force: true })
  return { heads, full, warm, oneChanged }
}

/** Files and bytes from the build's summary line ("wrote N files (B bytes)"), when it prints one. */
function row(r: RunResult): BuildRow {
  const out: BuildRow = { wallS: r.wallS }
  if (r.cpuS !== undefined) out.cpuS = r.cpuS
  if (r.peakRssMb !== undefined) out.peakRssMb = r.peakRssMb
  const m = /wrote (\d+) files \((\d+) bytes\)/.exec(r.stderr)
  if (m) Object.assign(out, { files: Number(m[1]), bytes: Number(m[2]) })
  return out
}
