/**
 * Topic name → URL slug: lowercase, accents folded, every run of anything but letters and
 * digits becomes one `-`, Unicode letters kept (`AI Hardware` → `ai-hardware`, `Économie` →
 * `economie`, `中国` → `中国`). Dots and slashes can never survive, so a slug is always one
 * safe path segment; an empty slug means the name has no letters or digits.
 */
const MAX_SLUG = 80

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= MAX_SLUG) return slug.normalize('NFC')
  return [...slug].slice(0, MAX_SLUG).join('').replace(/-+$/, '').normalize('NFC')
}
