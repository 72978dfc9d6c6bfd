/**
 * A damaged seed cache never changes what a build publishes (issue 15, #5: single flipped bytes in
 * .feedstand-cache/ made builds publish wrong content, or crash every later build). Any bytes
 * flipped, a file cut short or garbage appended, in any file of the seed store: the next build's
 * documents are exactly those of a build without cache, the damage is told once, and the build
 * after it is sound again.
 *
 * "Build" here is the load through the cache and every document of the Site it gives, compared in
 * memory: a static build into an existing folder would hide a wrong cached outcome, because its
 * manifest (src/cache/build-manifest.ts) vouches for documents by the seeds' content hashes and
 * does not rewrite them; a full build would publish it.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus, writeCorpus } from '../../bench/corpus.js'
import { resolveConfig, type Config } from '../../src/config.js'
import { loadCatalog } from '../../src/loader/index.js'
import { TEST_NOW, makeSite } from '../helpers/site.js'

let root: string
let config: Config
let cacheDir: string
/** The documents of a build without cache: what every build must publish. */
let expected: Map<string, string>
/** The cache folder as a sound cached build left it, restored before each run. */
let pristine: string

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort()
}

/** One build: load (through the cache, or not), then every document's file and bytes; and the notices told. */
async function build(options: { cache: boolean }): Promise<{ docs: Map<string, string>; told: string[] }> {
  const told: string[] = []
  const catalog = await loadCatalog(config, TEST_NOW, undefined, { workers: 0, ...(options.cache && { cacheDir, onNotice: (l) => told.push(l) }) })
  const site = makeSite(catalog, config)
  const docs = new Map<string, string>()
  for (const key of site.keys()) {
    const doc = site.get(key)
    if (doc) docs.set(doc.file, Buffer.from(doc.body).toString('base64'))
  }
  return { docs, told }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'feedstand-corrupt-'))
  await writeCorpus(join(root, 'seeds'), generateCorpus({ count: 25, seed: 15, variety: 'varied' }))
  config = resolveConfig({ seeds: join(root, 'seeds'), out: join(root, 'feeds'), baseUrl: 'https://feeds.example' })
  cacheDir = join(root, 'cache')
  await build({ cache: true })
  // An edit between two builds: a second transaction, whose record for that file replaces the first's.
  const [edited] = (await readdir(config.seedsDir)).sort()
  const text = await readFile(join(config.seedsDir, edited!), 'utf8')
  await writeFile(join(config.seedsDir, edited!), text.replace(/^title: .*$/m, 'title: "Edited between builds"'))
  expected = (await build({ cache: false })).docs
  expect(await build({ cache: true })).toEqual({ docs: expected, told: [] })
  expect(await build({ cache: true })).toEqual({ docs: expected, told: [] })
  pristine = join(root, 'pristine-cache')
  await cp(cacheDir, pristine, { recursive: true })
})
afterAll(() => rm(root, { recursive: true, force: true }))

/** `at` is taken modulo the file's length: any byte, not only the (rejected at once) frame headers. */
type Damage = { kind: 'flip'; at: number; xor: number } | { kind: 'truncate'; at: number } | { kind: 'append'; bytes: Uint8Array }

const at = fc.integer({ min: 0, max: 1 << 30 })
const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flip' as const), at, xor: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }) },
)

function damage(bytes: Buffer, d: Damage): Buffer {
  if (d.kind === 'append') return Buffer.concat([bytes, d.bytes])
  if (bytes.byteLength === 0) return bytes
  const at = d.at % bytes.byteLength
  if (d.kind === 'truncate') return bytes.subarray(0, at)
  const out = Buffer.from(bytes)
  out[at]! ^= d.xor
  return out
}

describe('a damaged cache', () => {
  it('changes no document: the build after the damage and the one after that publish what a build without cache publishes', async () => {
    // The data file and its seal; LMDB's lock file holds no records (its reader table is rebuilt on open).
    const files = (await filesUnder(pristine)).filter((f) => !f.endsWith('-lock'))
    expect(files.map((f) => f.replace(/^.*\//, ''))).toEqual(['seeds.mdb', 'seeds.seal'])
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(damageArb, { minLength: 1, maxLength: 3 }), async (pick, damages) => {
        await rm(cacheDir, { recursive: true, force: true })
        await cp(pristine, cacheDir, { recursive: true })
        const target = join(cacheDir, files[pick % files.length]!)
        const sound = await readFile(target)
        let bytes: Buffer = sound
        for (const d of damages) bytes = damage(bytes, d)
        // Two flips of one byte by the same value undo each other: nothing to tell then.
        fc.pre(!bytes.equals(sound))
        await writeFile(target, bytes)

        const damaged = await build({ cache: true })
        expect(damaged.docs).toEqual(expected)
        expect(damaged.told).toHaveLength(1)
        expect(damaged.told[0]).toMatch(/^cache: discarded damaged records in .*seeds\.mdb: /)
        // Told once: the damaged records were replaced, so the next build finds a sound cache.
        expect(await build({ cache: true })).toEqual({ docs: expected, told: [] })
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})
