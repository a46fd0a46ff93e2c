import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { base64Length, createBase64Encoder } from '../../src/payload/base64-encoder.js';
import { cuts, splitAt } from './helpers.js';

function encodeInChunks(pieces: readonly Uint8Array[]): string {
  const encoder = createBase64Encoder();
  return pieces.map((piece) => encoder.push(piece)).join('') + encoder.end();
}

describe('createBase64Encoder', () => {
  test('pads the last group', () => {
    expect(encodeInChunks([Uint8Array.of(0x66)])).toBe('Zg==');
    expect(encodeInChunks([Uint8Array.of(0x66, 0x6f)])).toBe('Zm8=');
    expect(encodeInChunks([Uint8Array.of(0x66), Uint8Array.of(0x6f), Uint8Array.of(0x6f)])).toBe('Zm9v');
  });

  test('empty input gives empty text', () => {
    expect(encodeInChunks([])).toBe('');
    expect(encodeInChunks([new Uint8Array(0), new Uint8Array(0)])).toBe('');
  });

  test('does not keep a view of a chunk the caller reuses', () => {
    const encoder = createBase64Encoder();
    const reused = Uint8Array.of(1, 2, 3, 4);
    let text = encoder.push(reused);
    reused.set([9, 9, 9, 9]);
    text += encoder.push(Uint8Array.of(5, 6)) + encoder.end();
    expect(text).toBe(Buffer.from([1, 2, 3, 4, 5, 6]).toString('base64'));
  });

  test('encodes a view into a larger buffer from its offset', () => {
    const backing = Uint8Array.of(7, 7, 1, 2, 3, 7);
    expect(encodeInChunks([backing.subarray(2, 5)])).toBe(Buffer.from([1, 2, 3]).toString('base64'));
  });

  test('any chunking gives the base64 of the whole', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), cuts, (bytes, at) => {
        const text = encodeInChunks(splitAt(bytes, at));
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(text.length).toBe(base64Length(bytes.length));
      }),
      { numRuns: 300 },
    );
  });
});

describe('base64Length', () => {
  test('is 4 * ceil(n / 3)', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(base64Length)).toEqual([0, 4, 4, 4, 8, 8, 8, 12]);
    expect(base64Length(4 * 1024 ** 3)).toBe(5_726_623_064);
  });
});
