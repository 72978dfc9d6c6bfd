/** `feedstand build` in a child process, for the tests that kill it: build-child.ts SEEDS OUT MAX_ITEMS. */
import { runBuild } from '../../src/cli/build.js'
import { resolveConfig } from '../../src/config.js'
import { TEST_NOW } from '../helpers/site.js'
import { BASE } from '../http/fixture.js'

const [seeds, out, maxItems] = process.argv.slice(2)
if (!seeds || !out || !maxItems) throw new Error('usage: build-child.ts SEEDS OUT MAX_ITEMS')
const config = resolveConfig({ seeds, out, baseUrl: BASE, maxItems: Number(maxItems), archiveSize: Number(maxItems) })
await runBuild(config, { out: () => undefined, err: () => undefined, now: () => TEST_NOW })
