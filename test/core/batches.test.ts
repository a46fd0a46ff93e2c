import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Message } from '../../src/parse/message.js';
import { parseChat } from '../../src/parse/stream.js';
import { chatArb } from '../support/render.js';

function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('parseChat batches()', () => {
  test.prop([chatArb({ maxMessages: 10 }), fc.integer({ min: 1, max: 64 })], { numRuns: 100 })(
    'flatten to exactly the messages the stream yields one by one, with the same info',
    async (chat, size) => {
      const single: Message[] = [];
      const one = parseChat(chunked(chat.text, size), chat.options);
      for await (const message of one) single.push(message);
      const batched: Message[] = [];
      const many = parseChat(chunked(chat.text, size), chat.options);
      for await (const batch of many.batches()) {
        expect(batch.length).toBeGreaterThan(0);
        batched.push(...batch);
      }
      expect(batched).toEqual(single);
      expect(many.info.messages).toBe(one.info.messages);
      expect(many.info.lines).toBe(one.info.lines);
    },
  );
});

describe('parseChat with chunks larger than a slice', () => {
  // 3,000 one-line messages (~150 KiB) with a 4-byte emoji in each: one chunk of 150 KiB is
  // parsed in 64 KiB slices, some cutting the emoji or a CRLF pair.
  const lines = Array.from(
    { length: 3000 },
    (_, i) =>
      `${String((i % 28) + 1).padStart(2, '0')}/03/2022, 11:${String(i % 60).padStart(2, '0')} - Anna: message ${i} 😀 ok\r\n`,
  );
  const text = lines.join('');
  const bytes = new TextEncoder().encode(text);
  const options = { utcOffsetMinutes: 60, language: 'en-GB' };
  const maxPerSlice = Math.ceil((64 * 1024) / Math.min(...lines.map((line) => line.length))) + 1;

  async function collect(source: Parameters<typeof parseChat>[0]): Promise<Message[][]> {
    const batches: Message[][] = [];
    for await (const batch of parseChat(source, options).batches()) batches.push([...batch]);
    return batches;
  }

  test('gives the messages of the same input in small chunks, in batches of a slice at most', async () => {
    const expected = (await collect(chunked(text, 1000))).flat();
    expect(expected).toHaveLength(3000);
    for (const source of [[bytes], [text], bytes, text]) {
      const batches = await collect(source);
      expect(batches.flat()).toEqual(expected);
      // A slice is 64 Ki bytes or characters: never more messages than that many of the
      // shortest line (plus the one a slice boundary cuts), never all 3,000 at once.
      expect(batches.length).toBeGreaterThanOrEqual(3);
      for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(maxPerSlice);
    }
  });
});
