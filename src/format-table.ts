/**
 * The format table: the facts of each output format, one row each. The path table (paths.ts)
 * reads the file names, the renderer table (render/formats.ts) adds each row's two renderers
 * (document and item), and the index page and OPML read the media type and label. Adding a
 * format is one row here plus its two renderers there (the renderer table is a Record over
 * `Format`, so the type checker asks for them). A leaf: it imports nothing.
 */

export interface FormatFacts {
  /** File name stem and extension: `rss.xml`, `atom.xml`, `feed.json`. Stems must differ. */
  stem: string
  ext: string
  /** Content-Type of every document of the format. */
  contentType: string
  /** Human name, for the index page and OPML. */
  label: string
}

export const FORMAT_TABLE = {
  rss: { stem: 'rss', ext: 'xml', contentType: 'application/rss+xml; charset=utf-8', label: 'RSS' },
  atom: { stem: 'atom', ext: 'xml', contentType: 'application/atom+xml; charset=utf-8', label: 'Atom' },
  json: { stem: 'feed', ext: 'json', contentType: 'application/feed+json; charset=utf-8', label: 'JSON Feed' },
} as const satisfies Record<string, FormatFacts>

export type Format = keyof typeof FORMAT_TABLE

/** Every format, in table order (the order of links on the index page and in OPML). */
export const FORMATS: readonly Format[] = Object.keys(FORMAT_TABLE) as Format[]
