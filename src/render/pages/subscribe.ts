/**
 * Subscribe controls for one scope: a one-line explanation of feeds for people who never used
 * one, a "subscribe in your reader" link (the `feed:` scheme that installed readers register,
 * and the plain URL for those that don't), and each format's URL with a copy button. The copy
 * buttons are `hidden` until the script shows them: without JavaScript the URLs are plain text to select.
 */
import { FORMATS } from '../../paths.js'
import { FORMAT_SPECS } from '../formats.js'
import { html, type Html } from './html.js'
import type { FeedUrls } from './page-data.js'

export const FEED_EXPLAINER =
  'A feed is a web address you give a feed reader app (NetNewsWire, Feedly, Inoreader, Thunderbird…): it then shows you every new article as it is published, with no account here and nothing to sign up for.'

export function subscribeBlock(feeds: FeedUrls, id: string, heading: string): Html {
  const rows = FORMATS.map((f) => {
    const label = FORMAT_SPECS[f].label
    return html`      <li><span class="format">${label}</span> <code id="${`${id}-${f}`}">${feeds[f]}</code> <button type="button" class="copy" data-copy="${feeds[f]}" aria-label="${`Copy the ${label} address`}" hidden>Copy</button></li>\n`
  })
  return html`<section class="subscribe" aria-labelledby="${id}">
    <h2 id="${id}">${heading}</h2>
    <p class="explainer">${FEED_EXPLAINER}</p>
    <p class="reader"><a class="button" href="${`feed:${feeds.rss}`}">Subscribe in your reader</a> <span>or <a href="${feeds.rss}">open the feed address</a> and give it to your reader.</span></p>
    <ul class="feed-urls">
${rows}    </ul>
    <p class="copied" role="status" aria-live="polite"></p>
  </section>`
}
