import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ChatParser, type Message, type ParseOptions, parseChat, parseChatText } from '../../src/index.js';
import { BOM, chatArb, LRM, NBSP, NNBSP, RLM } from '../support/render.js';

const encoder = new TextEncoder();

/** Cuts `length` units at the given (unsorted, possibly repeated) positions. */
function cutPoints(length: number, points: readonly number[]): number[] {
  return [...new Set(points.map((p) => p % (length + 1)))].sort((a, b) => a - b);
}

function splitText(text: string, points: readonly number[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (const point of cutPoints(text.length, points)) {
    out.push(text.slice(start, point));
    start = point;
  }
  out.push(text.slice(start));
  return out;
}

function splitBytes(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (const point of cutPoints(bytes.length, points)) {
    out.push(bytes.subarray(start, point));
    start = point;
  }
  out.push(bytes.subarray(start));
  return out;
}

function pushAll(chunks: readonly string[], options: ParseOptions) {
  const parser = new ChatParser(options);
  const messages: Message[] = [];
  for (const chunk of chunks) messages.push(...parser.push(chunk));
  messages.push(...parser.end());
  return { messages, info: parser.info };
}

async function streamAll(chunks: readonly Uint8Array[], options: ParseOptions) {
  async function* source() {
    for (const chunk of chunks) yield chunk;
  }
  const stream = parseChat(source(), options);
  const messages: Message[] = [];
  for await (const message of stream) messages.push(message);
  return { messages, info: stream.info };
}

/** Every position where a cut is hostile: inside surrogate pairs, before LF of CRLF, around odd spaces. */
function hostilePoints(text: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) points.push(i + 1); // between the halves of a surrogate pair
    if (code === 0x0d) points.push(i + 1); // between CR and LF
    if (text[i] === NNBSP || text[i] === NBSP || text[i] === LRM || text[i] === RLM) points.push(i, i + 1);
  }
  return points;
}

/** Byte offsets inside multibyte UTF-8 sequences and between CR and LF. */
function hostileBytePoints(bytes: Uint8Array): number[] {
  const points: number[] = [];
  for (let i = 1; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80 || (bytes[i - 1] === 0x0d && byte === 0x0a)) points.push(i);
  }
  return points;
}

const lookahead = fc.constantFrom<ParseOptions>({}, { lookaheadHeaders: 1 }, { lookaheadHeaders: 3 });

describe('any chunking gives the same messages as the whole', () => {
  test.prop([chatArb({ maxMessages: 8 }), fc.array(fc.nat(), { maxLength: 12 }), lookahead], {
    numRuns: 150,
  })('text through ChatParser.push at random cut points', (chat, points, extra) => {
    const options = { ...chat.options, ...extra, utcOffsetMinutes: 120 };
    const whole = parseChatText(chat.text, options);
    expect(whole.messages.length).toBe(chat.messages.length);
    expect(pushAll(splitText(chat.text, points), options)).toEqual(whole);
  });

  test.prop([chatArb({ maxMessages: 5 }), lookahead], { numRuns: 40 })(
    'text one UTF-16 unit at a time, and cut at every hostile point',
    (chat, extra) => {
      const options = { ...chat.options, ...extra };
      const whole = parseChatText(chat.text, options);
      expect(pushAll(chat.text.split(''), options)).toEqual(whole);
      expect(pushAll(splitText(chat.text, hostilePoints(chat.text)), options)).toEqual(whole);
    },
  );

  test.prop([chatArb({ maxMessages: 8 }), fc.array(fc.nat(), { maxLength: 12 }), lookahead], {
    numRuns: 100,
  })(
    'UTF-8 bytes through parseChat at random cut points and inside multibyte characters',
    async (chat, points, extra) => {
      const options = { ...chat.options, ...extra, timeZone: 'Europe/Berlin' };
      const whole = parseChatText(chat.text, options);
      const bytes = encoder.encode(chat.text);
      expect(await streamAll(splitBytes(bytes, points), options)).toEqual(whole);
      expect(await streamAll(splitBytes(bytes, hostileBytePoints(bytes)), options)).toEqual(whole);
    },
  );

  test.prop([chatArb({ maxMessages: 4 })], { numRuns: 25 })(
    'UTF-8 bytes one at a time, with a leading BOM',
    async (chat) => {
      const whole = parseChatText(chat.text, chat.options);
      const bytes = encoder.encode(BOM + chat.text);
      const single = [...bytes].map((b) => Uint8Array.of(b));
      expect(await streamAll(single, chat.options)).toEqual(whole);
    },
  );
});

describe('lossless', () => {
  test.prop([chatArb(), fc.constantFrom('', 'cut off line\n', 'a\r\n\r\nb\n')], { numRuns: 200 })(
    'skipped lines and raw messages concatenate back to the input',
    (chat, prefix) => {
      const input = prefix + chat.text;
      const { messages, info } = parseChatText(input, { ...chat.options, raw: true });
      const rebuilt = info.skipped.map((s) => s.raw).join('') + messages.map((m) => m.raw).join('');
      expect(rebuilt).toBe(input);
      expect(info.skippedLines).toBe(prefix === '' ? 0 : prefix.split('\n').length - 1);
    },
  );

  test.prop([chatArb({ maxMessages: 6 })], { numRuns: 100 })(
    'a last line without a terminator is kept',
    (chat) => {
      const input = chat.text.replace(/\r?\n$/u, '');
      const { messages, info } = parseChatText(input, { ...chat.options, raw: true });
      expect(messages.map((m) => m.raw).join('')).toBe(input);
      // A line is text up to `\n`; after a final `\n` (an empty last body line) there is no further line.
      expect(info.lines).toBe(input.split('\n').length - (input.endsWith('\n') ? 1 : 0));
    },
  );
});

/** Characters that build header-like garbage: digits, separators, marks, odd spaces, meridiems. */
const HEADERISH = fc.constantFrom(
  ...'0123456789/.-:, []\n\r~<>()'.split(''),
  'PM',
  'a. m.',
  '下午',
  ' - ',
  '] ',
  ': ',
  LRM,
  RLM,
  NBSP,
  NNBSP,
  BOM,
  '\u202a',
  '\u202c',
  '\u2028',
  '٢',
  'R',
  ' BE',
  'Alice',
  '\ud83d', // a lone high surrogate
  '\ude00',
);

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: HEADERISH, maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

/** A rendered chat with random characters deleted, inserted or replaced. */
const mutatedChat = fc
  .tuple(
    chatArb({ maxMessages: 8 }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ unit: HEADERISH, maxLength: 4 })), {
      minLength: 1,
      maxLength: 8,
    }),
  )
  .map(([chat, edits]) => {
    let text = chat.text;
    for (const [at, cut, insert] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + cut);
    }
    return { text, options: chat.options };
  });

function accountsForEveryLine(text: string, options: ParseOptions): void {
  const { messages, info } = parseChatText(text, { ...options, raw: true });
  const lines = messages.reduce((sum, m) => sum + m.lineCount, 0) + info.skippedLines;
  expect(lines).toBe(info.lines);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  expect(info.skipped.map((s) => s.raw).join('') + messages.map((m) => m.raw).join('')).toBe(body);
  expect(info.messages).toBe(messages.length);
  for (const message of messages) {
    expect(Number.isNaN(Date.parse(message.timestamp))).toBe(false);
    expect(message.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/u);
  }
}

describe('never throws on text', () => {
  test.prop(
    [anyText, fc.constantFrom<ParseOptions>({}, { dateOrder: 'mdy' }, { timeZone: 'America/Sao_Paulo' })],
    {
      numRuns: 400,
    },
  )('arbitrary strings: every line is in one message or counted as skipped', (text, options) => {
    accountsForEveryLine(text, options);
  });

  test.prop([mutatedChat], { numRuns: 300 })('mutated real-looking logs', ({ text, options }) => {
    accountsForEveryLine(text, options);
  });

  test.prop([fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 5 })], { numRuns: 150 })(
    'arbitrary bytes through parseChat',
    async (bytes, points) => {
      const { messages, info } = await streamAll(splitBytes(bytes, points), {});
      expect(messages.reduce((sum, m) => sum + m.lineCount, 0) + info.skippedLines).toBe(info.lines);
    },
  );
});
