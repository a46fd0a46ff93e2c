import { describe, expect, it } from 'vitest';
import type { ExportEntry } from '../../src/archive/index.js';
import { scanChat } from '../../src/build/scan-chat.js';

/** An export entry holding `text`, delivered in small chunks. */
function entryOf(text: string): ExportEntry {
  const bytes = new TextEncoder().encode(text);
  return {
    name: 'WhatsApp Chat with Anna.txt',
    path: 'WhatsApp Chat with Anna.txt',
    size: bytes.length,
    async open() {
      return (async function* () {
        for (let i = 0; i < bytes.length; i += 50) yield bytes.subarray(i, i + 50);
      })();
    },
    async readHead(n) {
      return bytes.subarray(0, n);
    },
  };
}

const LOG = [
  '10/03/2022, 23:58 - Shop: Hello',
  '10/03/2022, 23:59 - Anna: \u200eIMG-20220310-WA0001.jpg (file attached)',
  'a caption',
  '11/03/2022, 00:01 - Shop: Thanks',
  '11/03/2022, 00:02 - Anna: \u200eDOC-20220311-WA0002.pdf (file attached)',
  '',
].join('\n');

describe('scanChat', () => {
  // A fixed offset counts messages without reading their times back; keeping the times reads
  // every message's. Both must tell the same story.
  it.each([undefined, 0, 60, -330])(
    'counts the same with a fixed offset (%s) as when it reads every time',
    async (offset) => {
      const parse = offset === undefined ? {} : { utcOffsetMinutes: offset };
      const fast = await scanChat(entryOf(LOG), { parse, keepTimes: false });
      const read = await scanChat(entryOf(LOG), { parse, keepTimes: true });
      expect(fast.info.messages).toBe(4);
      expect(fast.references).toEqual(['IMG-20220310-WA0001.jpg', 'DOC-20220311-WA0002.pdf']);
      expect(fast.references).toEqual(read.references);
      expect(fast.lastWallMs).toBe(Date.UTC(2022, 2, 11, 0, 2));
      expect(fast.lastWallMs).toBe(read.lastWallMs);
      for (const candidate of [offset ?? 0, 0, 60, 120]) {
        expect(fast.times.messagesOff(candidate)).toBe(read.times.messagesOff(candidate));
        expect(fast.times.largestDifference(candidate)).toBe(read.times.largestDifference(candidate));
      }
      expect(fast.times.messagesOff(offset ?? 0)).toBe(0);
      expect(fast.times.messagesOff((offset ?? 0) + 60)).toBe(4);
    },
  );

  it('has no last wall time without messages', async () => {
    const scan = await scanChat(entryOf('no headers here\n'), {
      parse: { utcOffsetMinutes: 0 },
      keepTimes: false,
    });
    expect(scan.info.messages).toBe(0);
    expect(scan.lastWallMs).toBeNull();
  });
});
