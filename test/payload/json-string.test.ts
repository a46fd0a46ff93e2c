import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createJsonStringEscaper } from '../../src/payload/json-string.js';
import { anyText, cuts, splitAt } from './helpers.js';

function escapeInChunks(pieces: readonly string[]): string {
  const escaper = createJsonStringEscaper();
  return pieces.map((piece) => escaper.push(piece)).join('') + escaper.end();
}

const inner = (text: string): string => JSON.stringify(text).slice(1, -1);

describe('createJsonStringEscaper', () => {
  test('uses the short escapes and \\u00XX like JSON.stringify', () => {
    expect(escapeInChunks(['a"b\\c\n\r\t\b\f\u0000\u001f\u007f'])).toBe(
      'a\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f\u007f',
    );
  });

  test('leaves U+2028 and U+2029 unescaped', () => {
    expect(escapeInChunks(['x\u2028y\u2029z'])).toBe('x\u2028y\u2029z');
  });

  test('keeps a surrogate pair split across chunks as one character', () => {
    expect(escapeInChunks(['ok \ud83d', '\ude00!'])).toBe('ok 😀!');
  });

  test('escapes a high surrogate carried to the end as \\udXXX', () => {
    expect(escapeInChunks(['end\ud83d'])).toBe('end\\ud83d');
    expect(escapeInChunks(['\ud83d', '', 'x'])).toBe('\\ud83dx');
  });

  test('escapes a lone low surrogate at a chunk start', () => {
    expect(escapeInChunks(['a', '\ude00b'])).toBe('a\\ude00b');
  });

  test('two high surrogates in a row: only the second may pair', () => {
    expect(escapeInChunks(['\ud83d', '\ud83d', '\ude00'])).toBe('\\ud83d😀');
  });

  test('any chunking gives JSON.stringify of the whole', () => {
    fc.assert(
      fc.property(anyText, cuts, (text, at) => {
        expect(escapeInChunks(splitAt(text, at))).toBe(inner(text));
      }),
      { numRuns: 300 },
    );
  });

  test('one code unit at a time gives JSON.stringify of the whole', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(escapeInChunks(text.split(''))).toBe(inner(text));
      }),
      { numRuns: 100 },
    );
  });
});
