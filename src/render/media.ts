/**
 * Media RSS elements (`xmlns:media="http://search.yahoo.com/mrss/"`), shared by RSS items and
 * Atom entries: readers that ignore enclosures (most of them, for images) look here instead.
 */
import type { Image } from '../types.js'
import { escapeXml } from '../escape.js'

/**
 * The item image: the FIRST image of the seed, not the largest. Publishers list their lead image
 * first (the seed's `images[0]` is the one shown on the article page); sizes are often missing,
 * so "largest" would pick differently from one seed to the next.
 */
export function leadImage(images: readonly Image[]): Image | undefined {
  return images[0]
}

/** ` type="image/jpeg"`, or nothing when the URL's extension names no known image type. */
export function typeAttr(type: string | undefined): string {
  // Types come from a fixed table in normalize/urls.ts, so they need no escaping.
  return type ? ` type="${type}"` : ''
}

/** ` width="…" height="…"` when both are known. */
export function sizeAttrs(img: Pick<Image, 'width' | 'height'>): string {
  return img.width && img.height ? ` width="${img.width}" height="${img.height}"` : ''
}

/** One `<media:content>` per image, so readers that show a gallery get every image. */
export function mediaContent(img: Image): string {
  return `<media:content url="${escapeXml(img.url)}" medium="image"${typeAttr(img.type)}${sizeAttrs(img)}/>`
}

/** `<media:thumbnail>` of the lead image: what Feedly, Inoreader and NetNewsWire show as the card picture. */
export function mediaThumbnail(img: Image): string {
  return `<media:thumbnail url="${escapeXml(img.url)}"${sizeAttrs(img)}/>`
}
