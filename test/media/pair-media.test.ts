import { describe, expect, it } from 'vitest';
import type { ExportEntry } from '../../src/archive/index.js';
import { pairMedia, uniqueMedia } from '../../src/media/index.js';

function entry(name: string, folder = ''): ExportEntry {
  const bytes = new TextEncoder().encode(name);
  const open = async () =>
    (async function* () {
      yield bytes;
    })();
  return {
    name,
    path: `${folder}${name}`,
    size: bytes.byteLength,
    open,
    readHead: async (n) => bytes.subarray(0, n),
  };
}

describe('pairMedia', () => {
  it('pairs exact names and reports missing references and orphan files', () => {
    const photo = entry('IMG-20220310-WA0000.jpg');
    const voice = entry('PTT-20220310-WA0001.opus');
    const stray = entry('notes.pdf');
    const result = pairMedia(
      ['IMG-20220310-WA0000.jpg', 'PTT-20220310-WA0001.opus', 'VID-1.mp4'],
      [photo, voice, stray],
    );
    expect(result.paired).toEqual([
      { reference: 'IMG-20220310-WA0000.jpg', entry: photo, matchedBy: 'exact' },
      { reference: 'PTT-20220310-WA0001.opus', entry: voice, matchedBy: 'exact' },
    ]);
    expect(result.missing).toEqual(['VID-1.mp4']);
    expect(result.orphans).toEqual([stray]);
  });

  it('matches NFD file names to NFC references (and back), and marks are ignored', () => {
    const decomposed = entry('00000012-Cafe\u0301 menu.pdf');
    const composed = entry('00000013-Štípek.vcf');
    const result = pairMedia(
      ['00000012-Café menu.pdf', '\u200e00000013-S\u030ctípek.vcf'],
      [decomposed, composed],
    );
    expect(result.paired.map((pair) => [pair.entry, pair.matchedBy])).toEqual([
      [decomposed, 'unicode'],
      [composed, 'unicode'],
    ]);
    expect(result.missing).toEqual([]);
  });

  it('falls back to case-insensitive matching last', () => {
    const upper = entry('IMG-0001.JPG');
    expect(pairMedia(['img-0001.jpg'], [upper]).paired).toEqual([
      { reference: 'img-0001.jpg', entry: upper, matchedBy: 'case' },
    ]);
  });

  it('never lets a looser match steal a stricter one', () => {
    const lower = entry('a.jpg');
    const upper = entry('A.jpg');
    const result = pairMedia(['A.jpg', 'a.jpg'], [lower, upper]);
    expect(result.paired.map((pair) => [pair.reference, pair.entry.name, pair.matchedBy])).toEqual([
      ['A.jpg', 'A.jpg', 'exact'],
      ['a.jpg', 'a.jpg', 'exact'],
    ]);
    // Only one file left for two names that fold to it: the first name gets it, the second is missing.
    const single = pairMedia(['A.JPG', 'a.JPG'], [lower]);
    expect(single.paired.map((pair) => [pair.reference, pair.matchedBy])).toEqual([['A.JPG', 'case']]);
    expect(single.missing).toEqual(['a.JPG']);
  });

  it('pairs a file referenced twice to the same entry, once in uniqueMedia', () => {
    const photo = entry('IMG-1.jpg');
    const other = entry('IMG-2.jpg');
    const result = pairMedia(['IMG-1.jpg', 'IMG-2.jpg', 'IMG-1.jpg', 'gone.jpg', 'gone.jpg'], [photo, other]);
    expect(result.paired.map((pair) => pair.entry)).toEqual([photo, other, photo]);
    expect(result.missing).toEqual(['gone.jpg']);
    expect(uniqueMedia(result.paired).map((pair) => pair.entry)).toEqual([photo, other]);
  });

  it('prefers the first of two same-named files and leaves the other orphaned', () => {
    const first = entry('IMG-1.jpg', 'a/');
    const second = entry('IMG-1.jpg', 'b/');
    const result = pairMedia(['IMG-1.jpg'], [first, second]);
    expect(result.paired[0]?.entry).toBe(first);
    expect(result.orphans).toEqual([second]);
  });

  it('handles nothing at all', () => {
    expect(pairMedia([], [])).toEqual({ paired: [], missing: [], orphans: [] });
  });
});
