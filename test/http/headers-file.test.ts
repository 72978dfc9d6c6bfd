/**
 * The static build's `_headers`: read back the way Netlify and Cloudflare Pages read it (every
 * matching rule applies, `:name` is one segment, repeated names are comma-joined), it must give
 * every built document exactly the headers the server sends, with a rule count that does not
 * grow with the number of archives.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { siteFiles } from '../../src/output/index.js'
import { CLOUDFLARE_MAX_RULES, HEADERS_FILE, rulePath } from '../../src/documents/headers-file.js'
import type { Site } from '../../src/documents/site.js'
import { FIXTURES, siteFromDir } from '../helpers/site.js'
import { SeedDir } from './fixture.js'

interface Rule {
  path: string
  headers: [string, string][]
}

function parseHeadersFile(text: string): Rule[] {
  const rules: Rule[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] })
    else {
      const at = line.indexOf(':')
      rules.at(-1)!.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()])
    }
  }
  return rules
}

function matches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(:[A-Za-z]+|\*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`).test(path)
}

/** What a host sends for `path`: every matching rule, repeated names joined (and counted). */
function resolve(rules: Rule[], path: string): { headers: Record<string, string>; repeated: string[] } {
  const headers: Record<string, string> = {}
  const repeated: string[] = []
  for (const rule of rules.filter((r) => matches(r.path, path))) {
    for (const [name, value] of rule.headers) {
      if (name in headers) repeated.push(name)
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value
    }
  }
  return { headers, repeated }
}

function build(site: Site): { text: string; files: string[] } {
  const files = [...siteFiles(site)]
  expect(files.at(-1)!.file).toBe(HEADERS_FILE)
  return { text: new TextDecoder().decode(files.at(-1)!.bytes), files: files.map((f) => f.file) }
}

const dirs: SeedDir[] = []
afterAll(async () => {
  await Promise.all(dirs.map((d) => d.cleanup()))
})

describe('_headers', () => {
  it('gives every built document exactly the server headers (Unicode topics at their encoded path)', async () => {
    const { site } = await siteFromDir(FIXTURES, { maxItems: 2, hubUrl: 'https://hub.example/' })
    const { text } = build(site)
    const rules = parseHeadersFile(text)
    let checked = 0
    for (const key of site.keys()) {
      const doc = site.get(key)!
      // A folder's page (`/`, `/topics/x/`) is also served at its file name.
      const paths = doc.path.endsWith('/') ? [doc.path, `${doc.path}index.html`] : [doc.path]
      // A document alone at its rule (the global heads, `/`, topics.json, the OPML) also gets the
      // server's Last-Modified; a rule shared by many documents cannot carry their dates.
      const alone = rulePath(key) === doc.path && doc.lastModifiedMs !== undefined
      const want = alone ? { ...doc.headers, 'Last-Modified': doc.identity().headers['Last-Modified'] } : doc.headers
      for (const path of paths) {
        const { headers, repeated } = resolve(rules, path)
        expect(repeated, path).toEqual([])
        expect(headers, path).toEqual(want)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
    expect(text).toContain('/topics/:topic/rss/archive/*.xml\n')
    expect(text).toContain('/topics/:topic/rss/page/*.xml\n')
    expect(text).toContain('/topics/%E4%B8%AD%E5%9B%BD/atom.xml\n')
    expect(text).not.toContain('中国')
    expect(text.split('\n').every((l) => l.length < 2000)).toBe(true)
  })

  it('has a fixed number of rules without a hub, however many archives', async () => {
    const counts: number[] = []
    // Odd counts, 2 per document: the global feed and "AI" have a bridge at both sizes.
    for (const n of [5, 61]) {
      const seeds = await SeedDir.create()
      dirs.push(seeds)
      await seeds.write(1, n, (i) => (i % 3 === 0 ? ['AI', 'Chips'] : ['AI']))
      const { text, files } = build(await seeds.site({ maxItems: 2 }))
      expect(files.length).toBeGreaterThan(n)
      expect(text).not.toContain('Link:')
      counts.push(parseHeadersFile(text).length)
    }
    expect(counts[1]).toBe(counts[0])
    expect(counts[0]).toBeLessThan(30)
  })

  it('says so in the file when the per-feed WebSub rules pass Cloudflare\'s limit, and puts them last', async () => {
    const seeds = await SeedDir.create()
    dirs.push(seeds)
    await seeds.write(1, 40, (i) => [`Topic ${i}`])
    const { text } = build(await seeds.site({ maxItems: 2, hubUrl: 'https://hub.example/' }))
    const rules = parseHeadersFile(text)
    expect(rules.length).toBeGreaterThan(CLOUDFLARE_MAX_RULES)
    expect(text).toContain(`# ${rules.length} rules: Cloudflare Pages reads ${CLOUDFLARE_MAX_RULES}.`)
    const firstLinkOnly = rules.findIndex((r) => r.headers.length === 1 && r.headers[0]![0] === 'Link')
    expect(rules.slice(firstLinkOnly).every((r) => r.headers.length === 1 && r.headers[0]![0] === 'Link')).toBe(true)
    expect(firstLinkOnly).toBeLessThan(CLOUDFLARE_MAX_RULES)
  })
})
