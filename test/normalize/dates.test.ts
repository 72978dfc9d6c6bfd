/**
 * Date rules: a time zone is expected; without one the instant is read as UTC with a warning,
 * quoted or not. Impossible dates are errors even where js-yaml would roll them over.
 */
import dayjs from 'dayjs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDay, parseDate } from '../../src/normalize/dates.js'
import { processSeed } from '../../src/seed/process-seed.js'

const NOW = Date.UTC(2026, 0, 1)

function seed(dateLine: string) {
  const text = `---\ntitle: t\n${dateLine}\nwebUrl: https://example.com/d\n---\n`
  return processSeed('d.md', new TextEncoder().encode(text), { maxExcerptLength: 2000, nowMs: NOW })
}

describe('parseDate', () => {
  it.each([
    ['2024-03-13T00:59:00Z', Date.UTC(2024, 2, 13, 0, 59), false],
    ['2024-03-13T02:59:00+02:00', Date.UTC(2024, 2, 13, 0, 59), false],
    ['2024-03-13T00:59:00.250-0130', Date.UTC(2024, 2, 13, 2, 29, 0, 250), false],
    ['2024-03-13 00:59', Date.UTC(2024, 2, 13, 0, 59), true],
    ['2024-03-13', Date.UTC(2024, 2, 13), true],
    ['Wed, 13 Mar 2024 00:59:00 GMT', Date.UTC(2024, 2, 13, 0, 59), false],
    ['13 Mar 2024 02:59 +0200', Date.UTC(2024, 2, 13, 0, 59), false],
  ])('%s', (s, ms, noTimezone) => {
    expect(parseDate(s)).toEqual({ ok: true, ms, noTimezone })
  })

  it.each(['yesterday', '2024-02-30', '2024-13-01', '2024-03-13T24:00:00Z', '2024-03-13T00:59:00+25:00', '13/03/2024', ''])('refuses %j', (s) => {
    expect(parseDate(s).ok).toBe(false)
  })

  it('names what it got when the value is not text', () => {
    expect(parseDate(20240313)).toEqual({ ok: false, reason: 'must be a date like 2024-03-13T00:59:00Z, not number 20240313' })
    expect(parseDate(Number.NaN)).toMatchObject({ reason: expect.stringContaining('number NaN') })
    expect(parseDate(['2024-03-13'])).toMatchObject({ reason: expect.stringContaining('a list') })
  })
})

describe('publishedDateTime in a seed', () => {
  it('without a zone, quoted or not, is UTC with a date-no-timezone warning on its line', () => {
    for (const line of ['publishedDateTime: "2024-03-13 00:59"', 'publishedDateTime: 2024-03-13 00:59:00', "publishedDateTime: '2024-03-13T00:59:00'", 'publishedDateTime: 2024-03-13']) {
      const o = seed(line)
      expect(o.problems, line).toMatchObject([{ code: 'date-no-timezone', severity: 'warning', field: 'publishedDateTime', line: 3 }])
      expect(o.article?.publishedMs, line).toBe(line.endsWith('13') ? Date.UTC(2024, 2, 13) : Date.UTC(2024, 2, 13, 0, 59))
    }
  })

  it('with a zone, unquoted (a YAML timestamp) or quoted, has no problem', () => {
    for (const line of ['publishedDateTime: 2024-03-13T00:59:00Z', 'publishedDateTime: 2024-03-13T01:59:00+01:00 # CET', 'publishedDateTime: "2024-03-13T00:59:00Z"']) {
      const o = seed(line)
      expect(o.problems, line).toEqual([])
      expect(o.article?.publishedMs, line).toBe(Date.UTC(2024, 2, 13, 0, 59))
    }
  })

  it('impossible calendar dates are errors, not rolled over', () => {
    for (const line of ['publishedDateTime: 2024-02-30T10:00:00Z', 'publishedDateTime: 2023-02-29', 'publishedDateTime: "2024-04-31T00:00:00Z"']) {
      expect(seed(line).problems, line).toMatchObject([{ code: 'bad-date', severity: 'error', line: 3 }])
    }
  })

  it('a date ahead of now is held back with a future-date warning; 5 minutes of clock skew are tolerated', () => {
    expect(seed(`publishedDateTime: ${new Date(NOW + 4 * 60_000).toISOString()}`).problems).toEqual([])
    expect(seed(`publishedDateTime: ${new Date(NOW + 6 * 60_000).toISOString()}`).problems).toMatchObject([{ code: 'future-date', severity: 'warning' }])
  })
})

describe('RFC 2822 years (issue 15, finding 9)', () => {
  const at = (iso: string) => new Date(iso).getTime()
  it.each([
    ['Wed, 13 Mar 0001 00:59:00 GMT', '0001-03-13T00:59:00Z'],
    ['13 Mar 0049 00:59:00 +0000', '0049-03-13T00:59:00Z'],
    ['13 Mar 0099 02:59 +0200', '0099-03-13T00:59:00Z'],
    ['29 Feb 0004 12:00 UT', '0004-02-29T12:00:00Z'],
    ['13 mar 2024 00:59:00 -0130', '2024-03-13T02:29:00Z'],
  ])('a four-digit year is kept as written: %s', (s, iso) => {
    // Date.parse read these as 2001, 2049 and 1999.
    expect(parseDate(s)).toEqual({ ok: true, ms: at(iso), noTimezone: false })
  })

  it.each([
    ['13 Mar 00 00:59 GMT', '00', 2000],
    ['13 Mar 49 00:59 GMT', '49', 2049],
    ['13 Mar 50 00:59 GMT', '50', 1950],
    ['Sat, 13 Mar 99 00:59 GMT', '99', 1999],
    ['13 Mar 101 00:59 GMT', '101', 2001],
  ])('a two- or three-digit year follows RFC 5322 §4.3 and says so: %s', (s, written, year) => {
    expect(parseDate(s)).toEqual({ ok: true, ms: Date.UTC(year, 2, 13, 0, 59), noTimezone: false, shortYear: { written, year } })
  })

  it.each(['29 Feb 0001 00:00 GMT', '29 Feb 1900 00:00 GMT', '31 Apr 2024 00:00 GMT', '13 Foo 2024 00:00 GMT', '13 Mar 2024 24:00 GMT', '0 Mar 2024 00:00 GMT'])('refuses %j', (s) => {
    expect(parseDate(s).ok).toBe(false)
  })

  it('a short year in a seed is a two-digit-year warning on its line, never a silent shift', () => {
    const o = seed('publishedDateTime: "Sat, 13 Mar 99 00:59:00 GMT"')
    expect(o.article?.publishedMs).toBe(Date.UTC(1999, 2, 13, 0, 59))
    expect(o.problems).toMatchObject([{ code: 'two-digit-year', severity: 'warning', field: 'publishedDateTime', line: 3, message: expect.stringContaining('read as 1999 (RFC 5322 §4.3') }])
    expect(seed('publishedDateTime: "Tue, 13 Mar 0001 00:59:00 GMT"')).toMatchObject({ problems: [], article: { publishedMs: at('0001-03-13T00:59:00Z') } })
  })
})

describe('the calendar rule is dayjs strict, with or without the fast path (issue 11)', () => {
  const two = (n: number) => String(n).padStart(2, '0')

  it('every YYYY-MM-DD is accepted, refused and placed exactly as dayjs.utc(…, "YYYY-MM-DD", true) does', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }), (y, m, d) => {
      const date = `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`
      const day = dayjs.utc(date, 'YYYY-MM-DD', true)
      const want = day.isValid() ? { ok: true, ms: day.valueOf(), noTimezone: false } : { ok: false, reason: `"${date}" is not a calendar date` }
      expect(parseDate(`${date}T00:00:00Z`)).toEqual(want)
    }), { numRuns: 20000 })
    // The edges of the fast path's years, and the leap rule, every time.
    for (const date of ['0999-12-31', '1000-01-01', '1000-02-29', '1600-02-29', '1900-02-29', '2000-02-29', '2023-02-29', '2024-02-29', '9999-12-31', '0099-01-01', '0100-01-01']) {
      expect(parseDate(`${date}T00:00:00Z`).ok, date).toBe(dayjs.utc(date, 'YYYY-MM-DD', true).isValid())
    }
  })

  it('formatDay writes what dayjs writes as "D MMMM YYYY", from the year 1 to 9999 and past both ends', () => {
    const ms = fc.oneof(fc.integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.UTC(9999, 11, 31, 23, 59, 59) }), fc.integer({ min: -8.64e15, max: 8.64e15 }))
    fc.assert(fc.property(ms, (t) => {
      expect(formatDay(t)).toBe(dayjs.utc(t).format('D MMMM YYYY'))
    }), { numRuns: 20000 })
    for (const t of [Date.UTC(1000, 0, 1) - 1, Date.UTC(1000, 0, 1), Date.UTC(10000, 0, 1) - 1, Date.UTC(10000, 0, 1)]) {
      expect(formatDay(t)).toBe(dayjs.utc(t).format('D MMMM YYYY'))
    }
  })
})
