/**
 * Seeds that play with the front-matter delimiters: a marker in `secured` (written several ways,
 * a YAML tag and an alias included) and in an unknown field, lines in random order, each ended
 * by LF, CRLF or CR, maybe a BOM, maybe a stray line that gray-matter or YAML would take as the
 * end of the block (`---x`, `--- a`, `----`, `...`), and a closing line that is exact, has
 * trailing blanks, is itself a variant, or is missing. The rule under test (README "Seeds"): the
 * block ends only at a line that is exactly `---` (trailing blanks allowed); so a seed is
 * publishable exactly when it has no stray line and a real closing line.
 */
import fc from 'fast-check'

/** Lines that end the block early for gray-matter (any `---` prefix) or for YAML (`...` + blank). */
export const STRAY_LINES = ['---x', '--- a', '----', '---#', '---\u00a0', '--- secured: x', '...', '... ', '...\t# end'] as const
/** Closing lines: valid ones first, then variants that are not a close. */
export const VALID_CLOSES = ['---', '--- ', '---\t', '---  \t'] as const
export const INVALID_CLOSES = ['---x', '--- a', '----', null] as const
const EOLS = ['\n', '\r\n', '\r'] as const

export interface DelimiterSeed {
  text: string
  /** What the rule says: published (no stray line, a valid close) or refused with an error. */
  publishable: boolean
}

/** The ways a marker is written on the `secured:` line, and whether YAML reads it (an unknown tag or alias is an error). */
function securedLines(marker: string): { line: string; valid: boolean }[] {
  return [
    { line: `secured: "${marker};c2VjcmV0"`, valid: true },
    { line: `secured: ${marker}`, valid: true },
    { line: `secured: |\n  ${marker}\n  c2VjcmV0`, valid: true },
    { line: `"secured": '${marker}'`, valid: true },
    { line: `secured: !<tag:${marker}> x`, valid: false },
    { line: `secured: !${marker} x`, valid: false },
    { line: `secured: *${marker}`, valid: false },
  ]
}

export function delimiterSeed(marker: string, n: number): fc.Arbitrary<DelimiterSeed> {
  const fields = (secured: string) => [
    `title: Delimiters ${n}`,
    'publishedDateTime: 2024-03-13T00:59:00Z',
    `webUrl: "https://example.com/delimiters-${n}"`,
    secured,
    `internalNotes: {owner: "${marker}", tags: [${marker}]}`,
  ]
  return fc
    .record({
      secured: fc.constantFrom(...securedLines(marker)),
      order: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
      stray: fc.option(fc.record({ line: fc.constantFrom(...STRAY_LINES), at: fc.nat() }), { freq: 2 }),
      close: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...VALID_CLOSES) }, fc.constantFrom(...INVALID_CLOSES)),
      bom: fc.boolean(),
      open: fc.constantFrom('---', '--- ', '---yaml'),
      eols: fc.array(fc.constantFrom(...EOLS), { minLength: 16, maxLength: 16 }),
    })
    .map(({ secured, order, stray, close, bom, open, eols }) => {
      const all = fields(secured.line)
      const block = order.flatMap((i) => all[i]!.split('\n'))
      if (stray) block.splice(stray.at % (block.length + 1), 0, stray.line)
      const lines = [open, ...block, ...(close === null ? [] : [close]), 'A body with a rule below.', '---', 'And a last line.']
      const text = (bom ? '\ufeff' : '') + lines.map((l, i) => l + eols[i % eols.length]!).join('')
      const validClose = (VALID_CLOSES as readonly (string | null)[]).includes(close)
      return { text, publishable: !stray && validClose && secured.valid }
    })
}
