/**
 * The HTML pages in-process: conformance (html-check.ts) of `/` and every topic page, escaping of
 * hostile titles and topic names, the Content-Security-Policy on the server and in `_headers`,
 * the URL of a topic page with and without its slash, the feeds' links back to the pages, and
 * pages leaving the build with their topic.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { topicScope } from '../../src/scopes/scope-kinds.js'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteFiles } from '../../src/output/index.js'
import { runBuild } from '../../src/cli/build.js'
import type { Io } from '../../src/cli/io.js'
import { resolveConfig } from '../../src/config.js'
import type { Site } from '../../src/documents/site.js'
import { createApp } from '../../src/http/app.js'
import { PAGE_CSP } from '../../src/render/pages/csp.js'
import { FIXTURES, TEST_NOW, siteFromDir, text } from '../helpers/site.js'
import { scanDocument } from '../properties/hostile.js'
import { checkHtml } from './html-check.js'

let tmp: string
let site: Site
const io: Io = { out: () => {}, err: () => {}, now: () => TEST_NOW }

const HOSTILE = '<script>alert(1)</script>'
const seed = (slug: string, title: string, topics: string[], day: number) =>
  `---\ntitle: ${JSON.stringify(title)}\nwebUrl: https://example.com/${slug}\npublishedDateTime: 2024-03-${String(day).padStart(2, '0')}T00:00:00Z\ntopics: ${JSON.stringify(topics)}\nprovider:\n  name: ${JSON.stringify(`Wire ${HOSTILE}`)}\n---\nBody.\n`

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'feedstand-pages-'))
  ;({ site } = await siteFromDir(FIXTURES))
})
afterAll(() => rm(tmp, { recursive: true, force: true }))

const pageKeys = (s: Site) => [...s.headKeys()].filter((k) => k.type === 'index' || k.type === 'scope-page')

describe('pages', () => {
  it('/ and every topic page are conforming HTML5 with no inline script or style', () => {
    const keys = pageKeys(site)
    expect(keys).toHaveLength(1 + [...site.scopes()].length)
    for (const key of keys) {
      const doc = site.get(key)!
      const html = text(doc.body)
      expect(checkHtml(html), doc.file).toEqual([])
      expect(html, doc.file).not.toMatch(/<style|\sstyle=|\son[a-z]+=|<script(?! src="\/assets\/site\.js" defer><\/script>)/)
      expect(doc.headers['Content-Security-Policy'], doc.file).toBe(PAGE_CSP)
    }
  })

  it('the checker finds what it is for', () => {
    const ok = text(site.get({ type: 'index' })!.body)
    expect(checkHtml(ok.replace('</li>', ''))).not.toEqual([])
    expect(checkHtml(ok.replace('<p class="lede">', '<p class="lede"><ul><li>x</li></ul>'))).not.toEqual([])
    expect(checkHtml(ok.replace('id="latest"', 'id="topics"'))).toContain('id "topics" is used 2 times')
    expect(checkHtml(ok.replace('<html lang="en">', '<html>'))).toContain('<html> has no lang')
  })

  it('shows hostile titles, topic and provider names as text, in the page and its title', async () => {
    const seeds = join(tmp, 'hostile')
    await mkdir(seeds, { recursive: true })
    await writeFile(join(seeds, 'a.md'), seed('a', `Title ${HOSTILE} & "quotes"`, [`Topic ${HOSTILE}`, 'Plain'], 1))
    const { site: s } = await siteFromDir(seeds)
    const slug = [...s.catalog.topics.keys()].find((k) => k !== 'plain')!
    for (const key of [{ type: 'index' } as const, { type: 'scope-page', scope: { kind: 'topic', slug: slug } } as const]) {
      const doc = s.get(key)!
      const html = text(doc.body)
      expect(scanDocument(doc.file, doc.body), doc.file).toEqual([])
      expect(checkHtml(html), doc.file).toEqual([])
      expect(html).toContain('Title &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;')
      expect(html).toContain('Topic &lt;script&gt;alert(1)&lt;/script&gt;')
      expect(html).toContain('Wire &lt;script&gt;alert(1)&lt;/script&gt;')
    }
    expect(text(s.get({ type: 'scope-page', scope: { kind: 'topic', slug: slug } })!.body)).toContain('<title>Topic &lt;script&gt;alert(1)&lt;/script&gt; · Feedstand</title>')
  })

  it('/topics/{slug}/ is the page; /topics/{slug}/index.html the same document; without the slash a 301 to it', async () => {
    const app = createApp({ site: () => site })
    const page = await app.request('/topics/ai-hardware/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP)
    expect((await app.request('/topics/ai-hardware/index.html')).headers.get('etag')).toBe(page.headers.get('etag'))
    const bare = await app.request('/topics/ai-hardware')
    expect(bare.status).toBe(301)
    expect(bare.headers.get('location')).toBe('http://localhost:3000/topics/ai-hardware/')
    const unicode = await app.request('/topics/%E4%B8%AD%E5%9B%BD')
    expect(unicode.headers.get('location')).toBe('http://localhost:3000/topics/%E4%B8%AD%E5%9B%BD/')
    for (const path of ['/topics/nope', '/topics/nope/', '/topics', '/topics/', '/assets/nope.js']) expect((await app.request(path)).status, path).toBe(404)
    expect((await app.request('/assets/site.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await app.request('/assets/site.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('_headers gives / and every topic page the CSP, in one rule for all topic pages', () => {
    const files = [...siteFiles(site)]
    const rules = text(files.at(-1)!.bytes)
    for (const path of ['/', '/index.html', '/topics/:topic/', '/topics/:topic/index.html']) {
      expect(rules).toContain(`\n${path}\n  Content-Type: text/html; charset=utf-8\n`)
      expect(rules.split(`\n${path}\n`)[1]!.split('\n\n')[0]).toContain(`  Content-Security-Policy: ${PAGE_CSP}`)
    }
    expect(rules).not.toContain('/topics/ai-hardware/\n')
  })

  it('each feed links back to the page of its scope', () => {
    const body = (topic: string | null, format: 'rss' | 'atom' | 'json') => text(site.get({ type: 'feed', scope: topicScope(topic), format, page: { kind: 'head' } })!.body)
    expect(body('ai-hardware', 'rss')).toContain('<link>http://localhost:3000/topics/ai-hardware/</link>')
    expect(body('ai-hardware', 'atom')).toContain('<link rel="alternate" type="text/html" href="http://localhost:3000/topics/ai-hardware/"/>')
    expect(JSON.parse(body('ai-hardware', 'json')).home_page_url).toBe('http://localhost:3000/topics/ai-hardware/')
    expect(body(null, 'rss')).toContain('<link>http://localhost:3000/</link>')
    expect(body(null, 'atom')).toContain('<link rel="alternate" type="text/html" href="http://localhost:3000/"/>')
    expect(JSON.parse(body(null, 'json')).home_page_url).toBe('http://localhost:3000/')
    expect(text(site.get({ type: 'opml' })!.body)).toContain('xmlUrl="http://localhost:3000/topics/ai-hardware/rss.xml" htmlUrl="http://localhost:3000/topics/ai-hardware/"')
  })

  it('a topic page is written by the build and removed with its topic by the next one', async () => {
    const seeds = join(tmp, 'vanish')
    const out = join(tmp, 'vanish-out')
    await mkdir(seeds, { recursive: true })
    await writeFile(join(seeds, 'a.md'), seed('a', 'A', ['Stays'], 1))
    await writeFile(join(seeds, 'b.md'), seed('b', 'B', ['Goes'], 2))
    const config = resolveConfig({ seeds, out, baseUrl: 'http://localhost:3000' })
    expect(await runBuild(config, io)).toBe(0)
    expect(await readFile(join(out, 'topics/goes/index.html'), 'utf8')).toContain('<h1>Goes</h1>')
    await rm(join(seeds, 'b.md'))
    expect(await runBuild(config, io)).toBe(0)
    await expect(stat(join(out, 'topics/goes'))).rejects.toThrow()
    expect(await readFile(join(out, 'topics/stays/index.html'), 'utf8')).toContain('<h1>Stays</h1>')
  })
})
