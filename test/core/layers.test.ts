/** Edges point outward: the CLI composes from above, so nothing else in src/ imports from it. */
import { describe, expect, it } from 'vitest'
import { importsBetween } from '../helpers/imports.js'

describe('layers', () => {
  it('the live server takes its log/clock interface and problem formatting from leaves, not from cli/', () => {
    expect(importsBetween('src/live', 'src/cli/')).toEqual([])
  })

  it('no module outside cli/ imports cli/', () => {
    for (const folder of ['src/documents', 'src/render', 'src/http', 'src/catalog', 'src/normalize', 'src/load', 'src/node', 'src/fs', 'src/cache', 'src/websub', 'src/problems']) {
      expect(importsBetween(folder, 'src/cli/'), folder).toEqual([])
    }
  })
})
