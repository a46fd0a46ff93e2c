/**
 * The classifier's shortcuts — the first-word key filter and the plain-text test — must never
 * change an answer: classifying with the parser's precomputed lookup key gives exactly what the
 * full path gives, on bodies assembled from every table string and from the characters each
 * shortcut looks at.
 */

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { BULLET, LRM, NBSP, RLM } from '../../src/chars.js';
import { getLexicon } from '../../src/locales/lexicon.js';
import { LOCALE_TABLES } from '../../src/locales/registry.js';
import { firstWordKey, lookupWordKey } from '../../src/locales/word-key.js';
import { classifyBody, matchSystem, startsWithMark } from '../../src/parse/classify.js';
import { parseChatText } from '../../src/parse/sync.js';

const lexicon = getLexicon();

/** Every string of every table, placeholders filled. */
const TABLE_STRINGS = LOCALE_TABLES.flatMap((table) => [
  ...(table.attachedTag ?? []).map((label) => `<${label}: 00000001-PHOTO.jpg>`),
  ...(table.attachedTagAfter ?? []).map((label) => `<IMG.jpg ${label}>`),
  ...(table.fileAttached ?? []).map((label) => `IMG-20240101-WA0001.jpg (${label})`),
  ...(table.mediaOmitted ?? []),
  ...Object.values(table.mediaOmittedTyped ?? {}).flat(),
  ...(table.deleted ?? []),
  ...(table.deletedOwn ?? []),
  ...(table.edited ?? []).map((label) => `<${label}>`),
  ...(table.pages ?? []).map((phrase) => phrase.replace('{n}', '2')),
  ...(table.calls ?? []),
  ...(table.location ?? []).map((label) => `${label} https://maps.google.com/?q=1,2`),
  ...(table.liveLocation ?? []),
  ...(table.poll ?? []),
  ...(table.waiting ?? []),
  ...(table.system ?? []).map((phrase) =>
    phrase.phrase.replace(/\{[a-z]+\}/gu, 'Ana').replace(/…$/u, ' more'),
  ),
]).map((text) => text.replace(/…$/u, ' 3 min'));

/** The characters and words each shortcut looks at. */
const MARKERS = [
  'hello',
  'Zebra',
  'null',
  ' ',
  '\n',
  '\t',
  NBSP,
  LRM,
  RLM,
  BULLET,
  '>',
  '<',
  ')',
  '(',
  ':',
  '://',
  'https://foursquare.com/v/abc',
  `https:${LRM}//foursquare.com/v/abc`,
  'foursquare.com/v/x',
  'Café (Main St): ',
  '2 pages',
  '.vcf',
  '😀',
];

const piecesArb = fc.oneof(fc.constantFrom(...MARKERS), fc.constantFrom(...TABLE_STRINGS));
/** A table string as a body may print it: other case, odd spaces or marks between words, a dot, more after it, cut short. */
const variantArb = fc
  .tuple(
    fc.constantFrom(...TABLE_STRINGS),
    fc.constantFrom('same', 'upper', 'lower', 'capital'),
    fc.constantFrom(' ', '  ', `${LRM} `, ` ${LRM}`, NBSP, '\u202f'),
    fc.constantFrom('', '.', ' ', ' and more', 'ing', '?', `${LRM}`),
    fc.nat({ max: 6 }),
  )
  .map(([text, casing, space, tail, cut]) => {
    const cased =
      casing === 'upper'
        ? text.toUpperCase()
        : casing === 'lower'
          ? text.toLowerCase()
          : casing === 'capital'
            ? text.charAt(0).toUpperCase() + text.slice(1)
            : text;
    const spaced = cased.replace(' ', space);
    return (cut > 3 ? spaced.slice(0, Math.max(1, spaced.length - cut)) : spaced) + tail;
  });

const bodyArb = fc.oneof(
  variantArb,
  variantArb,
  fc.array(fc.constantFrom(...MARKERS), { maxLength: 6 }).map((parts) => parts.join('')),
  fc.array(piecesArb, { maxLength: 4 }).map((parts) => parts.join('')),
  fc.array(piecesArb, { maxLength: 3 }).map((parts) => parts.join(' ')),
  // Shared venues: name, address and URL on three lines (Android) or one (iOS).
  fc
    .tuple(
      fc.constantFrom('Café', 'Ana', 'x'),
      fc.constantFrom('Main St', '1 Road'),
      fc.constantFrom(...MARKERS),
    )
    .chain(([name, address, tail]) =>
      fc.constantFrom(
        `${name}\n${address}\nhttps://foursquare.com/v/${tail}`,
        `${name}\n${address}\nhttps:${LRM}//foursquare.com/v/abc`,
        `${name} (${address}): https://foursquare.com/v/abc${tail}`,
      ),
    ),
  fc.string({ maxLength: 40 }),
);

describe('classifier shortcuts', () => {
  test.prop([bodyArb], { numRuns: 8000 })('classify with the lookup key exactly as without it', (body) => {
    const word = lookupWordKey(body, lexicon.wordKeys);
    expect(classifyBody(body, lexicon, word)).toEqual(classifyBody(body, lexicon));
    expect(classifyBody(body, lexicon, firstWordKey(body))).toEqual(classifyBody(body, lexicon));
  });

  test.prop([bodyArb, fc.boolean()], { numRuns: 2000 })(
    'match system phrases with the lookup key exactly as with the full key',
    (body, nameFirst) => {
      const allow = nameFirst || startsWithMark(body);
      expect(matchSystem(body, lexicon, allow, lookupWordKey(body, lexicon.wordKeys))).toEqual(
        matchSystem(body, lexicon, allow, firstWordKey(body)),
      );
    },
  );

  test.prop([fc.constantFrom(...TABLE_STRINGS)], { numRuns: 500 })(
    'let every table string through the filter when it opens a body',
    (text) => {
      const word = firstWordKey(text);
      const keyed =
        lexicon.placeholderWords.has(word) ||
        lexicon.systemByFirstWord.has(word) ||
        lexicon.location.has(word) ||
        lexicon.poll.has(word);
      if (keyed) expect(lookupWordKey(text, lexicon.wordKeys)).toBe(word);
    },
  );

  // The parser hands the classifier what it knows already (the lookup key, where the first line
  // ends) and keeps a multi-line body as one slice of its chunk: none of it may change an answer.
  test.prop([fc.array(fc.tuple(bodyArb, fc.constantFrom('\n', '\r\n')), { minLength: 1, maxLength: 8 })], {
    numRuns: 1500,
  })('classify bodies in a parsed log as the classifier does on their own', (bodies) => {
    const log = bodies.map(([body, end], i) => `10/03/2022, 11:0${i} - Ana: ${body}${end}`).join('');
    for (const message of parseChatText(log, { utcOffsetMinutes: 0 }).messages) {
      if (message.system) continue;
      const alone = classifyBody(message.text, lexicon);
      expect({ ...message.flags, kind: message.kind, attachment: message.attachment }).toEqual({
        edited: alone.edited,
        mediaOmitted: alone.mediaOmitted,
        deleted: alone.deleted,
        unrecognizedSystem: false,
        kind: alone.kind,
        attachment: alone.attachment,
      });
    }
  });
});
