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
import { openSeedStore } from '../../src/cache/open.js'
import { decodeShard, END_MARK, frameHeader } from '../../src/cache/record-codec.js'
import type { SeedRecord } from '../../src/cache/seed-store.js'
import { resolveConfig, type Config } from '../../src/config.js'
import { loadOutcomes } from '../../src/loader/index.js'
import { hashSeed, processSeed } from '../../src/seed/process-seed.js'
import { TEST_NOW } from '../helpers/site.js'

const SEED = '---\ntitle: "A title"\npublishedDateTime: 2024-01-01T00:00:00Z\nwebUrl: "https://x.example/a"\nrelated:\n  - { title: "R", url: "https://x.example/r" }\n---\nBody.\n'
const bytes = new TextEncoder().encode(SEED)
const record = (file = 'a.md'): SeedRecord =>
  ({ file, size: bytes.byteLength, mtimeMs: 1000, hash: hashSeed(bytes), outcome: processSeed(file, bytes, { maxExcerptLength: 2000, nowMs: TEST_NOW }) })
const frame = (values: unknown[]) => {
  const payload = serialize(values)
  return Buffer.concat([frameHeader(payload), payload])
}
/** A shard as the writer commits it: its frames, then the end mark. */
const shardOf = (...frames: Buffer[]) => Buffer.concat([...frames, END_MARK])
const withRelated = (related: unknown): SeedRecord => {
  const r = record()
  return { ...r, outcome: { ...r.outcome, article: { ...r.outcome.article!, related } as never } }
}

describe('decodeShard', () => {
  it('gives back the records of sound frames, in order, with no damage', () => {
    const shard = shardOf(frame([record('a.md'), record('b.md')]), frame([record('c.md')]))
    expect(decodeShard(shard)).toEqual({ records: [record('a.md'), record('b.md'), record('c.md')], values: 3 })
  })

  it('skips, without calling it damage, what is not worth keeping: unreadable files, "same" answers, clock-dependent outcomes', () => {
    const future = record('f.md')
    future.outcome.problems.push({ file: 'f.md', code: 'future-date', severity: 'warning', message: 'later' })
    const unreadable = { file: 'u.md', size: 1, mtimeMs: 1, outcome: { file: 'u.md', problems: [] } }
    const same = { file: 's.md', size: 1, mtimeMs: 1, hash: 'x', same: true }
    expect(decodeShard(shardOf(frame([unreadable, same, future, record()])))).toEqual({ records: [record()], values: 4 })
  })

  it('discards a well-checksummed record of the wrong shape, and keeps its sound neighbours', () => {
    for (const bad of [withRelated('not a list'), withRelated([{ title: 1 }]), { ...record(), hash: 'short' }, { ...record(), outcome: { file: 'other.md', problems: [] } }, null, 'text']) {
      const decoded = decodeShard(shardOf(frame([record('b.md'), bad])))
      expect(decoded.records).toEqual([record('b.md')])
      expect(decoded.damage).toBe('1 malformed record')
    }
  })

  it('stops at a checksum mismatch, a frame running past the end, a cut between frames, or bytes after the end mark', () => {
    const sound = frame([record('a.md')])
    const flipped = Buffer.from(sound)
    flipped[sound.byteLength - 3]! ^= 1
    const cases: [Buffer, RegExp][] = [
      [shardOf(sound, flipped), /^a checksum mismatch at byte \d+/],
      [Buffer.concat([sound, sound.subarray(0, sound.byteLength - 1)]), /running past the end/],
      [Buffer.concat([sound, Buffer.from([1, 2, 3])]), /^a partial frame header/],
      // Cut exactly between two frames: only the missing end mark tells.
      [sound, /^no end mark/],
      [Buffer.concat([shardOf(sound), Buffer.from([9])]), /^bytes after the end mark/],
    ]
    for (const [shard, damage] of cases) {
      const decoded = decodeShard(shard)
      expect(decoded.damage).toMatch(damage)
      expect(decoded.records).toEqual([record('a.md')])
    }
    expect(decodeShard(Buffer.alloc(0))).toMatchObject({ records: [], damage: expect.stringMatching(/^no end mark/) })
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
    // A later shard whose record for a.md has the right file state and checksum, but `related` is no list.
    const { folder, get } = await openSeedStore(cacheDir, config).then((s) => ({ folder: s.folder, get: s.get('a.md')! }))
    const bad = { ...get, outcome: { ...get.outcome, article: { ...get.outcome.article!, related: 'x' } } }
    await writeFile(join(folder, '999999999999999-bad.shard'), shardOf(frame([bad])))
    expect(await load()).toEqual(fresh)
    expect(told).toEqual([expect.stringMatching(/^cache: discarded damaged records in .*999999999999999-bad\.shard: 1 malformed record\)/)])
    expect(await load()).toEqual(fresh)
    expect(told).toHaveLength(1)
  })
})
