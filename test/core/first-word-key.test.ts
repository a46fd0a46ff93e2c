import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../src/chars.js';
import { foldKey, getLexicon } from '../../src/locales/lexicon.js';
import {
  firstWordKey,
  lookupWordKey,
  lookupWordKeyAt,
  mayHaveWordKey,
  NO_WORD_KEY,
  wordKeyFilter,
} from '../../src/locales/word-key.js';

/** The definition firstWordKey's hand-written scanner must agree with. */
function reference(text: string): string {
  const folded = normalizeForMatch(text.slice(0, 64)).trimStart();
  const stop = folded.search(/[\s"“”„«»]/u);
  return (stop === -1 ? folded : folded.slice(0, stop)).slice(0, 6).toLowerCase().replaceAll('’', "'");
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
const MORE = ['\u2009', '\u3000', '\t', '\n', '"', '«', '“', '消', '😀', '.', '<', ':', 'Ж', 'x', "'", '’'];

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

  it("keys the typographic apostrophe as `'`, so either spelling finds the same entries", () => {
    expect(firstWordKey('You’re now an admin')).toBe("you're");
    expect(firstWordKey("You're now an admin")).toBe("you're");
    expect(firstWordKey('\u200eL’ADMIN')).toBe("l'admi");
    const { wordKeys } = getLexicon();
    expect(lookupWordKey('You’re now an admin', wordKeys)).toBe("you're");
    expect(lookupWordKeyAt('X: You’re no longer an admin', wordKeys, 3, 28)).toBe("you're");
  });
});

const CASED = [
  'Σ',
  'ΟΔΟΣ',
  'İ',
  'Ǆ',
  'ǅ',
  '\u{10400}',
  '\u{1E900}',
  'ẞ',
  'Å',
  'K',
  'ﬀ',
  'Ω',
  'Ⅻ',
  'Ⓐ',
  '\u{1F130}',
];

describe('the first-word key filter', () => {
  const textArb = fc.oneof(
    fc.array(fc.constantFrom(...PIECES, ...MORE, ...CASED), { maxLength: 20 }).map((a) => a.join('')),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  );

  test.prop([textArb], { numRuns: 3000 })('never rules out a text whose key is in the filter', (text) => {
    // Soundness: the filter built from a text's own key must let that text through.
    expect(mayHaveWordKey(text, wordKeyFilter([firstWordKey(text)]))).toBe(true);
  });

  test.prop([fc.array(textArb, { maxLength: 30 }), textArb], { numRuns: 500 })(
    'lookupWordKey is firstWordKey whenever the key is one of the filter’s',
    (keyed, text) => {
      const keys = new Set(keyed.map(firstWordKey));
      const looked = lookupWordKey(text, wordKeyFilter(keys));
      if (keys.has(firstWordKey(text))) expect(looked).toBe(firstWordKey(text));
      else expect([NO_WORD_KEY, firstWordKey(text)]).toContain(looked);
    },
  );

  test.prop([textArb, textArb, textArb], { numRuns: 2000 })(
    'read in place inside a longer text exactly as on the body alone',
    (before, body, after) => {
      const { wordKeys } = getLexicon();
      const text = `${before}\n${body}\n${after}`;
      const start = before.length + 1;
      expect(lookupWordKeyAt(text, wordKeys, start, start + body.length)).toBe(lookupWordKey(body, wordKeys));
    },
  );

  it('lets through the bodies of every table entry it indexes, and few others', () => {
    const lexicon = getLexicon();
    const keys = [
      ...lexicon.placeholderWords,
      ...lexicon.systemByFirstWord.keys(),
      ...lexicon.location.keys(),
      ...lexicon.poll.keys(),
    ];
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) expect(mayHaveWordKey(key, lexicon.wordKeys), key).toBe(true);
    expect(mayHaveWordKey('\u200eMessages and calls are end-to-end encrypted.', lexicon.wordKeys)).toBe(true);
    expect(mayHaveWordKey('<Media omitted>', lexicon.wordKeys)).toBe(true);
    // Ordinary words mostly miss (a hash collision would only cost a lookup).
    const plain = ['Zebra', 'crossing', 'tomorrow', 'coffee', 'Kraków', 'brûlée', 'weekend', 'pizza'];
    const through = plain.filter((word) => mayHaveWordKey(`${word} later`, lexicon.wordKeys));
    expect(through.length).toBeLessThanOrEqual(2);
  });

  it('treats astral units from U+1F000 on as caseless, as the filter assumes', () => {
    for (let code = 0x1f000; code <= 0x10ffff; code++) {
      const char = String.fromCodePoint(code);
      if (char.toLowerCase() !== char) expect.fail(`U+${code.toString(16)} has a lower case`);
    }
  });
});

describe('foldKey', () => {
  /** The definition the regex-free form must agree with. */
  function reference(text: string): string {
    return normalizeForMatch(text)
      .replace(/ {2,}/gu, ' ')
      .trim()
      .toLowerCase()
      .replace(/[.。]+$/u, '');
  }

  test.prop(
    [
      fc.oneof(
        fc
          .array(fc.constantFrom(...PIECES, ...MORE, '.', '。', '  ', 'A.', '. '), { maxLength: 12 })
          .map((a) => a.join('')),
        fc.string({ unit: 'binary', maxLength: 30 }),
      ),
    ],
    { numRuns: 3000 },
  )('agrees with its regex definition', (text) => {
    expect(foldKey(text)).toBe(reference(text));
  });
});
