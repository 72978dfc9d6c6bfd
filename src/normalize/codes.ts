/**
 * Every problem code Feedstand emits, with its severity and meaning. Codes are a stable interface
 * (scripts filter `feedstand check --json` on them): add codes, never rename one. The README
 * table is this list; test/load/codes.test.ts checks that every code emitted is here.
 *
 * `error`: the file publishes nothing. `warning`: the article is published; something was fixed
 * or dropped. `bad-url` is an error for the article's own link and a warning everywhere else.
 */
import type { Severity } from '../types.js'

export interface CodeInfo {
  severity: Severity | 'either'
  meaning: string
}

export const PROBLEM_CODES: Readonly<Record<string, CodeInfo>> = {
  // Reading the file
  'too-large': { severity: 'error', meaning: 'the file is larger than maxFileBytes (default 1 MiB); it is not read' },
  unreadable: { severity: 'error', meaning: 'the file could not be read (permissions, vanished)' },
  // Skipped entries of the seeds folder (the symlink rule; README "Seeds"): nothing is read from them
  'symlinked-folder': { severity: 'warning', meaning: 'a symbolic link to a folder; links to folders are never followed, so its seeds are not read' },
  'link-outside-seeds': { severity: 'warning', meaning: 'a symbolic link to a file whose real path is outside the seeds folder; not read' },
  'dangling-link': { severity: 'warning', meaning: 'a symbolic link that points to nothing; skipped' },
  'link-loop': { severity: 'warning', meaning: 'a symbolic link that loops back on itself (`a.md` → `b.md` → `a.md`); skipped' },
  'not-a-file': { severity: 'warning', meaning: 'a FIFO, socket or device named like a seed; never opened' },
  'unreadable-folder': { severity: 'warning', meaning: 'a folder under seeds/ that cannot be listed (permissions); its seeds are not read' },
  'empty-file': { severity: 'error', meaning: 'the file has no bytes' },
  'binary-file': { severity: 'error', meaning: 'the file has NUL bytes: an image or other binary, not text' },
  'not-utf8': { severity: 'error', meaning: 'the bytes are not UTF-8 (Latin-1, UTF-16, …); the message gives the line and byte offset' },
  // Front matter
  'no-front-matter': { severity: 'error', meaning: 'the file does not start with a `---` line' },
  'unclosed-front-matter': { severity: 'error', meaning: 'there is no closing `---` line' },
  'front-matter-delimiter': { severity: 'error', meaning: 'a line inside the front matter starts with `---` (`---x`, `--- a`, `----`) or is a YAML `...` document end; the block ends only at a line that is exactly `---` (trailing blanks allowed), so the file is refused rather than read with part of its front matter as the body' },
  'front-matter-language': { severity: 'error', meaning: 'the front matter is marked as another language (`---js`, `---coffee`, `---json`, …); only YAML is read and nothing is ever executed' },
  'yaml-syntax': { severity: 'error', meaning: 'the front matter is not valid YAML (line given); also unknown tags such as `!!js/function`' },
  'yaml-not-mapping': { severity: 'error', meaning: 'the front matter is a list or a single value, not `key: value` fields' },
  'too-complex': { severity: 'error', meaning: 'YAML aliases expand the front matter past 20,000 values more than its text holds (one per character), or past twice its own text (billion laughs), or an anchor contains itself; a long plain list is truncated instead (list-truncated)' },
  'control-chars': { severity: 'warning', meaning: 'control characters or lone surrogates were removed from a text field, the raw front matter or the body' },
  mojibake: { severity: 'warning', meaning: 'UTF-8 text that had been read as Windows-1252 (`itâ€™s`) was repaired, in a text field or the Markdown body' },
  // Required fields
  'missing-title': { severity: 'error', meaning: '`title` is missing or empty' },
  'bad-title': { severity: 'error', meaning: '`title` is not text (a list, a mapping, true/false)' },
  'missing-date': { severity: 'error', meaning: '`publishedDateTime` is missing' },
  'bad-date': { severity: 'error', meaning: '`publishedDateTime` is not a date, or not a real one (`yesterday`, `2024-02-30`)' },
  'missing-url': { severity: 'error', meaning: 'neither `webUrl` nor `originalUrl` is given' },
  'bad-url': { severity: 'either', meaning: 'a URL is relative, not http(s) (`javascript:`, `data:`, …) or malformed. Error when the article is left without a link; otherwise a warning and the URL (image, related entry, originalUrl) is dropped' },
  'missing-id': { severity: 'error', meaning: '`id` is given but empty' },
  'bad-id': { severity: 'error', meaning: '`id` is given but is not text' },
  'duplicate-id': { severity: 'error', meaning: 'another file has the same id (webUrl); the file whose path sorts first is published, this one is not' },
  // Dates
  'date-no-timezone': { severity: 'warning', meaning: '`publishedDateTime` has no time zone; it is read as UTC' },
  'two-digit-year': { severity: 'warning', meaning: 'an RFC 2822 date has a two- or three-digit year; read by RFC 5322 §4.3 (00–49 → 2000–2049, 50–99 and three digits → 1900 + year)' },
  'future-date': { severity: 'warning', meaning: '`publishedDateTime` is more than 5 minutes ahead; the article is held back until then' },
  'bad-updated-date': { severity: 'warning', meaning: '`updatedDateTime` is not a date, is before `publishedDateTime`, or is more than 5 minutes ahead; dropped, so updated = published' },
  // Optional fields: the value is dropped or fixed, the article is published
  'excerpt-truncated': { severity: 'warning', meaning: '`excerpt` is longer than maxExcerptLength (default 2000 characters); cut at a word boundary with `…`' },
  'bad-excerpt': { severity: 'warning', meaning: '`excerpt` is not text; dropped' },
  'bad-category': { severity: 'warning', meaning: '`category` is not text; dropped' },
  'topics-not-list': { severity: 'warning', meaning: '`topics` is one string, not a list; read as one topic' },
  'bad-topics': { severity: 'warning', meaning: '`topics` is neither a list nor a string; dropped' },
  'bad-topic': { severity: 'warning', meaning: 'one topic is not text (a list, a mapping); that topic is dropped' },
  'empty-topic': { severity: 'warning', meaning: 'one topic is empty or only whitespace; dropped' },
  'empty-topic-slug': { severity: 'warning', meaning: 'one topic has no letter or digit (`..`, `/`), so it has no URL; dropped' },
  'list-truncated': { severity: 'warning', meaning: '`topics`, `images` or `related` has more than 50 entries; the rest are dropped' },
  'slug-truncated': { severity: 'warning', meaning: 'a topic\'s slug was over 80 characters, 200 UTF-8 bytes or 240 characters percent-encoded; it is cut and ends with a hash of the full slug (`-1a2b3c4d`), so different names stay different topics' },
  'url-credentials': { severity: 'warning', meaning: 'a URL had a user name or password (`https://user:pass@host/`); they are removed and the URL is kept without them' },
  'bad-images': { severity: 'warning', meaning: '`images` is not a list; dropped' },
  'bad-related': { severity: 'warning', meaning: '`related`, or one of its entries, is malformed (no title, not a mapping, bad date); dropped' },
  'bad-provider': { severity: 'warning', meaning: '`provider` is not a mapping with a text `name`, or the name is empty; dropped' },
  'empty-provider-slug': { severity: 'warning', meaning: '`provider.name` has no letter or digit (`../`), so it has no provider feed (`/providers/{slug}/`); it still names the author' },
  'bad-domain': { severity: 'warning', meaning: '`provider.domain` is not a host name; dropped' },
  'bad-published': { severity: 'warning', meaning: '`published` is not true or false; read as true' },
  // Catalog: about several files together
  'shared-provider-slug': { severity: 'warning', meaning: 'two provider names make one slug (`Reuters` and `reuters`): they are one provider scope, named by the name that sorts first' },
}
