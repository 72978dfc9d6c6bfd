/**
 * Well-formedness of many XML documents in one xmllint run: the same libxml2 check as
 * checkWellFormedXml (test/helpers/validate.ts), with one wasm start-up for a whole batch
 * instead of one per document, so a property test can check every document it builds.
 */
import { validateXML } from 'xmllint-wasm'

export interface NamedXml {
  name: string
  xml: string
}

/** Diagnostics by document name; a name absent from the map is well-formed. */
export async function wellFormedBatch(docs: readonly NamedXml[], batchSize = 400): Promise<Map<string, string[]>> {
  const problems = new Map<string, string[]>()
  for (let i = 0; i < docs.length; i += batchSize) {
    const batch = docs.slice(i, i + batchSize)
    // xmllint names each diagnostic after its file: number the files, map the numbers back.
    const result = await validateXML({
      xml: batch.map((d, j) => ({ fileName: `d${j}.xml`, contents: d.xml })),
      normalization: 'format',
      modifyArguments: (args) => args.map((arg) => (arg === '--format' ? '--noout' : arg)),
    })
    for (const line of result.rawOutput.split('\n')) {
      const m = /^d(\d+)\.xml:(\d+): (.*)$/.exec(line)
      if (!m) continue
      const name = batch[Number(m[1])]!.name
      problems.set(name, [...(problems.get(name) ?? []), `line ${m[2]}: ${m[3]}`])
    }
    if (!result.valid && problems.size === 0) throw new Error(`xmllint failed without diagnostics: ${result.rawOutput.slice(0, 500)}`)
  }
  return problems
}
