import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isoDatePrefix, isoInstant, isoLocalTime } from '../../src/time/iso.js';

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

describe('ISO strings', () => {
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
