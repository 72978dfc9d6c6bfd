/**
 * The one builder of test sites: seeds (a folder, or texts in memory) → the real pipeline →
 * Catalog → Site, with a fixed clock and base URL so output is stable. Every test that needs a
 * Site or an app over one comes through here (test/http/fixture.ts, test/properties/site-of.ts,
 * test/render/rich-site.ts wrap it with their own defaults).
 */
import { resolve } from 'node:path'
import { buildCatalog } from '../../src/catalog/build-catalog.js'
import type { SeedOutcome } from '../../src/seed/seed-outcome.js'
import { DEFAULTS, resolveConfig, type Config, type RawConfig } from '../../src/config.js'
import type { Compressor, DocumentPorts } from '../../src/documents/document.js'
import { Site } from '../../src/documents/site.js'
import type { Catalog } from '../../src/types.js'
import { nodePorts } from '../../src/node/document-ports.js'
import { loadCatalog } from '../../src/loader/index.js'
import { normalizeOptions, processSeed } from '../../src/seed/process-seed.js'

/** "Now" for tests: after every fixture's date, so nothing is held back as future. */
export const TEST_NOW = Date.UTC(2026, 0, 1)

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/seeds')

/** The base URL of every test site unless a test sets its own. */
export const TEST_BASE = 'http://localhost:3000'

/** The production ports (zlib levels and node:crypto), made once: they hold no state. */
export const TEST_PORTS: DocumentPorts = nodePorts()

/** Fast compression, for tests that look at bytes and tags, not ratios. */
export const FAST_PORTS: DocumentPorts = nodePorts({ gzipLevel: 1, brotliQuality: 1 })

export interface SiteOptions {
  /** The snapshot the new one replaces (reuse of unchanged documents). */
  previous?: Site
  /** Another compressor (e.g. one that counts its calls); the digest stays node:crypto. */
  compressor?: Compressor
  /** Other ports altogether (default TEST_PORTS). */
  ports?: DocumentPorts
}

/** The Site of a catalog: the one `new Site` of the tests. */
export function makeSite(catalog: Catalog, config: Config, opts: SiteOptions = {}): Site {
  const ports = opts.ports ?? TEST_PORTS
  return new Site(catalog, {
    config,
    ...ports,
    ...(opts.compressor && { compressor: opts.compressor }),
    ...(opts.previous && { previous: opts.previous }),
  })
}

/**
 * The config of a test site. Archives are as large as heads unless a test says otherwise: the
 * paging tests' arithmetic (and their fixtures) were written for one document size.
 */
export function testConfig(overrides: RawConfig = {}): Config {
  return resolveConfig({ baseUrl: TEST_BASE, archiveSize: overrides.maxItems ?? DEFAULTS.maxItems, ...overrides })
}

/** A Site over a seeds folder, through the real loader. */
export async function siteFromDir(
  seedsDir: string,
  overrides: RawConfig = {},
  nowMs = TEST_NOW,
  opts: SiteOptions = {},
): Promise<{ site: Site; config: Config }> {
  const config = testConfig({ seeds: seedsDir, ...overrides })
  const catalog = await loadCatalog(config, nowMs)
  return { site: makeSite(catalog, config, opts), config }
}

export interface SeedText {
  file: string
  text: string | Uint8Array
}

/** A Site over seed texts held in memory: the same per-seed processing as the loader, no disk. */
export function siteFromTexts(
  seeds: readonly SeedText[],
  overrides: RawConfig = {},
  nowMs = TEST_NOW,
  opts: SiteOptions = {},
): { site: Site; outcomes: SeedOutcome[]; config: Config } {
  const config = testConfig(overrides)
  const normalize = normalizeOptions(config, nowMs)
  const encoder = new TextEncoder()
  const outcomes = seeds.map((s) => processSeed(s.file, typeof s.text === 'string' ? encoder.encode(s.text) : s.text, normalize))
  const catalog = buildCatalog(outcomes, { onlyPublished: config.onlyPublished, nowMs })
  return { site: makeSite(catalog, config, opts), outcomes, config }
}

const decoder = new TextDecoder()
export const text = (bytes: Uint8Array): string => decoder.decode(bytes)
