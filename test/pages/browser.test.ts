/**
 * The pages in a real browser: Debian's chromium driven by playwright-core (never a downloaded
 * browser), one launch for the whole file. Against the real server (`runServe`) on 127.0.0.1:
 * filter the topic list by typing, follow a topic with the keyboard, resolve the topic page's
 * autodiscovery links to feeds that parse, copy a feed URL and read the clipboard, run axe-core
 * in light and dark schemes, and use both pages with JavaScript off. Against the static build
 * served as plain files: the same pages load and their feeds resolve. Everywhere: no console
 * error (a CSP violation is one), no failed request, no request off the site but the articles'
 * own images (answered here with a placeholder: there is no network). Screenshots at phone and
 * desktop widths go to test-artifacts/ (not committed).
 */
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Server } from 'node:http'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBuild } from '../../src/cli/build.js'
import type { Io } from '../../src/cli/io.js'
import { runServe, type RunningServer } from '../../src/cli/serve.js'
import { resolveConfig } from '../../src/config.js'
import { FIXTURES, TEST_NOW } from '../helpers/site.js'
import { freePort, serveStatic } from './static-server.js'

const CHROMIUM = '/usr/bin/chromium'
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts')
const RICH = resolve(import.meta.dirname, '../fixtures/rich')
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }
/** A 1×1 PNG: the answer to every article image request (the test machine has no network). */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

const have = existsSync(CHROMIUM)
if (!have) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`)

let tmp: string
let browser: Browser
let server: RunningServer
let staticServer: Server
let staticUrl: string
const io: Io = { out: () => {}, err: () => {}, now: () => TEST_NOW }

beforeAll(async () => {
  if (!have) return
  tmp = await mkdtemp(join(tmpdir(), 'feedstand-browser-'))
  const seeds = join(tmp, 'seeds')
  await cp(FIXTURES, seeds, { recursive: true })
  await cp(RICH, join(seeds, 'rich'), { recursive: true })
  const [port, staticPort] = [await freePort(), await freePort()]
  server = await runServe(resolveConfig({ seeds, host: '127.0.0.1', port, baseUrl: `http://127.0.0.1:${port}`, watch: false }), io)
  staticUrl = `http://127.0.0.1:${staticPort}`
  const out = join(tmp, 'feeds')
  expect(await runBuild(resolveConfig({ seeds, out, baseUrl: staticUrl }), io)).toBe(0)
  staticServer = await serveStatic(out, staticPort)
  await mkdir(ARTIFACTS, { recursive: true })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await new Promise((r) => (staticServer ? staticServer.close(r) : r(undefined)))
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

/** Everything that went wrong on a page: console errors, uncaught exceptions, failed or 4xx/5xx requests, off-site requests other than images. */
function watch(page: Page, site: string): string[] {
  const problems: string[] = []
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`))
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`))
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`))
  void page.route('**/*', (route) => {
    const req = route.request()
    if (req.url().startsWith(site)) return route.continue()
    if (req.resourceType() !== 'image') problems.push(`off-site ${req.resourceType()}: ${req.url()}`)
    return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL })
  })
  return problems
}

async function newPage(context: BrowserContext, site: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage()
  return { page, problems: watch(page, site) }
}

const visibleTopics = (page: Page) => page.locator('#topic-list > li:visible .topic-name').allTextContents()

/** The page's autodiscovery links, fetched and parsed: [type, feed title, item count, feed's own link back]. */
async function discovered(page: Page): Promise<[string, string, number, string][]> {
  const links = await page.locator('head link[rel="alternate"]').evaluateAll((ls) => ls.map((l) => [l.getAttribute('type')!, (l as HTMLLinkElement).href]))
  const parser = new Parser()
  const out: [string, string, number, string][] = []
  for (const [type, href] of links as [string, string][]) {
    const res = await page.request.get(href)
    expect(res.status(), href).toBe(200)
    const body = await res.text()
    if (type === 'application/feed+json') {
      const json = JSON.parse(body) as { title: string; items: unknown[]; home_page_url: string }
      out.push([type, json.title, json.items.length, json.home_page_url])
    } else {
      const feed = await parser.parseString(body)
      // rss-parser gives Atom's first <link> (the alternate) and RSS's channel <link> as `link`.
      out.push([type, feed.title!, feed.items.length, feed.link!])
    }
  }
  return out
}

let axeSource: string | undefined

async function axe(page: Page): Promise<string[]> {
  axeSource ??= await readFile(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8')
  await page.evaluate(axeSource)
  const result = (await page.evaluate(() => (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run())) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
  }
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

describe.skipIf(!have)('the pages in chromium', () => {
  it('/ on the real server: filter by typing, follow a topic by keyboard, its feeds resolve, copy a feed URL', async () => {
    const context = await browser.newContext({ viewport: DESKTOP })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const { page, problems } = await newPage(context, server.url)
    await page.goto(`${server.url}/`)
    expect(await page.title()).toBe('Feedstand')
    expect(await visibleTopics(page)).toHaveLength(await page.locator('#topic-list > li').count())
    await page.getByLabel('Find a topic').fill('hard')
    expect(await visibleTopics(page)).toEqual(['AI Hardware'])
    expect(await page.locator('#topic-status').textContent()).toMatch(/^1 of \d+ topics$/)
    await page.getByLabel('Find a topic').fill('economie')
    expect(await visibleTopics(page)).toEqual(['Économie'])
    await page.getByLabel('Find a topic').fill('zzz')
    expect(await page.locator('#topic-status').textContent()).toBe('No topic matches.')
    await page.getByLabel('Find a topic').fill('AI Hard')
    // Keyboard only: from the filter box, Tab reaches the first topic still shown; Enter follows it.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('AI Hardware')
    await Promise.all([page.waitForURL(`${server.url}/topics/ai-hardware/`), page.keyboard.press('Enter')])
    expect(await page.locator('h1').textContent()).toBe('AI Hardware')

    const feeds = await discovered(page)
    expect(feeds.map(([type]) => type)).toEqual(['application/rss+xml', 'application/atom+xml', 'application/feed+json'])
    for (const [type, title, count, back] of feeds) {
      expect(title, type).toBe('Feedstand: AI Hardware')
      expect(count, type).toBe(await page.locator('.articles > li').count())
      expect(back, type).toBe(`${server.url}/topics/ai-hardware/`)
    }

    const copy = page.getByRole('button', { name: 'Copy the Atom address' })
    await copy.click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}/topics/ai-hardware/atom.xml`)
    expect(await copy.textContent()).toBe('Copied')
    const reader = page.getByRole('link', { name: 'Subscribe in your reader' })
    expect(await reader.getAttribute('href')).toBe(`feed:${server.url}/topics/ai-hardware/rss.xml`)
    expect(problems).toEqual([])
    await context.close()
  })

  it('no serious or critical axe violations on / and a topic page, light and dark; screenshots at phone and desktop widths', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: DESKTOP, colorScheme })
      const { page, problems } = await newPage(context, server.url)
      for (const [name, path] of [['home', '/'], ['topic', '/topics/ai-hardware/']] as const) {
        await page.goto(`${server.url}${path}`)
        expect(await axe(page), `${path} ${colorScheme}`).toEqual([])
        for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
          await page.setViewportSize(viewport)
          // Nothing wider than the screen: the page scrolls down, never sideways.
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} ${label}`).toBe(true)
          await page.screenshot({ path: join(ARTIFACTS, `${name}-${label}-${colorScheme}.png`), fullPage: true })
        }
        await page.setViewportSize(DESKTOP)
      }
      expect(problems).toEqual([])
      await context.close()
    }
  })

  it('works with JavaScript disabled: the whole topic list, selectable feed URLs, no filter box or copy buttons', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })
    const { page, problems } = await newPage(context, server.url)
    await page.goto(`${server.url}/`)
    expect(await page.locator('.filter').isVisible()).toBe(false)
    const all = await page.locator('#topic-list > li').count()
    expect(await visibleTopics(page)).toHaveLength(all)
    await Promise.all([page.waitForURL(`${server.url}/topics/%E4%B8%AD%E5%9B%BD/`), page.getByRole('link', { name: /^中国/ }).first().click()])
    expect(await page.locator('h1').textContent()).toBe('中国')
    expect(await page.locator('button.copy:visible').count()).toBe(0)
    expect(await page.locator('.feed-urls code').allTextContents()).toEqual(['rss.xml', 'atom.xml', 'feed.json'].map((f) => `${server.url}/topics/%E4%B8%AD%E5%9B%BD/${f}`))
    expect(problems).toEqual([])
    await context.close()
  })

  it('the static build served as plain files: both pages load, their feeds resolve and parse', async () => {
    const context = await browser.newContext({ viewport: DESKTOP })
    const { page, problems } = await newPage(context, staticUrl)
    await page.goto(`${staticUrl}/`)
    expect((await discovered(page)).map(([, title]) => title)).toEqual(['Feedstand', 'Feedstand', 'Feedstand'])
    await Promise.all([page.waitForURL(`${staticUrl}/topics/ai-hardware/`), page.locator('#topic-list a[href="/topics/ai-hardware/"]').click()])
    for (const [type, title, count, back] of await discovered(page)) {
      expect([title, back], type).toEqual(['Feedstand: AI Hardware', `${staticUrl}/topics/ai-hardware/`])
      expect(count, type).toBeGreaterThan(0)
    }
    expect(await page.locator('.thumb').count()).toBeGreaterThan(0)
    expect(problems).toEqual([])
    await context.close()
  })
})
