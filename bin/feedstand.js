#!/usr/bin/env node
// `feedstand` on the PATH (npx, npm link, an installed package) and `npm start|run build|run check`:
// the compiled CLI in dist/, plain JavaScript, so a start transpiles nothing. dist/ is made by
// `npm run compile`, which `npm install` in a clone runs (the `prepare` script) and `npm pack` too.
import { existsSync, readdirSync, statSync } from 'node:fs'

const MAIN = new URL('../dist/cli/main.js', import.meta.url)
const SRC = new URL('../src/', import.meta.url)

// In a clone (the package ships no src/), an edit after the last compile would silently run the
// old code: say so. About a hundred stats, a few milliseconds.
if (existsSync(SRC) && existsSync(MAIN)) {
  const built = statSync(MAIN).mtimeMs
  if (readdirSync(SRC, { recursive: true }).some((f) => statSync(new URL(String(f), SRC)).mtimeMs > built)) {
    process.stderr.write('feedstand: warning: src/ changed since dist/ was compiled: run "npm run compile" (or "npm run dev" to run from source)\n')
  }
}

if (existsSync(MAIN)) {
  await import(MAIN.href)
} else {
  process.stderr.write('feedstand: dist/ is missing: run "npm run compile" (npm install runs it unless scripts are off)\n')
  process.exitCode = 1
}
