/**
 * The checks of test/helpers/validate.ts (`checkWellFormedXml`, `validateAtom`: libxml2 through
 * xmllint-wasm, RFC 4287 RELAX NG), run over many documents per xmllint process. One call costs
 * ~150 ms of worker start-up; a batch of 100 documents costs about as much as 4 single calls,
 * which is what lets the validity bar check every document of a 1,000-article corpus in seconds.
 * validity-tools.test.ts checks that both give the same verdicts.
 */
import { readFile } from 'node:fs/promises'
import { validateXML, type XMLLintOptions } from 'xmllint-wasm'

export interface XmlDoc {
  /** A name for messages (the document's URL path). */
  name: string
  xml: string
}

/** Documents per xmllint run, and bytes: well under the wasm heap's default 32 MiB. */
const MAX_DOCS = 100
const MAX_BYTES = 4 * 1024 * 1024

/** Well-formed, namespace-aware XML 1.0. Returns "name line N: message" for every diagnostic; [] means OK. */
export function checkWellFormedBatch(docs: readonly XmlDoc[]): Promise<string[]> {
  return runBatches(docs, {
    normalization: 'format',
    modifyArguments: (args) => args.map((arg) => (arg === '--format' ? '--noout' : arg)),
  })
}

let atomSchema: Promise<string> | undefined

/** Atom documents against the RFC 4287 RELAX NG schema in test/schemas/atom.rng; [] means all valid. */
export async function validateAtomBatch(docs: readonly XmlDoc[]): Promise<string[]> {
  atomSchema ??= readFile(new URL('../schemas/atom.rng', import.meta.url), 'utf8')
  const schema = await atomSchema
  return runBatches(docs, { schema: [{ fileName: 'atom.rng', contents: schema }], extension: 'relaxng' })
}

/** Everything but the documents: a schema, or the `--noout` trick for a plain parse. */
interface Extra {
  normalization?: 'format'
  modifyArguments?: (args: string[]) => string[]
  schema?: { fileName: string; contents: string }[]
  extension?: 'relaxng'
}

async function runBatches(docs: readonly XmlDoc[], extra: Extra): Promise<string[]> {
  const batches: XmlDoc[][] = [[]]
  let bytes = 0
  for (const doc of docs) {
    const current = batches.at(-1)!
    if (current.length >= MAX_DOCS || (current.length > 0 && bytes + doc.xml.length > MAX_BYTES)) {
      batches.push([])
      bytes = 0
    }
    batches.at(-1)!.push(doc)
    bytes += doc.xml.length
  }
  // Two at a time: one per core.
  const out: string[] = []
  for (let i = 0; i < batches.length; i += 2) {
    const results = await Promise.all(batches.slice(i, i + 2).map((b) => runOne(b, extra)))
    for (const r of results) out.push(...r)
  }
  return out
}

async function runOne(docs: readonly XmlDoc[], extra: Extra): Promise<string[]> {
  if (docs.length === 0) return []
  const files = docs.map((d, i) => ({ fileName: `d${i}.xml`, contents: d.xml }))
  let raw: string
  let valid: boolean
  try {
    ;({ rawOutput: raw, valid } = await validateXML({ ...extra, xml: files } as unknown as XMLLintOptions))
  } catch (err) {
    return [`xmllint failed on ${docs[0]!.name}…: ${err instanceof Error ? err.message : String(err)}`]
  }
  const errors: string[] = []
  for (const line of raw.split('\n')) {
    const m = /^d(\d+)\.xml:(\d+): (.*)$/.exec(line) ?? /^d(\d+)\.xml() (fails to validate.*)$/.exec(line)
    if (m) errors.push(`${docs[Number(m[1])]!.name}${m[2] ? ` line ${m[2]}` : ''}: ${m[3]}`)
  }
  if (!valid && errors.length === 0) errors.push(`xmllint: ${raw.trim() || 'invalid, without a message'}`)
  return errors
}
