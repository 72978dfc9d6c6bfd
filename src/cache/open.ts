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

/** The seed store valid for this version, this code and these normalize settings. */
export async function openSeedStore(dir: string, config: Pick<Config, 'maxExcerptLength' | 'maxFileBytes'>): Promise<SeedStore> {
  const key = await fingerprint('seeds', { maxExcerptLength: config.maxExcerptLength, maxFileBytes: config.maxFileBytes })
  return SeedStore.open(dir, `seeds-${key}`)
}
