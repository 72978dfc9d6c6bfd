/**
 * The heads-only build, for the comparison with Hugo (whose RSS output is one head per feed):
 * `feedstand build` restricted to the heads of every feed in every format plus the index
 * documents (index.html, topics.json, OPML, icon) and `_headers`, compressed variants included.
 * Same code path as `feedstand build` otherwise (src/cli/build.ts): workers, persistent cache,
 * writer. Usage: build-heads.ts SEEDS_DIR OUT_DIR
 */
import { defaultCacheDir } from '../../src/cache/open.js'
import { resolveConfig } from '../../src/config.js'
import { Site } from '../../src/documents/site.js'
import { nodePorts } from '../../src/node/document-ports.js'
import { writeSite } from '../../src/output/write-site.js'
import { loadCatalog } from '../../src/loader/index.js'

const [seeds, out] = process.argv.slice(2)
if (!seeds || !out) throw new Error('usage: build-heads.ts SEEDS_DIR OUT_DIR')
const config = resolveConfig({ seeds, out })
const cacheDir = defaultCacheDir(config)
const catalog = await loadCatalog(config, Date.now(), undefined, { cacheDir })
const site = new Site(catalog, { config, ...nodePorts() })
const stats = await writeSite(site, out, { cacheDir, scope: 'heads' })
process.stderr.write(`${catalog.articles.length} articles; wrote ${stats.files} files (${stats.bytes} bytes)\n`)
