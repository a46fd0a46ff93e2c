import { describe, expect, it } from 'vitest';
import {
  cldrDateOrder,
  cldrMeridiemWords,
  DATE_ORDER_SNAPSHOT_TAGS,
  languageDateOrder,
} from '../../src/locales/cldr.js';
import {
  CLDR_DATE_ORDERS,
  CLDR_MERIDIEM_WORDS,
  CLDR_SNAPSHOT_SOURCE,
} from '../../src/locales/cldr-snapshot.js';
import { getLexicon, meridiemKey } from '../../src/locales/lexicon.js';

describe('the CLDR meridiem snapshot', () => {
  it('holds every word this Node’s CLDR prints, with its hours (else run `npm run cldr:snapshot`)', () => {
    const snapshot = new Set(CLDR_MERIDIEM_WORDS.map((w) => `${w.word}|${w.from}|${w.to}`));
    const missing = cldrMeridiemWords()
      .map((w) => `${w.word}|${w.from}|${w.to}`)
      .filter((key) => !snapshot.has(key));
    expect(
      missing,
      `snapshot from CLDR ${CLDR_SNAPSHOT_SOURCE.cldr}, running ${process.versions.cldr}`,
    ).toEqual([]);
  });

  it('is what the lexicon reads its meridiem words from', () => {
    const { meridiem } = getLexicon();
    for (const { word } of CLDR_MERIDIEM_WORDS) expect(meridiem.has(meridiemKey(word)), word).toBe(true);
    expect(CLDR_MERIDIEM_WORDS.length).toBeGreaterThan(100);
  });
});

describe('the CLDR date-order snapshot', () => {
  it('orders each of its tags as this Node’s CLDR does (else run `npm run cldr:snapshot`)', () => {
    const tags = [
      ...new Set(DATE_ORDER_SNAPSHOT_TAGS.map((tag) => Intl.getCanonicalLocales(tag)[0] as string)),
    ];
    expect(Object.keys(CLDR_DATE_ORDERS).sort()).toEqual(tags.sort());
    for (const tag of tags) {
      expect(CLDR_DATE_ORDERS[tag], `${tag}, snapshot from CLDR ${CLDR_SNAPSHOT_SOURCE.cldr}`).toBe(
        cldrDateOrder(tag),
      );
    }
  });

  it('answers for tags it holds, however written, and asks Intl for the others', () => {
    expect(languageDateOrder('en-us')).toBe('mdy');
    expect(languageDateOrder('EN-GB')).toBe('dmy');
    expect(languageDateOrder('zh-CN')).toBe('ymd');
    // Not in the snapshot: Intl's answer.
    expect(Object.hasOwn(CLDR_DATE_ORDERS, 'de-LU')).toBe(false);
    expect(languageDateOrder('de-LU')).toBe(cldrDateOrder('de-LU'));
    expect(languageDateOrder('not a tag')).toBeNull();
  });
});
