/** Edges point outward: the CLI composes from above, so nothing else in src/ imports from it. */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, importsBetween } from '../helpers/imports.js'

describe('layers', () => {
  it('the live server takes its log/clock interface and problem formatting from leaves, not from cli/', () => {
    expect(importsBetween('src/live', 'src/cli/')).toEqual([])
  })

  it('no module outside cli/ imports cli/', () => {
    // Every entry of src/ but cli/ itself, so a new folder is covered without being listed here.
    for (const entry of readdirSync(join(ROOT, 'src')).filter((e) => e !== 'cli')) {
      expect(importsBetween(`src/${entry}`, 'src/cli/'), entry).toEqual([])
    }
  })
})
