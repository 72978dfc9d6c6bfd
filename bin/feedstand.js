#!/usr/bin/env node
// `feedstand` on the PATH (npx, npm link, an installed package): the compiled CLI in dist/, plain
// JavaScript, so a start transpiles nothing. dist/ is made by `npm run compile`, which `npm install`
// in a clone runs (the `prepare` script) and which `npm pack` runs before packing.
try {
  await import('../dist/cli/main.js')
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('dist/cli/main.js')) throw err
  process.stderr.write('feedstand: dist/ is missing: run "npm run compile" (npm install runs it unless scripts are off)\n')
  process.exitCode = 1
}
