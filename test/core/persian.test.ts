/**
 * Solar Hijri (Persian calendar) dates as fa-IR devices print them: `۱۴۰۱/۱/۷, ۲۱:۴۱` (Android)
 * and `[۱۴۰۱/۱/۷, ۲۱:۴۱:۳۵]` (iOS). Conversions are checked against ICU's own Persian calendar
 * (formatting a Gregorian instant with `calendar: 'persian'`), the source the device used.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { persianDaysInMonth, persianToGregorian, resolveYear } from '../../src/format/calendar.js';
import { interpretDate } from '../../src/format/interpret.js';
import { parseChatText } from '../../src/index.js';

const UTC = { utcOffsetMinutes: 0 } as const;
const DAY_MS = 86_400_000;
const PERSIAN = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: 'UTC',
});

/** ICU's Solar Hijri reading of a Gregorian day. */
function icuPersian(epochMs: number): { year: number; month: number; day: number } {
  const parts = PERSIAN.formatToParts(epochMs);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day') };
}

/** Persian digits (U+06F0–U+06F9) for an ASCII number. */
function fa(ascii: string): string {
  return ascii.replace(/\d/gu, (d) => String.fromCodePoint(0x06f0 + Number(d)));
}

describe('Solar Hijri conversion', () => {
  it('reads 4-digit years 1300–1499 as Solar Hijri, others as before', () => {
    expect(resolveYear('1402', '')).toEqual({ year: 1402, calendar: 'persian' });
    expect(resolveYear('1300', '')).toEqual({ year: 1300, calendar: 'persian' });
    expect(resolveYear('1499', '')).toEqual({ year: 1499, calendar: 'persian' });
    expect(resolveYear('1299', '')).toBeNull();
    expect(resolveYear('1500', '')).toBeNull();
    expect(resolveYear('2022', '')).toEqual({ year: 2022, calendar: 'gregorian' });
  });

  it('converts known dates exactly', () => {
    expect(persianToGregorian(1401, 1, 7)).toEqual({ year: 2022, month: 3, day: 27 });
    expect(persianToGregorian(1402, 10, 25)).toEqual({ year: 2024, month: 1, day: 15 });
    expect(persianToGregorian(1402, 1, 1)).toEqual({ year: 2023, month: 3, day: 21 });
    // 1403 is a leap year: its Esfand has 30 days and the next Nowruz is 21 March 2025.
    expect(persianToGregorian(1403, 12, 30)).toEqual({ year: 2025, month: 3, day: 20 });
    expect(persianToGregorian(1404, 1, 1)).toEqual({ year: 2025, month: 3, day: 21 });
  });

  it('validates month lengths: 31 in months 1–6, 30 in 7–11, 29/30 in 12 by year', () => {
    for (let month = 1; month <= 6; month++) expect(persianDaysInMonth(1402, month)).toBe(31);
    for (let month = 7; month <= 11; month++) expect(persianDaysInMonth(1402, month)).toBe(30);
    expect(persianDaysInMonth(1402, 12)).toBe(29);
    expect(persianDaysInMonth(1403, 12)).toBe(30);
    expect(persianToGregorian(1402, 6, 31)).not.toBeNull();
    expect(persianToGregorian(1402, 7, 31)).toBeNull();
    expect(persianToGregorian(1402, 12, 30)).toBeNull();
    expect(persianToGregorian(1402, 13, 1)).toBeNull();
    expect(persianToGregorian(1402, 1, 0)).toBeNull();
  });

  prop.prop([fc.integer({ min: Date.UTC(1925, 0, 1) / DAY_MS, max: Date.UTC(2110, 0, 1) / DAY_MS })], {
    numRuns: 400,
  })('agrees with ICU on every day of the range', (epochDay) => {
    const epochMs = epochDay * DAY_MS;
    const persian = icuPersian(epochMs);
    const date = new Date(epochMs);
    expect(persianToGregorian(persian.year, persian.month, persian.day)).toEqual({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
    });
  });

  it('has every year’s Esfand length agree with ICU (the day after its last day is 1 Farvardin)', () => {
    for (let year = 1300; year <= 1480; year++) {
      const days = persianDaysInMonth(year, 12) as number;
      const last = persianToGregorian(year, 12, days);
      expect(last, `${year}`).not.toBeNull();
      if (last === null) continue;
      const next = Date.UTC(last.year, last.month - 1, last.day) + DAY_MS;
      expect(icuPersian(next), `${year}`).toEqual({ year: year + 1, month: 1, day: 1 });
    }
  });

  it('interprets a y/m/d header date with calendar persian; other orders cannot read it', () => {
    expect(interpretDate(['1402', '10', '25'], '', 'ymd')).toEqual({
      year: 2024,
      month: 1,
      day: 15,
      calendar: 'persian',
    });
    expect(interpretDate(['1402', '10', '25'], '', 'dmy')).toBeNull();
    expect(interpretDate(['1402', '12', '30'], '', 'ymd')).toBeNull();
  });
});

describe('Persian-calendar exports', () => {
  const android = [
    `${fa('1402/10/25')}, ${fa('18:47')} - سارا: سلام`,
    `${fa('1402/10/26')}, ${fa('8:33')} - مینا: صبح بخیر`,
    `${fa('1402/12/29')}, ${fa('23:59')} - سارا: پایان سال`,
    `${fa('1403/1/1')}, ${fa('0:01')} - مینا: نوروز مبارک`,
  ].join('\n');

  it('parses Android fa-IR (`۱۴۰۲/۱۰/۲۵, ۱۸:۴۷ - `) without a language: y/m/d, calendar persian', () => {
    const { messages, info } = parseChatText(android, UTC);
    expect(info.format).toMatchObject({ os: 'android', dateOrder: 'ymd', calendar: 'persian' });
    expect(info.format?.dateOrderSource).toBe('evidence');
    expect(messages.map((m) => m.localTime)).toEqual([
      '2024-01-15T18:47:00',
      '2024-01-16T08:33:00',
      '2024-03-19T23:59:00',
      '2024-03-20T00:01:00',
    ]);
    expect(info.invalidDates).toBe(0);
  });

  it('parses iOS fa-IR, bracketed with seconds, and converts to UTC with the Tehran offset', () => {
    const ios = [
      `[${fa('1401/1/7')}, ${fa('21:41:35')}] سارا: سلام`,
      `[${fa('1401/1/8')}, ${fa('09:05:00')}] مینا: ${'\u200e'}<پیوست: 00000035-PHOTO-2022-03-28-09-05-00.jpg>`,
    ].join('\r\n');
    const { messages, info } = parseChatText(ios, { utcOffsetMinutes: 270, language: 'fa-IR' });
    expect(info.format).toMatchObject({ os: 'ios', seconds: true, dateOrder: 'ymd', calendar: 'persian' });
    expect(messages.map((m) => [m.localTime, m.timestamp])).toEqual([
      ['2022-03-27T21:41:35', '2022-03-27T17:11:35.000Z'],
      ['2022-03-28T09:05:00', '2022-03-28T04:35:00.000Z'],
    ]);
    expect(messages[1]?.attachment).toEqual({ fileName: '00000035-PHOTO-2022-03-28-09-05-00.jpg' });
  });

  it('counts an Esfand 30 in a common year as an invalid date, not a rolled-over one', () => {
    const { messages, info } = parseChatText(
      `${fa('1402/12/29')}, ${fa('10:00')} - سارا: الف\n${fa('1402/12/30')}, ${fa('10:00')} - سارا: ب`,
      UTC,
    );
    expect(messages).toHaveLength(1);
    expect(info.invalidDates).toBe(1);
    expect(info.invalidDateLines[0]?.line).toBe(2);
  });

  it('takes the template fast path and gives the same messages pushed one character at a time', async () => {
    const { ChatParser } = await import('../../src/index.js');
    const parser = new ChatParser(UTC);
    const out = [];
    for (const char of android) out.push(...parser.push(char));
    out.push(...parser.end());
    expect(out).toEqual(parseChatText(android, UTC).messages);
  });
});
