/**
 * An HTML5 conformance check for Feedstand's own pages, built on htmlparser2's spec-style tree
 * events, for the rules these pages could break: doctype, `lang`, one charset and title, only
 * known elements, every non-void element closed explicitly where it was opened (htmlparser2
 * reports each implied close, which is what a misnesting like `<p><ul>` or a missing `</li>`
 * turns into), no repeated attribute, unique ids, every id reference resolving, lists holding
 * only items, `alt` on images, no interactive content inside a link or button.
 *
 * Interim: the `html-validate` package (offline, rule-complete) is the one to use once it is a
 * dev dependency; this keeps the pages honest until then.
 */
import { Parser } from 'htmlparser2'

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
const KNOWN = new Set([
  ...VOID, 'html', 'head', 'body', 'title', 'style', 'script', 'noscript', 'main', 'header', 'footer', 'nav', 'section', 'article', 'aside',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'time', 'code', 'pre', 'strong', 'em', 'b', 'i',
  'small', 'label', 'button', 'form', 'figure', 'figcaption', 'picture', 'template', 'abbr', 'mark', 'details', 'summary',
])
const INTERACTIVE = new Set(['a', 'button', 'input', 'select', 'textarea', 'label', 'details'])
const ID_REFS = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls']

/** Every conformance problem found in `html`, as readable lines (empty: none found). */
export function checkHtml(html: string): string[] {
  const problems: string[] = []
  if (!/^<!doctype html>/i.test(html)) problems.push('does not start with <!doctype html>')
  const stack: string[] = []
  const ids = new Map<string, number>()
  const refs: [string, string][] = []
  const counts: Record<string, number> = {}
  let tag = ''
  let attrsSeen = new Set<string>()
  const parser = new Parser(
    {
      onopentagname(name) {
        tag = name
        attrsSeen = new Set()
      },
      onattribute(name) {
        if (attrsSeen.has(name)) problems.push(`<${tag}> repeats the attribute ${name}`)
        attrsSeen.add(name)
      },
      onopentag(name, attrs) {
        const at = `<${name}> in ${stack.join('>') || 'document'}`
        counts[name] = (counts[name] ?? 0) + 1
        if (!KNOWN.has(name)) problems.push(`${at}: not an HTML element`)
        const parent = stack.at(-1)
        if (name === 'li' && parent !== 'ul' && parent !== 'ol') problems.push(`${at}: an <li> outside a list`)
        if ((parent === 'ul' || parent === 'ol') && name !== 'li') problems.push(`${at}: a list may only hold <li>`)
        if (INTERACTIVE.has(name) && stack.some((s) => s === 'a' || s === 'button')) problems.push(`${at}: interactive content inside a link or button`)
        if (name === 'html' && !attrs.lang) problems.push('<html> has no lang')
        if (name === 'img' && attrs.alt === undefined) problems.push(`${at}: <img> without alt`)
        if (name === 'a' && !attrs.href) problems.push(`${at}: <a> without href`)
        if (attrs.id !== undefined) ids.set(attrs.id, (ids.get(attrs.id) ?? 0) + 1)
        for (const ref of ID_REFS) for (const id of (attrs[ref] ?? '').split(/\s+/).filter(Boolean)) refs.push([`${name} ${ref}`, id])
        if (attrs.href?.startsWith('#') && attrs.href.length > 1) refs.push([`${name} href`, attrs.href.slice(1)])
        if (!VOID.has(name)) stack.push(name)
      },
      onclosetag(name, isImplied) {
        if (VOID.has(name)) return
        if (isImplied) problems.push(`<${name}> in ${stack.slice(0, -1).join('>')}: closed implicitly (misnested or unclosed)`)
        stack.pop()
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  )
  parser.write(html)
  parser.end()
  for (const [id, n] of ids) if (n > 1) problems.push(`id "${id}" is used ${n} times`)
  for (const [where, id] of refs) if (!ids.has(id)) problems.push(`${where} points at a missing id "${id}"`)
  for (const once of ['html', 'head', 'body', 'title', 'main', 'h1']) if (counts[once] !== 1) problems.push(`<${once}> appears ${counts[once] ?? 0} times, not once`)
  if (!/<head>\s*<meta charset="utf-8">/i.test(html)) problems.push('<meta charset="utf-8"> is not the first thing in <head>')
  return problems
}
