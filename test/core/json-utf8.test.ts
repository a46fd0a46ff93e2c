import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_BYTES_PER_UNIT, writeJsonChars, writeJsonString } from '../../src/text/json-utf8.js';
import { anyText } from '../payload/helpers.js';

/** What the writers must produce: `JSON.stringify` of the text, as UTF-8. */
const expected = (text: string): Buffer => Buffer.from(JSON.stringify(text), 'utf8');

/** Writes at an offset into a buffer full of a marker byte, so stray writes outside the output show. */
function written(text: string, at = 3): Buffer {
  const room = MAX_JSON_BYTES_PER_UNIT * text.length + 2;
  const target = new Uint8Array(at + room + 3).fill(0xaa);
  const end = writeJsonString(target, at, text);
  expect(target.subarray(0, at).every((byte) => byte === 0xaa)).toBe(true);
  expect(target.subarray(end).every((byte) => byte === 0xaa)).toBe(true);
  return Buffer.from(target.subarray(at, end));
}

/** Texts over full Unicode dense in what JSON escapes, with UTF-8's length boundaries mixed in. */
const denseArb = fc
  .array(fc.oneof(anyText, fc.constantFrom('\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '\u{10ffff}')), {
    maxLength: 6,
  })
  .map((parts) => parts.join(''));

describe('writeJsonString', () => {
  test.prop([fc.string({ unit: 'binary' })], { numRuns: 2000 })(
    'writes the UTF-8 of JSON.stringify(text) for any code units',
    (text) => {
      expect(written(text).equals(expected(text))).toBe(true);
    },
  );

  test.prop([denseArb], { numRuns: 3000 })(
    'and for texts dense in escapes, multi-byte characters and lone surrogates',
    (text) => {
      expect(written(text).equals(expected(text))).toBe(true);
    },
  );

  it('writes the short escapes, \\u00xx for other controls and \\udxxx for lone surrogates', () => {
    expect(written('a"b\\c\n\r\t\b\f\u0000\u001f').toString()).toBe(
      '"a\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f"',
    );
    expect(written('\ud83d!').toString()).toBe('"\\ud83d!"');
    expect(written('x\ude00').toString()).toBe('"x\\ude00"');
    expect(written('\ud83d\ude00').toString()).toBe('"😀"');
  });

  it('fills at most MAX_JSON_BYTES_PER_UNIT bytes per unit (the worst case: all controls)', () => {
    const text = '\u0001'.repeat(50);
    expect(written(text).length).toBe(MAX_JSON_BYTES_PER_UNIT * text.length + 2);
  });

  it('writeJsonChars writes the same without the quotes', () => {
    const target = new Uint8Array(64);
    const end = writeJsonChars(target, 0, 'say "hé"\n');
    expect(Buffer.from(target.subarray(0, end)).toString()).toBe('say \\"hé\\"\\n');
  });
});
