/**
 * nginx's validators are its own (file mtime and size, not the server's body hash). They are fine
 * as long as a rebuild rewrites exactly the files whose bytes changed: then an unchanged file keeps
 * its ETag and Last-Modified (no refetch), and a changed one gets a new ETag (no stale 304).
 */
import { describe, expect, it } from 'vitest'
import { runBuild } from '../../src/cli/build.js'
import { idOf } from '../http/fixture.js'
import { builtCorpus, quietIo } from './fixture.js'
import { wire } from './http.js'
import { nginxMissing, startNginx } from './nginx.js'
import { readmeServerBlock } from './readme.js'

const missing = nginxMissing
describe.skipIf(missing)(`nginx validators across rebuilds${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('an unchanged file keeps its ETag and Last-Modified; a changed one answers 200 to its old ETag', async () => {
    const { seeds, config, root } = await builtCorpus()
    const nginx = await startNginx({ http: (port) => readmeServerBlock('feedstand.conf', port, root) })
    try {
      const tags = async () => {
        const out: Record<string, [string, string]> = {}
        for (const path of ['/rss.xml', '/rss/archive/1.xml', '/topics/chips/atom.xml']) {
          const res = await wire(nginx.url + path)
          out[path] = [res.headers.etag!, res.headers['last-modified']!]
        }
        return out
      }
      const first = await tags()
      expect(await runBuild(config, quietIo)).toBe(0)
      expect(await tags()).toEqual(first)
      // Article 9 is in AI only: the global head changes, Chips and the full archive do not.
      await seeds.write(9, 9, () => ['AI'])
      expect(await runBuild(config, quietIo)).toBe(0)
      const after = await tags()
      expect(after['/rss/archive/1.xml']).toEqual(first['/rss/archive/1.xml'])
      expect(after['/topics/chips/atom.xml']).toEqual(first['/topics/chips/atom.xml'])
      expect(after['/rss.xml']![0]).not.toBe(first['/rss.xml']![0])
      const res = await wire(nginx.url + '/rss.xml', 'GET', { 'if-none-match': first['/rss.xml']![0] })
      expect(res.status).toBe(200)
      expect(res.body.toString()).toContain(`<guid isPermaLink="true">${idOf(9)}</guid>`)
    } finally {
      await nginx.stop()
      await seeds.cleanup()
    }
  })
})
