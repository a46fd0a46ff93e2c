import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../src/chars.js';
import { firstWordKey } from '../../src/locales/lexicon.js';

/** The definition firstWordKey's hand-written scanner must agree with. */
function reference(text: string): string {
  const folded = normalizeForMatch(text.slice(0, 64)).trimStart();
  const stop = folded.search(/[\s"“”„«»]/u);
  return (stop === -1 ? folded : folded.slice(0, stop)).slice(0, 6).toLowerCase();
}

const PIECES = [
  'a',
  'B',
  'İ',
  'é',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u2068',
  '\ufeff',
  ' ',
  '\u00a0',
  '\u202f',
];
const MORE = ['\u2009', '\u3000', '\t', '\n', '"', '«', '“', '消', '😀', '.', '<', ':', 'Ж', 'x'];

describe('firstWordKey', () => {
  test.prop([fc.array(fc.constantFrom(...PIECES, ...MORE), { maxLength: 90 }).map((a) => a.join(''))], {
    numRuns: 3000,
  })('agrees with its regex definition on mark- and space-heavy text', (text) => {
    expect(firstWordKey(text)).toBe(reference(text));
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 80 })])('agrees on arbitrary text', (text) => {
    expect(firstWordKey(text)).toBe(reference(text));
  });

  it('cuts words to six units so spaceless scripts and glued punctuation share a bucket', () => {
    expect(firstWordKey('\u200eMessages and calls')).toBe('messag');
    expect(firstWordKey('消息和通话已进行端到端加密')).toBe('消息和通话已');
    expect(firstWordKey('Sprachanruf. 12 Min.')).toBe('sprach');
  });
});
