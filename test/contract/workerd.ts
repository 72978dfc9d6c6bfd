/**
 * The Worker in workerd, offline and fast (~1 s): the entry named by deploy/cloudflare/wrangler.jsonc
 * bundled with esbuild (the bundler `wrangler deploy` uses), then run by miniflare, which
 * `wrangler dev` runs too, with the real workerd binary from the npm package, on 127.0.0.1 and
 * a free port, with the config's assets settings over a test's build. Not through
 * `unstable_startWorker`: wrangler's dev proxy rewrites every text/html answer (its live-reload
 * HTMLRewriter) and so drops its Content-Length; miniflare alone keeps Cloudflare's edge
 * behaviour in front of the Worker (the `br, gzip` Accept-Encoding, the re-encoding of an answer
 * the client cannot take). The wrangler CLI itself needs Node ≥ 22.12 (measured: it refuses
 * Node 20); miniflare and its API run on Node 20.
 */
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { RunningTarget } from './contract.js'

export const WRANGLER_CONFIG = join(import.meta.dirname, '../../deploy/cloudflare/wrangler.jsonc')

/**
 * Nothing waits on the network: no `Request.cf` download (miniflare fetches it from
 * workers.cloudflare.com otherwise and falls back after the try fails), no telemetry, no error
 * reports. Set before miniflare is imported; they only affect this test process.
 */
const OFFLINE = {
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
}

/** The parts of wrangler.jsonc the local run reads. */
export interface WranglerConfig {
  name: string
  main: string
  compatibility_date: string
  assets: { directory: string; binding: string; run_worker_first?: boolean; html_handling?: string; not_found_handling?: string }
}

/** wrangler.jsonc without its comments (whole-line `//` comments only, as the file is written). */
export async function readWranglerConfig(path = WRANGLER_CONFIG): Promise<WranglerConfig> {
  const text = await readFile(path, 'utf8')
  return JSON.parse(text.split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n')) as WranglerConfig
}

/** The Worker bundled as `wrangler deploy` would: one ES module for workerd. */
export async function bundleWorker(outDir: string, config: WranglerConfig): Promise<string> {
  const { build } = await import('esbuild')
  const outfile = join(outDir, 'worker.mjs')
  await build({
    entryPoints: [resolve(dirname(WRANGLER_CONFIG), config.main)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    outfile,
    logLevel: 'error',
  })
  return outfile
}

/** The Worker serving the static tree at `root` (a `feedstand build`), from a bundle in `work`. */
export async function startWorkerd(root: string, work: string): Promise<RunningTarget> {
  Object.assign(process.env, OFFLINE)
  const config = await readWranglerConfig()
  const scriptPath = await bundleWorker(work, config)
  const { Miniflare, convertV4MiniflareOptions } = await import('miniflare')
  const { assets } = config
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      name: config.name,
      modules: true,
      scriptPath,
      // workerd refuses module paths that climb out of the modules root (`..`): root it at the bundle.
      modulesRoot: work,
      compatibilityDate: config.compatibility_date,
      host: '127.0.0.1',
      port: 0,
      assets: {
        directory: root,
        binding: assets.binding,
        routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: assets.run_worker_first ?? false },
        assetConfig: { html_handling: assets.html_handling, not_found_handling: assets.not_found_handling },
      },
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  )
  const url = await mf.ready
  return { baseUrl: url.origin, stop: () => mf.dispose() }
}
