/** Builds the real pipeline over a folder of seeds, for tests. Fixed clock and base URL, so output is stable. */
import { resolve } from 'node:path'
import { resolveConfig, type Config, type RawConfig } from '../../src/config.js'
import { Site } from '../../src/documents/site.js'
import { nodeCompressor } from '../../src/node/compress.js'
import { loadCatalog } from '../../src/loader/index.js'

/** "Now" for tests: after every fixture's date, so nothing is held back as future. */
export const TEST_NOW = Date.UTC(2026, 0, 1)

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/seeds')

export async function siteFromDir(seedsDir: string, overrides: RawConfig = {}, nowMs = TEST_NOW): Promise<{ site: Site; config: Config }> {
  const config = resolveConfig({ seeds: seedsDir, baseUrl: 'http://localhost:3000', ...overrides })
  const catalog = await loadCatalog(config, nowMs)
  return { site: new Site(catalog, { config, compressor: nodeCompressor() }), config }
}

const decoder = new TextDecoder()
export const text = (bytes: Uint8Array): string => decoder.decode(bytes)
