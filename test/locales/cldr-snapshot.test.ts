import { describe, expect, it } from 'vitest';
import { cldrMeridiemWords } from '../../src/locales/cldr.js';
import { CLDR_MERIDIEM_WORDS, CLDR_SNAPSHOT_SOURCE } from '../../src/locales/cldr-meridiem.js';
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
