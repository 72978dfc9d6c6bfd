/**
 * Raw control characters in front matter. js-yaml refuses a whole file for one stray BEL or ESC
 * ("non-printable characters"), which would cost the article; they are never meant as text, so
 * they are removed before parsing and reported once per file, with the first line that had one.
 */
import type { Problem } from '../types.js'

// What XML 1.0 and YAML both refuse: C0 controls but tab and newline (CR is gone after decoding),
// DEL, C1 controls, U+FFFE/U+FFFF. Lone surrogates cannot survive UTF-8 decoding.
const RAW_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g

/** Removes them from `text`, whose first line is file line `firstLine` (for the warning). */
export function stripRawControls(file: string, text: string, firstLine = 1): { text: string; warning?: Problem } {
  RAW_CONTROLS.lastIndex = 0
  if (!RAW_CONTROLS.test(text)) return { text }
  const lines = text.split('\n')
  const dirty: number[] = []
  lines.forEach((l, i) => {
    RAW_CONTROLS.lastIndex = 0
    if (RAW_CONTROLS.test(l)) dirty.push(i + firstLine)
  })
  const first = dirty[0]!
  const key = /^(['"]?)([^\s'":#][^:]*?)\1\s*:/.exec(lines[first - firstLine]!.replace(RAW_CONTROLS, ''))?.[2]
  const where = dirty.length === 1 ? `line ${first}` : `lines ${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}`
  const warning: Problem = {
    file, line: first, code: 'control-chars', severity: 'warning',
    message: `front matter had raw control characters (${where}); removed`,
  }
  if (key !== undefined) warning.field = key
  return { text: text.replace(RAW_CONTROLS, ''), warning }
}
