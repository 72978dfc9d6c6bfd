/** Shared by the output tests: every file under a folder with its bytes, and the comparison with a reference tree. */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'vitest'

export async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
  const files = new Map<string, Buffer>()
  for (const e of entries) files.set(join(e.parentPath, e.name).slice(dir.length + 1), await readFile(join(e.parentPath, e.name)))
  return files
}

export function expectSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>, label = ''): void {
  expect([...actual.keys()].sort(), label).toEqual([...expected.keys()].sort())
  for (const [file, bytes] of expected) expect(actual.get(file)?.equals(bytes), `${label} ${file}`).toBe(true)
}
