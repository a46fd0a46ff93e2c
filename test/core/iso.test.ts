import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isoDatePrefix, isoDayPrefix, isoInstant, isoLocalTime } from '../../src/time/iso.js';

const instantArb = fc.oneof(
  // Whole seconds, as chats print them (the cached path) …
  fc.integer({ min: -62_000_000_000, max: 253_000_000_000 }).map((s) => s * 1000),
  // … and any millisecond, years 0–9999 …
  fc.integer({
    min: new Date('0000-01-01T00:00:00Z').getTime(),
    max: new Date('9999-12-31T23:59:59.999Z').getTime(),
  }),
  // … and the days either side, where toISOString writes extended years (a local time at the
  // edge of the four-digit years, moved by its UTC offset).
  fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }).map((ms) => Date.UTC(10_000, 0, 1) + ms),
  fc
    .integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 })
    .map((ms) => new Date(0).setUTCFullYear(0, 0, 1) + ms),
);

const DAY_MS = 86_400_000;

describe('ISO strings', () => {
  test.prop([fc.integer({ min: -719_600, max: 2_933_000 })], { numRuns: 2000 })(
    'isoDayPrefix is the date of toISOString, and null where that leaves four-digit years',
    (day) => {
      const iso = new Date(day * DAY_MS).toISOString();
      expect(isoDayPrefix(day)).toBe(/^\d{4}-/u.test(iso) ? iso.slice(0, 11) : null);
    },
  );

  it('isoDayPrefix at the turns of eras, leap days and the ends of the range', () => {
    for (const day of [-719_528, -719_469, -719_468, -1, 0, 59, 60, 10_956, 11_016, 2_932_896]) {
      expect(isoDayPrefix(day), String(day)).toBe(new Date(day * DAY_MS).toISOString().slice(0, 11));
      expect(isoDayPrefix(day + 0.5)).toBeNull();
    }
    expect(isoDayPrefix(Number.NaN)).toBeNull();
  });

  test.prop([fc.array(instantArb, { minLength: 1, maxLength: 20 })], { numRuns: 500 })(
    'isoInstant is Date#toISOString, in any order (its caches never leak between calls)',
    (instants) => {
      for (const ms of instants) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
    },
  );

  test.prop(
    [
      fc.date({
        min: new Date('0000-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
    ],
    {
      numRuns: 500,
    },
  )('isoLocalTime prints a wall time as toISOString would, without zone', (date) => {
    const expected = date.toISOString().slice(0, 19);
    const [y, mo, d, h, mi, s] = [
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
    ];
    expect(isoLocalTime(isoDatePrefix(y, mo, d), h, mi, s)).toBe(expected);
  });
});
