/**
 * Pins the exact bytes of one rich article (several images, related, provider, via, Markdown
 * body with HTML and a script) in each format: the one-article `nvidia` topic feed of the rich
 * fixtures, built with a fixed config and clock. A change here is a change every reader sees:
 * review the diff, then update with `npx vitest run -u test/render/rich-snapshots.test.ts`.
 */
import { describe, expect, it } from 'vitest'
import { FORMATS, FORMAT_FILES } from '../../src/paths.js'
import { docText, headKey, RICH_DIR, siteFromDir } from './rich-site.js'

describe('rich article snapshots', () => {
  for (const format of FORMATS) {
    it(`${format}: exact output`, async () => {
      const site = await siteFromDir(RICH_DIR)
      const body = docText(site, headKey('nvidia', format))
      expect(site.catalog.topics.get('nvidia')!.articles).toHaveLength(1)
      await expect(body).toMatchFileSnapshot(`__snapshots__/rich-article.${FORMAT_FILES[format].stem}.${FORMAT_FILES[format].ext}`)
      // Byte-stable: a second, independent build gives the same bytes.
      expect(docText(await siteFromDir(RICH_DIR), headKey('nvidia', format))).toBe(body)
    })
  }
})
