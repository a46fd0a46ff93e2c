import { fc, test } from '@fast-check/vitest';
import { describe, expect, it, vi } from 'vitest';
import { MeridiemReader } from '../../src/format/meridiem-reader.js';
import { getLexicon } from '../../src/locales/lexicon.js';

const lexicon = getLexicon();

/** What the reader stands in for: one sticky run of the whole alternation. */
function regexRead(source: string, text: string, at: number): string | null {
  const sticky = new RegExp(`(?:${source})`, 'uy');
  sticky.lastIndex = at;
  return sticky.exec(text)?.[0] ?? null;
}

const printed = lexicon.meridiemPrinted;
/** Words another word starts with (`ص`, `صبح`), and those others: where remembering could go wrong. */
const nested = printed.filter((a) => printed.some((b) => a !== b && (b.startsWith(a) || a.startsWith(b))));

/** A printed word as an export may print it: spaces as any of the kinds the regex takes, or none. */
const printedArb = fc
  .tuple(
    fc.oneof(fc.constantFrom(...printed), fc.constantFrom(...nested), fc.constantFrom('em', 'em.', 'EM')),
    fc.constantFrom(' ', '\u00a0', '\u202f', ''),
  )
  .map(([word, space]) => word.replace(/ /gu, space).replace(/'/gu, '’'));

/** What may follow the word in a header or a body (and runs on into longer words). */
const tailArb = fc.string({
  unit: fc.constantFrom(']', ' ', '-', ':', '.', '\u00a0', 'a', 'm', 'p', 'M', '1', '\u200e'),
  maxLength: 6,
});

/** A text with a word (or a cut or padded one) at some position. */
const caseArb = fc
  .tuple(fc.string({ maxLength: 4 }), printedArb, fc.nat(2), tailArb)
  .map(([before, word, cut, tail]) => {
    const shown = word.slice(0, Math.max(1, word.length - cut));
    return { text: `${before}${shown}${tail}`, at: before.length };
  });

describe('MeridiemReader', () => {
  it('has nested words to try it on', () => {
    expect(nested.length).toBeGreaterThanOrEqual(4);
  });

  test.prop([fc.array(caseArb, { minLength: 1, maxLength: 40 })], { numRuns: 300 })(
    'reads what the whole alternation reads, however many words it has remembered',
    (cases) => {
      const reader = new MeridiemReader(lexicon.meridiemSource, lexicon.meridiemPrinted);
      for (const { text, at } of cases) {
        expect(reader.read(text, at)).toBe(regexRead(lexicon.meridiemSource, text, at));
      }
    },
  );

  it('reads the same word again without the regex, and null where there is none', () => {
    const reader = new MeridiemReader(lexicon.meridiemSource, lexicon.meridiemPrinted);
    expect(reader.read('[3/10/22, 9:41:07 PM] Ana: hi', 18)).toBe('PM');
    expect(reader.read('[3/10/22, 9:41:08 AM] Ana: hi', 18)).toBe('AM');
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    try {
      expect(reader.read('[3/10/22, 9:42:00 PM] Ana: ok', 18)).toBe('PM');
      expect(reader.read('[3/10/22, 9:42:00 AM] Ana: ok', 18)).toBe('AM');
      expect(exec).not.toHaveBeenCalled();
    } finally {
      exec.mockRestore();
    }
    expect(reader.read('[3/10/22, 9:42:00] Ana: ok', 17)).toBeNull();
  });

  it('does not remember a word a longer word starts with', () => {
    // `a` is a whole word, and the start of `am`: after reading `a`, `am` must still read whole.
    const reader = new MeridiemReader('am|a', ['am', 'a']);
    expect(reader.read('9 a]', 2)).toBe('a');
    expect(reader.read('9 am]', 2)).toBe('am');
  });

  it('does not remember a word a word ending in a space may run on from', () => {
    // The last space of `pm ` is optional in the regex: `pm` then ` ` reads as `pm `.
    const reader = new MeridiemReader('pm[ \\u00a0\\u202f]?', ['pm ']);
    expect(reader.read('9 pm]', 2)).toBe('pm');
    expect(reader.read('9 pm ]', 2)).toBe('pm ');
  });

  it('tells words apart by case, as the regex does', () => {
    const reader = new MeridiemReader('PM|pm', ['PM', 'pm']);
    expect(reader.read('9 PM]', 2)).toBe('PM');
    expect(reader.read('9 pm]', 2)).toBe('pm');
    expect(reader.read('9 Pm]', 2)).toBeNull();
  });
});
