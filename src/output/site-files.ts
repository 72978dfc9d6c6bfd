/**
 * The static build's file list, synchronously and without a cache: every document at
 * `Site.keys()` with its variants, then the site manifest and `_headers`. What a full build writes (tests compare
 * against it); the writer itself is site-output.ts.
 */
import type { Site } from '../documents/site.js'
import { documentBytes, type OutputFile } from './files.js'
import { HEADERS_FILE, HeadersRules } from './headers.js'
import { SITE_MANIFEST_FILE, SiteManifestFile } from './site-manifest-file.js'

export function* siteFiles(site: Site): Generator<OutputFile> {
  for (const key of site.keys()) {
    const doc = site.get(key)
    if (doc) yield* documentBytes(doc, site.config.archiveEncodings)
  }
  yield { file: SITE_MANIFEST_FILE, bytes: new SiteManifestFile().render(site, site.keys()) }
  yield { file: HEADERS_FILE, bytes: new HeadersRules().render(site, site.keys()) }
}
