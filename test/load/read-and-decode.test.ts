/** Bytes on disk → text: size limit, encodings, line endings. */
import { execFileSync } from 'node:child_process'
import { appendFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULTS } from '../../src/config.js'
import { decodeSeed } from '../../src/load/decode.js'
import { listSeeds, readSeed } from '../../src/load/read-seeds.js'
import { processSeed } from '../../src/seed/process-seed.js'

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url))
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))))

describe('decodeSeed', () => {
  it('drops a UTF-8 BOM and turns CRLF and lone CR into LF, silently', () => {
    expect(decodeSeed('x.md', bytes([0xef, 0xbb, 0xbf], '---\r\na: 1\rb: 2\r\n---\r\n'))).toEqual({ ok: true, value: '---\na: 1\nb: 2\n---\n', problems: [] })
  })

  it('accepts the BOM + CRLF fixture with no problem at all', async () => {
    const outcome = processSeed('bom-crlf.md', await readFile(join(BAD, 'bom-crlf.md')), { maxExcerptLength: 2000, nowMs: Date.now() })
    expect(outcome.problems).toEqual([])
    expect(outcome.article?.title).toBe('BOM and CRLF are fine')
    expect(outcome.article?.contentHtml).toContain('<p>A body with\nCRLF line endings.</p>')
  })

  it('refuses bytes that are not UTF-8, naming the line and offset of the first bad byte', () => {
    expect(decodeSeed('x.md', bytes('---\ntitle: ok\nbad: caf', [0xe9], '\n'))).toEqual({ ok: false, problems: [{
      file: 'x.md', line: 3, code: 'not-utf8', severity: 'error',
      message: 'bytes at offset 22 are not valid UTF-8; save the file as UTF-8',
    }] })
    // Overlong encodings and encoded surrogates are not UTF-8 either (they would smuggle `<` or lone surrogates).
    for (const bad of [[0xc0, 0xbc], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]]) {
      expect(decodeSeed('x.md', bytes('---\n', bad)), bad.join(',')).toMatchObject({ ok: false, problems: [{ code: 'not-utf8', line: 2 }] })
    }
  })

  it('says UTF-16 when the file is UTF-16, either byte order', () => {
    const text = '---\ntitle: x\n---\n'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le.subarray(0)).swap16()
    for (const b of [le, be]) expect(decodeSeed('x.md', b)).toMatchObject({ ok: false, problems: [{ code: 'not-utf8', message: expect.stringContaining('UTF-16') }] })
  })

  it('calls empty files empty and files with NUL bytes binary', () => {
    expect(decodeSeed('x.md', new Uint8Array())).toMatchObject({ ok: false, problems: [{ code: 'empty-file', severity: 'error' }] })
    expect(decodeSeed('x.md', bytes('GIF89a', [0, 1, 0]))).toMatchObject({ ok: false, problems: [{ code: 'binary-file', severity: 'error' }] })
  })
})

describe('readSeed size limit', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'feedstand-read-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('defaults to 1 MiB: exactly 1 MiB is read, one byte more is refused unread', async () => {
    expect(DEFAULTS.maxFileBytes).toBe(1024 * 1024)
    await writeFile(join(dir, 'fits.md'), Buffer.alloc(1024 * 1024, 0x61))
    await writeFile(join(dir, 'over.md'), Buffer.alloc(1024 * 1024 + 1, 0x61))
    const [fits, over] = await listSeeds(dir)
    const read = await readSeed(fits!, DEFAULTS.maxFileBytes)
    expect(read.ok && read.value.bytes.byteLength).toBe(1024 * 1024)
    expect(await readSeed(over!, DEFAULTS.maxFileBytes)).toEqual({ ok: false, problems: [{
      file: 'over.md', code: 'too-large', severity: 'error',
      message: 'file is 1048577 bytes, over the limit of 1048576 bytes (maxFileBytes)',
    }] })
  })

  it('is configurable, and holds for a file that grew after it was listed', async () => {
    const sub = join(dir, 'grow')
    await rm(sub, { recursive: true, force: true })
    await import('node:fs/promises').then((fs) => fs.mkdir(sub))
    await writeFile(join(sub, 'grows.md'), 'a'.repeat(100))
    const [entry] = await listSeeds(sub)
    expect(await readSeed(entry!, 100)).toMatchObject({ ok: true, value: { size: 100 } })
    await appendFile(join(sub, 'grows.md'), 'b'.repeat(5000))
    expect(await readSeed(entry!, 1000)).toMatchObject({ ok: false, problems: [{ code: 'too-large', message: 'file is over the limit of 1000 bytes (maxFileBytes)' }] })
    // Below the limit, a grown file is read whole.
    expect(await readSeed(entry!, 10_000)).toMatchObject({ ok: true, value: { size: 5100 } })
  })

  it('never blocks on a FIFO or follows a link that replaced a listed file', async () => {
    const sub = join(dir, 'swapped')
    await rm(sub, { recursive: true, force: true })
    await mkdir(sub)
    await writeFile(join(sub, 'a.md'), 'x')
    await writeFile(join(sub, 'b.md'), 'x')
    await writeFile(join(dir, 'secret.md'), 'secret')
    const [a, b] = await listSeeds(sub)
    // After the listing: a.md becomes a FIFO (a blocking open would hang here), b.md a link out of the folder.
    await rm(a!.abs)
    execFileSync('mkfifo', [a!.abs])
    await rm(b!.abs)
    await symlink(join(dir, 'secret.md'), b!.abs)
    expect(await readSeed(a!, 1000)).toMatchObject({ ok: false, problems: [{ file: 'a.md', code: 'unreadable', severity: 'error' }] })
    expect(await readSeed(b!, 1000)).toMatchObject({ ok: false, problems: [{ file: 'b.md', code: 'unreadable', severity: 'error' }] })
  })
})
