/**
 * The one writer of the output folder: `build`, the first build of `build --watch` and each of
 * its updates all go through `SiteOutput`. Which documents to write comes from the change
 * detector (src/documents/changes.ts) over `Site.keys()`; how a document becomes files from
 * files.ts; the manifest and journal from manifest.ts. Beside the documents, the tree holds two
 * files made from all of them: `_headers` (headers.ts) and the site manifest `_feedstand.json`
 * (site-manifest-file.ts, what the Worker answers from), rewritten whenever their bytes change.
 *
 * - Without a usable baseline (no manifest, another config, no output folder) the build is a
 *   full one: a new tree in a sibling folder, swapped in whole (write-tree.ts).
 * - Otherwise it is an in-place update (write-in-place.ts): the changed documents' files are
 *   staged under temporary names, then renamed over their targets, then the vanished ones are
 *   deleted. A journal naming those documents is written before and cleared after the manifest.
 * - Before a build trusts its manifest it checks every file's size on disk; a missing or
 *   truncated file, or a document named in a journal left behind, is written again.
 * - A failed update records the documents it touched: the next update writes them again.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { changedKeys, type Baseline } from '../documents/changes.js'
import type { Site } from '../documents/site.js'
import { fingerprint } from '../cache/fingerprint.js'
import type { AsyncCompressor, CompressionLevels } from '../node/compress.js'
import { filePath, type DocKey } from '../paths.js'
import { documentFiles, documentOf, filesOf, type TreeFile } from './files.js'
import { HEADERS_FILE, HeadersRules } from './headers.js'
import { clearJournal, manifestPath, readJournal, readManifest, removeManifest, documentToken, writeJournal, writeManifest } from './manifest.js'
import { SITE_MANIFEST_FILE, SiteManifestFile } from './site-manifest-file.js'
import { removeStaleSiblings, writeTreeAtomically } from './write-tree.js'
import { removeTemps, writeInPlace } from './write-in-place.js'
import type { OnProgress } from '../progress.js'

export interface OutputOptions {
  /** Cache folder for the manifest and journal; without one every build is a full one. */
  cacheDir?: string
  /** `heads`: only the heads and index documents (the benchmark's comparison with Hugo). Default `all`. */
  scope?: 'all' | 'heads'
  /** The levels of the Site's compressor, part of the manifest key. */
  levels?: CompressionLevels
  /** Told as documents are rendered for writing (the CLI draws it on a terminal). */
  onProgress?: OnProgress
}

export interface OutputStats {
  mode: 'full' | 'incremental'
  /** Files written and their bytes. */
  files: number
  bytes: number
  /** Documents rendered, left as they were, deleted. */
  rendered: number
  unchanged: number
  deleted: number
  /** Files deleted. */
  deletedFiles: number
  /** Documents written again because the disk or a journal said they were not as the manifest says. */
  repaired: number
}

interface State extends Baseline {
  sizes: Map<string, number>
}

const NOTHING = { files: 0, bytes: 0, rendered: 0, deleted: 0, deletedFiles: 0 }

export class SiteOutput {
  private state: State | undefined
  /** Documents a failed update touched: what is on disk for them is not known. */
  private readonly suspect = new Set<string>()
  private readonly headers = new HeadersRules()
  private readonly siteManifest = new SiteManifestFile()
  private readonly manifest: string | undefined
  private key: string | undefined

  constructor(
    private readonly outDir: string,
    private readonly options: OutputOptions = {},
  ) {
    this.manifest = options.cacheDir === undefined ? undefined : manifestPath(options.cacheDir, outDir)
  }

  /**
   * A build from what is on disk: in place when the manifest is valid for this config and the
   * folder, full otherwise. Removes the temporary folders of dead builds first.
   */
  async build(site: Site, compress?: AsyncCompressor): Promise<OutputStats> {
    await removeStaleSiblings(this.outDir)
    this.key = await fingerprint('build', { config: site.config, scope: this.options.scope ?? 'all', levels: this.options.levels ?? {} })
    const m = this.manifest && existsSync(this.outDir) ? await readManifest(this.manifest, this.key, this.outDir) : undefined
    this.state = m && { tokens: new Map(Object.entries(m.files)), sizes: new Map(Object.entries(m.sizes)) }
    this.suspect.clear()
    if (this.state) {
      const journal = await readJournal(this.manifest!)
      if (journal) {
        await removeTemps(this.outDir, journal.files.flatMap(filesOf), journal.id)
        for (const f of journal.files) this.suspect.add(f)
      }
      for (const f of differingSizes(this.outDir, this.state.sizes)) this.suspect.add(documentOf(f))
    }
    return this.write(site, compress)
  }

  /** `build --watch`: brings the folder from the snapshot last written to `site`. */
  async update(site: Site): Promise<OutputStats> {
    if (!this.key) throw new Error('SiteOutput.update before build')
    return this.write(site)
  }

  private keys(site: Site): Iterable<DocKey> {
    return this.options.scope === 'heads' ? site.headKeys() : site.keys()
  }

  private async write(site: Site, compress?: AsyncCompressor): Promise<OutputStats> {
    return this.state ? this.inPlace(site, this.state, compress) : this.full(site, compress)
  }

  private async full(site: Site, compress: AsyncCompressor | undefined): Promise<OutputStats> {
    if (this.manifest) await removeManifest(this.manifest)
    const tokens = new Map<string, string>()
    let rendered = 0
    const keys = () => this.keys(site)
    const { headers, siteManifest } = this
    const progress = this.options.onProgress
    siteManifest.reset()
    function* files(): Generator<TreeFile> {
      for (const key of keys()) {
        const token = documentToken(site, key)
        const doc = token === undefined ? undefined : site.get(key)
        if (!doc || token === undefined) continue
        tokens.set(doc.file, token)
        siteManifest.record(doc)
        rendered++
        progress?.({ step: 'write', done: rendered })
        yield* documentFiles(doc, compress, site.config.archiveEncodings)
      }
      yield { file: HEADERS_FILE, bytes: headers.render(site, keys()) }
      yield { file: SITE_MANIFEST_FILE, bytes: siteManifest.render(site, keys()) }
    }
    const r = await writeTreeAtomically(this.outDir, files())
    this.state = { site, tokens, sizes: r.sizes }
    await this.save()
    return { mode: 'full', files: r.files, bytes: r.bytes, rendered, unchanged: 0, deleted: 0, deletedFiles: 0, repaired: 0 }
  }

  private async inPlace(site: Site, state: State, compress: AsyncCompressor | undefined): Promise<OutputStats> {
    const repair = new Set(this.suspect)
    const tokens = new Map(state.tokens)
    for (const f of repair) tokens.delete(f)
    const ch = changedKeys({ tokens, site: state.site }, site, this.keys(site), documentToken)
    const vanished = new Set(ch.vanished)
    for (const f of repair) if (!ch.tokens.has(f) && f !== HEADERS_FILE && f !== SITE_MANIFEST_FILE) vanished.add(f)
    // Both made from every document: compared with the disk on every update (a new head date
    // changes `_headers`' Last-Modified, any changed document the manifest).
    // The site manifest first: its entries give `_headers` the unchanged documents' headers unrendered.
    const manifestBytes = await this.siteManifest.update(site, this.keys(site), ch.changed, this.outDir, repair.has(SITE_MANIFEST_FILE))
    const headersBytes = await this.changedHeaders(site, repair.has(HEADERS_FILE))
    const extra = [...(headersBytes ? [HEADERS_FILE] : []), ...(manifestBytes ? [SITE_MANIFEST_FILE] : [])]
    const touched = [...ch.changed.map(filePath), ...vanished, ...extra]
    const stats = { mode: 'incremental' as const, unchanged: ch.unchanged, repaired: repair.size }
    if (touched.length === 0) {
      // Same documents, same tokens, same sizes, no journal (its documents would be touched): the
      // manifest on disk already says exactly this.
      this.state = { ...state, site, tokens: ch.tokens }
      return { ...stats, ...NOTHING }
    }
    const id = `${process.pid}-${randomUUID().slice(0, 8)}`
    for (const f of touched) this.suspect.add(f)
    if (this.manifest) await writeJournal(this.manifest, { id, files: touched })
    const progress = this.options.onProgress
    function* files(): Generator<TreeFile> {
      let done = 0
      for (const key of ch.changed) {
        progress?.({ step: 'write', done: ++done, total: ch.changed.length })
        const doc = site.get(key)
        if (doc) yield* documentFiles(doc, compress, site.config.archiveEncodings)
      }
      if (headersBytes) yield { file: HEADERS_FILE, bytes: headersBytes }
      if (manifestBytes) yield { file: SITE_MANIFEST_FILE, bytes: manifestBytes }
    }
    const r = await writeInPlace(this.outDir, files(), [...vanished].flatMap(filesOf), id)
    const sizes = new Map(state.sizes)
    for (const f of [...[...vanished].flatMap(filesOf), ...r.absent]) sizes.delete(f)
    for (const [f, n] of r.sizes) sizes.set(f, n)
    this.state = { site, tokens: ch.tokens, sizes }
    await this.save()
    this.suspect.clear()
    return { ...stats, files: r.files, bytes: r.bytes, rendered: ch.changed.length, deleted: vanished.size, deletedFiles: r.deleted }
  }

  /** The new `_headers` when its bytes differ from the file on disk (or `force`), else undefined. */
  private async changedHeaders(site: Site, force: boolean): Promise<Uint8Array | undefined> {
    const bytes = this.headers.render(site, this.keys(site), (key) => this.siteManifest.headersOf(key))
    if (force) return bytes
    const disk = await readFile(join(this.outDir, HEADERS_FILE)).catch(() => undefined)
    return disk && Buffer.from(bytes).equals(disk) ? undefined : bytes
  }

  /** The manifest of the state now on disk, then no journal. */
  private async save(): Promise<void> {
    if (!this.manifest || !this.state || !this.key) return
    await writeManifest(this.manifest, {
      key: this.key,
      outDir: resolve(this.outDir),
      files: Object.fromEntries(this.state.tokens),
      sizes: Object.fromEntries(this.state.sizes),
    })
    await clearJournal(this.manifest)
  }
}

/**
 * Files whose size on disk is not the recorded one (missing, truncated, replaced). One stat each,
 * synchronous: nothing else runs before the build knows its baseline, and the 17,859 stats of a
 * 100k tree took ~0.07–0.13 s so against ~0.27 s as 64 promises through the libuv pool.
 */
function differingSizes(outDir: string, sizes: ReadonlyMap<string, number>): string[] {
  const bad: string[] = []
  for (const [file, size] of sizes) {
    const st = statSync(join(outDir, file), { throwIfNoEntry: false })
    if (!st?.isFile() || st.size !== size) bad.push(file)
  }
  return bad
}
