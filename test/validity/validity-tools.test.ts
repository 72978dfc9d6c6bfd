/**
 * The validity bar's own tools must be able to fail: the batched xmllint runs give the same
 * verdicts as the single-document helpers, pin each error to its document, and the document
 * check reports an item that reads differently from what was expected.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Site } from '../../src/documents/site.js'
import { checkWellFormedXml, validateAtom } from '../helpers/validate.js'
import { docText, headKey, RICH_DIR, siteFromDir } from '../render/rich-site.js'
import { checkDocuments } from './check-documents.js'
import { checkWellFormedBatch, validateAtomBatch } from './xmllint-batch.js'

let site: Site
let good: string
let malformed: string
let invalid: string

beforeAll(async () => {
  site = await siteFromDir(RICH_DIR)
  good = docText(site, headKey(null, 'atom'))
  malformed = good.replace('</title>', '') // an unclosed element
  invalid = good.replace(/<id>https:\/\/minimal[^<]*<\/id>/, '') // an entry without its required id
})

describe('validity tools', () => {
  it('batched xmllint agrees with checkWellFormedXml and validateAtom, document by document', async () => {
    expect(await checkWellFormedXml(good)).toEqual([])
    expect(await checkWellFormedXml(malformed)).not.toEqual([])
    expect(await validateAtom(invalid)).not.toEqual([])
    const docs = [
      { name: 'good', xml: good },
      { name: 'malformed', xml: malformed },
      { name: 'invalid', xml: invalid },
    ]
    const wf = await checkWellFormedBatch(docs)
    expect(wf.some((e) => e.startsWith('malformed line '))).toBe(true)
    expect(wf.filter((e) => !e.startsWith('malformed'))).toEqual([])
    const rng = await validateAtomBatch(docs)
    expect(rng.some((e) => e.startsWith('invalid'))).toBe(true)
    expect(rng.some((e) => e.startsWith('good'))).toBe(false)
  })

  it('checkDocuments reports an item whose title, link or date differ from the expected ones', async () => {
    const expected = new Map(site.catalog.articles.map((a) => [a.id, { title: a.title, link: a.webUrl, publishedMs: a.publishedMs }]))
    const keys = [headKey(null, 'rss'), headKey(null, 'atom'), headKey(null, 'json')]
    expect((await checkDocuments(site, keys, expected)).failures).toEqual([])
    const [id, want] = [...expected][0]!
    const wrong = new Map(expected).set(id, { ...want, title: want.title + '!' })
    const failures = (await checkDocuments(site, keys, wrong)).failures
    expect(failures).toHaveLength(3)
    expect(failures.every((f) => f.includes('expected'))).toBe(true)
  })
})
