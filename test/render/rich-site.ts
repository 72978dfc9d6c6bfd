/**
 * Builds the real pipeline for render and validity tests: seed files (from a folder or from
 * memory) → Catalog → Site, with a fixed clock and base URL so output is byte-stable.
 */
import { readFile } from 'node:fs/promises'
import { topicScope } from '../../src/scopes/scope-kinds.js'
import { basename, resolve } from 'node:path'
import type { Config, RawConfig } from '../../src/config.js'
import type { Site } from '../../src/documents/site.js'
import { HEAD, type DocKey, type Format } from '../../src/paths.js'
import * as build from '../helpers/site.js'

/** "Now" for every test build: after every fixture's date, so nothing is held back as future. */
export const NOW = build.TEST_NOW
export const RICH_DIR = resolve(import.meta.dirname, '../fixtures/rich')
export const SEEDS_DIR = resolve(import.meta.dirname, '../../seeds')
/** The one real seed: the item the "done when" is about. */
export const SEED_FILE = resolve(SEEDS_DIR, '000_ea3e9e76e24cb92c.txt')

export type FeedKey = Extract<DocKey, { type: 'feed' }>

export function testConfig(overrides: RawConfig = {}): Config {
  return build.testConfig(overrides)
}

/** A Site over a seeds folder, through the real loader. */
export async function siteFromDir(dir: string, overrides: RawConfig = {}): Promise<Site> {
  return (await build.siteFromDir(dir, overrides, NOW)).site
}

/** A Site over seed texts held in memory (a generated corpus): same processing, no disk. */
export function siteFromTexts(files: readonly { path: string; text: string }[], overrides: RawConfig = {}): Site {
  return build.siteFromTexts(files.map((f) => ({ file: f.path, text: f.text })), overrides, NOW).site
}

/** Seed files read from disk (from more than one folder) into one in-memory site. */
export async function siteFromFiles(paths: readonly string[], overrides: RawConfig = {}): Promise<Site> {
  const files = await Promise.all(paths.map(async (p) => ({ path: basename(p), text: await readFile(p, 'utf8') })))
  return siteFromTexts(files, overrides)
}

export function headKey(topic: string | null, format: Format): FeedKey {
  return { type: 'feed', scope: topicScope(topic), format, page: HEAD }
}

const decoder = new TextDecoder()

/** The text of a document that must exist. */
export function docText(site: Site, key: DocKey): string {
  const doc = site.get(key)
  if (!doc) throw new Error(`no document at ${JSON.stringify(key)}`)
  return decoder.decode(doc.body)
}

/** Every feed document key of the site: heads, pages and archives, all scopes, all formats. */
export function feedKeys(site: Site): FeedKey[] {
  return [...site.keys()].filter((k): k is FeedKey => k.type === 'feed')
}
