/**
 * Front-matter dates → UTC instants. js-yaml hands unquoted timestamps over as Date objects and
 * quoted ones as strings; both end up as milliseconds since the epoch.
 *
 * Rule for a string without a time zone (`2024-03-13 00:59`, `2024-03-13`): it is read as UTC,
 * with a `date-no-timezone` warning — the same reading YAML gives the unquoted form.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc.js'
import customParseFormat from 'dayjs/plugin/customParseFormat.js'

dayjs.extend(utc)
dayjs.extend(customParseFormat)

export type DateResult =
  | { ok: true; ms: number; noTimezone: boolean; /** An RFC 2822 year of two or three digits, and the year it was read as. */ shortYear?: { written: string; year: number } }
  | { ok: false; reason: string }

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/
const RFC2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(GMT|UTC?|[+-]\d{4})$/
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * Accepts a Date, an ISO 8601 / RFC 3339 string, or an RFC 2822 string (as RSS writes them).
 *
 * `source` is the value as written in the file, when it is known. js-yaml turns an unquoted
 * timestamp into a Date on its own terms: it rolls `2024-02-30` over to 1 March and reads
 * `2024-03-13 00:59:00` as UTC without a word. When the source is ISO-shaped it is parsed here
 * instead, so the quoted and unquoted forms follow one rule.
 */
export function parseDate(value: unknown, source?: string): DateResult {
  if (value instanceof Date && source !== undefined && ISO.test(source.trim())) return parseDate(source.trim())
  if (value instanceof Date) {
    const ms = value.getTime()
    return Number.isNaN(ms) ? { ok: false, reason: 'is not a valid date' } : { ok: true, ms, noTimezone: false }
  }
  if (typeof value !== 'string') return { ok: false, reason: `must be a date like 2024-03-13T00:59:00Z, not ${describe(value)}` }
  const s = value.trim()
  const iso = ISO.exec(s)
  if (iso) return parseIso(iso[1]!, iso[2], iso[3])
  const rfc = RFC2822.exec(s)
  if (rfc) return parseRfc2822(rfc, value)
  return { ok: false, reason: `${JSON.stringify(value)} is not a date (expected ISO 8601, like 2024-03-13T00:59:00Z)` }
}

function parseIso(date: string, time: string | undefined, zone: string | undefined): DateResult {
  const dayMs = calendarDay(date)
  if (dayMs === undefined) return { ok: false, reason: `"${date}" is not a calendar date` }
  const [h = '0', m = '0', sec = '0'] = (time ?? '').split(':')
  const seconds = Number(sec)
  if (Number(h) > 23 || Number(m) > 59 || seconds >= 61) return { ok: false, reason: `"${time}" is not a time of day` }
  let ms = dayMs + Number(h) * 3600000 + Number(m) * 60000 + Math.round(seconds * 1000)
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')
    if (offset > 18 * 60) return { ok: false, reason: `"${zone}" is not a UTC offset` }
    ms -= sign * offset * 60000
  }
  return { ok: true, ms, noTimezone: zone === undefined }
}

/**
 * `YYYY-MM-DD` → its UTC midnight, or undefined when it is no calendar day. The rule is dayjs's
 * strict parse, which catches 2024-02-30 and month 13 (Date.UTC would roll them over) and refuses
 * years before 100 (its Date.UTC reads them as 19xx). A real day of the years 1000–9999, nearly
 * every date, is answered here: dayjs's parse, format and compare cost 9 % of normalizing a seed.
 */
function calendarDay(date: string): number | undefined {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  if (y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m - 1)) return Date.UTC(y, m - 1, d)
  const day = dayjs.utc(date, 'YYYY-MM-DD', true)
  return day.isValid() ? day.valueOf() : undefined
}

/**
 * RFC 2822 parts → an instant. Not Date.parse: V8 reads every year below 100 as 19xx/20xx, so
 * `13 Mar 0001` became 2001 and `0099` 1999 without a word. A four-digit year is kept as written.
 * Two or three digits are RFC 5322 §4.3's obs-year: 00–49 → 2000–2049, 50–99 and any three-digit
 * year → 1900 + year; the caller warns (`two-digit-year`), as the reading is a guess.
 */
function parseRfc2822(m: RegExpExecArray, value: string): DateResult {
  const [, day, mon, yearText, h, min, sec = '0', zone] = m as unknown as string[]
  const month = MONTHS.indexOf(mon!.toLowerCase())
  const n = Number(yearText)
  const year = yearText!.length === 4 ? n : yearText!.length === 2 && n < 50 ? 2000 + n : 1900 + n
  const notDate = { ok: false as const, reason: `${JSON.stringify(value)} is not a date (expected ISO 8601, like 2024-03-13T00:59:00Z)` }
  if (month < 0 || Number(day) < 1 || Number(day) > daysInMonth(year, month)) return notDate
  if (Number(h) > 23 || Number(min) > 59 || Number(sec) > 59) return notDate
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, month, Number(day), Number(h), Number(min), Number(sec)))
  date.setUTCFullYear(year)
  let ms = date.getTime()
  if (zone!.startsWith('+') || zone!.startsWith('-')) {
    const offset = Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(3))
    ms -= (zone![0] === '-' ? -1 : 1) * offset * 60000
  }
  const r: DateResult = { ok: true, ms, noTimezone: false }
  if (yearText!.length < 4) r.shortYear = { written: yearText!, year }
  return r
}

/** The `two-digit-year` warning: the reading of a short year is a rule, not what was written. */
export function warnShortYear(field: string, short: { written: string; year: number }, p: { warn(field: string, code: string, message: string): void }): void {
  p.warn(field, 'two-digit-year', `${field} has the year "${short.written}"; read as ${short.year} (RFC 5322 §4.3: 00–49 → 20xx, 50–99 and three digits → 1900 + year); write all four digits`)
}

function daysInMonth(year: number, month: number): number {
  if (month === 1) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!
}

export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Date) return 'a date'
  if (typeof value === 'object') return 'a mapping'
  // String(): JSON.stringify writes NaN and Infinity (YAML .nan, .inf) as "null".
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return `${typeof value} ${shown}`.slice(0, 80)
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const YEAR_1000 = Date.UTC(1000, 0, 1)
const YEAR_10000 = Date.UTC(10000, 0, 1)

/**
 * `13 March 2024`, for human-facing HTML: dayjs's `D MMMM YYYY` (English). Days of the years
 * 1000–9999 are written here (no padding, no sign to get right); dayjs writes the rest.
 */
export function formatDay(ms: number): string {
  if (ms >= YEAR_1000 && ms < YEAR_10000) {
    const d = new Date(ms)
    return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`
  }
  return dayjs.utc(ms).format('D MMMM YYYY')
}
