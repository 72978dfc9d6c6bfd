/**
 * The pages' stylesheet, served as `/assets/site.css` (its own document, so the CSP forbids
 * inline style). System fonts only: no web font, no request to anyone else. Light and dark
 * schemes follow `prefers-color-scheme`; one column on a phone, two from 56rem.
 */
export const SITE_CSS = `:root {
  color-scheme: light dark;
  --bg: #fbfbf9; --fg: #1c1d1f; --muted: #5b6068; --line: #dfe1e4; --card: #ffffff;
  --link: #0b57c2; --accent: #c2410c; --accent-fg: #ffffff; --chip: #eef1f5; --focus: #1a73e8;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #131416; --fg: #e8e9eb; --muted: #a3a8b0; --line: #2e3136; --card: #1b1d20;
    --link: #8ab4f8; --accent: #fb923c; --accent-fg: #1b1000; --chip: #262a30; --focus: #8ab4f8;
  }
}
*, *::before, *::after { box-sizing: border-box }
[hidden] { display: none !important }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100% }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif }
a { color: var(--link); text-underline-offset: .15em }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px }
.skip { position: absolute; left: .5rem; top: -3rem; background: var(--card); padding: .5rem .75rem; z-index: 1 }
.skip:focus { top: .5rem }
header.site, main, footer.site { max-width: 72rem; margin: 0 auto; padding: 0 1rem }
header.site { padding-top: .75rem; padding-bottom: .75rem; border-bottom: 1px solid var(--line) }
header.site .home { font-weight: 700; color: var(--fg); text-decoration: none; font-size: 1.1rem }
footer.site { color: var(--muted); font-size: .875rem; border-top: 1px solid var(--line); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem }
h1 { font-size: clamp(1.75rem, 4vw, 2.5rem); line-height: 1.15; margin: 1.5rem 0 .5rem; overflow-wrap: anywhere }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem }
.lede { font-size: 1.15rem; margin: 0 0 .25rem; max-width: 44rem }
.stats, .note, .meta, time { color: var(--muted) }
.stats { margin: 0 0 1rem }
.columns { display: grid; gap: 0 2.5rem }
@media (min-width: 56rem) { .columns { grid-template-columns: minmax(0, 1fr) 22rem } }
.articles { list-style: none; margin: 0; padding: 0 }
.article { display: flex; gap: 1rem; align-items: flex-start; padding: 1rem 0; border-top: 1px solid var(--line) }
.article .text { flex: 1; min-width: 0 }
.article h3 { font-size: 1.1rem; line-height: 1.3; margin: 0 0 .25rem; overflow-wrap: anywhere }
.article h3 a { color: var(--fg); text-decoration: none }
.article h3 a:hover { text-decoration: underline }
.meta { margin: 0; font-size: .875rem }
.excerpt { margin: .35rem 0 0; font-size: .95rem; overflow-wrap: anywhere }
.thumb { flex: none; width: 7.5rem; height: 5rem; object-fit: cover; border-radius: .375rem; background: var(--chip) }
@media (max-width: 30rem) { .thumb { width: 5rem; height: 3.75rem } .excerpt { display: none } }
.tags { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem; margin: .5rem 0 0; padding: 0 }
.tags a { display: inline-block; font-size: .8rem; padding: .1rem .5rem; border-radius: 999px; background: var(--chip); color: var(--fg); text-decoration: none }
.tags a:hover { text-decoration: underline }
.topic-list { list-style: none; margin: 0; padding: 0; max-height: 32rem; overflow: auto; border: 1px solid var(--line); border-radius: .5rem; background: var(--card) }
.topic-list li { display: flex; justify-content: space-between; gap: .5rem; padding: .35rem .75rem; border-top: 1px solid var(--line); font-size: .95rem }
.topic-list li:first-child { border-top: 0 }
.topic-list a { text-decoration: none; overflow-wrap: anywhere }
.topic-list a:hover .topic-name { text-decoration: underline }
.topic-list .count { color: var(--muted); font-variant-numeric: tabular-nums }
.topic-list .count::before { content: "(" } .topic-list .count::after { content: ")" }
.topic-list time { font-size: .8rem; white-space: nowrap }
.filter label { display: block; font-weight: 600; margin-bottom: .25rem }
.filter input { width: 100%; font: inherit; padding: .5rem .6rem; border: 1px solid var(--muted); border-radius: .375rem; background: var(--card); color: var(--fg) }
.filter .status { font-size: .875rem; color: var(--muted); margin: .25rem 0 .5rem; min-height: 1.3em }
.subscribe, .opml { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 0 1rem 1rem; margin-top: 1.5rem }
.subscribe h2, .opml h2 { margin-top: 1rem }
.explainer { margin-top: 0 }
.button { display: inline-block; background: var(--accent); color: var(--accent-fg); font-weight: 600; padding: .5rem .9rem; border-radius: .375rem; text-decoration: none }
.button:hover { filter: brightness(1.08) }
.reader span { color: var(--muted) }
.feed-urls { list-style: none; margin: 0; padding: 0 }
.feed-urls li { display: grid; grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: "format copy" "url url"; align-items: center; gap: .25rem .5rem; padding: .5rem 0; border-top: 1px solid var(--line) }
.feed-urls .format { grid-area: format; font-weight: 600 }
.feed-urls .copy { grid-area: copy }
.feed-urls code { grid-area: url; min-width: 0; overflow-wrap: anywhere; font-size: .85rem; user-select: all }
.copy { font: inherit; font-size: .875rem; padding: .25rem .7rem; border: 1px solid var(--muted); border-radius: .375rem; background: var(--chip); color: var(--fg); cursor: pointer }
.copied { min-height: 1.3em; margin: .25rem 0 0; font-size: .875rem; color: var(--muted) }
.crumbs { margin-top: 1rem; font-size: .95rem }
.crumbs a::before { content: "← " }
`
