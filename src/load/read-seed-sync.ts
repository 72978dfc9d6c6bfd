/**
 * A seed's bytes read synchronously, for the two places that cannot wait on promises: a parse
 * worker (nothing else to do on its thread, and a synchronous read costs a fraction of the
 * FileHandle round trips) and a stored article's body, re-read from its seed when the cache lost
 * it (src/loader/body-source.ts), which a renderer asks for in the middle of a document.
 *
 * It opens as readSeed does: the entry may have been swapped since the listing, so O_NOFOLLOW
 * refuses a link put in its place and O_NONBLOCK keeps a FIFO from blocking the thread. Anything
 * that is not a plain regular file within `maxBytes` is undefined: the caller falls back to
 * readSeed, whose words say what it is, or to "no body".
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'

export function readSeedSync(abs: string, maxBytes: number): Buffer | undefined {
  let fd: number | undefined
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
    const st = fstatSync(fd)
    if (!st.isFile() || st.size > maxBytes) return undefined
    const bytes = readFileSync(fd)
    return bytes.byteLength > maxBytes ? undefined : bytes
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
