/**
 * The core runs on any runtime with Web-standard APIs (DESIGN §7): no module of it, nor any module
 * it reaches through its imports, may import a Node built-in or a Node-side module. Read from the
 * sources themselves: every import/export/dynamic-import specifier, as TypeScript's pre-processor
 * finds it, so a `node:` import behind a re-export or an `await import()` is caught too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

/** The core: snapshot, documents, renderers, path table and the Hono app. */
export const CORE = ['src/documents', 'src/render', 'src/http', 'src/catalog', 'src/normalize', 'src/paths.ts', 'src/format-table.ts', 'src/types.ts', 'src/escape.ts']

/** The Node side: adapters, disk, CLI, watcher, persistent cache, the loader, and the edges composing the core. */
export const NODE_SIDE = ['src/node/', 'src/fs/', 'src/cli/', 'src/live/', 'src/cache/', 'src/websub/', 'src/pipeline.ts', 'src/build.ts', 'src/load/read-seeds.ts']

/** Packages that exist only on Node. */
const NODE_PACKAGES = ['@hono/node-server', '@parcel/watcher']

const BUILTINS = new Set(builtinModules)

/** The TypeScript files under a folder (or the file itself), relative to the repository root. */
function filesOf(entry: string): string[] {
  const full = join(ROOT, entry)
  if (!statSync(full).isDirectory()) return [entry]
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(entry, f))
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
export function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName)
}

/** Why importing `spec` from `file` breaks the core, or undefined when it does not. */
export function violation(file: string, spec: string): string | undefined {
  if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0]!)) return `Node built-in ${spec}`
  if (NODE_PACKAGES.some((p) => spec === p || spec.startsWith(p + '/'))) return `Node-only package ${spec}`
  if (!spec.startsWith('.')) return undefined
  const target = local(file, spec)
  const side = NODE_SIDE.find((n) => target === n || target.startsWith(n))
  return side ? `Node-side module ${target}` : undefined
}

/** The repository path of a relative import (`./x.js` is the source file `./x.ts`). */
function local(file: string, spec: string): string {
  return relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, '.ts')
}

/** `file: reason` for every bad import of the core and of what it reaches. */
function coreViolations(): string[] {
  const seen = new Set<string>()
  const queue = CORE.flatMap(filesOf)
  const found: string[] = []
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const spec of specifiersOf(readFileSync(join(ROOT, file), 'utf8'))) {
      const why = violation(file, spec)
      if (why) found.push(`${file}: ${why}`)
      else if (spec.startsWith('.')) queue.push(local(file, spec))
    }
  }
  return found
}

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
    expect(violation('src/documents/site.ts', '../pipeline.js')).toBe('Node-side module src/pipeline.ts')
    expect(violation('src/http/app.ts', 'hono')).toBeUndefined()
    expect(violation('src/http/app.ts', '../paths.js')).toBeUndefined()
  })
})
