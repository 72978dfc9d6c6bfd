/**
 * Markdown body → safe HTML: markdown-it renders (raw HTML allowed, as publishers embed it),
 * sanitize-html removes everything that could run or phone home, and every relative link or
 * image is made absolute against the article's URL so it works inside any reader.
 */
import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'

const md = new MarkdownIt({ html: true, linkify: true, typographer: false })

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'wbr'),
  'img', 'figure', 'figcaption', 'picture', 'del', 'ins', 'sup', 'sub',
]

function absolutize(base: string, attr: 'href' | 'src') {
  return (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const value = attribs[attr]
    if (value !== undefined) {
      try {
        attribs[attr] = new URL(value, base).href
      } catch {
        delete attribs[attr]
      }
    }
    return { tagName, attribs }
  }
}

/** Renders and sanitizes one body. `baseUrl` is the article's webUrl. */
export function renderMarkdown(body: string, baseUrl: string): string {
  const html = md.render(body)
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'hreflang'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan', 'align'],
      th: ['colspan', 'rowspan', 'align', 'scope'],
      ol: ['start'],
      code: ['class'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    // Inline images (data:) are harmless in <img>; nowhere else.
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: false,
    transformTags: { a: absolutize(baseUrl, 'href'), img: absolutize(baseUrl, 'src') },
    disallowedTagsMode: 'discard',
  }).trim()
}
