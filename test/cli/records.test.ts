import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { quoteJson, recordJson, recordLine, recordWriter, toRecord } from '../../src/cli/records.js';
import type { Message } from '../../src/parse/message.js';
import { parseChat } from '../../src/parse/stream.js';
import { parseChatText } from '../../src/parse/sync.js';
import { splitAt } from '../payload/helpers.js';
import { messageArb } from '../support/messages.js';
import { chatArb } from '../support/render.js';

describe('NDJSON records', () => {
  test.prop([messageArb], { numRuns: 500 })('recordJson equals JSON.stringify(toRecord(m))', (message) => {
    expect(recordJson(message)).toBe(JSON.stringify(toRecord(message)));
    expect(recordLine(message)).toBe(`${JSON.stringify(toRecord(message))}\n`);
  });

  test.prop(
    [
      fc.oneof(
        fc.string({ unit: 'binary' }),
        fc
          .array(
            fc.constantFrom(
              'a',
              '"',
              '\\',
              '\n',
              '\u0000',
              '\u001f',
              '\ud83d',
              '\ude00',
              '😀',
              '\u2028',
              'é',
            ),
            {
              maxLength: 8,
            },
          )
          .map((parts) => parts.join('')),
      ),
    ],
    { numRuns: 2000 },
  )('quoteJson is JSON.stringify of a string', (text) => {
    expect(quoteJson(text)).toBe(JSON.stringify(text));
  });

  // The serializer caches author JSON and the constant middle of a record: messages that share
  // an author or a kind but differ elsewhere must still come out exact, in any order.
  test.prop(
    [
      fc.array(
        fc.tuple(messageArb, fc.constantFrom<string | null>(null, 'Ana', 'Ana ', '"Q"', '\ud83d\ude00 Bo')),
        { maxLength: 40 },
      ),
    ],
    { numRuns: 200 },
  )('and with cached parts shared between messages', (pairs) => {
    for (const [message, author] of pairs) {
      const shared = { ...message, author };
      expect(recordJson(shared)).toBe(JSON.stringify(toRecord(shared)));
    }
  });

  test.prop([chatArb({ maxMessages: 8 })], { numRuns: 100 })('and so on every parsed message', (chat) => {
    for (const message of parseChatText(chat.text, chat.options).messages) {
      expect(recordJson(message)).toBe(JSON.stringify(toRecord(message)));
    }
  });

  /** `String#toWellFormed` (ES2024; the ES2023 lib types lack it). */
  const wellFormed = (text: string): string => (text as unknown as { toWellFormed(): string }).toWellFormed();
  const isWellFormed = (text: string): boolean =>
    (text as unknown as { isWellFormed(): boolean }).isWellFormed();

  test.prop([messageArb], { numRuns: 300 })(
    'with wellFormed, the same bytes for messages whose text is well-formed',
    (message) => {
      const text = wellFormed(message.text);
      expect(recordJson({ ...message, text }, true)).toBe(JSON.stringify(toRecord({ ...message, text })));
    },
  );

  const encoder = new TextEncoder();
  /** Pieces of a log as bytes: headers, markers, and bytes no UTF-8 decoder accepts as they stand. */
  const pieceArb = fc.oneof(
    fc
      .constantFrom(
        '\n10/03/2022, 11:00 - Ann: ',
        '\n10/03/2022, 11:01 - ',
        ': ',
        '<attached: ',
        '>',
        ' (file attached)',
        '😀',
        '"q"',
        '\r\n',
      )
      .map((text) => encoder.encode(text)),
    // Lone and split multi-byte sequences, an encoded surrogate (ED A0 80), stray continuation bytes.
    fc
      .constantFrom([0xf0, 0x9f], [0x98], [0xed, 0xa0, 0x80], [0x80, 0xbf], [0xc3], [0xff])
      .map((bytes) => Uint8Array.from(bytes)),
    fc.uint8Array({ maxLength: 6 }),
  );

  test.prop([fc.array(pieceArb, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 })], { numRuns: 300 })(
    'strings parsed from any bytes, cut anywhere, are well-formed, so wellFormed holds for parse',
    async (pieces, cuts) => {
      const bytes = Uint8Array.from(pieces.flatMap((piece) => [...piece]));
      for await (const message of parseChat(splitAt(bytes, cuts), { utcOffsetMinutes: 0 })) {
        expect(isWellFormed(message.text)).toBe(true);
        expect(isWellFormed(message.author ?? '')).toBe(true);
        expect(isWellFormed(message.attachment?.fileName ?? '')).toBe(true);
        expect(recordJson(message, true)).toBe(JSON.stringify(toRecord(message)));
      }
    },
  );

  it('puts the documented fields first, spelled exactly so', () => {
    const { messages } = parseChatText('10/03/2022, 11:00 - Customer 1: Message 1', { utcOffsetMinutes: 60 });
    const line = recordWriter('ndjson').record(messages[0] as Message, true);
    expect(
      line.startsWith(
        '{"line":1,"timestamp":"2022-03-10T10:00:00.000Z","localTime":"2022-03-10T11:00:00","author":"Customer 1","text":"Message 1","system":false,"attachment":null,',
      ),
    ).toBe(true);
    expect(line.endsWith('}\n')).toBe(true);
  });
});
