/**
 * Seed bytes → text. Pure. A seed is UTF-8; anything else is refused (`not-utf8`, an error)
 * rather than guessed at: a Latin-1 fallback would publish `Ã©` or `?` under a valid-looking
 * title whenever the guess is wrong, and the file can always be re-saved as UTF-8. The error
 * names the byte offset and line of the first invalid byte so the fix is easy to find.
 */
import { failed, ok } from '../problems/result.js'
import type { Result } from '../types.js'

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Decodes UTF-8 (a BOM is dropped), turns CRLF and lone CR into LF; or says why it can't. */
export function decodeSeed(file: string, bytes: Uint8Array): Result<string> {
  if (bytes.byteLength === 0) {
    return failed({ file, code: 'empty-file', severity: 'error', message: 'file is empty' })
  }
  // A UTF-16 file is all NUL bytes between ASCII letters: say what it is rather than "binary".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return failed({ file, line: 1, code: 'not-utf8', severity: 'error', message: 'file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8' })
  }
  if (looksBinary(bytes)) {
    return failed({ file, code: 'binary-file', severity: 'error', message: 'file is binary (it contains NUL bytes), not text' })
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    const at = firstInvalidUtf8(bytes)
    return failed({
      file,
      line: lineAt(bytes, at),
      code: 'not-utf8',
      severity: 'error',
      message: `bytes at offset ${at} are not valid UTF-8; save the file as UTF-8`,
    })
  }
  // includes() is a plain scan; most files have no CR at all.
  return ok(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text)
}

function looksBinary(bytes: Uint8Array): boolean {
  // indexOf is native; a loop over the bytes in JS cost more than the UTF-8 decode after it.
  return bytes.subarray(0, 8192).indexOf(0) >= 0
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0
  let hi = bytes.byteLength
  // Binary search for the shortest prefix that fails; cut points inside a sequence are
  // stepped back to a lead byte so that a valid sequence is never split.
  while (hi - lo > 1) {
    let mid = (lo + hi) >>> 1
    while (mid > lo && (bytes[mid]! & 0xc0) === 0x80) mid--
    if (mid === lo) break
    try {
      utf8.decode(bytes.subarray(0, mid))
      lo = mid
    } catch {
      hi = mid
    }
  }
  return lo
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++
  return line
}
