/**
 * Before the suite: compile dist/ when src/ changed after the last compile. Several tests run the
 * CLI the way users do (`bin/feedstand.js` → dist/), and a stale dist/ would test yesterday's code
 * while the in-process tests test today's. `npm install` compiles too (the `prepare` script), so
 * on a fresh clone this finds dist/ fresh and costs a hundred stats.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')

function newestMtime(dir: string): number {
  let newest = 0
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) newest = Math.max(newest, statSync(join(dir, f)).mtimeMs)
  return newest
}

export default function setup(): void {
  const main = join(ROOT, 'dist/cli/main.js')
  if (existsSync(main) && statSync(main).mtimeMs >= newestMtime(join(ROOT, 'src'))) return
  execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' })
}
