/**
 * WebSub: discovery links on the subscription documents (headers and bodies), the diff of two
 * snapshots down to the feeds whose bytes changed, and publish pings to a hub stub on loopback.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.js'
import { FORMATS, type Format } from '../../src/paths.js'
import { changedFeedUrls, notifyHub, publishToHub } from '../../src/websub/index.js'
import { BASE, SeedDir } from '../http/fixture.js'
import { readFeed } from '../paging/feed-links.js'
import { startHubStub, type HubStub } from './hub-stub.js'

const HEADS: Record<Format, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' }
const HUB = 'https://hub.example/'
const heads = (scope: string) => FORMATS.map((f) => `${BASE}/${scope}${HEADS[f]}`)

/** RFC 8288 Link header → rel → target. */
function parseLink(header: string | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of (header ?? '').matchAll(/<([^>]*)>\s*;\s*rel="([^"]*)"/g)) out[m[2]!] = m[1]!
  return out
}

const dirs: SeedDir[] = []
const stubs: HubStub[] = []
afterAll(async () => {
  await Promise.all(dirs.map((d) => d.cleanup()))
})
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((s) => s.close()))
})

/** Articles 1…n; odd ones in "AI", even ones in "AI" and "Chips". */
async function seedsWith(n: number): Promise<SeedDir> {
  const seeds = await SeedDir.create()
  dirs.push(seeds)
  await seeds.write(1, n, (i) => (i % 2 === 0 ? ['AI', 'Chips'] : ['AI']))
  return seeds
}

async function stub(plan?: Parameters<typeof startHubStub>[0]): Promise<HubStub> {
  const s = await startHubStub(plan)
  stubs.push(s)
  return s
}

describe('discovery', () => {
  it('every head carries Link rel=hub and rel=self headers, and the same links in its body', async () => {
    const site = await (await seedsWith(7)).site({ maxItems: 3, hubUrl: HUB })
    const app = createApp({ site: () => site })
    for (const scope of ['', 'topics/chips/']) {
      for (const format of FORMATS) {
        const self = `${BASE}/${scope}${HEADS[format]}`
        const res = await app.request(self.slice(BASE.length))
        expect(parseLink(res.headers.get('link')), self).toEqual({ hub: HUB, self })
        const body = readFeed(format, await res.text())
        expect([body.links.hub, body.links.self], self).toEqual([HUB, self])
      }
    }
    const json = JSON.parse(await (await app.request('/feed.json')).text()) as { hubs: unknown }
    expect(json.hubs).toEqual([{ type: 'WebSub', url: HUB }])
  })

  it('pages, archives and ?limit views advertise no hub: nothing would ever notify their subscribers', async () => {
    const site = await (await seedsWith(7)).site({ maxItems: 3, hubUrl: HUB })
    const app = createApp({ site: () => site })
    for (const [path, format] of [['/rss/page/2.xml', 'rss'], ['/atom/archive/1.xml', 'atom'], ['/feed.json?limit=2', 'json']] as const) {
      const res = await app.request(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('link'), path).toBeNull()
      expect(readFeed(format, await res.text()).links.hub, path).toBeUndefined()
    }
  })

  it('without a hub configured there is no Link header and no hub in any body', async () => {
    const site = await (await seedsWith(4)).site({ maxItems: 3 })
    const app = createApp({ site: () => site })
    for (const format of FORMATS) {
      const res = await app.request(`/${HEADS[format]}`)
      expect(res.headers.get('link')).toBeNull()
      expect(readFeed(format, await res.text()).links.hub).toBeUndefined()
    }
  })
})

describe('changedFeedUrls', () => {
  it('lists nothing for an unchanged snapshot, every head for a first one', async () => {
    const seeds = await seedsWith(4)
    const a = await seeds.site({ maxItems: 2 })
    const b = await seeds.site({ maxItems: 2 })
    expect(changedFeedUrls(a, b)).toEqual([])
    expect(changedFeedUrls(undefined, b)).toEqual([...heads(''), ...heads('topics/ai/'), ...heads('topics/chips/')])
  })

  it('lists exactly the heads whose bytes changed: a new article in one topic leaves the others alone', async () => {
    const seeds = await seedsWith(4)
    const before = await seeds.site({ maxItems: 2 })
    await seeds.write(5, 5) // odd: AI only
    const after = await seeds.site({ maxItems: 2 }, before)
    expect(changedFeedUrls(before, after)).toEqual([...heads(''), ...heads('topics/ai/')])
  })

  it('lists the heads of topics that appeared and disappeared', async () => {
    const seeds = await seedsWith(4)
    const before = await seeds.site({ maxItems: 2 })
    await seeds.remove(2)
    await seeds.remove(4)
    await seeds.write(9, 9, () => ['Robots'])
    const after = await seeds.site({ maxItems: 2 })
    expect(changedFeedUrls(before, after)).toEqual([...heads(''), ...heads('topics/ai/'), ...heads('topics/chips/'), ...heads('topics/robots/')])
  })

  it('a change that no head shows (an old article past every head) pings nothing', async () => {
    const seeds = await seedsWith(6)
    const before = await seeds.site({ maxItems: 2 })
    await seeds.rewrite(1, (text) => text.replace('Article 1"', 'Article one, retitled"'))
    const after = await seeds.site({ maxItems: 2 })
    expect(after.catalog.articles.at(-1)!.title).toBe('Article one, retitled')
    expect(changedFeedUrls(before, after)).toEqual([])
  })
})

describe('publishToHub', () => {
  it('sends one form-encoded publish request per URL and reports what the hub took', async () => {
    const hub = await stub()
    const urls = [`${BASE}/rss.xml`, `${BASE}/topics/a%C3%A9/feed.json`]
    const result = await publishToHub(hub.url, urls, { log: () => {} })
    expect(result).toEqual({ published: urls, failed: [] })
    expect(hub.pings).toHaveLength(2)
    for (const ping of hub.pings) {
      expect(ping.contentType).toBe('application/x-www-form-urlencoded')
      expect(ping.form.get('hub.mode')).toBe('publish')
      expect(ping.form.getAll('hub.url')).toHaveLength(1)
      expect(ping.form.get('hub.topic')).toBe(ping.form.get('hub.url'))
    }
    expect(hub.pings.map((p) => p.form.get('hub.url')).sort()).toEqual([...urls].sort())
  })

  it('retries a 5xx or 429 with backoff, gives up on another 4xx at once, and logs instead of throwing', async () => {
    const hub = await stub((n, form) => (form.get('hub.url')!.endsWith('bad') ? 400 : n < 2 ? 503 : 204))
    const lines: string[] = []
    const result = await publishToHub(hub.url, [`${BASE}/good`], { log: (l) => lines.push(l), backoffMs: 5, retries: 2 })
    expect(result.published).toEqual([`${BASE}/good`])
    expect(hub.pings).toHaveLength(3)
    const refused = await publishToHub(hub.url, [`${BASE}/bad`], { log: (l) => lines.push(l), backoffMs: 5 })
    expect(refused).toEqual({ published: [], failed: [`${BASE}/bad`] })
    expect(hub.pings).toHaveLength(4)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('HTTP 400')
  })

  it('bounds every attempt with a timeout and the attempts with the retry count', async () => {
    const hub = await stub(() => 'hang')
    const lines: string[] = []
    const result = await publishToHub(hub.url, [`${BASE}/rss.xml`], { log: (l) => lines.push(l), timeoutMs: 150, retries: 1, backoffMs: 5 })
    expect(result.failed).toEqual([`${BASE}/rss.xml`])
    expect(hub.pings).toHaveLength(2)
    expect(lines[0]).toContain('no answer within 150 ms')
  })

  it('an unreachable hub is logged, not thrown', async () => {
    const hub = await stub()
    await hub.close()
    const lines: string[] = []
    const result = await publishToHub(hub.url, [`${BASE}/rss.xml`], { log: (l) => lines.push(l), retries: 0 })
    expect(result.failed).toHaveLength(1)
    expect(lines).toHaveLength(1)
  })
})

describe('notifyHub', () => {
  it('pings the configured hub for exactly the feeds whose content changed', async () => {
    const hub = await stub()
    const seeds = await seedsWith(4)
    const before = await seeds.site({ maxItems: 2, hubUrl: hub.url })
    await seeds.write(5, 5)
    const after = await seeds.site({ maxItems: 2, hubUrl: hub.url }, before)
    const result = await notifyHub(before, after, { log: () => {} })
    const expected = [...heads(''), ...heads('topics/ai/')]
    expect(result).toEqual({ changed: expected, published: expected, failed: [] })
    expect(hub.pings.map((p) => p.form.get('hub.url')).sort()).toEqual([...expected].sort())
    // Nothing changed since: nothing sent.
    expect((await notifyHub(after, await seeds.site({ maxItems: 2, hubUrl: hub.url }))).changed).toEqual([])
    expect(hub.pings).toHaveLength(expected.length)
  })

  it('sends nothing without a hub configured, or at start-up (no previous snapshot)', async () => {
    const hub = await stub()
    const seeds = await seedsWith(4)
    const before = await seeds.site({ maxItems: 2 })
    await seeds.write(5, 5)
    const after = await seeds.site({ maxItems: 2 })
    expect(await notifyHub(before, after)).toEqual({ changed: [], published: [], failed: [] })
    const withHub = await seeds.site({ maxItems: 2, hubUrl: hub.url })
    expect((await notifyHub(undefined, withHub)).changed).toEqual([])
    expect(hub.pings).toHaveLength(0)
  })
})
