/**
 * `npm run screenshots`: regenerates the README's images of the front page and a topic page
 * (bench/images/), from a generated 1,000-article corpus (bench/corpus.ts, seed 1) served by the
 * real server and photographed by Debian's chromium (playwright-core; never a downloaded browser).
 * The articles' images live on made-up hosts, so each is answered with a placeholder drawn from
 * its URL: the pictures are stable from run to run.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { runServe } from '../src/cli/serve.js'
import { resolveConfig } from '../src/config.js'
import { slugify } from '../src/normalize/slug.js'
import { makeCorpus } from './corpus-dir.js'

const CHROMIUM = '/usr/bin/chromium'
const OUT = resolve(import.meta.dirname, 'images')
/** The corpus's dates run up to about now; the server holds back nothing dated before this. */
const NOW = Date.now()

/** A soft two-colour placeholder picture, its colours from the URL's hash. */
function placeholder(url: string): string {
  const h = createHash('sha1').update(url).digest()
  const hue = (h[0]! * 360) / 256
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 240 160"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,62%)"/><stop offset="1" stop-color="hsl(${(hue + 50) % 360},60%,38%)"/></linearGradient></defs><rect width="240" height="160" fill="url(#g)"/><circle cx="${60 + (h[1]! % 120)}" cy="${40 + (h[2]! % 80)}" r="${24 + (h[3]! % 30)}" fill="#fff" fill-opacity=".18"/></svg>`
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`)
  const tmp = await mkdtemp(join(tmpdir(), 'feedstand-shots-'))
  const corpus = await makeCorpus(tmp, 1000, 1, false)
  const config = resolveConfig({ seeds: corpus.seedsDir, host: '127.0.0.1', port: 0, baseUrl: 'https://feeds.example.com', watch: false })
  const server = await runServe(config, { out: () => {}, err: () => {}, now: () => NOW })
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
  try {
    await mkdir(OUT, { recursive: true })
    const shots = [
      { file: 'front-page.png', path: '/', viewport: { width: 1280, height: 1000 }, colorScheme: 'light' as const },
      { file: 'topic-page.png', path: `/topics/${encodeURIComponent(slugify(corpus.topTopic))}/`, viewport: { width: 1280, height: 1000 }, colorScheme: 'light' as const },
      { file: 'topic-page-phone-dark.png', path: `/topics/${encodeURIComponent(slugify(corpus.topTopic))}/`, viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
    ]
    for (const shot of shots) {
      const context = await browser.newContext({ viewport: shot.viewport, colorScheme: shot.colorScheme })
      const page = await context.newPage()
      await page.route('**/*', (route) => {
        const url = route.request().url()
        if (url.startsWith(server.url)) return route.continue()
        return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: placeholder(url) })
      })
      await page.goto(server.url + shot.path, { waitUntil: 'networkidle' })
      const file = join(OUT, shot.file)
      await page.screenshot({ path: file })
      console.log(`${file}: ${(await stat(file)).size} bytes`)
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
    await rm(tmp, { recursive: true, force: true })
  }
}

await main()
