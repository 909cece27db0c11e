import { describe, expect, it } from 'vitest'
import { DATE_FORMS, dayText, instantText, parseDate } from '../../src/index.js'

const ms = (iso: string) => Date.parse(iso)

describe('parseDate', () => {
  describe('reduced precision', () => {
    it('reads a year as the whole UTC year', () => {
      expect(parseDate('2022')).toEqual({
        text: '2022',
        precision: 'year',
        start: ms('2022-01-01T00:00:00Z'),
        end: ms('2023-01-01T00:00:00Z'),
      })
    })

    it('reads a month as the whole UTC month', () => {
      expect(parseDate('2022-02')).toEqual({
        text: '2022-02',
        precision: 'month',
        start: ms('2022-02-01T00:00:00Z'),
        end: ms('2022-03-01T00:00:00Z'),
      })
    })

    it('ends December at the first instant of the next year', () => {
      expect(parseDate('2022-12')?.end).toBe(ms('2023-01-01T00:00:00Z'))
    })

    it('reads a day as the whole UTC day', () => {
      expect(parseDate('2022-01-06')).toEqual({
        text: '2022-01-06',
        precision: 'day',
        start: ms('2022-01-06T00:00:00Z'),
        end: ms('2022-01-07T00:00:00Z'),
      })
    })

    it('ends the last day of a year at the first instant of the next year', () => {
      expect(parseDate('2022-12-31')?.end).toBe(ms('2023-01-01T00:00:00Z'))
    })

    it('keeps a reduced-precision date as written', () => {
      expect(['2021', '2021-03', '2021-03-09'].map((d) => parseDate(d)?.text)).toEqual([
        '2021',
        '2021-03',
        '2021-03-09',
      ])
    })

    it('reads years before 100 as they are written, not as 19xx', () => {
      expect(parseDate('0099-01-01')?.start).toBe(ms('0099-01-01T00:00:00Z'))
    })
  })

  describe('leap years', () => {
    it('accepts 29 February of a leap year', () => {
      expect(parseDate('2024-02-29')?.end).toBe(ms('2024-03-01T00:00:00Z'))
    })

    it('accepts 29 February of a year divisible by 400', () => {
      expect(parseDate('2000-02-29')?.precision).toBe('day')
    })

    it('rejects 29 February of a common year', () => {
      expect(parseDate('2023-02-29')).toBeUndefined()
    })

    it('rejects 29 February of a century that is not divisible by 400', () => {
      expect(parseDate('1900-02-29')).toBeUndefined()
    })

    it('makes February of a leap year 29 days long', () => {
      const feb = parseDate('2024-02')!
      expect((feb.end - feb.start) / 86_400_000).toBe(29)
    })

    it('makes a leap year 366 days long', () => {
      const year = parseDate('2024')!
      expect((year.end - year.start) / 86_400_000).toBe(366)
    })
  })

  describe('instants', () => {
    it('reads a UTC instant as a single millisecond', () => {
      expect(parseDate('2022-01-06T09:00:00Z')).toEqual({
        text: '2022-01-06T09:00:00Z',
        precision: 'instant',
        start: ms('2022-01-06T09:00:00Z'),
        end: ms('2022-01-06T09:00:00Z') + 1,
      })
    })

    it('normalizes a positive offset to UTC, across the day boundary', () => {
      expect(parseDate('2022-01-01T01:00:00+08:00')?.text).toBe('2021-12-31T17:00:00Z')
    })

    it('normalizes a negative offset with minutes to UTC', () => {
      expect(parseDate('2021-12-31T20:30:00-05:30')?.text).toBe('2022-01-01T02:00:00Z')
    })

    it('reads an offset of zero like Z', () => {
      expect(parseDate('2022-01-06T09:00:00+00:00')?.start).toBe(parseDate('2022-01-06T09:00:00Z')?.start)
    })

    it('accepts lower-case t and z', () => {
      expect(parseDate('2022-01-06t09:00:00z')?.text).toBe('2022-01-06T09:00:00Z')
    })

    it('keeps milliseconds in the normalized text', () => {
      expect(parseDate('2022-01-06T09:00:00.5+01:00')?.text).toBe('2022-01-06T08:00:00.500Z')
    })

    it('drops fractions below a millisecond', () => {
      expect(parseDate('2022-01-06T09:00:00.123456Z')?.text).toBe('2022-01-06T09:00:00.123Z')
    })

    it('leaves out zero milliseconds from the normalized text', () => {
      expect(parseDate('2022-01-06T09:00:00.000Z')?.text).toBe('2022-01-06T09:00:00Z')
    })

    it('orders two spellings of the same instant the same', () => {
      expect(parseDate('2022-01-01T01:00:00+08:00')?.start).toBe(parseDate('2021-12-31T17:00:00Z')?.start)
    })
  })

  describe('invalid forms', () => {
    it.each([
      ['an empty string', ''],
      ['a two-digit year', '22-01-01'],
      ['a five-digit year', '20220'],
      ['a signed year', '+2022'],
      ['month 00', '2022-00'],
      ['month 13', '2022-13'],
      ['month 13 with a day', '2022-13-01'],
      ['day 00', '2022-01-00'],
      ['30 February', '2022-02-30'],
      ['31 April', '2022-04-31'],
      ['single-digit month and day', '2022-1-1'],
      ['a slash-separated date', '2022/01/06'],
      ['a date-time without an offset', '2022-01-06T09:00:00'],
      ['a date-time without seconds', '2022-01-06T09:00Z'],
      ['hour 24', '2022-01-06T24:00:00Z'],
      ['minute 60', '2022-01-06T09:60:00Z'],
      ['second 60', '2022-01-06T23:59:60Z'],
      ['an offset of 24 hours', '2022-01-06T09:00:00+24:00'],
      ['an offset without a colon', '2022-01-06T09:00:00+0800'],
      ['an invalid day in a date-time', '2022-02-30T09:00:00Z'],
      ['surrounding spaces', ' 2022-01-06 '],
      ['a week date', '2022-W01'],
    ])('rejects %s', (_, text) => {
      expect(parseDate(text)).toBeUndefined()
    })
  })
})

describe('instantText', () => {
  it('writes an instant in UTC without zero milliseconds', () => {
    expect(instantText(ms('2022-01-06T09:00:00Z'))).toBe('2022-01-06T09:00:00Z')
  })

  it('writes milliseconds when they are not zero', () => {
    expect(instantText(ms('2022-01-06T09:00:00.250Z'))).toBe('2022-01-06T09:00:00.250Z')
  })
})

describe('dayText', () => {
  it('gives the UTC calendar day of an instant', () => {
    expect(dayText(parseDate('2022-01-01T01:00:00+08:00')!.start)).toBe('2021-12-31')
  })
})

describe('DATE_FORMS', () => {
  it('names every accepted form for error messages', () => {
    expect(DATE_FORMS).toMatchInlineSnapshot(`"YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset"`)
  })
})
