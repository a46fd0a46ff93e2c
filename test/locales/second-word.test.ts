/**
 * The second-word check may only turn away bodies no entry matches: every rendered table entry
 * passes it, and wherever it turns a body away, system phrases and the classifier answer as if
 * the body's first word opened nothing.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { getLexicon, indexWords } from '../../src/locales/lexicon.js';
import { LOCALE_TABLES } from '../../src/locales/registry.js';
import { entrySecondWord, maySecondWordMatch, secondWordKey } from '../../src/locales/second-word.js';
import { lookupWordKey, mayHoldWord, NO_WORD_KEY } from '../../src/locales/word-key.js';
import { classifyBody, matchSystem } from '../../src/parse/classify.js';

const lexicon = getLexicon();
const LRM = '\u200e';
const NBSP = '\u00a0';

/** Every table entry keyed by its first word, as text a body could hold (variables filled in). */
function entryTexts(): string[] {
  const out: string[] = [];
  const fill = (phrase: string) =>
    phrase
      .replaceAll('{name}', 'Ann Lee')
      .replaceAll('{number}', '+44 7700 900123')
      .replaceAll('{subject}', 'Team: Q4')
      .replaceAll('{n}', '3');
  const open = (text: string) => (text.endsWith('…') ? `${text.slice(0, -1)} and more here` : text);
  for (const table of LOCALE_TABLES) {
    for (const { phrase } of table.system ?? []) if (!phrase.startsWith('{')) out.push(open(fill(phrase)));
    const placeholders = [
      ...(table.mediaOmitted ?? []),
      ...Object.values(table.mediaOmittedTyped ?? {}).flat(),
      ...(table.deleted ?? []),
      ...(table.deletedOwn ?? []),
      ...(table.calls ?? []),
      ...(table.liveLocation ?? []),
      ...(table.waiting ?? []),
    ];
    for (const text of placeholders) out.push(open(text));
    for (const label of [...(table.location ?? []), ...(table.poll ?? [])])
      out.push(`${label} https://x.test/1`);
  }
  return out;
}

/** How exports and people vary a text without changing what it says. */
function variants(text: string): string[] {
  return [
    text,
    `${LRM}${text}`,
    text.toUpperCase(),
    text.toLowerCase(),
    `${text}.`,
    text.replaceAll(' ', NBSP),
    text.replaceAll(' ', '  '),
    text.replace(' ', ` ${LRM}`),
    // A mark inside the second word: matching removes marks, so the key must skip them too.
    text.replace(/ (\S)/u, ` $1${LRM}`),
  ];
}

/** Turned away ⇒ nothing under the first word could have matched. */
function expectSafe(body: string): void {
  const word = lookupWordKey(body, lexicon.wordKeys);
  if (word === NO_WORD_KEY || maySecondWordMatch(lexicon.secondWords, word, body)) return;
  expect(matchSystem(body, lexicon, false, word), body).toBeNull();
  expect(matchSystem(body, lexicon, true, word), body).toEqual(matchSystem(body, lexicon, true, NO_WORD_KEY));
  expect(classifyBody(body, lexicon, word), body).toEqual(classifyBody(body, lexicon, NO_WORD_KEY));
}

describe('second-word keys', () => {
  it('read the second word the way entries print it', () => {
    expect(secondWordKey('You added Ann')).toBe('ad');
    expect(secondWordKey(`${LRM}Missed${NBSP}call.`)).toBe('ca');
    expect(secondWordKey('Sticker')).toBe('');
    expect(secondWordKey('A: You know', 3)).toBe('kn');
    expect(secondWordKey('Σ ΣΑΣ')).toBe(secondWordKey('σ σας'));
    expect(secondWordKey(`${'x'.repeat(200)} y`)).toBeNull();
    expect(entrySecondWord('You added {name}', false)).toBe('ad');
    expect(entrySecondWord('You {subject}', false)).toBeNull();
    expect(entrySecondWord('Voice call', true)).toBe('ca');
    expect(entrySecondWord('Voice', true)).toBeNull();
    expect(entrySecondWord('Voice c', true)).toBeNull();
    expect(entrySecondWord('Sticker', false)).toBe('');
  });

  it('turn away the false leads a chat is full of, and no entry of any table', () => {
    const texts = entryTexts();
    expect(texts.length).toBeGreaterThan(400);
    let keyed = 0;
    for (const text of texts) {
      for (const body of variants(text)) {
        const word = lookupWordKey(body, lexicon.wordKeys);
        if (word === NO_WORD_KEY) continue;
        keyed++;
        expect(maySecondWordMatch(lexicon.secondWords, word, body), body).toBe(true);
      }
    }
    expect(keyed).toBeGreaterThan(2000);
    for (const lead of [
      'You know what',
      'Video of the beach',
      'In a minute',
      'With pleasure',
      'This is fine',
    ]) {
      const word = lookupWordKey(lead, lexicon.wordKeys);
      expect(word === NO_WORD_KEY || !maySecondWordMatch(lexicon.secondWords, word, lead), lead).toBe(true);
    }
  });

  const texts = entryTexts();
  const firstWords = [...new Set(texts.map((text) => text.split(' ')[0] as string))];
  test.prop(
    [
      fc.constantFrom(...firstWords),
      fc.array(
        fc.oneof(
          fc.constantFrom(...texts.flatMap((text) => text.split(' ').slice(1, 3))),
          fc.constantFrom('you', 'know', 'a', '.', 'call.', `${LRM}x`, '"', '’s', '{name}', NBSP, ''),
          fc.string({ maxLength: 4 }),
        ),
        { maxLength: 5 },
      ),
    ],
    { numRuns: 2000 },
  )('never turn away a body an entry under its first word matches', (first, rest) => {
    expectSafe([first, ...rest].join(' '));
  });

  test.prop(
    [fc.constantFrom(...texts), fc.nat({ max: 8 }), fc.nat({ max: 40 }), fc.string({ maxLength: 3 })],
    {
      numRuns: 2000,
    },
  )('nor an entry with an edit somewhere', (text, variant, at, insert) => {
    const body = variants(text)[variant] as string;
    expectSafe(body.slice(0, at) + insert + body.slice(at));
  });
});

describe('name-first anchors', () => {
  const anchors = [...lexicon.systemNameFirstByWord.keys()].filter((word) => word !== '');
  it('let a line with no anchor word skip the split, and one with an anchor through', () => {
    expect(anchors.length).toBeGreaterThan(20);
    expect(mayHoldWord('IMG-20240327-WA0007.jpg (file attached)', lexicon.systemNameFirstAnchors)).toBe(
      false,
    );
    for (const anchor of anchors) {
      expect(mayHoldWord(`Ann ${anchor} "Bob"`, lexicon.systemNameFirstAnchors), anchor).toBe(true);
      // Upper case, where lower-casing gives the anchor back (`AYRILDI` is not `ayrıldı`).
      const upper = anchor.toUpperCase();
      if (upper.toLowerCase() === anchor) {
        expect(mayHoldWord(`«${upper}»`, lexicon.systemNameFirstAnchors), upper).toBe(true);
      }
    }
  });

  test.prop(
    [
      fc.array(
        fc.oneof(
          fc.constantFrom(...anchors),
          fc.constantFrom('Ann', 'IMG-1.jpg', '(file', 'attached)', '“x”', '「y」', NBSP, '\t', '😀'),
          fc.string({ maxLength: 5 }),
        ),
        { maxLength: 8 },
      ),
      fc.constantFrom(' ', '"', '«', '』', NBSP),
    ],
    { numRuns: 2000 },
  )('never turn away a line whose words hold an anchor', (words, separator) => {
    const line = words.join(separator);
    if (indexWords(line).some((word) => lexicon.systemNameFirstByWord.has(word) && word !== '')) {
      expect(mayHoldWord(line, lexicon.systemNameFirstAnchors), line).toBe(true);
    }
  });
});
