import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { type Message, parseChatText } from '../../src/index.js';
import { chatArb, type ExpectedMessage, type RenderedChat } from '../support/render.js';

const MINUTE_MS = 60_000;

/** The fields a round trip must preserve, read from a parsed message. */
function observed(message: Message) {
  return {
    localTime: message.localTime,
    author: message.author,
    text: message.text,
    system: message.system,
    attachment: message.attachment?.fileName ?? null,
    edited: message.flags.edited,
    deleted: message.flags.deleted,
    mediaOmitted: message.flags.mediaOmitted,
    lineCount: message.lineCount,
  };
}

function expected(message: ExpectedMessage) {
  return {
    localTime: message.localTime,
    author: message.author,
    text: message.text,
    system: message.system,
    attachment: message.attachment,
    edited: message.edited,
    deleted: message.deleted,
    mediaOmitted: message.mediaOmitted,
    lineCount: message.lineCount,
  };
}

function describeChat(chat: RenderedChat): string {
  return `${JSON.stringify(chat.format)}\n${JSON.stringify(chat.options)}\n${chat.text}`;
}

describe('parse(render(chat)) returns the chat', () => {
  test.prop([chatArb(), fc.integer({ min: -720, max: 840 })], { numRuns: 400 })(
    'authors, local times, texts, system flags and attachments survive',
    (chat, offset) => {
      const { messages, info } = parseChatText(chat.text, { ...chat.options, utcOffsetMinutes: offset });
      expect(messages.map(observed), describeChat(chat)).toEqual(chat.messages.map(expected));
      // The UTC instant is the wall time minus the offset, computed here by hand.
      for (const [i, message] of messages.entries()) {
        const wall = (chat.messages[i] as ExpectedMessage).wall;
        const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
        expect(message.timestamp).toBe(new Date(wallMs - offset * MINUTE_MS).toISOString());
        // The millisecond fields are the same times as the strings.
        expect(message.timestampMs).toBe(Date.parse(message.timestamp));
        expect(message.localTimeMs).toBe(wallMs);
      }
      expect(info.skippedLines).toBe(0);
      expect(info.invalidDates).toBe(0);
      expect(info.format?.os).toBe(chat.format.os === 'legacy' ? 'ios-legacy' : chat.format.os);
      expect(info.format?.dateOrder).toBe(chat.format.order);
      expect(info.format?.clock).toBe(chat.format.clock === null ? '24h' : '12h');
    },
  );

  test.prop([chatArb()], { numRuns: 100 })(
    'in a zone with daylight saving, timestampMs and localTimeMs are the times of the strings',
    (chat) => {
      for (const timeZone of ['Europe/Berlin', 'America/Sao_Paulo', 'Australia/Lord_Howe']) {
        for (const message of parseChatText(chat.text, { ...chat.options, timeZone }).messages) {
          expect(message.timestampMs).toBe(Date.parse(message.timestamp));
          expect(message.localTimeMs).toBe(Date.parse(`${message.localTime}Z`));
        }
      }
    },
  );

  test.prop([chatArb({ minMessages: 2 })], { numRuns: 150 })(
    'an unambiguous chat is detected from evidence; an ambiguous one from what the caller passed',
    (chat) => {
      const { info } = parseChatText(chat.text, chat.options);
      const source = info.format?.dateOrderSource;
      if (chat.viableOrders.length === 1) expect(source).toBe('evidence');
      else if (chat.options.dateOrder !== undefined) expect(source).toBe('override');
      else expect(['language', 'evidence']).toContain(source);
    },
  );
});
