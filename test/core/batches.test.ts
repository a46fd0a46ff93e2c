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
