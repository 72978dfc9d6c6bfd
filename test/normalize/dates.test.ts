/**
 * Date rules: a time zone is expected; without one the instant is read as UTC with a warning,
 * quoted or not. Impossible dates are errors even where js-yaml would roll them over.
 */
import { describe, expect, it } from 'vitest'
import { parseDate } from '../../src/normalize/dates.js'
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
