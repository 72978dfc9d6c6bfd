/**
 * `npm run bench`: for each corpus size, generate the seeds into a temporary folder and measure
 * the floor, the builds, Hugo (when on the PATH) and the server, each in a child process as a
 * user would run it; print one table per size, the growth between sizes and the targets of
 * issue 7, and write everything to bench/results/latest.json.
 *
 *   npm run bench -- --sizes 1000,10000 --duration 5 --no-hugo --no-serve
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseBenchArgs, BENCH_USAGE } from './args.js'
import { measureBuilds } from './builds.js'
import { makeCorpus } from './corpus-dir.js'
import { measureFloor } from './floor.js'
import { findHugo, hugoVersion, runHugo } from './hugo.js'
import { killChildren } from './measure.js'
import { checkTargets, growthOf, type Results, type SizeResult } from './results.js'
import { measureReloadHeap } from './reload-heap.js'
import { measureServing } from './serving.js'
import { measureViews } from './views.js'
import { growthLines, header, sizeTable, targetLines } from './table.js'

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
const step = (what: string) => process.stderr.write(`… ${what}\n`)

if (args.reloadHeap) {
  step(`${args.reloadArticles}: heap after ${args.reloads} reloads, ${args.reloadRounds} rounds`)
  await measureReloadHeap({
    root, articles: args.reloadArticles, reloads: args.reloads, rounds: args.reloadRounds, seed: args.seed,
    node, childArgs: tsChild('reload-heap.ts'), log,
  })
  process.exit(0)
}

if (args.views) {
  step(`${args.viewsArticles}: cold views`)
  await measureViews({ articles: args.viewsArticles, seed: args.seed, log })
  process.exit(0)
}

const hugo = args.hugo ? findHugo() : undefined
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
  options: { sizes: args.sizes, seed: args.seed, durationS: args.durationS, connections: args.connections },
  sizes: {},
  targets: [],
}
if (hugo) results.hugoVersion = await hugoVersion(hugo)
else if (args.hugo) step('hugo is not on the PATH: no peer row (Debian: apt-get install hugo)')

for (const count of args.sizes) {
  const dir = join(root, String(count))
  step(`${count}: generating the corpus`)
  const corpus = await makeCorpus(dir, count, args.seed, hugo !== undefined)
  step(`${count}: floor`)
  const floor = await measureFloor(corpus.seedsDir)
  step(`${count}: builds`)
  const builds = await measureBuilds(corpus, { node, cliArgs, headsArgs: tsChild('build-heads.ts'), root: dir })
  const size: SizeResult = { articles: count, seedBytes: corpus.bytes, floor, builds }
  if (hugo && corpus.hugoDir) {
    step(`${count}: hugo`)
    const r = await runHugo(hugo, corpus.hugoDir, join(dir, 'hugo-out'))
    size.hugo = { wallS: r.wallS, ...(r.cpuS !== undefined && { cpuS: r.cpuS }), ...(r.peakRssMb !== undefined && { peakRssMb: r.peakRssMb }) }
    rmSync(join(dir, 'hugo-out'), { recursive: true, force: true })
  }
  if (args.serve) {
    step(`${count}: serving`)
    size.serving = await measureServing(corpus, {
      node,
      cliArgs,
      ceilingArgs: (bytes) => [...tsChild('ceiling-server.ts'), String(bytes)],
      durationS: args.durationS,
      connections: args.connections,
      liveRounds: args.liveRounds,
      cwd: dir,
    })
  }
  results.sizes[count] = size
  log()
  for (const l of sizeTable(size)) log(l)
  if (!args.keep) rmSync(dir, { recursive: true, force: true })
}

results.machine.loadAfter = loadavg()
const largest = Math.max(...args.sizes)
results.growth = growthOf(results.sizes)
results.targets = checkTargets(results.sizes[largest]!, results.growth)
log()
log(header(results))
if (results.growth) for (const l of growthLines(results.growth)) log(l)
for (const l of targetLines(largest, results.targets)) log(l)
mkdirSync(dirname(args.out), { recursive: true })
writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n')
// The printed tables beside the JSON, for people (latest.json → latest.txt).
const txt = args.out.replace(/\.json$/, '') + '.txt'
writeFileSync(txt, printed.join('\n').replace(/^\n+/, '') + '\n')
log(`\nwrote ${args.out} and ${txt}`)

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench'], { cwd: repo, encoding: 'utf8' }).trim()
    return dirty ? `${sha}+dirty` : sha
  } catch {
    return 'unknown'
  }
}
