/**
 * The one change detector: which documents of a snapshot are new or different from an earlier
 * one, and which of the earlier ones are gone. It serves `build` (the earlier snapshot is the
 * last build's manifest), `build --watch` (the snapshot written before, in memory) and the WebSub
 * pings (the heads served before). It enumerates nothing itself: the keys come from
 * `Site.keys()` / `Site.headKeys()`, so a new kind of document is detected with no change here.
 *
 * A document is unchanged when its signature (`Site.signature`: what its bytes depend on
 * besides config and code), or a digest of it, equals the earlier one. With the earlier Site in memory,
 * `Site.sameInputs` first answers "unchanged" for documents whose inputs are the very same
 * objects, without building the signature: a live update touches a few scopes, and the full
 * archives of the rest are then a pointer comparison (RFC 5005: they never change).
 */
import { filePath, type DocKey } from '../paths.js'
import type { Site } from './site.js'

/** The earlier snapshot as the detector sees it. */
export interface Baseline {
  /** Document file → token (the signature, or a digest of it) of every earlier document. */
  tokens: ReadonlyMap<string, string>
  /** The earlier snapshot itself, when it is in memory and `tokens` describe it. */
  site?: Site
}

/** What a baseline holds for the document at `key` of `site`; undefined when there is no such document. */
export type Token = (site: Site, key: DocKey) => string | undefined

export interface Changes {
  /** Documents of the snapshot that are new or whose signature differs, in key order. */
  changed: DocKey[]
  /** How many were left as they were. */
  unchanged: number
  /** Files of earlier documents the snapshot no longer has. */
  vanished: string[]
  /** Whether the snapshot has exactly the earlier set of documents. */
  sameSet: boolean
  /** Document file → token of every document of the snapshot (the next baseline). */
  tokens: Map<string, string>
}

/**
 * Compares `site`'s documents at `keys` with `before` (undefined: everything is new).
 * `token` gives what `before.tokens` holds for a document (undefined: there is none): its
 * signature by default, `Site.signatureDigest` for a manifest on disk. Pure: no rendering, no I/O.
 *
 * @example changedKeys({ tokens: manifest }, site, site.keys(), (s, k) => s.signatureDigest(k, sha256)).changed // the documents to write
 */
export function changedKeys(before: Baseline | undefined, site: Site, keys: Iterable<DocKey>, token: Token = (s, k) => s.signature(k)): Changes {
  const tokens = new Map<string, string>()
  const changed: DocKey[] = []
  let unchanged = 0
  let added = false
  for (const key of keys) {
    const file = filePath(key)
    const old = before?.tokens.get(file)
    if (old !== undefined && before?.site && site.sameInputs(before.site, key)) {
      tokens.set(file, old)
      unchanged++
      continue
    }
    const now = token(site, key)
    if (now === undefined) continue
    tokens.set(file, now)
    if (old === now) unchanged++
    else {
      changed.push(key)
      if (old === undefined) added = true
    }
  }
  const vanished = before ? [...before.tokens.keys()].filter((f) => !tokens.has(f)) : []
  return { changed, unchanged, vanished, sameSet: before !== undefined && !added && vanished.length === 0, tokens }
}

/** Document file → signature of `site`'s documents at `keys`: a baseline for `changedKeys`. */
export function signatures(site: Site, keys: Iterable<DocKey>): Baseline {
  const tokens = new Map<string, string>()
  for (const key of keys) {
    const sig = site.signature(key)
    if (sig !== undefined) tokens.set(filePath(key), sig)
  }
  return { tokens, site }
}
