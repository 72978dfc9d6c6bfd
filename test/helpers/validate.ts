/**
 * Test-side validation toolkit for Feedstand's feed outputs.
 *
 * - XML well-formedness and Atom (RFC 4287) RELAX NG validation via xmllint-wasm
 *   (libxml2 compiled to wasm; each call runs in a short-lived worker, ~0.1 s).
 * - JSON Feed 1.1 validation via ajv + ajv-formats.
 * - Two independent feed parsers (rss-parser on xml2js/sax, and
 *   @extractus/feed-extractor on fast-xml-parser) normalised to one shape so
 *   tests can compare them item by item.
 *
 * Normalisation rules shared by both parsers (see `NormalizedFeed`):
 * - every text value is the element's XML-decoded text content, trimmed; it is
 *   never HTML-decoded a second time (so `<title type="html">A &amp;amp; B</title>`
 *   gives `A &amp; B`, the HTML source, in both parsers);
 * - `id` is the RSS `<guid>` / Atom `<id>` / JSON Feed `id`, or '' when absent
 *   (no synthesised ids);
 * - `link` is the RSS `<link>` / the Atom `<link>` whose rel is absent or
 *   "alternate" (RFC 4287 §4.2.7.2) / JSON Feed `url`, or '' when absent, with
 *   no URL rewriting;
 * - `date` is RSS `pubDate` / Atom `published`, else `updated` / JSON Feed
 *   `date_published`, else `date_modified`, as `new Date(x).toISOString()`;
 *   '' when absent, `Invalid Date: <raw>` when unparsable.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import type { XMLLintOptions, XMLValidationResult } from 'xmllint-wasm';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import Parser from 'rss-parser';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import type { FeedData, ParserOptions } from '@extractus/feed-extractor';

/** One feed item as both parsers report it, reduced to the fields we compare. */
export interface NormalizedItem {
  title: string;
  link: string;
  id: string;
  /** ISO 8601 UTC (`new Date(x).toISOString()`), '' if absent, `Invalid Date: <raw>` if unparsable. */
  date: string;
}

/** A feed as both parsers report it (see module docs for the rules). */
export interface NormalizedFeed {
  title?: string;
  items: NormalizedItem[];
}

/** The feed formats `parseWithFeedExtractor` accepts. */
export type FeedFormat = 'rss' | 'atom' | 'json';

const ATOM_RNG_URL = new URL('../schemas/atom.rng', import.meta.url);
const JSONFEED_SCHEMA_URL = new URL('../schemas/jsonfeed-1.1.schema.json', import.meta.url);

// ---------------------------------------------------------------------------
// xmllint-wasm
// ---------------------------------------------------------------------------

const XML_FILE_NAME = 'feed.xml';

/**
 * Turns xmllint's stderr into one string per diagnostic ("line N: message").
 * Every diagnostic counts, including namespace errors (e.g. an undeclared
 * prefix) which libxml2 reports without failing the run.
 */
function xmllintDiagnostics(result: XMLValidationResult): string[] {
  const prefix = `${XML_FILE_NAME}:`;
  const errors: string[] = [];
  for (const line of result.rawOutput.split('\n')) {
    if (!line.startsWith(prefix)) continue;
    const match = /^(\d+): (.*)$/.exec(line.slice(prefix.length));
    if (match) errors.push(`line ${match[1]}: ${match[2]}`);
  }
  if (!result.valid && errors.length === 0) {
    errors.push(result.rawOutput.trim() || 'xmllint reported the document as invalid without a message');
  }
  return errors;
}

/** Runs xmllint and never rejects: a crash of xmllint itself becomes an error string. */
async function runXmllint(options: XMLLintOptions): Promise<string[]> {
  try {
    return xmllintDiagnostics(await validateXML(options));
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const message = err instanceof Error ? err.message : String(err);
    return [`xmllint failed${code === undefined ? '' : ` (exit code ${String(code)})`}: ${message.trim()}`];
  }
}

/**
 * Checks that `xml` is well-formed, namespace-aware XML 1.0 using libxml2
 * (xmllint-wasm).
 * @returns xmllint's diagnostics as "line N: message" strings; `[]` means OK.
 */
export async function checkWellFormedXml(xml: string): Promise<string[]> {
  return runXmllint({
    xml: [{ fileName: XML_FILE_NAME, contents: xml }],
    // The typings require `schema` or `normalization`; we ask for --format and
    // swap it for --noout so xmllint only parses and reports.
    normalization: 'format',
    modifyArguments: (args) => args.map((arg) => (arg === '--format' ? '--noout' : arg)),
  });
}

let atomSchemaPromise: Promise<string> | undefined;

/** Loads test/schemas/atom.rng once per process. */
function loadAtomSchema(): Promise<string> {
  atomSchemaPromise ??= readFile(ATOM_RNG_URL, 'utf8');
  return atomSchemaPromise;
}

/**
 * Validates an Atom document against the RFC 4287 Appendix B RELAX NG schema
 * (test/schemas/atom.rng, loaded once) with xmllint-wasm. Well-formedness and
 * namespace errors are reported too. The RFC's Schematron rules (feed/entry
 * author, entry alternate link or content) are not checked.
 * @returns diagnostics as "line N: message" strings; `[]` means valid.
 */
export async function validateAtom(xml: string): Promise<string[]> {
  const schema = await loadAtomSchema();
  return runXmllint({
    xml: [{ fileName: XML_FILE_NAME, contents: xml }],
    schema: [{ fileName: 'atom.rng', contents: schema }],
    extension: 'relaxng',
  });
}

// ---------------------------------------------------------------------------
// JSON Feed 1.1 (ajv)
// ---------------------------------------------------------------------------

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default
// import is the whole module object, at runtime it may be either.
type AddFormats = typeof addFormatsModule.default;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);

let jsonFeedValidator: ValidateFunction | undefined;

/** Compiles test/schemas/jsonfeed-1.1.schema.json once per process. */
function getJsonFeedValidator(): ValidateFunction {
  if (!jsonFeedValidator) {
    const schema = JSON.parse(readFileSync(JSONFEED_SCHEMA_URL, 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    jsonFeedValidator = ajv.compile(schema);
  }
  return jsonFeedValidator;
}

function formatAjvError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (error.keyword === 'additionalProperties') detail = `: ${String(params['additionalProperty'])}`;
  else if (error.keyword === 'const') detail = `: ${JSON.stringify(params['allowedValue'])}`;
  return `${where} ${error.message ?? error.keyword}${detail}`;
}

/**
 * Validates a parsed JSON value (not a string) against the JSON Feed 1.1
 * schema (test/schemas/jsonfeed-1.1.schema.json, compiled once).
 * @returns readable errors such as "/items/0/date_published must match format
 * \"date-time\""; `[]` means valid.
 */
export function validateJsonFeed(json: unknown): string[] {
  const validate = getJsonFeedValidator();
  if (validate(json)) return [];
  return (validate.errors ?? []).map(formatAjvError);
}

// ---------------------------------------------------------------------------
// Shared normalisation helpers
// ---------------------------------------------------------------------------

/** `new Date(x).toISOString()`, '' for missing, `Invalid Date: <raw>` for unparsable. */
function toIsoDate(raw: string): string {
  const value = raw.trim();
  if (value === '') return '';
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? `Invalid Date: ${value}` : time.toISOString();
}

/** Root element local name with comments, PIs and the doctype skipped. */
function rootElementName(xml: string): string | undefined {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, '');
  const match = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(body);
  return match?.[2];
}

function xmlFormatOf(xml: string): 'rss' | 'atom' | undefined {
  const root = rootElementName(xml);
  if (root === 'rss' || root === 'RDF') return 'rss';
  if (root === 'feed') return 'atom';
  return undefined;
}

function unsupported(parser: string, what: string, value: unknown): never {
  throw new Error(`${parser}: unsupported ${what} shape (only text content is compared): ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------
// rss-parser (xml2js)
// ---------------------------------------------------------------------------

/** xml2js node: a string, or `{ _: text, $: attributes, ...children }`. */
type Xml2jsNode = string | { _?: unknown; $?: Record<string, string>; [child: string]: unknown };

/** Text content of an xml2js node ('' for undefined); throws on element content. */
function xml2jsText(node: unknown, what: string): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'object') {
    const keys = Object.keys(node).filter((key) => key !== '_' && key !== '$');
    const text = (node as { _?: unknown })._;
    if (keys.length === 0) return typeof text === 'string' ? text.trim() : '';
  }
  return unsupported('rss-parser', what, node);
}

function xml2jsAlternateLink(links: Xml2jsNode[] | undefined): string {
  for (const link of links ?? []) {
    if (typeof link !== 'object') continue;
    const rel = link.$?.['rel'];
    if (rel === undefined || rel === 'alternate') return (link.$?.['href'] ?? '').trim();
  }
  return '';
}

type RssParserItem = { links?: Xml2jsNode[]; id?: unknown };

const rssParser = new Parser<Record<string, unknown>, RssParserItem>({
  // rss-parser keeps only one Atom link (rel="alternate" spelled out, else the
  // FIRST link, even rel="self"); keep them all so we can apply RFC 4287.
  customFields: { item: [['link', 'links', { keepArray: true }]] },
});

/**
 * Parses RSS 2.0 or Atom 1.0 with rss-parser and normalises the result.
 * RSS: id = `<guid>` text (isPermaLink ignored), date = `pubDate`.
 * Atom: id = `<id>`, link = rel-less/"alternate" link, date = `published`, else
 * `updated` (rss-parser rejects the whole parse when that date is invalid).
 * @throws when rss-parser cannot parse the document, or a title/id is not plain text.
 */
export async function parseWithRssParser(xml: string): Promise<NormalizedFeed> {
  const feed = await rssParser.parseString(xml);
  const isAtom = xmlFormatOf(xml) === 'atom';
  const items = feed.items.map((item): NormalizedItem => {
    if (isAtom) {
      return {
        title: xml2jsText(item.title, 'title'),
        link: xml2jsAlternateLink(item.links),
        id: xml2jsText(item.id, 'id'),
        // rss-parser already did new Date(published || updated).toISOString().
        date: toIsoDate(xml2jsText(item.pubDate, 'date')),
      };
    }
    return {
      title: xml2jsText(item.title, 'title'),
      link: xml2jsText(item.link, 'link'),
      id: xml2jsText(item.guid, 'guid'),
      date: toIsoDate(xml2jsText(item.pubDate, 'pubDate')),
    };
  });
  const result: NormalizedFeed = { items };
  const title = xml2jsText(feed.title, 'feed title');
  if (title !== '') result.title = title;
  return result;
}

// ---------------------------------------------------------------------------
// @extractus/feed-extractor (fast-xml-parser)
// ---------------------------------------------------------------------------

const RAW = '__raw';

/**
 * Options for feed-extractor. Its normalised entry fields are lossy, so we keep
 * the raw fast-xml-parser nodes (via getExtra*Fields) and read them ourselves:
 * - normalised `id` falls back to a synthetic hash when there is no guid/id;
 * - normalised `title`/`id` are HTML-unescaped a second time (`&amp;amp;` -> `&`);
 * - normalised `link` drops #fragments and utm_* params and re-serialises the URL;
 * - normalised Atom `published` prefers `updated` over `published`.
 * Parser options: parseTagValue=false keeps "007"/"1.50" as strings (default
 * turns them into numbers 7/1.5); htmlEntities=true makes it decode numeric
 * character references (&#38;), which it otherwise leaves as-is; trimValues=false
 * keeps whitespace around CDATA sections like xml2js does (we trim the ends).
 */
const EXTRACTOR_OPTIONS: ParserOptions = {
  xmlParserOptions: { parseTagValue: false, htmlEntities: true, trimValues: false },
  descriptionMaxLen: 0,
  getExtraFeedFields: (feed) => ({ [RAW]: feed }),
  getExtraEntryFields: (entry) => ({ [RAW]: entry }),
};

type FxpNode = Record<string, unknown>;

/** Text content of a fast-xml-parser node ('' for undefined); throws on element content. */
function fxpText(node: unknown, what: string): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (typeof node === 'object' && !Array.isArray(node)) {
    const children = Object.keys(node).filter((key) => key !== '#text' && !key.startsWith('@_'));
    if (children.length === 0) return fxpText((node as FxpNode)['#text'] ?? '', what);
  }
  return unsupported('feed-extractor', what, node);
}

function fxpAlternateLink(links: unknown): string {
  const list = Array.isArray(links) ? links : links === undefined ? [] : [links];
  for (const link of list) {
    if (typeof link !== 'object' || link === null) continue;
    const rel = (link as FxpNode)['@_rel'];
    if (rel === undefined || rel === 'alternate') return fxpText((link as FxpNode)['@_href'], 'link href');
  }
  return '';
}

function rawOf(value: { [key: string]: unknown }): FxpNode {
  const raw = value[RAW];
  if (typeof raw !== 'object' || raw === null) throw new Error('feed-extractor: raw data missing');
  return raw as FxpNode;
}

/**
 * Parses a feed with @extractus/feed-extractor (`extractFromXml` for 'rss' and
 * 'atom', `extractFromJson` for 'json', where `source` is the JSON text) and
 * normalises it exactly like `parseWithRssParser`. Entries come from the
 * library; field values are read from its raw nodes (see EXTRACTOR_OPTIONS for
 * the quirks this avoids). JSON Feed: date = `date_published`, else
 * `date_modified`; link = `url`.
 * @throws when the library throws (malformed XML, unknown format; note it does
 * not recognise an Atom feed with zero entries), when `format` does not match the
 * document's root element, or a title/id is not plain text.
 */
export function parseWithFeedExtractor(source: string, format: FeedFormat): NormalizedFeed {
  if (format === 'json') return normalizeJsonFeed(extractFromJson(source, EXTRACTOR_OPTIONS));

  const actual = xmlFormatOf(source);
  if (actual !== format) {
    throw new Error(`parseWithFeedExtractor: asked for ${format} but the document root looks like ${actual ?? 'neither RSS nor Atom'}`);
  }
  const data = extractFromXml(source, EXTRACTOR_OPTIONS);
  const items = (data.entries ?? []).map((entry): NormalizedItem => {
    const raw = rawOf(entry);
    if (format === 'atom') {
      const published = fxpText(raw['published'], 'published');
      return {
        title: fxpText(raw['title'], 'title'),
        link: fxpAlternateLink(raw['link']),
        id: fxpText(raw['id'], 'id'),
        date: toIsoDate(published !== '' ? published : fxpText(raw['updated'], 'updated')),
      };
    }
    return {
      title: fxpText(raw['title'], 'title'),
      link: fxpText(raw['link'], 'link'),
      id: fxpText(raw['guid'], 'guid'),
      date: toIsoDate(fxpText(raw['pubDate'], 'pubDate')),
    };
  });
  const result: NormalizedFeed = { items };
  const title = fxpText(rawOf(data)['title'], 'feed title');
  if (title !== '') result.title = title;
  return result;
}

function jsonString(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return '';
}

function normalizeJsonFeed(data: FeedData): NormalizedFeed {
  const items = (data.entries ?? []).map((entry): NormalizedItem => {
    const raw = rawOf(entry);
    const published = jsonString(raw['date_published']);
    return {
      title: jsonString(raw['title']),
      link: jsonString(raw['url']),
      id: jsonString(raw['id']),
      date: toIsoDate(published !== '' ? published : jsonString(raw['date_modified'])),
    };
  });
  const result: NormalizedFeed = { items };
  const title = jsonString(rawOf(data)['title']);
  if (title !== '') result.title = title;
  return result;
}
