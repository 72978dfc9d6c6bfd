/**
 * The core runs on any runtime with Web-standard APIs (DESIGN §7): no module of it, nor any module
 * it reaches through its imports, may import a Node built-in or a Node-side module. Read from the
 * sources themselves: every import/export/dynamic-import specifier, as TypeScript's pre-processor
 * finds it, so a `node:` import behind a re-export or an `await import()` is caught too.
 */
import { describe, expect, it } from 'vitest'
import { coreViolations, specifiersOf, violation } from '../helpers/imports.js'

describe('runtime-free core', () => {
  it('no core module, nor anything it imports, imports node:*, a Node built-in or a Node-side module', () => {
    expect(coreViolations()).toEqual([])
  })

  it('reads every kind of import (static, type-only, re-export, dynamic)', () => {
    const source = [
      "import { a } from './a.js'",
      "import type { B } from '../live/b.js'",
      "export * from 'node:fs'",
      "const c = await import('crypto')",
    ].join('\n')
    expect(specifiersOf(source)).toEqual(['./a.js', '../live/b.js', 'node:fs', 'crypto'])
  })

  it('names what breaks the core', () => {
    expect(violation('src/documents/document.ts', 'node:crypto')).toBe('Node built-in node:crypto')
    expect(violation('src/render/x.ts', 'zlib')).toBe('Node built-in zlib')
    expect(violation('src/http/app.ts', '@hono/node-server')).toBe('Node-only package @hono/node-server')
    expect(violation('src/live/x.ts', '../cli/io.js')).toBe('Node-side module src/cli/io.ts')
    expect(violation('src/documents/site.ts', '../loader/index.js')).toBe('Node-side module src/loader/index.ts')
    expect(violation('src/http/app.ts', 'hono')).toBeUndefined()
    expect(violation('src/http/app.ts', '../paths.js')).toBeUndefined()
  })
})
