/**
 * The Content-Security-Policy of every page (CSP Level 3). Script and style come only from the
 * site's own assets (`'self'`): no inline script, no inline style, no `eval`, nothing from a CDN.
 * Images may come from anywhere over HTTP(S): the lead images are the articles' own, on their
 * publishers' hosts. No plugins, no framing, no `<base>` rewriting, no form posting anywhere.
 * @see https://www.w3.org/TR/CSP3/
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: http:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
