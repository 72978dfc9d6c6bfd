/**
 * A store that no save wrote to is empty, not damaged: opening it again finds its seal sound (the
 * bodies' sub-database is created before the new store is sealed; created after, it grew the file
 * past its seal and the next open discarded it as damaged).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SeedStore } from '../../src/cache/seed-store.js'

const root = await mkdtemp(join(tmpdir(), 'feedstand-fresh-store-'))
afterAll(() => rm(root, { recursive: true, force: true }))

describe('a new seed store', () => {
  it('opens again sound when nothing was saved to it', async () => {
    const first = await SeedStore.open(root, 'seeds-0')
    expect(first.damage).toEqual([])
    await first.close()
    const again = await SeedStore.open(root, 'seeds-0')
    expect(again.damage).toEqual([])
    expect(again.size).toBe(0)
    await again.close()
  })
})
