/**
 * The WebSub publish notification: tell the hub that a topic (a feed URL) changed, so it fetches
 * the feed and pushes it to subscribers. The W3C Recommendation only says the publisher MUST
 * inform its hubs, by any mechanism the two agree on; every common hub takes the PubSubHubbub form
 * `POST hub.mode=publish&hub.url=<topic>` (application/x-www-form-urlencoded) and answers 2xx.
 * Some newer hubs read `hub.topic` instead, so both carry the URL.
 *
 * One request per URL: Google's hub accepts repeated `hub.url` fields, but other hubs read only
 * the first, and a per-URL answer says exactly which topics the hub took.
 *
 * @see https://www.w3.org/TR/websub/#publishing
 * @see https://pubsubhubbub.github.io/PubSubHubbub/pubsubhubbub-core-0.3.html#anchor9
 */
import { eachBounded } from '../each-bounded.js'

export interface PublishOptions {
  /** The HTTP client (default: global fetch). */
  fetch?: typeof fetch
  /** Where failures are reported (default: console.error). Nothing is ever thrown. */
  log?: (line: string) => void
  /** Further attempts after a network error, a timeout, a 429 or a 5xx (default 2). */
  retries?: number
  /** Time limit of one attempt in milliseconds (default 10 000). */
  timeoutMs?: number
  /** Wait before the first retry, doubled for each next one (default 500 ms). */
  backoffMs?: number
  /** Requests in flight at once (default 4). */
  concurrency?: number
}

export interface PublishResult {
  /** URLs the hub acknowledged with a 2xx. */
  published: string[]
  /** URLs it refused or never answered for, after the retries. */
  failed: string[]
}

/**
 * Sends one publish notification per URL to `hubUrl`, with bounded retries and timeouts.
 * Errors are logged and reported in the result, never thrown: a hub being down must not
 * disturb serving or building.
 *
 * @example await publishToHub('https://pubsubhubbub.appspot.com/', ['https://example.org/rss.xml'])
 */
export async function publishToHub(hubUrl: string, urls: readonly string[], options: PublishOptions = {}): Promise<PublishResult> {
  const result: PublishResult = { published: [], failed: [] }
  const ok = new Set<string>()
  await eachBounded(urls, options.concurrency ?? 4, async (url) => {
    if (await publishOne(hubUrl, url, options)) ok.add(url)
  })
  // Report in the order asked, whatever order the answers came in.
  for (const url of urls) (ok.has(url) ? result.published : result.failed).push(url)
  return result
}

async function publishOne(hubUrl: string, url: string, options: PublishOptions): Promise<boolean> {
  const fetchImpl = options.fetch ?? fetch
  const log = options.log ?? ((line: string) => console.error(line))
  const retries = Math.max(0, options.retries ?? 2)
  const body = new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url, 'hub.topic': url }).toString()
  let reason = ''
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep((options.backoffMs ?? 500) * 2 ** (attempt - 1))
    try {
      const res = await fetchImpl(hubUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      })
      const text = await res.text().catch(() => '')
      if (res.ok) return true
      reason = `HTTP ${res.status}${text ? `: ${text.trim().slice(0, 200)}` : ''}`
      // A 4xx other than 429 is the hub's considered "no": asking again would get the same.
      if (res.status < 500 && res.status !== 429) break
    } catch (err) {
      reason = (err as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs ?? 10_000} ms` : String((err as Error).message ?? err)
    }
  }
  log(`websub: hub ${hubUrl} did not take the update of ${url} (${reason})`)
  return false
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
