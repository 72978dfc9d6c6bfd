/**
 * The one change detector (src/documents/changes.ts) knows no kind of document: whatever
 * `Site.keys()` stops yielding is reported vanished, a feed page or not (the old watch writer
 * knew only feed pages, so any other document lingered in feeds/), and the shortcut over
 * unchanged inputs gives the same answer as comparing every signature.
 */
import { describe, expect, it } from 'vitest'
import { changedKeys, signatures } from '../../src/documents/changes.js'
import { Site } from '../../src/documents/site.js'
import { filePath } from '../../src/paths.js'
import { FIXTURES, TEST_PORTS, siteFromDir } from '../helpers/site.js'

describe('changedKeys', () => {
  it('reports a vanished document of any kind: the icon, once the config names an external one', async () => {
    const { site: before } = await siteFromDir(FIXTURES)
    const { site: after } = await siteFromDir(FIXTURES, { icon: 'https://cdn.example/icon.png' })
    const { vanished } = changedKeys(signatures(before, before.keys()), after, after.keys())
    expect(vanished).toEqual([filePath({ type: 'icon' })])
  })

  it('nothing changed: nothing to write, and the same answer with or without the earlier Site', async () => {
    const { site, config } = await siteFromDir(FIXTURES)
    const next = new Site(site.catalog, { config, ...TEST_PORTS, compressor: { gzip: (b) => b, br: (b) => b }, previous: site })
    const withSite = changedKeys(signatures(site, site.keys()), next, next.keys())
    const withoutSite = changedKeys({ tokens: signatures(site, site.keys()).tokens }, next, next.keys())
    expect(withSite.changed).toEqual([])
    expect(withoutSite.changed).toEqual([])
    expect(withSite.sameSet && withoutSite.sameSet).toBe(true)
    expect(withSite.unchanged).toBe([...next.keys()].length)
  })
})
