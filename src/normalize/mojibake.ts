/**
 * Repairs UTF-8 text that was once decoded as Windows-1252 or Latin-1 (`itâ€™s` → `it’s`),
 * only where the repair is certain: a run of characters is mapped back to the bytes that
 * decoder would have read, and replaced only when those bytes are valid UTF-8 and decode to
 * fewer characters. Genuine Latin-1 text (`café`) never forms a valid UTF-8 sequence, so it stays.
 */

/** Windows-1252 bytes 0x80–0x9F that differ from Latin-1, as the characters a decoder gives. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
const TO_BYTE = new Map<string, number>()
for (let i = 0; i < 32; i++) TO_BYTE.set(CP1252_HIGH[i]!, 0x80 + i)
// Latin-1 decoders leave 0x80–0x9F as C1 controls: map those back too.
for (let b = 0x80; b <= 0x9f; b++) if (!TO_BYTE.has(String.fromCharCode(b))) TO_BYTE.set(String.fromCharCode(b), b)
for (let b = 0xa0; b <= 0xff; b++) TO_BYTE.set(String.fromCharCode(b), b)

/** A run that could be one or more mis-decoded multi-byte UTF-8 sequences: a lead byte (Â–ô) and what follows. */
const RUN = new RegExp(`[\u00c2-\u00f4][${[...TO_BYTE.keys()].filter((c) => TO_BYTE.get(c)! < 0xc0).join('').replace(/[\]\\^-]/g, '\\$&')}\u00c2-\u00f4]+`, 'g')
const strict = new TextDecoder('utf-8', { fatal: true })

/** Returns the text with every certain mojibake run repaired (unchanged when there is none). */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text
  return text.replace(RUN, (run) => {
    const bytes = new Uint8Array(run.length)
    for (let i = 0; i < run.length; i++) bytes[i] = TO_BYTE.get(run[i]!)!
    try {
      const decoded = strict.decode(bytes)
      return decoded.length < run.length ? decoded : run
    } catch {
      return run
    }
  })
}
