/**
 * The pages' one escape helper: a tagged template that escapes every interpolated value unless it
 * is already markup made by `html` itself. A title or topic name can only ever reach a page as
 * text (`<script>` shows as `&lt;script&gt;`), because no other way to build markup exists here.
 */
import { escapeHtml } from '../../escape.js'

/** Markup made by `html`: interpolated as it is, never escaped twice. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** What may be interpolated: text (escaped), numbers, markup, lists of markup; nothing for false/null/undefined. */
export type Part = string | number | Html | readonly Html[] | false | null | undefined

/**
 * @example html`<a href="${url}">${title}</a>` // both values escaped for text and double-quoted attributes
 */
export function html(strings: TemplateStringsArray, ...parts: readonly Part[]): Html {
  let out = strings[0]!
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1]!
  return new Html(out)
}

function render(p: Part): string {
  if (p === false || p === null || p === undefined) return ''
  if (p instanceof Html) return p.value
  if (typeof p === 'number') return String(p)
  if (typeof p === 'string') return escapeHtml(p)
  return p.map((h) => h.value).join('')
}
