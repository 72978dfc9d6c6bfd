/**
 * bin/feedstand.js runs the compiled dist/; in a clone it says when src/ changed after the last
 * compile (else `npm start` would silently run the old code) and when dist/ is missing. Run on a
 * copy of the launcher beside a stand-in dist/cli/main.js in a temp folder.
 */
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const BIN = fileURLToPath(new URL('../../bin/feedstand.js', import.meta.url))

function launch(root: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [join(root, 'bin/feedstand.js'), 'x'], (err, stdout, stderr) =>
      resolve({ code: typeof err?.code === 'number' ? err.code : 0, stdout, stderr })),
  )
}

describe('bin/feedstand.js', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'feedstand-bin-'))
    await mkdir(join(root, 'bin'))
    await copyFile(BIN, join(root, 'bin/feedstand.js'))
    await writeFile(join(root, 'package.json'), '{"type":"module"}')
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('says in one line that dist/ is missing, exit 1', async () => {
    expect(await launch(root)).toEqual({ code: 1, stdout: '', stderr: 'feedstand: dist/ is missing: run "npm run compile" (npm install runs it unless scripts are off)\n' })
  })

  it('runs dist/cli/main.js with the arguments, silent when src/ is absent (the package) or older', async () => {
    await mkdir(join(root, 'dist/cli'), { recursive: true })
    await writeFile(join(root, 'dist/cli/main.js'), 'console.log("main", process.argv.slice(2).join(" "))\n')
    expect(await launch(root)).toEqual({ code: 0, stdout: 'main x\n', stderr: '' })
    await mkdir(join(root, 'src/cli'), { recursive: true })
    await writeFile(join(root, 'src/cli/main.ts'), '')
    const past = new Date(Date.now() - 60_000)
    await utimes(join(root, 'src/cli/main.ts'), past, past)
    await utimes(join(root, 'src/cli'), past, past)
    await utimes(join(root, 'src'), past, past)
    expect(await launch(root)).toEqual({ code: 0, stdout: 'main x\n', stderr: '' })
  })

  it('warns when a file under src/ is newer than the compiled dist/, and still runs', async () => {
    const future = new Date(Date.now() + 60_000)
    await utimes(join(root, 'src/cli/main.ts'), future, future)
    const run = await launch(root)
    expect(run.stdout).toBe('main x\n')
    expect(run.stderr).toBe('feedstand: warning: src/ changed since dist/ was compiled: run "npm run compile" (or "npm run dev" to run from source)\n')
  })
})
