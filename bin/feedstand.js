#!/usr/bin/env node
// `feedstand` on the PATH (npm link, npx): runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
