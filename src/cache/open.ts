/** Where the persistent cache lives, and opening its seed store under the right key. */
import { dirname, join, resolve } from 'node:path'
import type { Config } from '../config.js'
import { fingerprint } from './fingerprint.js'
import { SeedStore } from './seed-store.js'

/** Folder name of the cache, beside the output folder (listed in .gitignore). */
export const CACHE_FOLDER = '.feedstand-cache'

/** `<parent of outDir>/.feedstand-cache`: next to the output, outside it (it is never published). */
export function defaultCacheDir(config: Pick<Config, 'outDir'>): string {
  return join(dirname(resolve(config.outDir)), CACHE_FOLDER)
}

/** The cache folder of these settings: `--cache-dir`, else the default beside the output folder. */
export function cacheDirOf(config: Pick<Config, 'outDir' | 'cacheDir'>): string {
  return config.cacheDir !== undefined ? resolve(config.cacheDir) : defaultCacheDir(config)
}

/**
 * The seed store valid for this version, this code, these normalize settings and this seeds
 * folder: `serve` answers from a store before it has looked at the folder, so a store of another
 * folder (two sites building into one parent) must never be taken for this one's.
 */
export async function openSeedStore(dir: string, config: Pick<Config, 'seedsDir' | 'maxExcerptLength' | 'maxFileBytes'>): Promise<SeedStore> {
  const key = await fingerprint('seeds', { seeds: resolve(config.seedsDir), maxExcerptLength: config.maxExcerptLength, maxFileBytes: config.maxFileBytes })
  return SeedStore.open(dir, `seeds-${key}`)
}
