import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { interpretHour } from '../../src/format/interpret.js';
import { getLexicon } from '../../src/locales/lexicon.js';

const masks = getLexicon().meridiem;
const MORNING = 0xfff;
const AFTERNOON = 0xfff000;

describe('interpretHour', () => {
  it('reads each word by its own span, whatever words came before it', () => {
    // Three words in turn: the masks of the last two are kept, so the third evicts one.
    const calls: [number, string, number][] = [
      [1, 'AM', 1],
      [1, 'PM', 13],
      [12, 'AM', 0],
      [11, 'nachm.', 23],
      [12, 'PM', 12],
      [11, 'vorm.', 11],
      [11, 'nachm.', 23],
      [3, 'AM', 3],
      [3, 'p.\u202fm.', 15],
    ];
    for (const [hour, word, expected] of calls) expect(interpretHour(hour, word, masks), word).toBe(expected);
  });

  it('reads a word by the masks it is given, not by the last ones', () => {
    const upsideDown = new Map([['pm', MORNING]]);
    expect(interpretHour(1, 'PM', masks)).toBe(13);
    expect(interpretHour(1, 'PM', upsideDown)).toBe(1);
    expect(interpretHour(1, 'PM', masks)).toBe(13);
    expect(interpretHour(1, 'AM', upsideDown)).toBeNull();
  });

  test.prop([
    fc.array(fc.tuple(fc.integer({ min: 0, max: 13 }), fc.constantFrom('AM', 'PM', 'am', 'p. m.'))),
  ])('gives the answer of a fresh look-up on every call of a sequence', (calls) => {
    for (const [hour, word] of calls) {
      const mask = /^a/iu.test(word) ? MORNING : AFTERNOON;
      const expected = hour > 12 ? null : mask === MORNING ? hour % 12 : (hour % 12) + 12;
      expect(interpretHour(hour, word, masks)).toBe(expected);
    }
  });
});
