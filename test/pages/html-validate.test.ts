/**
 * Every page against html-validate's recommended rules (an offline HTML5 validator, the
 * conformance check issue 12 asks for), beside the project's own structural checker
 * (html-check.ts). Built from the fixtures and the rich fixtures, hostile names included.
 */
import { HtmlValidate } from 'html-validate'
import { describe, expect, it } from 'vitest'
import type { Site } from '../../src/documents/site.js'
import { FIXTURES, siteFromDir } from '../helpers/site.js'
import { resolve } from 'node:path'

const RICH = resolve(import.meta.dirname, '../fixtures/rich')

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // `<!doctype html>` is the HTML5 doctype in any case (WHATWG HTML §13.1.1); the rule is style only.
    'doctype-style': 'off',
    // Whitespace an empty optional part leaves on its line (no thumbnail, say): style, not validity.
    'no-trailing-whitespace': 'off',
  },
})

const pages = (site: Site) => [...site.headKeys()].filter((k) => k.type === 'index' || k.type === 'scope-page')

async function problems(site: Site): Promise<string[]> {
  const found: string[] = []
  for (const key of pages(site)) {
    const doc = site.get(key)!
    const report = await validator.validateString(new TextDecoder().decode(doc.body), doc.file)
    for (const r of report.results) for (const m of r.messages) found.push(`${doc.file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`)
  }
  return found
}

describe('pages are valid HTML5 (html-validate)', () => {
  for (const [name, dir] of [['fixtures', FIXTURES], ['rich fixtures', RICH]] as const) {
    it(`every page of the ${name}`, async () => {
      const { site } = await siteFromDir(dir)
      expect(pages(site).length).toBeGreaterThan(1)
      expect(await problems(site)).toEqual([])
    })
  }

  it('the validator finds what it is for', async () => {
    const { site } = await siteFromDir(FIXTURES)
    const html = new TextDecoder().decode(site.get({ type: 'index' })!.body)
    const report = await validator.validateString(html.replace('</main>', '</div></main>'), 'broken.html')
    expect(report.valid).toBe(false)
  })
})
