/**
 * Deterministic generator of seed files (YAML front matter + optional Markdown body), shaped
 * like `seeds/000_*.txt`. Used by the benchmark (`realistic`) and by validity tests (`varied`).
 *
 * Everything is derived from one integer seed through a tiny PRNG, never `Math.random` or the
 * clock, so a failing test or a benchmark run can be reproduced exactly.
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** What to generate. */
export interface CorpusOptions {
  /** Number of seed files (a non-negative integer). */
  count: number
  /** PRNG seed; the same seed always yields the same corpus. Default 1. */
  seed?: number
  /**
   * `realistic` (default): shaped like production data, for the benchmark.
   * `varied`: the same plus Unicode, markup characters, mojibake titles, odd-but-valid YAML
   * styles and richer Markdown, for validity tests. Always VALID input, never hostile.
   */
  variety?: 'realistic' | 'varied'
  /**
   * `folders` (default): up to 100 subfolders of ~100 files, named `07/00042_slug.md`.
   * `flat`: every file in one folder under a hashed name, `000_ea3e9e76e24cb92c.txt`, as the
   * publishing pipeline writes them (issue 11): the layout a watcher and a loader must be fast on.
   * The articles themselves are the same for both layouts.
   */
  layout?: CorpusLayout
}

export type CorpusLayout = 'folders' | 'flat'

/** One generated seed file and what a correct loader must make of it. */
export interface SeedFile {
  /** Relative posix path, e.g. `07/00042_meta-unveils.md`. */
  path: string
  /** Full file contents. */
  text: string
  /** The article's expected id: its `webUrl`, exactly as written. */
  id: string
  /** The expected title after repair: the intended clean text (never the mojibake form). */
  title: string
  /** Topic names as written, in order; 1–4, distinct. */
  topics: string[]
  /** Publication instant in epoch milliseconds. */
  publishedMs: number
  /** `published:` flag (only `true` articles reach the feeds). Always set by `generateCorpus`. */
  published?: boolean
  /** The `secured` blob, which must never appear in any output. Always set by `generateCorpus`. */
  secured?: string
  /** True when the title was written as UTF-8-read-as-Windows-1252 mojibake. Always set by `generateCorpus`. */
  mojibake?: boolean
}

type Variety = 'realistic' | 'varied'

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------

/** Words are viewed as bytes directly; swapping on big-endian hosts keeps the output identical. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

// One scratch area seen both as words (to fill) and as bytes (to encode): allocating a buffer
// per blob showed up in profiles.
let scratchWords = new Uint32Array(64)
let scratchBytes = Buffer.from(scratchWords.buffer)

function growScratch(words: number): void {
  scratchWords = new Uint32Array(words)
  scratchBytes = Buffer.from(scratchWords.buffer)
}

function byteSwap(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0
}

/** mulberry32: tiny, fast and good enough for test data; state is a single 32-bit integer. */
class Rng {
  private state: number

  constructor(seed: number) {
    // Scramble the seed so that neighbouring seeds (1, 2, …) start far apart.
    this.state = Math.imul((seed | 0) ^ 0x5bd1e995, 0x9e3779b1) >>> 0
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** `n` random bytes as base64, four bytes per PRNG step, through a reused scratch buffer. */
  base64(n: number): string {
    const words = Math.ceil(n / 4)
    if (words > scratchWords.length) growScratch(words)
    for (let i = 0; i < words; i++) scratchWords[i] = LITTLE_ENDIAN ? this.u32() : byteSwap(this.u32())
    return scratchBytes.toString('base64', 0, n)
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

const COMPANIES = [
  'Meta', 'Nvidia', 'Apple', 'Google', 'Microsoft', 'Amazon', 'Intel', 'AMD', 'Samsung', 'Tesla',
  'OpenAI', 'Anthropic', 'IBM', 'Oracle', 'Netflix', 'Spotify', 'Uber', 'Airbnb', 'Sony', 'Qualcomm',
  'Arm', 'TSMC', 'Cisco', 'Salesforce', 'Adobe', 'Dell', 'HP', 'Lenovo', 'Xiaomi', 'Huawei',
  'Shopify', 'Stripe', 'Cloudflare', 'Broadcom', 'Micron', 'SpaceX', 'Boeing', 'Pfizer', 'Moderna', 'Siemens',
]
const VERBS = [
  'unveils', 'launches', 'acquires', 'delays', 'expands', 'cuts', 'debuts', 'tests', 'builds', 'reveals',
  'announces', 'open-sources', 'doubles', 'pauses', 'rethinks', 'sues', 'invests in', 'partners on', 'teases', 'ships',
]
const ADJECTIVES = [
  'new', 'advanced', 'generative', 'massive', 'quiet', 'faster', 'cheaper', 'open', 'secure', 'experimental',
  'next-generation', 'custom', 'global', 'regional', 'modular', 'autonomous', 'private', 'public', 'hybrid', 'low-power',
  'record', 'unexpected', 'long-awaited', 'controversial', 'ambitious', 'small', 'enormous', 'efficient', 'quantum', 'digital',
]
const NOUNS = [
  'GPU clusters', 'chips', 'models', 'data centers', 'smartphones', 'batteries', 'satellites', 'robots', 'browsers', 'servers',
  'subscriptions', 'earnings', 'layoffs', 'regulators', 'startups', 'investors', 'networks', 'headsets', 'laptops', 'vehicles',
  'privacy rules', 'cloud credits', 'supply chains', 'factories', 'patents', 'apps', 'developers', 'users', 'markets', 'tariffs',
  'training runs', 'benchmarks', 'APIs', 'updates', 'accelerators', 'wafers', 'datasets', 'agents', 'assistants', 'platforms',
]
const FILLERS = [
  'to', 'for', 'with', 'amid', 'after', 'as', 'in', 'across', 'despite', 'before', 'and', 'over', 'under', 'from',
]
const SENTENCE_WORDS = [
  'the', 'company', 'said', 'on', 'Tuesday', 'that', 'its', 'latest', 'effort', 'would', 'help', 'customers', 'reduce',
  'costs', 'while', 'improving', 'performance', 'analysts', 'expect', 'revenue', 'to', 'grow', 'next', 'year', 'as',
  'demand', 'for', 'computing', 'power', 'continues', 'rising', 'according', 'people', 'familiar', 'with', 'plans',
  'new', 'system', 'uses', 'thousands', 'of', 'processors', 'and', 'a', 'redesigned', 'network', 'which', 'engineers',
  'described', 'as', 'significant', 'step', 'forward', 'in', 'training', 'larger', 'models', 'more', 'efficiently',
  'rivals', 'have', 'announced', 'similar', 'projects', 'but', 'few', 'details', 'were', 'shared', 'about', 'pricing',
]

/** Standalone topic names; the rest of the 200 are area × facet combinations. */
const BASE_TOPICS = [
  'AI', 'Meta AI', 'Generative AI', 'Machine Learning', 'Semiconductors', 'Cloud Computing', 'Cybersecurity',
  'Smartphones', 'Electric Vehicles', 'Space Exploration', 'Climate Change', 'Renewable Energy', 'Biotechnology',
  'Quantum Computing', 'Robotics', 'Virtual Reality', 'Augmented Reality', 'Open Source', 'Startups', 'Venture Capital',
  'Antitrust', 'Privacy', 'Social Media', 'Streaming', 'Video Games', 'E-commerce', 'Fintech', 'Cryptocurrency',
  'Supply Chain', 'Data Centers', 'Telecommunications', 'Wearables', 'Drones', 'Autonomous Driving', 'Healthcare',
  'Education Technology', 'Developer Tools', 'Programming Languages', 'Databases', 'Networking',
]
const TOPIC_AREAS = [
  'AI', 'Cloud', 'Chip', 'Mobile', 'Web', 'Battery', 'Satellite', 'Robot', 'Browser', 'Server',
  'Gaming', 'Health', 'Energy', 'Retail', 'Auto', 'Media', 'Payments', 'Security', 'Data', 'Climate',
]
const TOPIC_FACETS = ['Hardware', 'Policy', 'Startups', 'Research', 'Funding', 'Regulation', 'Talent', 'Markets']

/**
 * Topic names only the `varied` corpus uses: accents, CJK, RTL, emoji and markup characters.
 * Each folds (lowercase, accents removed) to something distinct from every other topic, so a
 * slugger cannot legitimately merge two of them.
 */
const VARIED_TOPICS = [
  'Économie', '中国', '日本', '한국', 'Россия', 'Ελλάδα', 'الذكاء الاصطناعي', 'בינה מלאכותית', 'Café Culture',
  'R&D', 'M&A', 'Q&A', 'AT&T', "Tom's Picks", '"Smart" Homes', '<Web> Components', 'Ciência', 'Zürich Tech',
  'São Paulo', 'Kraków', 'Québec', 'Dvořák Fans', 'Fußball', 'İstanbul', 'Pokémon', 'Crème Brûlée', 'Node.js',
  'C# & .NET', 'Wi-Fi 7', '5G', 'A/B Testing', 'Launches 🚀', 'Niño Effect', 'Straße & Verkehr', '1 < 2 > 0',
]

const PROVIDERS: ReadonlyArray<readonly [string, string]> = [
  ['SiliconANGLE', 'siliconangle.com'], ['Datacenter Dynamics', 'datacenterdynamics.com'], ['The Verge', 'theverge.com'],
  ['TechCrunch', 'techcrunch.com'], ['Ars Technica', 'arstechnica.com'], ['Wired', 'wired.com'], ['Reuters', 'reuters.com'],
  ['Bloomberg', 'bloomberg.com'], ['The Register', 'theregister.com'], ['ZDNet', 'zdnet.com'], ['Engadget', 'engadget.com'],
  ['CNBC', 'cnbc.com'], ['VentureBeat', 'venturebeat.com'], ['Axios', 'axios.com'], ['Protocol', 'protocol.com'],
  ['The Information', 'theinformation.com'], ['Fierce Electronics', 'fierceelectronics.com'], ['EE Times', 'eetimes.com'],
  ['AnandTech', 'anandtech.com'], ['Tom Hardware', 'tomshardware.com'], ['9to5Mac', '9to5mac.com'], ['MacRumors', 'macrumors.com'],
  ['Android Police', 'androidpolice.com'], ['Gizmodo', 'gizmodo.com'], ['Mashable', 'mashable.com'], ['CNET', 'cnet.com'],
  ['Fortune', 'fortune.com'], ['Forbes', 'forbes.com'], ['Business Insider', 'businessinsider.com'], ['Fast Company', 'fastcompany.com'],
  ['MIT Technology Review', 'technologyreview.com'], ['IEEE Spectrum', 'spectrum.ieee.org'], ['Nature', 'nature.com'],
  ['Science', 'science.org'], ['New Scientist', 'newscientist.com'], ['The Guardian', 'theguardian.com'], ['BBC News', 'bbc.co.uk'],
  ['Financial Times', 'ft.com'], ['Wall Street Journal', 'wsj.com'], ['New York Times', 'nytimes.com'],
  ['Washington Post', 'washingtonpost.com'], ['Quartz', 'qz.com'], ['Semafor', 'semafor.com'], ['Rest of World', 'restofworld.org'],
  ['InfoQ', 'infoq.com'], ['The New Stack', 'thenewstack.io'], ['Hacker Noon', 'hackernoon.com'], ['Slashdot', 'slashdot.org'],
  ['Electrek', 'electrek.co'], ['Space.com', 'space.com'],
]
const VARIED_PROVIDERS: ReadonlyArray<readonly [string, string]> = [
  ['Les Échos', 'lesechos.fr'], ['AT&T Newsroom', 'about.att.com'], ["Tom's Guide", 'tomsguide.com'],
  ['The "Daily" Byte', 'dailybyte.example'], ['<Angle> Media', 'anglemedia.example'], ['新华网', 'xinhuanet.com'],
  ['الجزيرة', 'aljazeera.net'], ['הארץ', 'haaretz.co.il'], ['Süddeutsche Zeitung', 'sueddeutsche.de'], ['El País', 'elpais.com'],
  ['Nikkei 日経', 'nikkei.com'], ['Emoji Daily 📰', 'emojidaily.example'],
]

/** Fragments that make `varied` titles and excerpts exercise escaping and Unicode handling. */
const VARIED_FRAGMENTS = [
  // markup characters, which every output format must escape
  'AT&T', 'Q&A', 'R&D', 'x < y', 'a > b', '5 > 3 & 2 < 4', '"quoted"', "it's", "'single'", 'Tom & Jerry',
  'the <blink> tag', '<3', 'A/B & C/D',
  // accents (all NFC so that the expected text is unambiguous)
  'café', 'naïve', 'Zürich', 'São Paulo', 'Ångström', 'résumé', 'Kraków', 'Málaga', 'Brontë', 'Øresund',
  'Dvořák', 'Łódź', 'İstanbul', 'Straße',
  // CJK and Hangul
  '人工智能', '中国', '東京', '半導体', '서울', '한국어', '日本語のニュース',
  // right-to-left scripts
  'الذكاء الاصطناعي', 'مرحبا بالعالم', 'בינה מלאכותית', 'שלום עולם',
  // emoji, including ZWJ sequences, skin tones, flags and variation selectors
  '🚀', '🔥', '👩‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '🇯🇵', '❤️',
]

/**
 * Words for mojibake titles. Each encodes to UTF-8 bytes that Windows-1252 maps to visible
 * characters (no undefined 0x81/0x8D/0x8F/0x90/0x9D, and no NBSP 0xA0 or soft hyphen 0xAD that a
 * text cleaner could legitimately drop), so the damage is exactly reversible.
 */
const MOJIBAKE_WORDS = ['it’s', 'café', '—', 'naïve', '‘smart’', 'Zürich', 'résumé', '…', 'El Niño', 'façade', 'what’s', 'über']

const CATEGORIES = ['news', 'news', 'news', 'business', 'technology', 'science', 'opinion']
const TYPES = ['article', 'article', 'article', 'article', 'video', 'blog']
const IMAGE_EXTS = ['jpg', 'jpg', 'png', 'webp']

// ---------------------------------------------------------------------------------------------
// Windows-1252 mojibake
// ---------------------------------------------------------------------------------------------

/**
 * Windows-1252 bytes 0x80–0x9F (the only range where it differs from Latin-1); 0 = undefined.
 * Hard-coded because Node 20's `TextDecoder('windows-1252')` decodes that range as Latin-1.
 */
const CP1252_80_9F = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
]

/**
 * `text`'s UTF-8 bytes read as Windows-1252 (`it’s` → `itâ€™s`), or undefined when a byte has no
 * visible Windows-1252 character and the damage would not be cleanly reversible.
 */
export function toMojibake(text: string): string | undefined {
  let out = ''
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === 0xa0 || byte === 0xad) return undefined
    const cp = byte >= 0x80 && byte <= 0x9f ? (CP1252_80_9F[byte - 0x80] ?? 0) : byte
    if (cp === 0) return undefined
    out += String.fromCharCode(cp)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// YAML scalar emitter
// ---------------------------------------------------------------------------------------------

/** Characters a double-quoted YAML scalar must escape, plus lone surrogates (unencodable). */
const NEEDS_ESCAPE =
  /[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Cheap pre-check for NEEDS_ESCAPE (surrogates are included wholesale, pairs being fine). */
const MAY_NEED_ESCAPE = /[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/

/** Characters a single-quoted scalar cannot hold verbatim (no escapes exist there). */
const NOT_SINGLE_QUOTABLE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/

function escapeChar(ch: string): string {
  switch (ch) {
    case '\\': return '\\\\'
    case '"': return '\\"'
    case '\n': return '\\n'
    case '\t': return '\\t'
    case '\r': return '\\r'
  }
  const code = ch.charCodeAt(0)
  if (code >= 0xd800 && code <= 0xdfff) throw new Error('lone surrogate cannot be written as UTF-8')
  // \xXX and \uXXXX are understood by every YAML 1.1/1.2 parser, unlike \e, \N, \L, \P.
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * `text` as a YAML double-quoted scalar that every YAML parser reads back exactly: `\`, `"` and
 * all non-printable or line-breaking characters (C0, DEL, C1, U+2028/2029, BOM, U+FFFE/FFFF)
 * are escaped, so the scalar is always a single line. Throws on lone surrogates.
 */
export function yamlQuote(text: string): string {
  // Most strings need no escape; a plain character-class test is far cheaper than the replace.
  if (!MAY_NEED_ESCAPE.test(text)) return `"${text}"`
  return `"${text.replace(NEEDS_ESCAPE, escapeChar)}"`
}

function yamlSingleQuote(text: string): string | undefined {
  return NOT_SINGLE_QUOTABLE.test(text) ? undefined : `'${text.replaceAll("'", "''")}'`
}

/** YAML 1.1 words that would be read as booleans or null if left unquoted. */
const RESERVED_PLAIN = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i
const PLAIN_NAME = /^\p{L}[\p{L}\p{M}\p{N} .&'-]*[\p{L}\p{M}\p{N}.]$|^\p{L}$/u
/** A URL can stay plain in block context: no spaces, no `#`, no flow or quote characters. */
const PLAIN_URL = /^https:\/\/[^\s#,[\]{}'"]+$/

/** Memo of isPlainName: names come from small pools and the Unicode regex is not cheap. */
const plainNames = new Map<string, boolean>()

function isPlainName(text: string): boolean {
  let plain = plainNames.get(text)
  if (plain === undefined) {
    plain = PLAIN_NAME.test(text) && !RESERVED_PLAIN.test(text) && !text.includes('  ')
    plainNames.set(text, plain)
  }
  return plain
}

type ScalarKind = 'text' | 'url' | 'name'

/** Names come from small pools, so their (rng-free) realistic rendering is memoized. */
const realisticNames = new Map<string, string>()

function realisticName(text: string): string {
  let out = realisticNames.get(text)
  if (out === undefined) realisticNames.set(text, (out = isPlainName(text) ? text : yamlQuote(text)))
  return out
}

/** Chooses a quoting style per scalar: fixed like the real seed for `realistic`, mixed for `varied`. */
class ScalarWriter {
  constructor(
    private readonly rng: Rng,
    private readonly varied: boolean,
  ) {}

  write(text: string, kind: ScalarKind): string {
    if (!this.varied) return kind === 'name' ? realisticName(text) : yamlQuote(text)
    const plainOk = kind === 'name' ? isPlainName(text) : kind === 'url' && PLAIN_URL.test(text)
    const r = this.rng.next()
    if (plainOk && r < (kind === 'name' ? 0.7 : 0.15)) return text
    if (r > 0.8) return yamlSingleQuote(text) ?? yamlQuote(text)
    return yamlQuote(text)
  }
}

// ---------------------------------------------------------------------------------------------
// Article model
// ---------------------------------------------------------------------------------------------

interface Provider {
  name: string
  domain: string
}

interface ImageSpec {
  url: string
  width: number
  height: number
  isCached: boolean
}

interface RelatedSpec {
  title: string
  excerpt: string
  timestamp: string
  webUrl: string
  type: string
  provider: Provider
  quality: number
  images: ImageSpec[]
}

/** Everything needed to write one seed file. */
interface ArticleSpec {
  category: string
  title: string
  writtenTitle: string
  /** ASCII slug of the title, for file names and URLs. */
  slug: string
  excerpt: string
  publishedMs: number
  timestamp: string
  timestampQuoted: boolean
  originalUrl: string
  webUrl: string
  type: string
  quality: number
  heat: number
  published: boolean
  provider: Provider
  topics: string[]
  images: ImageSpec[]
  related: RelatedSpec[]
  secured: string
  body: string | undefined
}

/** Shared state for one corpus: pools, popularity table, recent timestamps for ties. */
interface Context {
  rng: Rng
  varied: boolean
  topics: string[]
  /** Cumulative Zipf weights over `topics`, for skewed popularity. */
  topicCdf: Float64Array
  providers: Provider[]
  /** Recently used instants, reused now and then so that exact ties occur. */
  recentMs: number[]
  sentences: SentencePool
  /** Random base64 text that `secured` blobs are windows of. */
  securedPool: string
}

const START_MS = Date.UTC(2020, 0, 1)
const SPAN_MINUTES = 5 * 365 * 24 * 60

// ---------------------------------------------------------------------------------------------
// Pools
// ---------------------------------------------------------------------------------------------

/** Exactly 200 topic names; `varied` swaps some for Unicode/markup ones at random ranks. */
function buildTopics(rng: Rng, varied: boolean): string[] {
  const names = [...BASE_TOPICS]
  for (const area of TOPIC_AREAS) for (const facet of TOPIC_FACETS) names.push(`${area} ${facet}`)
  shuffle(rng, names)
  if (varied) {
    // Spread the special topics over the popularity ranks, including the most popular ones.
    VARIED_TOPICS.forEach((name, i) => {
      names[i * 5] = name
    })
  }
  return names
}

function zipfCdf(n: number, exponent: number): Float64Array {
  const cdf = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, exponent)
  for (let i = 0; i < n; i++) cdf[i] = (cdf[i] ?? 0) / sum
  return cdf
}

function buildProviders(varied: boolean): Provider[] {
  const list = PROVIDERS.map(([name, domain]) => ({ name, domain }))
  if (varied) VARIED_PROVIDERS.forEach(([name, domain], i) => (list[i * 4] = { name, domain }))
  return list
}

function shuffle<T>(rng: Rng, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    const a = items[i] as T
    items[i] = items[j] as T
    items[j] = a
  }
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const ONE_WORD_NOUNS = NOUNS.filter((n) => !n.includes(' '))
// Split once: splitting on every pick was a measurable share of generation time.
const VERB_WORDS = VERBS.map((v) => v.split(' '))
const NOUN_WORDS = NOUNS.map((n) => n.split(' '))
const FILLER_SET = new Set(FILLERS)

/** 6–14 words shaped like a headline: company, verb, then adjective/noun phrases joined by fillers. */
function plainTitle(rng: Rng): string[] {
  const target = rng.int(6, 14)
  const words = [rng.pick(COMPANIES), ...rng.pick(VERB_WORDS)]
  while (words.length < target) {
    if (rng.chance(0.5)) words.push(rng.pick(ADJECTIVES))
    words.push(...rng.pick(NOUN_WORDS))
    words.push(rng.pick(FILLERS))
  }
  words.length = target
  // Never end on a dangling preposition.
  if (FILLER_SET.has(words[target - 1] ?? '')) words[target - 1] = rng.pick(ONE_WORD_NOUNS)
  // Real headlines carry typographic punctuation now and then (the clean form of mojibake).
  if (rng.chance(0.05)) {
    const at = rng.int(2, words.length - 1)
    if (rng.chance(0.5)) words.splice(at, 0, '—')
    else words[at] = 'it’s'
  }
  return words
}

function insertAt<T>(rng: Rng, items: T[], item: T): void {
  items.splice(rng.int(0, items.length), 0, item)
}

/** A title as intended (`title`), as written in the seed (`written`) and its ASCII slug. */
interface Title {
  title: string
  written: string
  slug: string
}

/** A clean title in most cases; special characters or mojibake on a good share of `varied` ones. */
function makeTitle(ctx: Context): Title {
  const { rng } = ctx
  const words = plainTitle(rng)
  const r = ctx.varied ? rng.next() : 1
  if (r < 0.15) {
    insertAt(rng, words, rng.pick(MOJIBAKE_WORDS))
    const title = words.join(' ')
    const written = toMojibake(title)
    if (written === undefined) throw new Error(`mojibake word list is not Windows-1252-safe: ${title}`)
    return { title, written, slug: slugOfWords(words) }
  }
  if (r < 0.55) {
    const n = rng.int(1, 3)
    for (let i = 0; i < n; i++) insertAt(rng, words, rng.pick(VARIED_FRAGMENTS))
    const title = capitalize(words.join(' '))
    return { title, written: title, slug: slugOfWords(words) }
  }
  const title = words.join(' ')
  return { title, written: title, slug: slugOfWords(words) }
}

/** Word → slug piece, memoized: titles reuse a small vocabulary and slugging is the hot path. */
const wordSlugs = new Map<string, string>()

function slugOfWords(words: readonly string[]): string {
  let slug = ''
  for (const word of words) {
    let piece = wordSlugs.get(word)
    if (piece === undefined) wordSlugs.set(word, (piece = slugify(word)))
    if (piece === '') continue
    if (slug.length + piece.length + 1 > 60 && slug !== '') break
    slug = slug === '' ? piece : `${slug}-${piece}`
  }
  return slug === '' ? 'article' : slug
}

/** ASCII slug: accents folded, everything else collapsed to `-`, at most 60 characters; may be empty. */
function slugify(text: string): string {
  const ascii = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text
  const slug = ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  const cut = slug.length > 60 ? slug.slice(0, Math.max(slug.lastIndexOf('-', 60), 1)) : slug
  return cut
}

/** Percent-escaped Unicode slug (`caf%C3%A9-…`): a valid URL path that is not ASCII underneath. */
function unicodeSlug(title: string): string | undefined {
  const words = title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 6)
  return words.length > 0 ? words.map(encodeURIComponent).join('-') : undefined
}

function sentence(rng: Rng, varied: boolean): string {
  const words: string[] = []
  const n = rng.int(10, 22)
  for (let i = 0; i < n; i++) words.push(rng.pick(SENTENCE_WORDS))
  if (rng.chance(0.2)) words.splice(rng.int(1, words.length), 0, `${rng.int(2, 99)},${rng.int(100, 999)}`)
  if (varied && rng.chance(0.5)) words.splice(rng.int(0, words.length), 0, rng.pick(VARIED_FRAGMENTS))
  return `${capitalize(words.join(' '))}.`
}

/**
 * Sentences are drawn from a per-corpus pool rather than built each time: building them was
 * most of the generation time, and 2–4 picks out of thousands still make every excerpt distinct.
 */
const SENTENCE_POOL = 4096

interface SentencePool {
  plain: string[]
  /** Same sentences with their first two words in `*emphasis*`. */
  emphasized: string[]
  /** Same sentences with their last word in `**strong**`. */
  strong: string[]
}

function buildSentences(rng: Rng, varied: boolean): SentencePool {
  const plain = Array.from({ length: SENTENCE_POOL }, () => sentence(rng, varied))
  return {
    plain,
    emphasized: plain.map((s) => s.replace(/^(\S+ \S+)/, '*$1*')),
    strong: plain.map((s) => s.replace(/(\S+)\.$/, '**$1**.')),
  }
}

/** A few hundred characters; `varied` ones may hold newlines, tabs and U+2028 (escaped in YAML). */
function makeExcerpt(ctx: Context): string {
  const { rng } = ctx
  const pool = ctx.sentences.plain
  let text = rng.pick(pool)
  const separator = ctx.varied ? rng.pick([' ', ' ', ' ', '\n', '\n\n', '\t', '\u2028', ' \u00a0']) : ' '
  for (let n = rng.int(2, 4); n > 1; n--) text += separator + rng.pick(pool)
  return text
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** An instant over ~5 years at whole minutes; ~4% reuse a recent instant to create exact ties. */
function pickInstant(ctx: Context): number {
  const recent = ctx.recentMs
  if (recent.length > 0 && ctx.rng.chance(0.04)) return ctx.rng.pick(recent)
  const ms = START_MS + ctx.rng.int(0, SPAN_MINUTES) * 60_000
  if (recent.length < 64) recent.push(ms)
  else recent[ctx.rng.int(0, 63)] = ms
  return ms
}

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))

/** Two-digit zero-padded number (0–99), from a table since it runs several times per article. */
function pad2(n: number): string {
  return PAD2[n] ?? String(n).padStart(2, '0')
}

const DAY_MS = 86_400_000
/** `YYYY-MM-DDT` by day number: formatting through Date for every timestamp was a hot spot. */
const dayPrefixes = new Map<number, string>()

/** `2024-03-13T00:59:00Z` (no milliseconds, like the real seed). */
function isoZ(ms: number): string {
  const day = Math.floor(ms / DAY_MS)
  let prefix = dayPrefixes.get(day)
  if (prefix === undefined) dayPrefixes.set(day, (prefix = new Date(day * DAY_MS).toISOString().slice(0, 11)))
  const seconds = Math.floor((ms - day * DAY_MS) / 1000)
  return `${prefix}${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}Z`
}

/** Same instant written with a numeric offset (`…T02:59:00+02:00`): equally valid ISO 8601. */
function isoWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${local}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
}

/** The article's instant (maybe with milliseconds in `varied`) and how it is spelled. */
function makeTimestamp(ctx: Context): { ms: number; text: string; quoted: boolean } {
  let ms = pickInstant(ctx)
  const quoted = ctx.rng.chance(ctx.varied ? 0.3 : 0.1)
  if (!ctx.varied) return { ms, text: isoZ(ms), quoted }
  const r = ctx.rng.next()
  if (r < 0.15) return { ms, text: isoWithOffset(ms, ctx.rng.pick([120, -300, 330, 540, -210, 0])), quoted }
  if (r < 0.25) {
    ms += ctx.rng.int(1, 999)
    return { ms, text: new Date(ms).toISOString(), quoted }
  }
  return { ms, text: isoZ(ms), quoted }
}

// ---------------------------------------------------------------------------------------------
// URLs and images
// ---------------------------------------------------------------------------------------------

function makeWebUrl(ctx: Context, ms: number, slug: string, index: number): string {
  const d = new Date(ms)
  const base = `https://news.example/${d.getUTCFullYear()}/${pad2(d.getUTCMonth() + 1)}/${slug}-${index}`
  if (!ctx.varied || !ctx.rng.chance(0.2)) return base
  // Query strings with `&` and percent-escapes must survive every output format verbatim.
  return `${base}?utm_source=feed&utm_medium=rss&ref=${encodeURIComponent(ctx.rng.pick(['a b&c', 'naïve', '中国', 'x=1']))}`
}

function makeImage(ctx: Context): ImageSpec {
  const { rng } = ctx
  const [width, height] = rng.pick([[1200, 630], [3000, 2000], [800, 600], [1920, 1080], [640, 640], [1024, 768]] as const)
  const id = rng.u32().toString(16).padStart(8, '0')
  let url = `https://img.example/${id.slice(0, 2)}/${id}.${rng.pick(IMAGE_EXTS)}`
  if (ctx.varied && rng.chance(0.25)) url += `?w=${width}&h=${height}&fit=crop&label=${encodeURIComponent('é & ü')}`
  return { url, width, height, isCached: rng.chance(0.7) }
}

function makeImages(ctx: Context, probability: number, max: number): ImageSpec[] {
  if (!ctx.rng.chance(probability)) return []
  const n = ctx.rng.int(1, max)
  return Array.from({ length: n }, () => makeImage(ctx))
}

function makeRelated(ctx: Context, articleMs: number): RelatedSpec[] {
  const { rng } = ctx
  if (!rng.chance(0.7)) return []
  return Array.from({ length: rng.int(1, 3) }, () => {
    const provider = rng.pick(ctx.providers)
    const { title, slug } = makeTitle(ctx)
    return {
      title,
      excerpt: makeExcerpt(ctx),
      timestamp: isoZ(articleMs - rng.int(0, 3 * 24 * 60) * 60_000),
      webUrl: `https://www.${provider.domain}/en/news/${slug}/?ref=biztoc.com`,
      type: 'article',
      provider,
      quality: rng.int(0, 100),
      images: makeImages(ctx, 0.5, 1),
    }
  })
}

function pickTopics(ctx: Context): string[] {
  const n = ctx.rng.int(1, 4)
  const chosen: string[] = []
  while (chosen.length < n) {
    const topic = ctx.topics[lowerBound(ctx.topicCdf, ctx.rng.next())]
    if (topic !== undefined && !chosen.includes(topic)) chosen.push(topic)
  }
  return chosen
}

function lowerBound(cdf: Float64Array, x: number): number {
  let lo = 0
  let hi = cdf.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((cdf[mid] ?? 1) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

// ---------------------------------------------------------------------------------------------
// Markdown body
// ---------------------------------------------------------------------------------------------

/** Three sentences, the first opening with emphasis and the second closing with strong text. */
function paragraph(ctx: Context): string {
  const { rng, sentences } = ctx
  return `${rng.pick(sentences.emphasized)} ${rng.pick(sentences.strong)} ${rng.pick(sentences.plain)}`
}

/** A few paragraphs with a heading, links (relative and absolute), a list, emphasis and an image. */
function makeBody(ctx: Context, title: string): string {
  const { rng, varied } = ctx
  const blocks = [
    paragraph(ctx),
    `## ${capitalize(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)}`,
    `${paragraph(ctx)} See [the earlier report](/2023/0${rng.int(1, 9)}/background-${rng.int(1, 999)}), ` +
      `[the topic page](../topics/ai) and [the announcement](https://${rng.pick(ctx.providers).domain}/press/${rng.int(1, 9999)}).`,
    Array.from({ length: rng.int(3, 5) }, () => `- ${capitalize(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)}`).join('\n'),
    `![${title.replace(/[[\]]/g, '')}](https://img.example/body/${rng.u32().toString(16)}.${rng.pick(IMAGE_EXTS)})`,
  ]
  if (varied) blocks.push(...variedBlocks(ctx))
  if (rng.chance(0.5)) blocks.push(paragraph(ctx))
  return `${blocks.join('\n\n')}\n`
}

/** Inline HTML, tables, code, quotes, relative images and Unicode: valid Markdown a renderer must handle. */
function variedBlocks(ctx: Context): string[] {
  const order = [...VARIED_BLOCKS]
  shuffle(ctx.rng, order)
  return order.slice(0, ctx.rng.int(2, 4)).map((block) => block(ctx))
}

/** Builders of the extra Markdown blocks of `varied` bodies (only the chosen ones run). */
const VARIED_BLOCKS: ReadonlyArray<(ctx: Context) => string> = [
  ({ rng }) => `Some <em>inline HTML</em> and <strong>strong</strong> text with ${rng.pick(VARIED_FRAGMENTS)}.`,
  () => '<table>\n<tr><th>Model</th><th>GPUs</th></tr>\n<tr><td>Llama 3</td><td>24,576 &amp; more</td></tr>\n</table>',
  () => '```ts\nconst html = "<script>alert(\'x\')</script>" && a < b\nconsole.log(`${html}`)\n```',
  ({ rng, sentences }) => `> ${rng.pick(sentences.plain)}\n>\n> — ${rng.pick(['Zoë Müller', '李小龙', 'محمد', 'דוד'])}`,
  ({ rng }) =>
    `![diagram](images/diagram-${rng.int(1, 50)}.png "A <b>diagram</b>") and [search](https://search.example/?q=a%20b&lang=fr#top)`,
  ({ rng }) =>
    `### ${rng.pick(VARIED_FRAGMENTS)} ${rng.pick(VARIED_FRAGMENTS)}\n\n1. ${rng.pick(VARIED_FRAGMENTS)}\n2. *${rng.pick(VARIED_FRAGMENTS)}*`,
  () => '    indented code with <tags> & ampersands',
]

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

/** Size of the per-corpus random base64 text that `secured` blobs are cut from. */
const SECURED_POOL_BYTES = 48 * 1024

/**
 * `payload;iv` like the real seed: a random window of the corpus's base64 pool plus a padded
 * tail, then a fresh 16-byte IV. Copying a window is much cheaper than fresh random bytes, and
 * an opaque blob needs no more entropy than that.
 */
function makeSecured(ctx: Context): string {
  const { rng, securedPool } = ctx
  const length = 4 * rng.int(80, 140)
  const start = 4 * rng.int(0, (securedPool.length - length) / 4)
  const tail = rng.base64(rng.int(1, 2))
  return `${securedPool.slice(start, start + length)}${tail};${rng.base64(16)}`
}

function makeArticle(ctx: Context, index: number): ArticleSpec {
  const { rng } = ctx
  const { title, written, slug } = makeTitle(ctx)
  const stamp = makeTimestamp(ctx)
  const urlSlug = ctx.varied && rng.chance(0.3) ? (unicodeSlug(title) ?? slug) : slug
  const webUrl = makeWebUrl(ctx, stamp.ms, urlSlug, index)
  const provider = rng.pick(ctx.providers)
  return {
    category: rng.pick(CATEGORIES),
    title,
    writtenTitle: written,
    slug,
    excerpt: makeExcerpt(ctx),
    publishedMs: stamp.ms,
    timestamp: stamp.text,
    timestampQuoted: stamp.quoted,
    originalUrl: rng.chance(0.7) ? webUrl : `https://${provider.domain}/${index}/${rng.u32().toString(36)}`,
    webUrl,
    type: rng.pick(TYPES),
    quality: rng.int(0, 100),
    heat: rng.chance(0.5) ? -1 : rng.int(0, 100),
    published: rng.chance(0.8),
    provider,
    topics: pickTopics(ctx),
    images: makeImages(ctx, 0.85, 3),
    related: makeRelated(ctx, stamp.ms),
    secured: makeSecured(ctx),
    body: rng.chance(ctx.varied ? 0.5 : 0.3) ? makeBody(ctx, title) : undefined,
  }
}

// Rendering builds a few large template strings rather than arrays of lines: with ~100 lines a
// file, the arrays and joins were a large share of generation time and garbage.

function imageBlock(w: ScalarWriter, images: ImageSpec[], indent: string): string {
  let out = ''
  for (const image of images) {
    out += `${indent}- url: ${w.write(image.url, 'url')}
${indent}  width: ${image.width}
${indent}  height: ${image.height}
${indent}  isCached: ${image.isCached}
`
  }
  return out
}

function relatedBlock(w: ScalarWriter, related: RelatedSpec[]): string {
  let out = ''
  for (const r of related) {
    out += `  - title: ${w.write(r.title, 'text')}
    excerpt: ${w.write(r.excerpt, 'text')}
    publishedDateTime: ${r.timestamp}
    webUrl: ${w.write(r.webUrl, 'url')}
    type: ${r.type}
    provider:
      name: ${w.write(r.provider.name, 'name')}
      domain: ${r.provider.domain}
    quality: ${r.quality}
${r.images.length > 0 ? `    images:\n${imageBlock(w, r.images, '      ')}` : ''}`
  }
  return out
}

/** Topics as a block list, or (sometimes, in `varied`) a flow list, which is equally valid YAML. */
function topicBlock(ctx: Context, w: ScalarWriter, topics: string[]): string {
  if (ctx.varied && ctx.rng.chance(0.2)) return `topics: [${topics.map((t) => w.write(t, 'name')).join(', ')}]\n`
  let out = 'topics:\n'
  for (const topic of topics) out += `  - ${w.write(topic, 'name')}\n`
  return out
}

/** A list after a blank line; an empty one is written as `[]` or left out, both meaning "none". */
function listBlock(ctx: Context, key: string, items: string): string {
  if (items !== '') return `\n${key}:\n${items}`
  return ctx.rng.chance(0.5) ? `\n${key}: []\n` : ''
}

/** Front matter in the real seed's field order, blank lines and quoting habits. */
function render(ctx: Context, a: ArticleSpec): string {
  const w = new ScalarWriter(ctx.rng, ctx.varied)
  const comment = ctx.varied && ctx.rng.chance(0.1) ? '# generated by bench/corpus.ts\n' : ''
  // Template parts are evaluated left to right, so the PRNG draws stay in a fixed order.
  const head = `---
${comment}category: ${a.category}
title: ${w.write(a.writtenTitle, 'text')}
excerpt: ${w.write(a.excerpt, 'text')}
publishedDateTime: ${a.timestampQuoted ? yamlQuote(a.timestamp) : a.timestamp}
originalUrl: ${w.write(a.originalUrl, 'url')}
webUrl: ${w.write(a.webUrl, 'url')}
type: ${a.type}
quality: ${a.quality}
heat: ${a.heat}
published: ${a.published}

provider:
  name: ${w.write(a.provider.name, 'name')}
  domain: ${a.provider.domain}

${topicBlock(ctx, w, a.topics)}`
  const images = listBlock(ctx, 'images', imageBlock(w, a.images, '  '))
  const related = listBlock(ctx, 'related', relatedBlock(w, a.related))
  // Base64 never needs escaping: skip the scan over the longest scalar of the file.
  const text = `${head}${images}${related}
secured: "${a.secured}"
---
${a.body === undefined ? '' : `\n${a.body}`}`
  // CRLF files are valid too (edited on Windows); a loader must not care.
  return flatten(ctx.varied && ctx.rng.chance(0.05) ? text.replaceAll('\n', '\r\n') : text)
}

/**
 * Template concatenation leaves a rope of ~150 pieces per file; kept as is, 100k of them cost
 * about twice the memory and most of the generation time in GC. Reading a character makes V8
 * flatten the rope into one string in place.
 */
function flatten(text: string): string {
  text.charCodeAt(text.length - 1)
  return text
}

/** Spread files over up to 100 folders (≈100 files each) so large corpora look like real trees. */
function filePath(ctx: Context, a: ArticleSpec, index: number, count: number): string {
  const digits = Math.max(5, String(count - 1).length)
  const slug = a.slug.slice(0, 24).replace(/-+$/, '')
  const ext = a.body !== undefined ? (ctx.rng.chance(0.8) ? 'md' : 'txt') : ctx.rng.chance(0.6) ? 'txt' : 'md'
  const name = `${String(index).padStart(digits, '0')}_${slug}.${ext}`
  const folders = Math.min(100, Math.ceil(count / 100))
  if (folders <= 1) return name
  const folder = pad2(index % folders)
  return ctx.varied && ctx.rng.chance(0.05) ? `${folder}/archive/${name}` : `${folder}/${name}`
}

/** The pipeline's name for a seed: `000_` and 16 hex digits of a hash of its URL, in one folder. */
function flatName(webUrl: string): string {
  return `000_${createHash('sha1').update(webUrl).digest('hex').slice(0, 16)}.txt`
}

/**
 * Generates `count` seed files, deterministically from `seed`. Pure: no I/O, no clock, no
 * `Math.random`. 100k realistic articles (~290 MB of text) take a few seconds, mostly spent
 * allocating and keeping that text; `varied` costs about twice as much.
 */
export function generateCorpus(opts: CorpusOptions): SeedFile[] {
  const { count, seed = 1, variety = 'realistic', layout = 'folders' } = opts
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`)
  const ctx = makeContext(seed, variety)
  const files: SeedFile[] = []
  for (let i = 0; i < count; i++) {
    const a = makeArticle(ctx, i)
    // The folder path is drawn either way: it consumes the PRNG, so both layouts hold the same articles.
    const folderPath = filePath(ctx, a, i, count)
    files.push({
      path: layout === 'flat' ? flatName(a.webUrl) : folderPath,
      text: render(ctx, a),
      id: a.webUrl,
      title: a.title,
      topics: a.topics,
      publishedMs: a.publishedMs,
      published: a.published,
      secured: a.secured,
      mojibake: a.writtenTitle !== a.title,
    })
  }
  return files
}

function makeContext(seed: number, variety: Variety): Context {
  // Separate streams per variety so that `varied` is not a prefix-twin of `realistic`.
  const rng = new Rng(seed + (variety === 'varied' ? 0x3c6ef372 : 0))
  const varied = variety === 'varied'
  const topics = buildTopics(rng, varied)
  const sentences = buildSentences(rng, varied)
  const securedPool = rng.base64(SECURED_POOL_BYTES)
  const providers = buildProviders(varied)
  return { rng, varied, topics, topicCdf: zipfCdf(topics.length, 1), providers, recentMs: [], sentences, securedPool }
}

/** How many files are written at once: enough to keep the disk busy, few enough to avoid EMFILE. */
const WRITE_CONCURRENCY = 32

/**
 * Writes `files` under `dir` (created as needed, with every subfolder). Refuses paths that are
 * absolute or climb out of `dir`, since they come from a caller-supplied list.
 */
export async function writeCorpus(dir: string, files: readonly SeedFile[]): Promise<void> {
  const folders = new Set<string>(['.'])
  for (const file of files) {
    if (file.path.startsWith('/') || file.path.split('/').includes('..')) {
      throw new Error(`refusing to write outside the corpus folder: ${file.path}`)
    }
    folders.add(path.posix.dirname(file.path))
  }
  for (const folder of folders) await mkdir(path.join(dir, ...folder.split('/')), { recursive: true })
  let next = 0
  const worker = async (): Promise<void> => {
    for (let file = files[next++]; file !== undefined; file = files[next++]) {
      await writeFile(path.join(dir, ...file.path.split('/')), file.text, 'utf8')
    }
  }
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker))
}
