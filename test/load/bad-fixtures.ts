/** The bad-seed fixture folder, loaded the way the CLI loads a seeds folder. */
import { fileURLToPath } from 'node:url'
import { buildCatalog } from '../../src/catalog/build-catalog.js'
import type { SeedOutcome } from '../../src/seed/seed-outcome.js'
import { resolveConfig } from '../../src/config.js'
import { loadOutcomes } from '../../src/loader/index.js'
import type { Catalog } from '../../src/types.js'

export const BAD_DIR = fileURLToPath(new URL('../fixtures/bad/', import.meta.url))
/** The fixtures are small; too-large.md is just over this. */
export const FIXTURE_MAX_BYTES = 4096
/** "Now" for the fixtures: after every dated one but future-date.md. */
export const FIXTURE_NOW = Date.UTC(2026, 0, 1)

/** The loader over the fixture folder (list → read with the size limit → decode → parse → normalize) and its catalog. */
export async function loadBadFixtures(dir = BAD_DIR): Promise<{ outcomes: SeedOutcome[]; catalog: Catalog }> {
  const config = resolveConfig({ seeds: dir, maxFileBytes: FIXTURE_MAX_BYTES })
  const outcomes = await loadOutcomes(config, FIXTURE_NOW)
  return { outcomes, catalog: buildCatalog(outcomes, { onlyPublished: false, nowMs: FIXTURE_NOW }) }
}
