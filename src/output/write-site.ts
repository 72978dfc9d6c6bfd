/**
 * `feedstand build`'s entry: one build of a Site into the output folder through SiteOutput,
 * with compression on worker threads (same zlib options as the server's compressor, so the
 * same bytes) while the main thread renders the next documents and the disk writes.
 */
import type { Site } from '../documents/site.js'
import { compressPool } from '../node/compress-pool.js'
import { SiteOutput, type OutputOptions, type OutputStats } from './site-output.js'

export type StaticBuildOptions = OutputOptions

export async function writeSite(site: Site, outDir: string, options: StaticBuildOptions = {}): Promise<OutputStats> {
  const compress = compressPool(options.levels)
  try {
    return await new SiteOutput(outDir, options).build(site, compress)
  } finally {
    await compress.close()
  }
}
