/**
 * The heads-only build, for the comparison with Hugo (whose RSS output is one head per feed):
 * `feedstand build` restricted to the heads of every feed in every format plus the index
 * documents (index.html, topics.json, OPML, icon), compressed variants included. Same code path
 * as the real build otherwise. Usage: build-heads.ts SEEDS_DIR OUT_DIR
 */
import { resolveConfig } from '../../src/config.js'
import { Site } from '../../src/documents/site.js'
import { writeTreeAtomically, type OutputFile } from '../../src/fs/write-tree.js'
import { nodeCompressor } from '../../src/node/compress.js'
import { loadCatalog } from '../../src/pipeline.js'

const [seeds, out] = process.argv.slice(2)
if (!seeds || !out) throw new Error('usage: build-heads.ts SEEDS_DIR OUT_DIR')
const config = resolveConfig({ seeds, out })
const catalog = await loadCatalog(config, Date.now())
const site = new Site(catalog, { config, compressor: nodeCompressor() })

function* headFiles(): Generator<OutputFile> {
  for (const key of site.headKeys()) {
    const doc = site.get(key)
    if (!doc) continue
    yield { file: doc.file, bytes: doc.body }
    for (const enc of ['gzip', 'br'] as const) {
      const v = doc.variant(enc)
      if (v) yield { file: `${doc.file}.${enc === 'gzip' ? 'gz' : 'br'}`, bytes: v.body }
    }
  }
}

const stats = await writeTreeAtomically(out, headFiles())
process.stderr.write(`${catalog.articles.length} articles; wrote ${stats.files} files (${stats.bytes} bytes)\n`)
