/**
 * `feedstand serve`: the Hono app on @hono/node-server, answering from the current snapshot.
 * With `watch` (the default) the snapshot follows the seeds folder (src/live/), and the first one
 * comes from the persistent cache when a build or run with these settings left one (served at
 * once, the folder caught up with after). Both load through the cache `build` uses.
 */
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Config } from '../config.js'
import { cacheDirOf } from '../cache/open.js'
import { Site } from '../documents/site.js'
import { createApp } from '../http/app.js'
import { nodePorts } from '../node/document-ports.js'
import { LiveSite } from '../live/live-site.js'
import { loadCatalog } from '../loader/index.js'
import type { Catalog } from '../types.js'
import { notifyHub } from '../websub/index.js'
import type { Io } from './io.js'
import { ProgressLine } from './progress-line.js'
import { countProblems, formatProblem, summaryLine } from './report.js'

export interface RunningServer {
  port: number
  url: string
  /** The live site, when the server follows the seeds folder (`watch`). */
  live?: LiveSite
  close(): Promise<void>
}

export async function runServe(config: Config, io: Io): Promise<RunningServer> {
  if (config.watch) return serveLive(config, io)
  const progress = new ProgressLine(io)
  const catalog = await loadCatalog(config, io.now(), undefined, { cacheDir: cacheDirOf(config), onNotice: (line) => io.err(line), onProgress: progress.tell })
  progress.clear()
  report(catalog, config, io)
  const site = new Site(catalog, { config, ...nodePorts() })
  site.warm()
  const app = createApp({ site: () => site })
  return listen(app.fetch, config, io)
}

async function serveLive(config: Config, io: Io): Promise<RunningServer> {
  const progress = new ProgressLine(io)
  const live = await LiveSite.start({
    config,
    io,
    ...nodePorts(),
    cacheDir: cacheDirOf(config),
    onProgress: progress.tell,
    // Only the heads whose bytes changed are pinged, after the swap (the hub fetches at once),
    // in the background: a slow or down hub must not hold up the next update.
    afterSwap: (u) => {
      if (config.hubUrl) void notifyHub(u.prev, u.site, { log: (line) => io.err(line) })
    },
  })
  progress.clear()
  report(live.site.catalog, config, io)
  const app = createApp({ site: () => live.site, health: () => live.health() })
  let server: RunningServer
  try {
    server = await listen(app.fetch, config, io)
  } catch (err) {
    await live.close()
    throw err
  }
  io.err(`Watching ${config.seedsDir} for changes (--no-watch to turn off)`)
  const { from, readyMs } = live.startInfo
  io.err(`Ready in ${(readyMs / 1000).toFixed(2)} s, ${from === 'cache' ? 'from the cache (as the last build or run left it); catching up with the seeds folder' : 'from the seeds folder'}`)
  return { ...server, live, close: async () => {
    await live.close()
    await server.close()
  } }
}

function report(catalog: Catalog, config: Config, io: Io): void {
  for (const p of catalog.problems) io.err(formatProblem(p, config.seedsDir))
  io.err(summaryLine(catalog.articles.length, countProblems(catalog.problems)))
}

export function listen(fetch: (req: Request) => Response | Promise<Response>, config: Config, io: Io): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
      const url = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`
      io.err(`Feedstand serving ${config.seedsDir} on ${url} (feeds say ${config.baseUrl})`)
      resolve({
        port: info.port,
        url,
        close: () => new Promise<void>((done) => {
          server.close(() => done())
          ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
        }),
      })
    })
    server.once('error', reject)
  })
}
