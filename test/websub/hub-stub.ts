/** A tiny WebSub hub on 127.0.0.1 (node:http, port 0) that records publish pings and answers as told. */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Ping {
  contentType: string | undefined
  form: URLSearchParams
}

/** What the hub does with the n-th request (0-based): answer with a status, or never answer. */
export type Plan = (n: number, form: URLSearchParams) => number | 'hang'

export interface HubStub {
  url: string
  pings: Ping[]
  close(): Promise<void>
}

export async function startHubStub(plan: Plan = () => 204): Promise<HubStub> {
  const pings: Ping[] = []
  const server: Server = createServer(async (req, res) => {
    const form = new URLSearchParams(await readBody(req))
    const n = pings.length
    pings.push({ contentType: req.headers['content-type'], form })
    const answer = plan(n, form)
    if (answer === 'hang') return // the client's timeout must end it
    res.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer < 300 ? '' : `status ${answer}`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hub`,
    pings,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
