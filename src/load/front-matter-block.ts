/**
 * Where a seed's front-matter block begins and ends. Pure.
 *
 * The rule: the block opens with the file's first line, `---` (optionally followed by a language
 * tag, which the caller checks), and ends only at the next line that is exactly `---` (trailing
 * spaces and tabs allowed). Two readers disagree with that rule on some lines, and each
 * disagreement decides what becomes the published Markdown body:
 * - gray-matter ends the block at the first line that merely *starts* with `---` (`---x`,
 *   `--- a`, `----`: it searches for "\n---"), so everything after it, a `secured:` line
 *   included, would be published as the body;
 * - YAML ends a document at a `---` or `...` marker (YAML 1.2 §9.1: the marker followed by
 *   white space or the line's end), so what follows is read as another document or not at all.
 * A block holding such a line is refused (`front-matter-delimiter`, with its line) rather than
 * read one way or the other: nothing between the two `---` lines may ever reach the body.
 */

export interface BlockBounds {
  /** What follows `---` on the first line, trimmed (`yaml`, `js`, or empty). */
  language: string
  /** The text between the opening line and the closing line, without their newlines. */
  block: string
  /** Everything after the closing line. */
  body: string
}

export type BlockResult =
  | { ok: true; value: BlockBounds }
  | { ok: false; code: 'no-front-matter' | 'unclosed-front-matter' | 'front-matter-delimiter'; line: number; message: string }

const OPEN = /^---([^\n]*)\n/
/** The closing line: exactly `---`, trailing blanks allowed. */
const CLOSE = /^---[ \t]*$/
/** A line gray-matter would close on (any `---` prefix), or a YAML document marker (`...` + blank or end). */
const STRAY = /^(?:---|\.\.\.(?:[ \t]|$))/

/** Splits decoded seed text (LF line ends) into its front-matter block and body, by the rule above. */
export function findBlock(text: string): BlockResult {
  const open = OPEN.exec(text)
  if (!open) return { ok: false, code: 'no-front-matter', line: 1, message: 'file does not start with a "---" front-matter block' }
  const start = open[0].length
  const language = open[1]!.trim()
  // Only a line that starts with `---` can close the block: they are found with indexOf, so the
  // body is never split into lines and joined again.
  for (let at = text.startsWith('---', start) ? start : dashLine(text, start); at >= 0; at = dashLine(text, at + 3)) {
    const end = text.indexOf('\n', at)
    if (CLOSE.test(end < 0 ? text.slice(at) : text.slice(at, end))) {
      const block = at === start ? '' : text.slice(start, at - 1)
      return { ok: true, value: { language, block, body: end < 0 ? '' : text.slice(end + 1) } }
    }
  }
  const lines = text.slice(start).split('\n')
  // gray-matter would still close on a `---…` line: name it, it is the likelier mistake.
  const stray = lines.findIndex((l) => l.startsWith('---'))
  if (stray >= 0) return strayDelimiter(stray, '---')
  return { ok: false, code: 'unclosed-front-matter', line: 1, message: 'front matter has no closing "---" line' }
}

/** Start of the first line after `from` that begins with `---`, or -1. */
function dashLine(text: string, from: number): number {
  const i = text.indexOf('\n---', from)
  return i < 0 ? -1 : i + 1
}

/**
 * The first line of `block` (0-based) that would end it early for gray-matter or for YAML, as a
 * problem; undefined when there is none. Run on the block as YAML will see it (after raw control
 * characters are removed: `\u0007---` becomes `---`).
 */
export function checkBlock(block: string): Extract<BlockResult, { ok: false }> | undefined {
  // Almost every block has no line starting with `---` or `...`: say so without splitting it.
  if (!/^(?:---|\.\.\.)/.test(block) && !block.includes('\n---') && !block.includes('\n...')) return undefined
  const lines = block.split('\n')
  const index = lines.findIndex((l) => STRAY.test(l))
  return index < 0 ? undefined : strayDelimiter(index, lines[index]!.startsWith('---') ? '---' : '...')
}

function strayDelimiter(index: number, kind: '---' | '...'): Extract<BlockResult, { ok: false }> {
  // Line 1 is the opening `---`. The rest of the line is not quoted: it may hold anything.
  const what = kind === '---' ? 'starts with "---" but is not a closing line' : 'is a YAML document end ("...")'
  return {
    ok: false,
    code: 'front-matter-delimiter',
    line: index + 2,
    message: `front matter line ${index + 2} ${what}; the block ends only at a line that is exactly "---", so nothing of this file is published`,
  }
}
