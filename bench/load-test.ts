/**
 * Load generation with autocannon (in this process, against a server in a child process):
 * requests per second and latency percentiles, and a check that every answer had the status we
 * meant to measure (a benchmark of 404s would be fast and worthless).
 */
import autocannon from 'autocannon'
import { processCpuS } from './measure.js'

export interface LoadResult {
  rps: number
  p50Ms: number
  p99Ms: number
  requests: number
  status: number
  /**
   * The server's CPU time per response (µs), from /proc (Linux). Unlike req/s it does not depend
   * on how fast the load generator is, which on two shared cores is often the bottleneck.
   */
  serverCpuUs?: number
}

export interface LoadOptions {
  url: string
  headers: Record<string, string>
  /** The status every response must have. */
  status: 200 | 304
  durationS: number
  connections: number
  /** The server's pid, to read its CPU time. */
  pid?: number
}

export async function loadTest(opts: LoadOptions): Promise<LoadResult> {
  const cpuBefore = opts.pid === undefined ? undefined : processCpuS(opts.pid)
  const r = await autocannon({
    url: opts.url,
    headers: opts.headers,
    connections: opts.connections,
    duration: opts.durationS,
    timeout: 10,
  })
  const matching = opts.status === 200 ? r['2xx'] : r['3xx']
  const total = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx']
  if (total === 0 || matching !== total || r.errors > 0) {
    throw new Error(`load test of ${opts.url}: wanted only ${opts.status}, got 2xx=${r['2xx']} 3xx=${r['3xx']} 4xx=${r['4xx']} 5xx=${r['5xx']} errors=${r.errors}`)
  }
  const result: LoadResult = { rps: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: total, status: opts.status }
  const cpuAfter = opts.pid === undefined ? undefined : processCpuS(opts.pid)
  if (cpuBefore !== undefined && cpuAfter !== undefined) result.serverCpuUs = ((cpuAfter - cpuBefore) * 1e6) / total
  return result
}
