/**
 * The seal of the store's data file: its size and CRC-32, in a 12-byte file beside it, written
 * after every committed write and checked before the store is opened. LMDB keeps no checksums of
 * its pages and trusts them: a damaged page can send a read anywhere in the map (a wrong answer,
 * or a crash), and a flipped byte in free space changes nothing it would notice. The seal makes
 * any damage to the file visible before LMDB reads a page of it, so a damaged store is discarded
 * whole, never opened. Checking reads the file once, sequentially, in 1 MiB pieces (no buffer
 * of the file's size: the RSS stays flat).
 */
import { open, readFile, rename, writeFile } from 'node:fs/promises'
import { crc32 } from 'node:zlib'

const PIECE = 1 << 20

/** Size and CRC-32 of `file`, as the 12 bytes of its seal. */
export async function sealOf(file: string): Promise<Buffer> {
  const fh = await open(file, 'r')
  try {
    const buf = Buffer.allocUnsafe(PIECE)
    let crc = 0
    let size = 0
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, PIECE, size)
      if (bytesRead === 0) break
      crc = crc32(buf.subarray(0, bytesRead), crc)
      size += bytesRead
    }
    const seal = Buffer.alloc(12)
    seal.writeBigUInt64LE(BigInt(size), 0)
    seal.writeUInt32LE(crc, 8)
    return seal
  } finally {
    await fh.close()
  }
}

/** Undefined when `file` matches the seal at `sealFile`, else what is wrong (for the damage notice). */
export async function checkSeal(file: string, sealFile: string): Promise<string | undefined> {
  const seal = await readFile(sealFile).catch(() => undefined)
  if (!seal) return 'no seal'
  if (seal.byteLength !== 12) return `a seal of ${seal.byteLength} bytes`
  const now = await sealOf(file).catch(() => undefined)
  if (!now) return 'an unreadable data file'
  if (now.readBigUInt64LE(0) !== seal.readBigUInt64LE(0)) return `${now.readBigUInt64LE(0)} bytes where the seal says ${seal.readBigUInt64LE(0)}`
  if (!now.equals(seal)) return 'a checksum that does not match the seal'
  return undefined
}

/** Writes the seal of `file` (through a temporary file and a rename: a seal is whole or absent). */
export async function writeSeal(file: string, sealFile: string): Promise<void> {
  const tmp = `${sealFile}.tmp`
  await writeFile(tmp, await sealOf(file))
  await rename(tmp, sealFile)
}
