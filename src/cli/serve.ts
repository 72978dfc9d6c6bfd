/** `feedstand serve`: the Hono app on @hono/node-server, answering from the current snapshot. */
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Config } from '../config.js'
import { Site } from '../documents/site.js'
import { createApp } from '../http/app.js'
import { nodeCompressor } from '../node/compress.js'
import { loadCatalog } from '../pipeline.js'
import type { Io } from './io.js'
import { countProblems, formatProblem, summaryLine } from './report.js'

export interface RunningServer {
  port: number
  url: string
  close(): Promise<void>
}

export async function runServe(config: Config, io: Io): Promise<RunningServer> {
  const catalog = await loadCatalog(config, io.now())
  for (const p of catalog.problems) io.err(formatProblem(p, config.seedsDir))
  io.err(summaryLine(catalog.articles.length, countProblems(catalog.problems)))
  const site = new Site(catalog, { config, compressor: nodeCompressor() })
  site.warm()
  const app = createApp({ site: () => site })
  return listen(app.fetch, config, io)
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
