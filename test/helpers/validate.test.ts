import { describe, expect, it } from 'vitest';
import {
  checkWellFormedXml,
  parseWithFeedExtractor,
  parseWithRssParser,
  validateAtom,
  validateJsonFeed,
} from './validate.js';
import type { NormalizedFeed } from './validate.js';

// ---------------------------------------------------------------------------
// Samples
// ---------------------------------------------------------------------------

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0" xml:lang="en">
  <title>Feedstand &amp; friends</title>
  <id>https://example.com/</id>
  <updated>2024-01-05T10:00:00Z</updated>
  <link rel="self" type="application/atom+xml" href="https://example.com/atom.xml"/>
  <link href="https://example.com/"/>
  <author><name>Jane Doe</name><email>jane@example.com</email></author>
  <fh:archive/>
  <entry>
    <title>Tom &amp; Jerry &lt;3</title>
    <link rel="self" href="https://example.com/posts/1.atom"/>
    <link href="https://example.com/posts/1"/>
    <id>tag:example.com,2024:posts/1</id>
    <updated>2024-01-05T10:00:00Z</updated>
    <published>2024-01-02T03:04:05+01:00</published>
    <media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="https://x/y.jpg"/>
    <summary type="html">&lt;p&gt;Hello&lt;/p&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello</p></div></content>
  </entry>
  <entry>
    <title type="html">Escaped &amp;amp; markup</title>
    <link rel="alternate" type="text/html" href="https://example.com/posts/2"/>
    <id>https://example.com/posts/2</id>
    <updated>2024-01-03T00:00:00Z</updated>
    <content>Plain</content>
  </entry>
</feed>
`;

const ATOM_EXPECTED: NormalizedFeed = {
  title: 'Feedstand & friends',
  items: [
    {
      title: 'Tom & Jerry <3',
      link: 'https://example.com/posts/1',
      id: 'tag:example.com,2024:posts/1',
      date: '2024-01-02T02:04:05.000Z', // <published>, not <updated>
    },
    {
      title: 'Escaped &amp; markup', // type="html": the HTML source, not rendered
      link: 'https://example.com/posts/2',
      id: 'https://example.com/posts/2',
      date: '2024-01-03T00:00:00.000Z', // no <published>: falls back to <updated>
    },
  ],
};

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Feedstand &amp; &lt;friends&gt;</title>
    <link>https://example.com/</link>
    <description>Test feed</description>
    <atom:link href="https://example.com/rss.xml" rel="self" type="application/rss+xml"/>
    <item>
      <title>Tom &amp; Jerry &lt;3</title>
      <link>https://example.com/posts/1#comments</link>
      <guid isPermaLink="false">007</guid>
      <pubDate>Tue, 02 Jan 2024 03:04:05 +0100</pubDate>
      <description>&lt;p&gt;Hello&lt;/p&gt;</description>
    </item>
    <item>
      <title><![CDATA[CDATA & <raw> title]]></title>
      <link>https://example.com/posts/2?utm_source=feed</link>
      <guid>https://example.com/posts/2</guid>
      <pubDate>Wed, 03 Jan 2024 00:00:00 GMT</pubDate>
    </item>
    <item>
      <title>1.50</title>
      <link>https://example.com/posts/3</link>
    </item>
  </channel>
</rss>
`;

const RSS_EXPECTED: NormalizedFeed = {
  title: 'Feedstand & <friends>',
  items: [
    {
      title: 'Tom & Jerry <3',
      link: 'https://example.com/posts/1#comments',
      id: '007',
      date: '2024-01-02T02:04:05.000Z',
    },
    {
      title: 'CDATA & <raw> title',
      link: 'https://example.com/posts/2?utm_source=feed',
      id: 'https://example.com/posts/2',
      date: '2024-01-03T00:00:00.000Z',
    },
    { title: '1.50', link: 'https://example.com/posts/3', id: '', date: '' },
  ],
};

const JSON_FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Feedstand & friends',
  home_page_url: 'https://example.com/',
  feed_url: 'https://example.com/feed.json',
  language: 'en',
  authors: [{ name: 'Jane Doe', url: 'https://example.com/jane', avatar: 'https://example.com/jane.png' }],
  hubs: [{ type: 'WebSub', url: 'https://hub.example.com/' }],
  _feedstand: { generator: 'test' },
  items: [
    {
      id: 'https://example.com/posts/1',
      url: 'https://example.com/posts/1',
      title: 'Tom & Jerry <3',
      content_html: '<p>Hello</p>',
      date_published: '2024-01-02T03:04:05+01:00',
      date_modified: '2024-01-05T10:00:00Z',
      tags: ['a', 'b'],
      attachments: [{ url: 'https://example.com/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 1234 }],
    },
    {
      id: '2',
      content_text: 'Plain',
      date_modified: '2024-01-03T00:00:00Z',
    },
  ],
};

function withItem(patch: Record<string, unknown>): unknown {
  const [first, ...rest] = JSON_FEED.items;
  return { ...JSON_FEED, items: [{ ...first, ...patch }, ...rest] };
}

// ---------------------------------------------------------------------------
// checkWellFormedXml
// ---------------------------------------------------------------------------

describe('checkWellFormedXml', () => {
  it('accepts the samples', async () => {
    expect(await checkWellFormedXml(ATOM)).toEqual([]);
    expect(await checkWellFormedXml(RSS)).toEqual([]);
  });

  it('reports mismatched tags with a line number', async () => {
    const errors = await checkWellFormedXml('<a>\n<b></a>');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^line 2: .*mismatch/i);
  });

  it('reports an unescaped ampersand and an undefined entity', async () => {
    expect(await checkWellFormedXml('<a>Tom & Jerry</a>')).not.toEqual([]);
    expect(await checkWellFormedXml('<a>&nbsp;</a>')).not.toEqual([]);
  });

  it('reports an undeclared namespace prefix (libxml2 only warns, we fail)', async () => {
    const errors = await checkWellFormedXml('<a><media:thumbnail url="x"/></a>');
    expect(errors.join('\n')).toMatch(/Namespace prefix media/);
  });
});

// ---------------------------------------------------------------------------
// validateAtom
// ---------------------------------------------------------------------------

describe('validateAtom', () => {
  it('accepts a valid feed with foreign-namespace extension elements', async () => {
    expect(await validateAtom(ATOM)).toEqual([]);
  });

  it('accepts a standalone entry document', async () => {
    const entry = `<entry xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated></entry>`;
    expect(await validateAtom(entry)).toEqual([]);
  });

  it('rejects an entry without <id>', async () => {
    const errors = await validateAtom(ATOM.replace('<id>https://example.com/posts/2</id>', ''));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/Relax-NG validity error/);
  });

  it('rejects an <updated> that is not an RFC 3339 date-time', async () => {
    const errors = await validateAtom(
      ATOM.replace('<updated>2024-01-03T00:00:00Z</updated>', '<updated>Wed, 03 Jan 2024 00:00:00 GMT</updated>'),
    );
    expect(errors.join('\n')).toMatch(/dateTime/);
  });

  it('(known RFC-schema laxity) accepts a date-time without time zone', async () => {
    // xsd:dateTime makes the offset optional; RFC 4287 §3.3 requires it.
    // Suites that care must check the offset themselves.
    const xml = ATOM.replace('<updated>2024-01-03T00:00:00Z</updated>', '<updated>2024-01-03T00:00:00</updated>');
    expect(await validateAtom(xml)).toEqual([]);
  });

  it('rejects unknown atom elements and unqualified unknown attributes', async () => {
    expect(await validateAtom(ATOM.replace('<fh:archive/>', '<archive/>'))).not.toEqual([]);
    expect(await validateAtom(ATOM.replace('<feed xmlns=', '<feed foo="bar" xmlns='))).not.toEqual([]);
  });

  it('accepts foreign-namespace attributes (undefinedAttribute)', async () => {
    const xml = ATOM.replace('<feed xmlns=', '<feed xmlns:x="urn:x" x:foo="bar" xmlns=');
    expect(await validateAtom(xml)).toEqual([]);
  });

  it('rejects non-Atom and malformed documents', async () => {
    expect(await validateAtom(RSS)).not.toEqual([]);
    expect(await validateAtom(ATOM.replace('</feed>', ''))).not.toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// validateJsonFeed
// ---------------------------------------------------------------------------

describe('validateJsonFeed', () => {
  it('accepts a valid JSON Feed 1.1 (with a "_" extension key)', () => {
    expect(validateJsonFeed(JSON_FEED)).toEqual([]);
  });

  it('rejects version 1', () => {
    const errors = validateJsonFeed({ ...JSON_FEED, version: 'https://jsonfeed.org/version/1' });
    expect(errors).toEqual(['/version must be equal to constant: "https://jsonfeed.org/version/1.1"']);
  });

  it('rejects a date that is not RFC 3339', () => {
    expect(validateJsonFeed(withItem({ date_published: '2024-01-02 03:04:05' }))).toEqual([
      '/items/0/date_published must match format "date-time"',
    ]);
    expect(validateJsonFeed(withItem({ date_published: 'Tue, 02 Jan 2024 03:04:05 GMT' }))).not.toEqual([]);
  });

  it('rejects items without id or without any content', () => {
    expect(validateJsonFeed(withItem({ id: 1 }))).toContain('/items/0/id must be string');
    const { content_html: _omit, ...noContent } = JSON_FEED.items[0]!;
    const errors = validateJsonFeed({ ...JSON_FEED, items: [noContent] });
    expect(errors.join('\n')).toMatch(/content_html/);
  });

  it('rejects unknown keys but allows "_" extensions everywhere', () => {
    expect(validateJsonFeed({ ...JSON_FEED, homepage: 'https://example.com/' })).toEqual([
      '(root) must NOT have additional properties: homepage',
    ]);
    expect(validateJsonFeed(withItem({ _ext: { any: 1 } }))).toEqual([]);
  });

  it('rejects relative URLs, empty authors and attachments without mime_type', () => {
    expect(validateJsonFeed(withItem({ url: '/posts/1' }))).not.toEqual([]);
    expect(validateJsonFeed({ ...JSON_FEED, authors: [{}] })).not.toEqual([]);
    expect(validateJsonFeed(withItem({ attachments: [{ url: 'https://example.com/a.mp3' }] }))).not.toEqual([]);
  });

  it('requires version, title and items', () => {
    const errors = validateJsonFeed({});
    expect(errors).toEqual(
      expect.arrayContaining([
        "(root) must have required property 'version'",
        "(root) must have required property 'title'",
        "(root) must have required property 'items'",
      ]),
    );
  });
});

// ---------------------------------------------------------------------------
// The two parsers
// ---------------------------------------------------------------------------

describe('parseWithRssParser / parseWithFeedExtractor', () => {
  it('agree on RSS 2.0 (entities, CDATA, isPermaLink="false", numeric-looking text)', async () => {
    const a = await parseWithRssParser(RSS);
    const b = parseWithFeedExtractor(RSS, 'rss');
    expect(a).toEqual(RSS_EXPECTED);
    expect(b).toEqual(RSS_EXPECTED);
  });

  it('agree on Atom 1.0 (alternate link, published over updated, extension elements)', async () => {
    const a = await parseWithRssParser(ATOM);
    const b = parseWithFeedExtractor(ATOM, 'atom');
    expect(a).toEqual(ATOM_EXPECTED);
    expect(b).toEqual(ATOM_EXPECTED);
  });

  it('report an unparsable date the same way', async () => {
    const xml = RSS.replace('Wed, 03 Jan 2024 00:00:00 GMT', 'not a date');
    const a = await parseWithRssParser(xml);
    const b = parseWithFeedExtractor(xml, 'rss');
    expect(a.items[1]!.date).toBe('Invalid Date: not a date');
    expect(b.items[1]!.date).toBe('Invalid Date: not a date');
  });

  it('feed-extractor reads JSON Feed into the same shape', () => {
    expect(parseWithFeedExtractor(JSON.stringify(JSON_FEED), 'json')).toEqual({
      title: 'Feedstand & friends',
      items: [
        {
          title: 'Tom & Jerry <3',
          link: 'https://example.com/posts/1',
          id: 'https://example.com/posts/1',
          date: '2024-01-02T02:04:05.000Z',
        },
        { title: '', link: '', id: '2', date: '2024-01-03T00:00:00.000Z' },
      ],
    });
  });

  it('feed-extractor refuses a format that does not match the document', () => {
    expect(() => parseWithFeedExtractor(RSS, 'atom')).toThrow(/asked for atom/);
    expect(() => parseWithFeedExtractor(ATOM, 'rss')).toThrow(/asked for rss/);
  });

  it('both parsers reject malformed XML', async () => {
    await expect(parseWithRssParser('<rss version="2.0"><channel>')).rejects.toThrow();
    expect(() => parseWithFeedExtractor('<rss version="2.0"><channel>', 'rss')).toThrow();
  });
});
