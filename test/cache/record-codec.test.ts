/**
 * The cache's record validation (src/cache/record-codec.ts, record-shape.ts): a frame is used only
 * when its checksum holds, and a record only when it is a well-formed SeedOutcome of its file. A
 * record that passes the checksum but not the shape (the issue's `a.related is not iterable`,
 * which crashed every later build) is discarded and its seed parsed again.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serialize } from 'node:v8'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { open } from 'lmdb'
import { openSeedStore } from '../../src/cache/open.js'
import { decodeRecord, encodeRecord, frameHeader } from '../../src/cache/record-codec.js'
import { writeSeal } from '../../src/cache/seal.js'
import { DATA_FILE, type SeedRecord } from '../../src/cache/seed-store.js'
import { resolveConfig, type Config } from '../../src/config.js'
import { loadOutcomes } from '../../src/loader/index.js'
import { hashSeed, processSeed } from '../../src/seed/process-seed.js'
import { TEST_NOW } from '../helpers/site.js'

const SEED = '---\ntitle: "A title"\npublishedDateTime: 2024-01-01T00:00:00Z\nwebUrl: "https://x.example/a"\nrelated:\n  - { title: "R", url: "https://x.example/r" }\n---\nBody.\n'
const bytes = new TextEncoder().encode(SEED)
const record = (file = 'a.md'): SeedRecord =>
  ({ file, size: bytes.byteLength, mtimeMs: 1000, hash: hashSeed(bytes), outcome: processSeed(file, bytes, { maxExcerptLength: 2000, nowMs: TEST_NOW }) })
/** A value as a writer with its own ideas of the shape would store it: a sound frame around any value. */
const frame = (value: unknown) => {
  const payload = serialize(value)
  return Buffer.concat([frameHeader(payload), payload])
}
const withRelated = (related: unknown): SeedRecord => {
  const r = record()
  return { ...r, outcome: { ...r.outcome, article: { ...r.outcome.article!, related } as never } }
}

describe('decodeRecord', () => {
  it('gives back the record of a sound frame, with no damage', () => {
    expect(decodeRecord('a.md', encodeRecord(record('a.md')))).toEqual({ record: record('a.md') })
  })

  it('skips, without calling it damage, what is not worth keeping: unreadable files, "same" answers, clock-dependent outcomes', () => {
    const future = record('f.md')
    future.outcome.problems.push({ file: 'f.md', code: 'future-date', severity: 'warning', message: 'later' })
    const unreadable = { file: 'u.md', size: 1, mtimeMs: 1, outcome: { file: 'u.md', problems: [] } }
    const same = { file: 's.md', size: 1, mtimeMs: 1, hash: 'x', same: true }
    for (const v of [future, unreadable, same]) expect(decodeRecord(v.file, frame(v))).toEqual({ skip: true })
  })

  it('discards a well-checksummed record of the wrong shape, or one stored under another file', () => {
    for (const bad of [withRelated('not a list'), withRelated([{ title: 1 }]), { ...record(), hash: 'short' }, { ...record(), outcome: { file: 'other.md', problems: [] } }, null, 'text']) {
      expect(decodeRecord('a.md', frame(bad))).toEqual({ damage: 'a malformed record' })
    }
    expect(decodeRecord('b.md', encodeRecord(record('a.md')))).toEqual({ damage: 'a malformed record' })
  })

  it('refuses a checksum mismatch, a frame longer or shorter than its value, a partial header', () => {
    const sound = encodeRecord(record('a.md'))
    const flipped = Buffer.from(sound)
    flipped[sound.byteLength - 3]! ^= 1
    const cases: [Buffer, RegExp][] = [
      [flipped, /^a checksum mismatch/],
      [sound.subarray(0, sound.byteLength - 1), /^a frame of \d+ bytes in a value of/],
      [Buffer.concat([sound, Buffer.from([9])]), /^a frame of \d+ bytes in a value of/],
      [sound.subarray(0, 5), /^a partial frame header/],
    ]
    for (const [bytes, damage] of cases) expect(decodeRecord('a.md', bytes)).toEqual({ damage: expect.stringMatching(damage) })
  })
})

describe('loading through a cache with a malformed record', () => {
  let root: string
  let config: Config
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'feedstand-codec-'))
    await writeFile(join(root, 'a.md'), SEED)
    config = resolveConfig({ seeds: root, out: join(root, 'out') })
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('parses the seed again, tells it once, and rewrites the cache', async () => {
    const cacheDir = join(root, 'cache')
    const fresh = await loadOutcomes(config, TEST_NOW, undefined, { workers: 0 })
    const told: string[] = []
    const load = () => loadOutcomes(config, TEST_NOW, undefined, { workers: 0, cacheDir, onNotice: (l) => told.push(l) })
    expect(await load()).toEqual(fresh)
    // A record for a.md with the right file state and checksum, but `related` is no list, in a sealed store.
    const store = await openSeedStore(cacheDir, config)
    const { folder } = store
    const get = store.get('a.md')!
    await store.close()
    const bad = { ...get, outcome: { ...get.outcome, article: { ...get.outcome.article!, related: 'x' } } }
    const db = open<Buffer, string>({ path: join(folder, DATA_FILE), noSubdir: true, encoding: 'binary', compression: false })
    await db.put('a.md', frame(bad))
    await db.close()
    await writeSeal(join(folder, DATA_FILE), join(folder, 'seeds.seal'))
    expect(await load()).toEqual(fresh)
    expect(told).toEqual([expect.stringMatching(/^cache: discarded damaged records in .*seeds\.mdb: the record of a\.md: a malformed record\)/)])
    expect(await load()).toEqual(fresh)
    expect(told).toHaveLength(1)
  })
})
