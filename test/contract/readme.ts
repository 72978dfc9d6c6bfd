/**
 * The README's Deploy section, read by the tests that run what it shows: its nginx server blocks
 * are the ones the nginx targets start (with the test's port and root), its shell lines name
 * files that exist here.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'

export const REPO = resolve(import.meta.dirname, '../..')

/** The text of `## Deploy`, up to the next second-level heading. */
export async function deploySection(): Promise<string> {
  const readme = await readFile(resolve(REPO, 'README.md'), 'utf8')
  const start = readme.indexOf('\n## Deploy\n')
  if (start < 0) throw new Error('README.md has no "## Deploy" section')
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end < 0 ? undefined : end)
}

/** The fenced blocks of one language in the Deploy section. */
export async function deployBlocks(lang: 'nginx' | 'sh'): Promise<string[]> {
  const section = await deploySection()
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!)
}

/**
 * The README's server block that includes `file`, made to run here: `listen 80` → the test's
 * loopback port, the example root → the test's built tree.
 */
export async function readmeServerBlock(file: string, port: number, root?: string): Promise<string> {
  const block = (await deployBlocks('nginx')).find((b) => b.includes(`include feedstand/${file};`))
  if (!block) throw new Error(`README.md's Deploy section shows no server block including feedstand/${file}`)
  if (!block.includes('    listen 80;\n')) throw new Error('README server block: expected "listen 80;"')
  let out = block.replace('    listen 80;\n', `    listen 127.0.0.1:${port};\n`)
  if (root !== undefined) {
    if (!out.includes('root /srv/feedstand/feeds;')) throw new Error('README server block: expected "root /srv/feedstand/feeds;"')
    out = out.replace('root /srv/feedstand/feeds;', `root ${root};`)
  }
  return out
}
