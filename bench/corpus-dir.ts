/**
 * One benchmark corpus on disk: the seeds (from bench/corpus.ts, deterministic from a seed
 * number) in a temporary folder, plus what the later steps need to know about it: the article to
 * edit for "one file changed", the most popular topic for serving and live updates, and (when
 * Hugo is on the PATH) the same articles as a Hugo site.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateCorpus, writeCorpus, type CorpusLayout, type SeedFile } from './corpus.js'
import { writeHugoSite } from './hugo.js'

export interface CorpusInfo {
  seedsDir: string
  count: number
  bytes: number
  /** The newest article's seed (in the global head): edited for "one file changed". */
  newest: { path: string; text: string; title: string }
  /** Name of the topic with the most articles. */
  topTopic: string
  topTopicCount: number
  /** Folder of the converted Hugo site, when asked for. */
  hugoDir?: string
}

/** Generates `count` seeds into `root/seeds` in `layout` (and the Hugo site into `root/hugo` when `hugo`). */
export async function makeCorpus(root: string, count: number, seed: number, hugo: boolean, layout: CorpusLayout = 'folders'): Promise<CorpusInfo> {
  const seedsDir = join(root, 'seeds')
  await mkdir(seedsDir, { recursive: true })
  const files = generateCorpus({ count, seed, variety: 'realistic', layout })
  await writeCorpus(seedsDir, files)
  const info: CorpusInfo = { seedsDir, count, bytes: 0, ...summarize(files) }
  for (const f of files) info.bytes += Buffer.byteLength(f.text)
  if (hugo) {
    info.hugoDir = join(root, 'hugo')
    await writeHugoSite(info.hugoDir, files)
  }
  return info
}

function summarize(files: readonly SeedFile[]): Pick<CorpusInfo, 'newest' | 'topTopic' | 'topTopicCount'> {
  let newest: SeedFile | undefined
  const counts = new Map<string, number>()
  for (const f of files) {
    if (!newest || f.publishedMs > newest.publishedMs) newest = f
    for (const t of f.topics) counts.set(t, (counts.get(t) ?? 0) + 1)
  }
  if (!newest) throw new Error('empty corpus')
  const [topTopic, topTopicCount] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!
  return { newest: { path: newest.path, text: newest.text, title: newest.title }, topTopic, topTopicCount }
}

/** Rewrites the newest seed with another title: an edit of one article that is in the heads. */
export async function editNewest(info: CorpusInfo, round: number): Promise<void> {
  const title = `${info.newest.title} (edit ${round})`
  // A JSON string is a valid YAML double-quoted scalar.
  const text = info.newest.text.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`)
  if (text === info.newest.text) throw new Error(`no title line in ${info.newest.path}`)
  await writeFile(join(info.seedsDir, ...info.newest.path.split('/')), text)
}

/** A new seed for the live-update test: newest of all, in the top topic, with a unique title. */
export function liveSeed(topic: string, title: string, publishedMs: number): string {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    `excerpt: ${JSON.stringify('Written by the benchmark to time a live update.')}`,
    `publishedDateTime: ${new Date(publishedMs).toISOString()}`,
    `webUrl: ${JSON.stringify(`https://bench.example/live/${encodeURIComponent(title)}`)}`,
    'topics:',
    `  - ${JSON.stringify(topic)}`,
    '---',
    '',
  ].join('\n')
}
