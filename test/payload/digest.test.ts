import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { payloadDigest } from '../../src/payload/digest.js';
import { anyText, cuts, iterate, splitAt } from './helpers.js';

const anna = { handle: 'Anna Schmidt', phone_number: '+4915123456789' };
const shop = { handle: 'Shop', phone_number: '+12025550123' };

describe('payloadDigest', () => {
  test('is SHA-256 hex of the documented serialization', async () => {
    const chatText = '10/03/2022, 11:00 - Anna Schmidt: hi\n\ud83d';
    const expected = createHash('sha256')
      .update(
        JSON.stringify({
          v: 'wa-import/payload-digest/v1',
          chat_text: chatText,
          chat_participants: [shop, anna],
        }),
      )
      .digest('hex');
    expect(await payloadDigest({ chatText, participants: [anna, shop] })).toBe(expected);
  });

  test('does not depend on chunking or on the order of participants', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, cuts, async (chatText, at) => {
        const whole = await payloadDigest({ chatText, participants: [anna, shop] });
        const streamed = await payloadDigest({
          chatText: () => iterate(splitAt(chatText, at)),
          participants: [shop, anna],
        });
        expect(streamed).toBe(whole);
      }),
      { numRuns: 100 },
    );
  });

  test('changes with the text, a lone surrogate, or a participant', async () => {
    const digest = (chatText: string, participants = [anna]) => payloadDigest({ chatText, participants });
    const reference = await digest('hello');
    expect(await digest('hello ')).not.toBe(reference);
    expect(await digest('hello\ud800')).not.toBe(await digest('hello\ufffd'));
    expect(await digest('hello', [{ ...anna, phone_number: '+4915123456780' }])).not.toBe(reference);
    expect(await digest('hello', [])).not.toBe(reference);
    expect(reference).toMatch(/^[0-9a-f]{64}$/);
  });
});
