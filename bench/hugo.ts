/**
 * The peer: Hugo building the same articles with RSS-only output for the home page and for
 * every taxonomy term (one term per topic), i.e. the same heads as our global and topic feeds,
 * in one format where we write three. `rssLimit` is our `maxItems`, so both sides write the
 * newest N items per feed; Hugo still reads every article, as we do.
 */
import { accessSync, constants } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { delimiter, join } from 'node:path'
import type { SeedFile } from './corpus.js'
import { measure, type RunResult } from './measure.js'

/** The `hugo` executable on the PATH, or undefined. */
export function findHugo(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, 'hugo')
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

/** `hugo version`'s first line, for the results. */
export async function hugoVersion(hugo: string): Promise<string> {
  const r = await measure(hugo, ['version'], { timeoutMs: 30_000 })
  return r.stdout.trim().split('\n')[0] ?? 'unknown'
}

const config = (maxItems: number) => `baseURL = "http://localhost/"
title = "Feedstand benchmark"
languageCode = "en"
rssLimit = ${maxItems}
disableKinds = ["taxonomy", "section", "sitemap", "robotsTXT", "404"]
ignoreErrors = ["error-disable-taxonomy"]

[outputs]
home = ["RSS"]
term = ["RSS"]

[taxonomies]
tag = "tags"

# Articles are listed in the feeds (with a permalink) but get no page of their own.
[[cascade]]
  [cascade._build]
    render = "link"
    list = "always"
  [cascade._target]
    kind = "page"
`

/** Writes the Hugo site: config plus one Markdown file per article (title, date, tags = topics, excerpt + body). */
export async function writeHugoSite(dir: string, files: readonly SeedFile[], maxItems = 50): Promise<void> {
  await mkdir(join(dir, 'content', 'posts'), { recursive: true })
  await writeFile(join(dir, 'config.toml'), config(maxItems))
  const folders = new Set(files.map((f) => f.path.split('/').slice(0, -1).join('/')))
  for (const folder of folders) await mkdir(join(dir, 'content', 'posts', ...folder.split('/').filter(Boolean)), { recursive: true })
  let next = 0
  const worker = async () => {
    for (let f = files[next++]; f !== undefined; f = files[next++]) {
      const target = join(dir, 'content', 'posts', ...f.path.replace(/\.[a-z]+$/, '.md').split('/'))
      await writeFile(target, hugoPage(f))
    }
  }
  await Promise.all(Array.from({ length: 32 }, worker))
}

function hugoPage(f: SeedFile): string {
  const { excerpt, body } = splitSeed(f.text)
  const front = [
    '---',
    `title: ${JSON.stringify(f.title)}`,
    `date: ${new Date(f.publishedMs).toISOString()}`,
    `tags: [${f.topics.map((t) => JSON.stringify(t)).join(', ')}]`,
    '---',
  ]
  return `${front.join('\n')}\n${excerpt}\n\n${body}\n`
}

/** The excerpt (when it is written as one double-quoted line) and the Markdown body of a seed. */
function splitSeed(text: string): { excerpt: string; body: string } {
  const close = text.indexOf('\n---', 3)
  const front = close < 0 ? text : text.slice(0, close)
  const body = close < 0 ? '' : text.slice(text.indexOf('\n', close + 1) + 1)
  const line = /^excerpt: (".*")\s*$/m.exec(front)
  let excerpt = ''
  if (line) {
    try {
      excerpt = String(JSON.parse(line[1]!))
    } catch {
      excerpt = ''
    }
  }
  return { excerpt, body }
}

/** Builds the site into `out` and measures it. */
export function runHugo(hugo: string, siteDir: string, out: string): Promise<RunResult> {
  return measure(hugo, ['--source', siteDir, '--destination', out, '--quiet'], { timeoutMs: 60 * 60_000 })
}
