/**
 * The base URL is what the feeds call themselves (self links, ids, OPML entries). A build is
 * meant to be deployed, so one made without a base URL carries `http://localhost:3000` to every
 * reader who fetches it, and ids, once read, cannot be changed without duplicating every item.
 * The default stays (a local build should just work), with one warning line saying so.
 */
import type { Config, RawConfig } from '../config.js'
import { howToSet } from './help.js'

/** The warning line when no layer (file, environment, flags) sets `baseUrl`; undefined when one does. */
export function baseUrlWarning(layers: readonly RawConfig[], config: Pick<Config, 'baseUrl'>): string | undefined {
  if (layers.some((layer) => layer.baseUrl !== undefined)) return undefined
  return `warning: no base URL set, so the feeds call themselves ${config.baseUrl} (self links, ids, OPML); set the public URL with ${howToSet('baseUrl')}`
}
