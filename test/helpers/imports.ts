/**
 * The import graph of src/, read from the sources themselves: every import/export/dynamic-import
 * specifier, as TypeScript's pre-processor finds it. For the layer tests (test/core/).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

export const ROOT = resolve(import.meta.dirname, '../..')

/** The core: snapshot, documents, renderers, path table and the Hono app; and the Worker, which runs only on Web APIs. */
export const CORE = ['src/documents', 'src/render', 'src/http', 'src/catalog', 'src/normalize', 'src/paths.ts', 'src/format-table.ts', 'src/types.ts', 'src/escape.ts', 'src/adapter/workers']

/** The Node side: adapters, disk, CLI, watcher, persistent cache, the loader, and the edges composing the core. */
export const NODE_SIDE = ['src/node/', 'src/output/', 'src/cli/', 'src/live/', 'src/cache/', 'src/websub/', 'src/loader/', 'src/load/read-seeds.ts']

/** Packages that exist only on Node. */
const NODE_PACKAGES = ['@hono/node-server', '@parcel/watcher']

const BUILTINS = new Set(builtinModules)

/** The TypeScript files under a folder (or the file itself), relative to the repository root. */
export function filesOf(entry: string): string[] {
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
export function local(file: string, spec: string): string {
  return relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, '.ts')
}

/** `file: reason` for every bad import of the core and of what it reaches. */
export function coreViolations(): string[] {
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


/** `file → spec` for every import of a module under `from` that resolves under `to`. */
export function importsBetween(from: string, to: string): string[] {
  const found: string[] = []
  for (const file of filesOf(from)) {
    for (const spec of specifiersOf(readFileSync(join(ROOT, file), 'utf8'))) {
      if (spec.startsWith('.') && local(file, spec).startsWith(to)) found.push(`${file} → ${spec}`)
    }
  }
  return found
}
