import { describe, expect, test } from 'vitest';
import { parseChat } from '../../src/index.js';
import { ChatDecoder } from '../../src/text/decoder.js';
import { LineSplitter } from '../../src/text/lines.js';

function decodeAll(chunks: readonly number[][]): { text: string; encoding: string } {
  const decoder = new ChatDecoder();
  let text = '';
  for (const chunk of chunks) text += decoder.decode(Uint8Array.from(chunk));
  text += decoder.flush();
  return { text, encoding: decoder.encoding };
}

/** UTF-16 code units of `text` as bytes, little- or big-endian. */
function utf16(text: string, littleEndian: boolean): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (littleEndian) bytes.push(unit & 0xff, unit >> 8);
    else bytes.push(unit >> 8, unit & 0xff);
  }
  return bytes;
}

const EURO = [0xe2, 0x82, 0xac]; // €
const GRIN = [0xf0, 0x9f, 0x98, 0x80]; // 😀
const NNBSP_BYTES = [0xe2, 0x80, 0xaf]; // U+202F

describe('ChatDecoder', () => {
  test('strips a UTF-8 BOM, even when it arrives one byte at a time', () => {
    expect(decodeAll([[0xef, 0xbb, 0xbf, 0x68, 0x69]])).toEqual({ text: 'hi', encoding: 'utf-8' });
    expect(decodeAll([[0xef], [0xbb], [0xbf], [0x68], [0x69]])).toEqual({ text: 'hi', encoding: 'utf-8' });
  });

  test('keeps a U+FEFF that is not at the very start', () => {
    expect(decodeAll([[0x61, 0xef, 0xbb, 0xbf, 0x62]]).text).toBe('a\ufeffb');
  });

  test('decodes UTF-16 LE and BE with a BOM, split at odd byte offsets', () => {
    const text = 'Grüße 😀\n';
    const le = [0xff, 0xfe, ...utf16(text, true)];
    const be = [0xfe, 0xff, ...utf16(text, false)];
    expect(decodeAll([le])).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeAll([be])).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeAll(le.map((b) => [b]))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeAll([be.slice(0, 1), be.slice(1, 6), be.slice(6)])).toEqual({ text, encoding: 'utf-16be' });
  });

  test('carries multibyte characters split across chunks', () => {
    expect(
      decodeAll([
        [0x61, ...EURO.slice(0, 1)],
        [...EURO.slice(1), 0x62],
      ]).text,
    ).toBe('a€b');
    expect(decodeAll([[...GRIN.slice(0, 2)], [...GRIN.slice(2, 3)], [...GRIN.slice(3)]]).text).toBe('😀');
    expect(
      decodeAll([
        [0x37, ...NNBSP_BYTES.slice(0, 2)],
        [...NNBSP_BYTES.slice(2), 0x50, 0x4d],
      ]).text,
    ).toBe('7\u202fPM');
  });

  test('empty input and a short head that is not a BOM', () => {
    expect(decodeAll([])).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeAll([[]])).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeAll([[0xef, 0xbb]]).text).toBe('\ufffd'); // a truncated sequence, not a BOM: replaced, not dropped
    expect(decodeAll([[0x31]])).toEqual({ text: '1', encoding: 'utf-8' });
  });

  test('a UTF-16 LE export parses end to end through parseChat', async () => {
    const log = '27/03/2022, 21:41 - Anna: Grüße\r\n28/03/2022, 09:00 - Ben: 😀\r\n';
    const stream = parseChat(Uint8Array.from([0xff, 0xfe, ...utf16(log, true)]), { utcOffsetMinutes: 0 });
    const messages = [];
    for await (const message of stream) messages.push(message);
    expect(stream.encoding).toBe('utf-16le');
    expect(messages.map((m) => [m.author, m.text])).toEqual([
      ['Anna', 'Grüße'],
      ['Ben', '😀'],
    ]);
  });

  test('parseChat on empty bytes yields nothing and counts nothing', async () => {
    const stream = parseChat(new Uint8Array(0));
    const messages = [];
    for await (const message of stream) messages.push(message);
    expect(messages).toEqual([]);
    expect(stream.info.lines).toBe(0);
    expect(stream.info.skippedLines).toBe(0);
  });
});

describe('LineSplitter', () => {
  function split(chunks: readonly string[]) {
    const splitter = new LineSplitter();
    const lines = chunks.flatMap((chunk) => splitter.push(chunk));
    return [...lines, ...splitter.end()];
  }

  test('LF and CRLF terminators, the last line without one', () => {
    expect(split(['a\nb\r\nc'])).toEqual([
      { text: 'a', terminator: '\n' },
      { text: 'b', terminator: '\r\n' },
      { text: 'c', terminator: '' },
    ]);
  });

  test('a CR/LF pair split across chunks is one terminator', () => {
    expect(split(['a\r', '\nb'])).toEqual([
      { text: 'a', terminator: '\r\n' },
      { text: 'b', terminator: '' },
    ]);
    expect(split(['a', '\r', '', '\n'])).toEqual([{ text: 'a', terminator: '\r\n' }]);
  });

  test('U+2028, U+2029 and a lone CR are text', () => {
    expect(split(['one\u2028two\u2029three\rfour\n'])).toEqual([
      { text: 'one\u2028two\u2029three\rfour', terminator: '\n' },
    ]);
    expect(split(['end\r'])).toEqual([{ text: 'end\r', terminator: '' }]);
  });

  test('blank lines are lines; a final terminator adds no empty line', () => {
    expect(split(['\n\n'])).toEqual([
      { text: '', terminator: '\n' },
      { text: '', terminator: '\n' },
    ]);
    expect(split([''])).toEqual([]);
  });

  test('reports the partial line length for the line-length guard', () => {
    const splitter = new LineSplitter();
    splitter.push('abc\nde');
    expect(splitter.pendingLength).toBe(2);
    splitter.push('f');
    expect(splitter.pendingLength).toBe(3);
  });
});
