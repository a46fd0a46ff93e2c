import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DayReader, dayOf } from '../../src/format/day.js';
import { interpretDate } from '../../src/format/interpret.js';
import { emptyScannedHeader, type ScannedHeader } from '../../src/format/template.js';

function scanned(fields: readonly [string, string, string]): ScannedHeader {
  const header = emptyScannedHeader();
  header.f1 = Number(fields[0]);
  header.f1Width = fields[0].length;
  header.f2 = Number(fields[1]);
  header.f2Width = fields[1].length;
  header.f3 = Number(fields[2]);
  header.f3Width = fields[2].length;
  return header;
}

const fieldArb = fc.oneof(
  fc.integer({ min: 0, max: 99 }).map((n) => String(n)),
  fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
  fc.integer({ min: 1990, max: 2600 }).map((n) => String(n)),
  fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(4, '0')),
);

describe('days', () => {
  it('give the date’s midnight and ISO prefix, years below 100 included', () => {
    expect(dayOf(2022, 3, 10, 'gregorian')).toEqual({
      year: 2022,
      month: 3,
      day: 10,
      calendar: 'gregorian',
      wallMs: Date.UTC(2022, 2, 10),
      isoDate: '2022-03-10T',
    });
    // Date.UTC would read year 5 as 1905.
    expect(new Date(dayOf(5, 1, 2, 'gregorian').wallMs).toISOString()).toBe('0005-01-02T00:00:00.000Z');
    expect(dayOf(5, 1, 2, 'gregorian').isoDate).toBe('0005-01-02T');
  });

  test.prop(
    [
      fc.constantFrom('dmy', 'mdy', 'ymd' as const),
      fc.constantFrom('', '.', 'BE'),
      fc.array(fc.tuple(fieldArb, fieldArb, fieldArb), { minLength: 1, maxLength: 12 }),
    ],
    { numRuns: 300 },
  )('read every date as interpretDate does, repeats and widths included', (order, tail, dates) => {
    const reader = new DayReader(order, tail);
    // Repeat each date so that the cache answers half of the reads.
    for (const fields of dates.flatMap((d) => [d, d])) {
      const expected = interpretDate(fields, tail, order);
      const day = reader.read(scanned(fields));
      if (expected === null) expect(day).toBeNull();
      else expect(day).toEqual(dayOf(expected.year, expected.month, expected.day, expected.calendar));
    }
  });

  it('tell `22` from `0022` although both are the number 22', () => {
    const reader = new DayReader('dmy', '');
    expect(reader.read(scanned(['10', '03', '22']))?.year).toBe(2022);
    expect(reader.read(scanned(['10', '03', '0022']))).toBeNull();
  });
});
