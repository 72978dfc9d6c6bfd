/** The committed feeds/ is what `npm run build` makes from the committed seeds/: fails when someone forgets to rebuild. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, it } from 'vitest'
import { resolveConfig } from '../../src/config.js'
import { runBuild } from '../../src/cli/build.js'

const ROOT = resolve(import.meta.dirname, '../..')

async function files(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(join(e.parentPath, e.name).slice(dir.length + 1), await readFile(join(e.parentPath, e.name)))
  }
  return out
}

it('feeds/ is fresh: rebuilding seeds/ with the defaults gives the committed files, byte for byte', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'feedstand-fresh-'))
  try {
    const out = join(tmp, 'feeds')
    const lines: string[] = []
    const config = resolveConfig({ seeds: join(ROOT, 'seeds'), out })
    await runBuild(config, { out: (l) => lines.push(l), err: (l) => lines.push(l), now: () => Date.now() })
    const [built, committed] = [await files(out), await files(join(ROOT, 'feeds'))]
    const hint = 'feeds/ is stale: run `npm run build` and commit feeds/'
    expect([...committed.keys()].sort(), hint).toEqual([...built.keys()].sort())
    for (const [file, bytes] of built) expect(committed.get(file)?.equals(bytes), `${hint} (${file} differs)`).toBe(true)
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
})
