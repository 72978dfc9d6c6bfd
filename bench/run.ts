/**
 * `npm run bench`: for each corpus layout (flat first: the one the targets are checked on) and
 * size, generate the seeds into a temporary folder and measure the floor, the builds, Hugo (when
 * on the PATH) and the server, each in a child process of the real CLI as a user would run it,
 * several rounds per figure; then the heap after live reloads. Prints one table per corpus and
 * issue 11's targets, and writes bench/results/latest.json, latest.txt and scaling.svg.
 * Progress goes to stderr.
 *
 *   npm run bench -- --sizes 10000 --layouts flat --rows builds,hugo --rounds 2
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BENCH_USAGE, defaultRounds, parseBenchArgs } from './args.js'
import { measureBuilds } from './builds.js'
import { scalingSvg } from './chart.js'
import { makeCorpus } from './corpus-dir.js'
import { measureFloor } from './floor.js'
import { findHugo, hugoVersion, runHugo } from './hugo.js'
import { killChildren, type RunResult } from './measure.js'
import { measureReloadHeap } from './reload-heap.js'
import { checkTargets, targetRun, type Results, type RunEntry } from './results.js'
import { measureServing } from './serving.js'
import { stat, statOf } from './stats.js'
import { header, markdownTable, reloadLines, runTable, targetLines } from './table.js'
import { measureViews } from './views.js'

const here = dirname(fileURLToPath(import.meta.url))
const repo = dirname(here)
const node = process.execPath
const tsxLoader = import.meta.resolve('tsx')
const cliArgs = (command: string) => [join(repo, 'bin', 'feedstand.js'), command]
const tsChild = (file: string) => ['--import', tsxLoader, join(here, 'child', file)]

const args = parseBenchArgs(process.argv.slice(2))
if (args.help) {
  process.stdout.write(BENCH_USAGE)
  process.exit(0)
}

const root = mkdtempSync(join(tmpdir(), 'feedstand-bench-'))
let cleaned = false
const cleanup = () => {
  if (cleaned) return
  cleaned = true
  killChildren()
  if (!args.keep) rmSync(root, { recursive: true, force: true })
}
process.once('exit', cleanup)
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    cleanup()
    process.exit(130)
  })
}

const printed: string[] = []
const log = (line = '') => {
  printed.push(line)
  process.stdout.write(line + '\n')
}
const began = performance.now()
const step = (what: string) => process.stderr.write(`[${((performance.now() - began) / 60000).toFixed(1)} min] ${what}\n`)
if (args.keep) step(`working folder: ${root}`)

const reloadRounds = async () =>
  measureReloadHeap({
    root, articles: args.reloadArticles, reloads: args.reloads, rounds: args.reloadRounds, seed: args.seed,
    node, childArgs: tsChild('reload-heap.ts'), log: (l) => step(l.trim()),
  })

if (args.reloadHeap) {
  const h = await reloadRounds()
  for (const l of reloadLines(h)) log(l)
  process.exit(0)
}

if (args.views) {
  step(`${args.viewsArticles}: cold views`)
  await measureViews({ articles: args.viewsArticles, seed: args.seed, log })
  process.exit(0)
}

const hugo = args.rows.has('hugo') ? findHugo() : undefined
const results: Results = {
  generatedAt: new Date().toISOString(),
  commit: gitCommit(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadBefore: loadavg(),
    loadAfter: [],
  },
  options: {
    sizes: args.sizes, layouts: args.layouts, rows: [...args.rows], seed: args.seed, rounds: {},
    liveRounds: args.liveRounds, durationS: args.durationS, connections: args.connections,
  },
  runs: [],
  targets: [],
}
if (hugo) results.hugoVersion = await hugoVersion(hugo)
else if (args.rows.has('hugo')) step('hugo is not on the PATH: no peer row (Debian: apt-get install hugo)')

for (const layout of args.layouts) {
  for (const count of args.sizes) {
    const name = `${count} ${layout}`
    const rounds = args.rounds ?? defaultRounds(count, layout)
    results.options.rounds[name] = rounds
    const dir = join(root, `${layout}-${count}`)
    step(`${name}: generating the corpus`)
    const corpus = await makeCorpus(dir, count, args.seed, hugo !== undefined, layout)
    step(`${name}: floor`)
    const run: RunEntry = { layout, articles: count, seedBytes: corpus.bytes, floor: await measureFloor(corpus.seedsDir) }
    const progress = (l: string) => step(`${name}: ${l}`)
    if (args.rows.has('builds')) run.builds = await measureBuilds(corpus, { node, cliArgs, root: dir, rounds, progress })
    if (hugo && corpus.hugoDir) {
      const runs: RunResult[] = []
      for (let r = 0; r < rounds; r++) {
        runs.push(await runHugo(hugo, corpus.hugoDir, join(dir, 'hugo-out')))
        rmSync(join(dir, 'hugo-out'), { recursive: true, force: true })
        progress(`hugo ${r + 1}/${rounds}: ${runs.at(-1)!.wallS.toFixed(2)} s`)
      }
      run.hugo = { wallS: stat(runs.map((r) => r.wallS)) }
      const cpu = statOf(runs.map((r) => r.cpuS))
      const peak = statOf(runs.map((r) => r.peakRssMb))
      if (cpu) run.hugo.cpuS = cpu
      if (peak) run.hugo.peakRssMb = peak
    }
    if (args.rows.has('serve')) {
      run.serving = await measureServing(corpus, {
        node,
        cliArgs,
        ceilingArgs: (bytes) => [...tsChild('ceiling-server.ts'), String(bytes)],
        durationS: args.durationS,
        connections: args.connections,
        liveRounds: args.liveRounds,
        rounds,
        load: args.rows.has('load'),
        live: args.rows.has('live'),
        cwd: dir,
        progress,
      })
    }
    results.runs.push(run)
    log()
    for (const l of runTable(run)) log(l)
    if (!args.keep) rmSync(dir, { recursive: true, force: true })
  }
}

if (args.rows.has('reload')) {
  step(`heap after ${args.reloads} reloads at ${args.reloadArticles} articles, ${args.reloadRounds} rounds`)
  results.reloadHeap = await reloadRounds()
  log()
  for (const l of reloadLines(results.reloadHeap)) log(l)
}

results.machine.loadAfter = loadavg()
results.elapsedS = (performance.now() - began) / 1000
const target = targetRun(results.runs)
if (target) results.targets = checkTargets(target, results.reloadHeap)
log()
log(header(results))
if (target) for (const l of targetLines(target, results.targets)) log(l)
mkdirSync(dirname(args.out), { recursive: true })
writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n')
// The printed tables beside the JSON, for people (latest.json → latest.txt), and the chart.
const base = args.out.replace(/\.json$/, '')
writeFileSync(base + '.txt', printed.join('\n').replace(/^\n+/, '') + '\n')
writeFileSync(base + '.md', markdownTable(results))
const svg = join(dirname(args.out), 'scaling.svg')
writeFileSync(svg, scalingSvg(results.runs, target?.layout ?? 'flat'))
log(`\nwrote ${args.out}, ${base}.txt, ${base}.md (the README's table) and ${svg}`)

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench'], { cwd: repo, encoding: 'utf8' }).trim()
    return dirty ? `${sha}+dirty` : sha
  } catch {
    return 'unknown'
  }
}
