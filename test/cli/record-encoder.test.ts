import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { RecordEncoder } from '../../src/cli/record-encoder.js';
import { type RecordFormat, recordWriter, toRecord } from '../../src/cli/records.js';
import type { Message } from '../../src/parse/message.js';
import { parseChat } from '../../src/parse/stream.js';
import { messageArb } from '../support/messages.js';
import { chatArb } from '../support/render.js';

/** The bytes the string records make of the same messages (the reference). */
function stringRecords(format: RecordFormat, messages: readonly Message[]): Buffer {
  const writer = recordWriter(format);
  let text = writer.open;
  messages.forEach((message, index) => {
    text += writer.record(message, index === 0);
  });
  return Buffer.from(text + writer.close, 'utf8');
}

/** The encoder's bytes, taken after every `every` messages (and at the end). */
function encoded(format: RecordFormat, messages: readonly Message[], every: number): Buffer {
  const encoder = new RecordEncoder(format);
  const parts: Uint8Array[] = [];
  messages.forEach((message, index) => {
    encoder.add(message);
    if ((index + 1) % every === 0) parts.push(...encoder.take());
  });
  encoder.end();
  parts.push(...encoder.take());
  return Buffer.concat(parts);
}

const formatArb = fc.constantFrom<RecordFormat>('ndjson', 'json', 'csv');

describe('RecordEncoder', () => {
  test.prop([formatArb, fc.array(messageArb, { maxLength: 30 }), fc.integer({ min: 1, max: 8 })], {
    numRuns: 400,
  })(
    'writes the string records as UTF-8, byte for byte, however often its bytes are taken',
    (format, messages, every) => {
      expect(encoded(format, messages, every).equals(stringRecords(format, messages))).toBe(true);
    },
  );

  // The encoder caches the bytes of authors and of record tails (kind, flags, line count): messages
  // sharing some of them but not the rest must still come out exact, in any order.
  test.prop(
    [
      formatArb,
      fc.array(
        fc.record({
          message: messageArb,
          author: fc.constantFrom<string | null>(null, 'Ana', 'Ana ', '"Q"', '\ud83d\ude00 Bo'),
          lineCount: fc.integer({ min: 1, max: 4 }),
          system: fc.boolean(),
        }),
        { minLength: 2, maxLength: 40 },
      ),
    ],
    { numRuns: 300 },
  )('with cached parts shared between messages', (format, picks) => {
    const messages = picks.map(({ message, author, lineCount, system }): Message => {
      const { language: _language, mediaType: _mediaType, ...rest } = message;
      return { ...rest, author, lineCount, system, attachment: null, kind: 'text' };
    });
    expect(encoded(format, messages, 5).equals(stringRecords(format, messages))).toBe(true);
  });

  test.prop([messageArb], { numRuns: 500 })('an NDJSON line is JSON.stringify of the record', (message) => {
    const line = encoded('ndjson', [message], 1).toString('utf8');
    expect(line).toBe(`${JSON.stringify(toRecord(message))}\n`);
  });

  test.prop([chatArb({ maxMessages: 8 })], { numRuns: 100 })(
    'and so for every parsed message',
    async (chat) => {
      const messages: Message[] = [];
      for await (const message of parseChat(chat.text, chat.options)) messages.push(message);
      for (const format of ['ndjson', 'json', 'csv'] as const) {
        expect(encoded(format, messages, 3).equals(stringRecords(format, messages))).toBe(true);
      }
    },
  );

  it('writes records larger than its buffers, and runs of records across buffers', () => {
    const base = encodedMessage();
    const messages: Message[] = [
      // 300,000 controls: 1.8 MB escaped, more than one buffer holds.
      { ...base, text: '\u0001'.repeat(300_000) },
      ...Array.from({ length: 40 }, (_, i) => ({ ...base, line: i + 2, text: `${'é'.repeat(20_000)}${i}` })),
      { ...base, line: 99, text: '😀'.repeat(400_000) },
    ];
    const encoder = new RecordEncoder('ndjson');
    for (const message of messages) encoder.add(message);
    const parts = encoder.take();
    expect(parts.length).toBeGreaterThan(2);
    expect(Buffer.concat(parts).equals(stringRecords('ndjson', messages))).toBe(true);
    // Taken bytes are never written again.
    const copy = parts.map((part) => Buffer.from(part));
    encoder.add(base);
    encoder.end();
    expect(encoder.take().length).toBe(1);
    parts.forEach((part, i) => {
      expect(Buffer.from(part).equals(copy[i] as Buffer)).toBe(true);
    });
  });

  // Released buffers are written again: a view still out must never change, and the bytes must
  // come out as without reuse, whenever views come back (late, out of order, or never).
  test.prop(
    [
      fc.array(
        fc.record({
          // Most fit a buffer (room is reserved for six bytes a character), some take one of their own.
          size: fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 60_000 })),
          char: fc.constantFrom('a', 'é', '😀', '"'),
          takeAfter: fc.boolean(),
          holdFor: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(Number.POSITIVE_INFINITY)),
        }),
        { minLength: 1, maxLength: 40 },
      ),
    ],
    { numRuns: 60 },
  )('reuses a buffer only once every view of it is back', (steps) => {
    const base = encodedMessage();
    const encoder = new RecordEncoder('ndjson');
    const messages: Message[] = [];
    const copies: Buffer[] = [];
    /** Views out, each with its copy and the take after which it comes back. */
    let out: { view: Uint8Array; copy: Buffer; until: number }[] = [];
    let takes = 0;
    const takeAll = (holdFor: number) => {
      takes++;
      for (const view of encoder.take()) {
        const copy = Buffer.from(view);
        copies.push(copy);
        out.push({ view, copy, until: takes + holdFor });
      }
      for (const held of out) expect(Buffer.from(held.view).equals(held.copy)).toBe(true);
      const back = out.filter((held) => held.until <= takes);
      out = out.filter((held) => held.until > takes);
      for (const { view } of back.reverse()) encoder.release(view);
    };
    steps.forEach(({ size, char, takeAfter, holdFor }, index) => {
      const message = { ...base, line: index + 1, text: char.repeat(size) };
      messages.push(message);
      encoder.add(message);
      if (takeAfter) takeAll(holdFor);
    });
    encoder.end();
    takeAll(0);
    expect(Buffer.concat(copies).equals(stringRecords('ndjson', messages))).toBe(true);
  });

  it('writes into a released buffer again (and into none still out)', () => {
    const base = encodedMessage();
    const encoder = new RecordEncoder('ndjson');
    // Room for one such record per buffer (room is reserved for six bytes a character).
    const text = 'x'.repeat(40_000);
    const buffers = new Set<ArrayBufferLike>();
    const held: Uint8Array[] = [];
    for (let i = 0; i < 12; i++) {
      encoder.add({ ...base, line: i + 1, text });
      for (const view of encoder.take()) {
        buffers.add(view.buffer);
        // Every other view is kept: its buffer must never come back.
        if (i % 2 === 0) encoder.release(view);
        else held.push(view);
      }
    }
    // Without reuse, twelve buffers; with it, one per record kept (each released one is the next
    // record's).
    expect(buffers.size).toBe(6);
    for (const view of held) expect(Buffer.from(view).toString()).toContain(`,"text":"${text}"`);
  });

  it('keeps a buffer while any view of it is out, and the one it writes into', () => {
    const base = encodedMessage();
    const encoder = new RecordEncoder('ndjson');
    const held: { view: Uint8Array; copy: Buffer }[] = [];
    for (let i = 0; i < 200; i++) {
      // About twenty records a buffer, each taken alone: most buffers have many views out at once.
      encoder.add({ ...base, line: i + 1, text: `${i} ${'y'.repeat(2_000)}` });
      const [view] = encoder.take();
      if (view === undefined) throw new Error('nothing taken');
      if (i % 3 === 0) held.push({ view, copy: Buffer.from(view) });
      else encoder.release(view);
    }
    for (const { view, copy } of held) expect(Buffer.from(view).equals(copy)).toBe(true);
  });

  it('opens and closes a JSON array with no records, and takes nothing twice', () => {
    const encoder = new RecordEncoder('json');
    encoder.end();
    expect(Buffer.concat(encoder.take()).toString()).toBe('[]\n');
    expect(encoder.take()).toEqual([]);
    expect(JSON.parse(encoded('json', [encodedMessage()], 1).toString())).toHaveLength(1);
  });
});

function encodedMessage(): Message {
  return {
    line: 1,
    timestamp: '2022-03-10T10:00:00.000Z',
    timestampMs: Date.UTC(2022, 2, 10, 10),
    localTime: '2022-03-10T11:00:00',
    localTimeMs: Date.UTC(2022, 2, 10, 11),
    author: 'Customer 1',
    text: 'Message 1',
    system: false,
    attachment: null,
    kind: 'text',
    flags: { edited: false, mediaOmitted: false, deleted: false, unrecognizedSystem: false },
    lineCount: 1,
  };
}
