/**
 * The seed step sits below the loader (issue 10, item 2): src/seed/ imports only what the step
 * is made of (load's decode and front matter, normalize, the types), and the modules the loader
 * composes (the parse workers, the live reader, the cache, the catalog) import downward only:
 * never the loader, nor each other sideways (the cache took a type from node/ before).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname, '../../src')

/** Every module `file` imports, as a path under src/ (or `node:…`). */
async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(join(SRC, file), 'utf8')
  return [...text.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map(([, spec]) =>
    spec!.startsWith('.') ? relative(SRC, resolve(SRC, file, '..', spec!)).replace(/\.js$/, '.ts') : spec!)
}

async function modules(folder: string): Promise<string[]> {
  return (await readdir(join(SRC, folder))).filter((n) => n.endsWith('.ts')).map((n) => `${folder}/${n}`)
}

describe('the seed step and what the loader composes', () => {
  it('src/seed/ imports only load/decode, load/parse-front-matter, load/read-seeds (types), normalize/, types, config, the digest helper and itself', async () => {
    // node/digest.ts is the one digest helper: a leaf of node/ (it imports node:crypto and a type).
    const allowed = /^(seed\/|normalize\/|load\/(decode|parse-front-matter|read-seeds)\.ts$|types\.ts$|config\.ts$|node\/digest\.ts$|node:crypto$)/
    for (const file of await modules('seed')) {
      expect((await importsOf(file)).filter((m) => !allowed.test(m)), file).toEqual([])
    }
  })

  it('the parse workers, the live reader, the cache and the catalog never import the loader, and the cache nothing of node/ but the digest helper', async () => {
    const files = [...(await modules('cache')), ...(await modules('catalog')), 'node/parse-worker.ts', 'node/parse-pool.ts', 'node/parse-protocol.ts', 'live/read-changes.ts']
    for (const file of files) {
      const bad = (await importsOf(file)).filter((m) => m.startsWith('loader/') || m === 'pipeline.ts' || (file.startsWith('cache/') && m.startsWith('node/') && m !== 'node/digest.ts'))
      expect(bad, file).toEqual([])
    }
  })
})
