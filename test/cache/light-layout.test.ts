/**
 * The stored layout of light records (src/cache/light-layout.ts): a start from the cache decodes
 * every one of them, so each is stored once, without its keys or repeated strings, and is still
 * checked whole (checksum, then record-shape.ts) when read back.
 */
import { serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { lightRecord } from '../../src/cache/article-parts.js'
import { decodeLight, encodeLight, frameHeader } from '../../src/cache/record-codec.js'
import type { SeedRecord } from '../../src/cache/seed-store.js'
import { hashSeed, processSeed } from '../../src/seed/process-seed.js'
import { TEST_NOW } from '../helpers/site.js'

const SEED = '---\ntitle: "A title"\npublishedDateTime: 2024-01-01T00:00:00Z\nwebUrl: "https://x.example/a-long-enough-url"\ntopics: [Science]\n---\nBody.\n'
const record = (file: string, seed = SEED): SeedRecord => {
  const bytes = new TextEncoder().encode(seed)
  return { file, size: bytes.byteLength, mtimeMs: 1000.5, hash: hashSeed(bytes), outcome: processSeed(file, bytes, { maxExcerptLength: 2000, nowMs: TEST_NOW }) }
}
const frame = (value: unknown) => {
  const payload = serialize(value)
  return Buffer.concat([frameHeader(payload), payload])
}
const count = (bytes: Buffer, s: string) => bytes.toString('latin1').split(s).length - 1

describe('light records as stored', () => {
  it('read back as the light record that was written', () => {
    const withId = record('b.md', SEED.replace('title:', 'id: "own-id"\ntitle:'))
    for (const r of [record('a.md'), withId]) expect(decodeLight(r.file, encodeLight(r))).toEqual({ record: lightRecord(r) })
    expect((decodeLight('b.md', encodeLight(withId)) as { record: SeedRecord }).record.outcome.article!.id).toBe('own-id')
  })

  it('hold the file, the hash and an id equal to the webUrl once each, and no field names', () => {
    const r = record('some/folder/a-seed-file.md')
    const bytes = encodeLight(r)
    expect(count(bytes, r.file)).toBe(1)
    expect(count(bytes, r.hash)).toBe(1)
    expect(count(bytes, 'https://x.example/a-long-enough-url')).toBe(1)
    expect(count(bytes, 'excerpt')).toBe(0)
  })

  it('are refused when a sound frame holds another layout, a malformed field, or the record of another file', () => {
    const r = record('a.md')
    const good = [r.file, r.size, r.mtimeMs, r.hash, [], ['x', 't', 'e', 1, undefined, 'u', undefined, [], undefined, undefined, undefined, true, undefined]]
    expect(decodeLight('a.md', frame(good))).toHaveProperty('record')
    const topics = structuredClone(good)
    ;(topics[5] as unknown[])[7] = 'Science'
    const short = structuredClone(good)
    ;(short[5] as unknown[]).pop()
    for (const bad of [lightRecord(r), topics, short, good.slice(0, 5), [1, ...good.slice(1)], { ...good }, null]) {
      expect(decodeLight('a.md', frame(bad))).toEqual({ damage: 'a malformed record' })
    }
    expect(decodeLight('b.md', encodeLight(r))).toEqual({ damage: 'a malformed record' })
  })
})
