import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Base64Check, isBase64 } from '../../src/emulator/base64-check.js';
import { countHeaderLines, firstAuthor, HeaderLineCounter } from '../../src/emulator/chat-text.js';
import { JsonScanner, JsonSyntaxError, LargeString } from '../../src/emulator/json-scanner.js';

/** Splits `text` at the given cut points. */
function split(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(text.slice(start, point));
    start = point;
  }
  pieces.push(text.slice(start));
  return pieces;
}

function scan(pieces: readonly string[], keepChars?: number): unknown {
  const scanner = new JsonScanner(keepChars === undefined ? {} : { keepChars });
  for (const piece of pieces) scanner.push(piece);
  return scanner.end();
}

function outcome(action: () => unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: action() };
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof JsonSyntaxError) return { ok: false };
    throw error;
  }
}

describe('JsonScanner', () => {
  test.prop([fc.json({ maxDepth: 6 }), fc.array(fc.nat(), { maxLength: 8 })])(
    'parses any JSON like JSON.parse, whatever the chunking',
    (text, cuts) => {
      expect(scan(split(text, cuts))).toEqual(JSON.parse(text));
    },
  );

  test.prop([
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc
        .json({ maxDepth: 3 })
        .chain((text) =>
          fc
            .tuple(
              fc.nat(),
              fc.constantFrom('', '"', ',', '}', ']', '\\', ' ', 'x', '\u00a0', '-', '0', '\n', 'e'),
            )
            .map(
              ([at, insert]) =>
                text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)),
            ),
        ),
    ),
    fc.array(fc.nat(), { maxLength: 5 }),
  ])('accepts and rejects exactly what JSON.parse does', (text, cuts) => {
    const expected = outcome(() => JSON.parse(text));
    const actual = outcome(() => scan(split(text, cuts)));
    expect(actual.ok).toBe(expected.ok);
    if (actual.ok && expected.ok) expect(actual.value).toEqual(expected.value);
  });

  it.each([
    '',
    ' ',
    '{',
    '{"a"}',
    '{"a":1,}',
    '[1,]',
    '[1 2]',
    '01',
    '1.',
    '.5',
    '+1',
    '"\\x"',
    '"\\u12g4"',
    '"a\nb"',
    'nul',
    'truex',
    '{} {}',
    '\u00a01',
    "{'a':1}",
  ])('rejects %j', (text) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(() => scan([text])).toThrow(JsonSyntaxError);
  });

  it('keeps "__proto__" as an ordinary key', () => {
    const value = scan(['{"__proto__":{"x":1}}']) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('summarizes long strings, across chunks and escapes', () => {
    const log = '10/03/2022, 11:00 - Ana: hi\\n10/03/2022, 11:01 - Ana: a\\u00e9\\n'.repeat(5);
    const text = `{"chat_text":"${log}","media":"${'QUJD'.repeat(10)}","short":"ok","bad":"${'A'.repeat(21)}"}`;
    const value = scan(split(text, [3, 40, 41, 77, 200, 333]), 20) as Record<string, unknown>;
    const chat = value.chat_text as LargeString;
    expect(chat).toBeInstanceOf(LargeString);
    expect(chat.length).toBe((JSON.parse(text) as { chat_text: string }).chat_text.length);
    expect(chat.headerLines).toBe(10);
    expect(chat.base64).toBe(false);
    expect(chat.head.startsWith('10/03/2022, 11:00 - Ana: hi\n')).toBe(true);
    expect(value.media).toEqual(new LargeString(40, 'QUJD'.repeat(10), true, 0));
    expect(value.short).toBe('ok');
    expect((value.bad as LargeString).base64).toBe(false);
  });

  it('limits nesting', () => {
    expect(() => scan(['['.repeat(10)], undefined)).toThrow('unexpected end');
    const scanner = new JsonScanner({ maxDepth: 3 });
    expect(() => scanner.push('[[[[')).toThrow('nested deeper than 3');
  });

  it('names the position of a syntax error', () => {
    const scanner = new JsonScanner();
    scanner.push('{"a":');
    expect(() => scanner.push(' x}')).toThrow('unexpected "x" at position 6');
  });
});

describe('HeaderLineCounter', () => {
  const log = [
    '10/03/2022, 11:00 - Customer 1: Message 1',
    'a continuation line',
    '[14.08.24, 21:00:10] Ana: hi',
    '\u200e[3/27/22, 2:56:01 PM] Ana: image omitted',
    '2024-01-02 15:04 - Ana: iso',
    '13/07/2017 without a time',
    '',
    '12.1.2023, 9.05 - Ana: dotted time',
  ].join('\n');

  it('counts header lines', () => {
    expect(countHeaderLines(log)).toBe(5);
    expect(countHeaderLines('')).toBe(0);
  });

  test.prop([fc.array(fc.nat(), { maxLength: 12 })])('counts the same whatever the chunking', (cuts) => {
    const counter = new HeaderLineCounter();
    for (const piece of split(log, cuts)) counter.push(piece);
    expect(counter.end()).toBe(5);
  });

  it('finds the first author', () => {
    expect(firstAuthor(log)).toBe('Customer 1');
    expect(firstAuthor('[14.08.24, 21:00:10] \u202a+49 151 1234\u202c: hi')).toBe('+49 151 1234');
    expect(firstAuthor('no headers here')).toBeUndefined();
  });
});

describe('Base64Check', () => {
  it.each([
    ['', true],
    ['AA==', true],
    ['AAA=', true],
    ['QUJD', true],
    ['AA=', false],
    ['A===', false],
    ['AA=A', false],
    ['AA-_', false],
    ['AA A', false],
    ['AAAAA', false],
  ])('isBase64(%j) is %s', (text, valid) => {
    expect(isBase64(text)).toBe(valid);
  });

  test.prop([fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat(), { maxLength: 6 })])(
    'accepts any encoding in any chunking',
    (bytes, cuts) => {
      const check = new Base64Check();
      for (const piece of split(Buffer.from(bytes).toString('base64'), cuts)) check.push(piece);
      expect(check.end()).toBe(true);
    },
  );
});

describe('JsonScanner: keepWhole', () => {
  it('keeps the strings of the named properties whole and summarizes the other long ones', () => {
    const long = 'x'.repeat(100);
    const scanner = new JsonScanner({ keepChars: 10, keepWhole: new Set(['chat_text']) });
    const text = JSON.stringify({
      chat_text: long,
      media: [{ b64_content: long }],
      note: { chat_text: long },
    });
    for (const piece of split(text, [3, 17, 50, 120])) scanner.push(piece);
    const value = scanner.end() as {
      chat_text: string;
      media: [{ b64_content: unknown }];
      note: { chat_text: string };
    };
    expect(value.chat_text).toBe(long);
    expect(value.note.chat_text).toBe(long);
    expect(value.media[0].b64_content).toBeInstanceOf(LargeString);
    expect((value.media[0].b64_content as LargeString).length).toBe(100);
  });
});
