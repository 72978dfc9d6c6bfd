/**
 * Load generation with autocannon (in this process, against a server in a child process):
 * requests per second and latency percentiles, and a check that every answer had the status we
 * meant to measure (a benchmark of 404s would be fast and worthless).
 */
import autocannon from 'autocannon'

export interface LoadResult {
  rps: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** Bytes per response body, from the throughput (0 for 304). */
  status: number
}

export interface LoadOptions {
  url: string
  headers: Record<string, string>
  /** The status every response must have. */
  status: 200 | 304
  durationS: number
  connections: number
}

export async function loadTest(opts: LoadOptions): Promise<LoadResult> {
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
  return { rps: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: total, status: opts.status }
}
