import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/format/day.js';
import { isoInstant, isoLocalTime } from '../../src/time/iso.js';
import { IsoTimeWriter } from '../../src/time/iso-bytes.js';

const YEAR_0 = new Date(0).setUTCFullYear(0, 0, 1);
const YEAR_10000 = new Date(0).setUTCFullYear(10_000, 0, 1);
const DAY_MS = 86_400_000;

const instantWriter = new IsoTimeWriter('instant', '<');
const localWriter = new IsoTimeWriter('local');

/** What a writer writes for `ms` (its lead included), or null when it writes nothing. */
function bytesOf(writer: IsoTimeWriter, ms: number): string | null {
  const target = new Uint8Array(40).fill(0xaa);
  const end = writer.write(target, 5, ms);
  if (end === -1) {
    // Nothing written.
    expect(target.every((byte) => byte === 0xaa)).toBe(true);
    return null;
  }
  expect(target.subarray(end).every((byte) => byte === 0xaa)).toBe(true);
  return Buffer.from(target.subarray(5, end)).toString('latin1');
}

const instantArb = fc.oneof(
  fc.integer({ min: YEAR_0, max: YEAR_10000 - 1 }),
  // Whole minutes and seconds, as chats print them.
  fc.integer({ min: YEAR_0 / 60_000, max: YEAR_10000 / 60_000 - 1 }).map((m) => m * 60_000),
  // Around the edges of the four-digit years, and around midnights.
  fc.integer({ min: -2 * DAY_MS, max: 2 * DAY_MS }).map((ms) => YEAR_0 + ms),
  fc.integer({ min: -2 * DAY_MS, max: 2 * DAY_MS }).map((ms) => YEAR_10000 + ms),
  fc.integer({ min: -1000, max: 1000 }).map((ms) => Date.UTC(2022, 2, 10) + ms),
);

describe('ISO strings as bytes', () => {
  test.prop([fc.array(instantArb, { minLength: 1, maxLength: 20 })], { numRuns: 500 })(
    'an instant writer writes its lead and isoInstant, in any order, or nothing outside years 0–9999',
    (instants) => {
      for (const ms of instants) {
        const inRange = ms >= YEAR_0 && ms < YEAR_10000;
        expect(bytesOf(instantWriter, ms)).toBe(inRange ? `<${isoInstant(ms)}` : null);
      }
    },
  );

  test.prop(
    [
      fc.array(
        fc.record({
          year: fc.integer({ min: 0, max: 9999 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
          second: fc.integer({ min: 0, max: 59 }),
        }),
        { minLength: 1, maxLength: 20 },
      ),
    ],
    { numRuns: 500 },
  )('a local writer writes isoLocalTime of the same wall time, as the parser makes both', (times) => {
    for (const { year, month, day, hour, minute, second } of times) {
      const date = dayOf(year, month, day, 'gregorian');
      const wallMs = date.wallMs + ((hour * 60 + minute) * 60 + second) * 1000;
      expect(bytesOf(localWriter, wallMs)).toBe(isoLocalTime(date.isoDate, hour, minute, second));
    }
  });

  it('leaves what it cannot write as the string would to the caller', () => {
    expect(bytesOf(instantWriter, Number.NaN)).toBeNull();
    expect(bytesOf(instantWriter, 1.5)).toBeNull();
    expect(bytesOf(instantWriter, YEAR_10000)).toBeNull();
    expect(bytesOf(localWriter, Date.UTC(2022, 2, 10, 11, 0, 0, 500))).toBeNull();
    expect(bytesOf(localWriter, YEAR_0 - 1000)).toBeNull();
    expect(bytesOf(localWriter, Date.UTC(2022, 2, 10, 11))).toBe('2022-03-10T11:00:00');
    expect(bytesOf(instantWriter, Date.UTC(2022, 2, 10, 11, 0, 0, 7))).toBe('<2022-03-10T11:00:00.007Z');
  });
});
