/**
 * With topic scopes not built (`--scopes providers`), nothing links to a topic feed or page that
 * does not exist: items keep their topics as categories without a domain/scheme, and pages show
 * topic names as text. With topics built (the default), the links are there.
 */
import { describe, expect, it } from 'vitest'
import type { Site } from '../../src/documents/site.js'
import { FIXTURES, siteFromDir } from '../helpers/site.js'

const text = (site: Site, key: Parameters<Site['get']>[0]) => new TextDecoder().decode(site.get(key)!.body)
const head = (format: 'rss' | 'atom') => ({ type: 'feed', scope: null, format, page: { kind: 'head' } }) as const

describe('topic links follow the scopes that are built', () => {
  it('no topic scopes: categories without domain or scheme, topic names as plain text on pages', async () => {
    const { site } = await siteFromDir(FIXTURES, { scopes: 'providers' })
    const rss = text(site, head('rss'))
    const atom = text(site, head('atom'))
    const page = text(site, { type: 'index' })
    expect(rss).toMatch(/<category>[^<]+<\/category>/)
    expect(rss).not.toContain('/topics/')
    expect(atom).toMatch(/<category term="[^"]+" label="[^"]+"\/>/)
    expect(atom).not.toContain('/topics/')
    expect(page).not.toContain('href="/topics/')
    expect(page).toContain('<ul class="tags" aria-label="Topics"><li>')
  })

  it('topic scopes built (the default): every category and tag links its topic', async () => {
    const { site } = await siteFromDir(FIXTURES)
    expect(text(site, head('rss'))).toMatch(/<category domain="[^"]*\/topics\/[^"]+\/rss\.xml">/)
    expect(text(site, head('atom'))).toMatch(/<category term="[^"]+" scheme="[^"]*\/topics\/[^"]+\/atom\.xml"/)
    expect(text(site, { type: 'index' })).toContain('href="/topics/')
  })
})
