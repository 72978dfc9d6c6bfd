/** The one call the live server makes when it swaps snapshots: diff the heads, ping the hub. */
import type { Site } from '../documents/site.js'
import { changedFeedUrls } from './changed-feeds.js'
import { publishToHub, type PublishOptions } from './publish.js'

export interface NotifyResult {
  /** Self URLs of the head feeds whose bytes changed (see `changedFeedUrls`). */
  changed: string[]
  /** Of those, the ones the hub acknowledged. */
  published: string[]
  /** Of those, the ones it refused or never answered for (already logged). */
  failed: string[]
}

/**
 * Tells the configured WebSub hub (`next.config.hubUrl`) about exactly the feeds whose content
 * changed from `prev` to `next`. Without a hub configured, or when nothing changed, nothing is
 * sent. Never throws; failures are logged through `options.log` and listed in the result.
 *
 * Call it after the new snapshot is being served (the hub fetches the feed as soon as it is
 * told), and let it run in the background: with retries it can take a while.
 *
 * @param prev the snapshot that was being served (undefined at start-up: then nothing is sent,
 *   since a restart is no change)
 * @param next the snapshot now being served
 * @example
 * const before = current; current = nextSite; current.warm()
 * void notifyHub(before, current, { log: io.err })
 */
export async function notifyHub(prev: Site | undefined, next: Site, options: PublishOptions = {}): Promise<NotifyResult> {
  const hubUrl = next.config.hubUrl
  if (!hubUrl || !prev) return { changed: [], published: [], failed: [] }
  const changed = changedFeedUrls(prev, next)
  if (changed.length === 0) return { changed, published: [], failed: [] }
  return { changed, ...(await publishToHub(hubUrl, changed, options)) }
}
