/**
 * Topic name → URL slug: lowercase, accents folded, every run of anything but letters and
 * digits becomes one `-`, Unicode letters kept (`AI Hardware` → `ai-hardware`, `Économie` →
 * `economie`, `中国` → `中国`). Dots and slashes can never survive, so a slug is always one
 * safe path segment; an empty slug means the name has no letters or digits.
 *
 * A slug is a folder name on disk (`feeds/topics/<slug>/`) and a percent-encoded URL segment
 * (`/topics/%E4%B8%AD…/`), so it is bounded three ways:
 * - 80 characters, for people reading URLs;
 * - 200 UTF-8 bytes: ext4, XFS, Btrfs and most other filesystems allow 255 bytes per name (not
 *   characters: 64 four-byte letters already make 256), and the 55 left over leave room for what
 *   writers add to a name (`.<name>.tmp-1a2b3c4d`, a backup suffix);
 * - 240 characters percent-encoded (each non-ASCII byte is 3), so that a mirror or cache that
 *   stores the URL form as a file name (wget, proxy stores) also stays under 255 bytes.
 * A longer slug is cut and ends with `-` and 8 hex digits of a hash of the whole slug, so names
 * that differ only past the cut stay different topics.
 */
const MAX_CHARS = 80
export const MAX_SLUG_BYTES = 200
export const MAX_SLUG_URL = 240
const HASH_SUFFIX = 9

const utf8 = new TextEncoder()

export interface TopicSlug {
  slug: string
  /** The full slug was over a limit: `slug` is its cut form with a hash suffix. */
  truncated: boolean
}

/**
 * Slugs already made, by name. A corpus names few topics many times (the bench's 10k seeds:
 * 30,000 topic entries, a few hundred names), and NFKD, the Unicode regexes and the limit checks
 * cost 5 µs a name. Bounded: when full it starts again, so a stream of unique names costs memory
 * for at most this many. The objects are frozen, since every caller gets the same one.
 */
const MEMO = new Map<string, Readonly<TopicSlug>>()
const MEMO_MAX = 20000

/** The slug of a topic name, and whether it had to be cut (see the limits above). */
export function topicSlug(name: string): Readonly<TopicSlug> {
  let known = MEMO.get(name)
  if (known === undefined) {
    if (MEMO.size >= MEMO_MAX) MEMO.clear()
    known = Object.freeze(makeSlug(name))
    MEMO.set(name, known)
  }
  return known
}

function makeSlug(name: string): TopicSlug {
  const full = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC')
  if (fits(full, 0)) return { slug: full, truncated: false }
  const points = [...full]
  // The longest prefix that fits with the suffix; one code point at a time, from a bound that is
  // never too short (every code point is at most 12 characters percent-encoded).
  let n = Math.min(points.length, MAX_CHARS - HASH_SUFFIX)
  while (n > 0 && !fits(points.slice(0, n).join(''), HASH_SUFFIX)) n--
  const head = points.slice(0, n).join('').replace(/-+$/, '')
  return { slug: `${head}-${fnv1a(full)}`, truncated: true }
}

/** `topicSlug(name).slug`. */
export function slugify(name: string): string {
  return topicSlug(name).slug
}

function fits(slug: string, extra: number): boolean {
  return (
    [...slug].length + extra <= MAX_CHARS &&
    utf8.encode(slug).byteLength + extra <= MAX_SLUG_BYTES &&
    encodeURIComponent(slug).length + extra <= MAX_SLUG_URL
  )
}

/** FNV-1a, 32 bits, over the UTF-8 bytes, as 8 hex digits: stable across runs and platforms, no crypto needed. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5
  for (const b of utf8.encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0
  return h.toString(16).padStart(8, '0')
}
