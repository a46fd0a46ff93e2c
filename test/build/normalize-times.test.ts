import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatExport } from '../../src/archive/index.js';
import { type PrepareOptions, prepareChatImport } from '../../src/build/index.js';
import { parseChatText } from '../../src/parse/sync.js';
import { buildChatImport } from '../../src/payload/index.js';
import { NNBSP, open, tempFolder, writeFiles } from './helpers.js';

let temp: { readonly path: string; remove(): Promise<void> };
const opened: ChatExport[] = [];

beforeEach(async () => {
  temp = await tempFolder();
});
afterEach(async () => {
  for (const chat of opened.splice(0)) await chat.close();
  await temp.remove();
});

async function exportOf(name: string, log: string): Promise<ChatExport> {
  const chat = await open(join(await writeFiles(join(temp.path, 'export'), { [name]: log }), name));
  opened.push(chat);
  return chat;
}

/** Berlin, 27 March 2022: 02:00 CET → 03:00 CEST. */
const BERLIN_LOG = [
  '26.03.22, 22:00 - Anna: Guten Abend',
  '26.03.22, 23:59 - Shop: Hallo',
  '27.03.22, 00:30 - Anna: noch wach?',
  '27.03.22, 01:00 passt das?', // a continuation that starts like a date
  '26.03.22, 21:00 - das auch nicht', // an authorless header, out of order: a message of its own
  '27.03.22, 01:59 - Shop: ja',
  '27.03.22, 03:00 - Anna: Uhr umgestellt',
  '27.03.22, 12:00 - Shop: Mittag',
  '',
].join('\n');
const BERLIN_OPTIONS: PrepareOptions = {
  language: 'de',
  timeZone: 'Europe/Berlin',
  self: 'Shop',
  participants: [{ handle: 'Anna', phone: '+4915123456789' }],
};

function headerLines(log: string, options: Parameters<typeof parseChatText>[1]): Set<number> {
  return new Set(parseChatText(log, options).messages.map((message) => message.line));
}

describe('normalize-times', () => {
  it('rewrites the headers before a March change so each lands at its true instant', async () => {
    const chat = await exportOf('WhatsApp Chat mit Anna.txt', BERLIN_LOG);
    const { source, report } = await prepareChatImport(chat, { ...BERLIN_OPTIONS, normalizeTimes: true });
    expect(report.utcOffsetMinutes).toBe(120);
    const text = (await buildChatImport(source)).chat_text;

    const original = parseChatText(BERLIN_LOG, { language: 'de', timeZone: 'Europe/Berlin' });
    const normalized = parseChatText(text, { language: 'de', utcOffsetMinutes: 120 });
    expect(normalized.messages.map((m) => [m.line, m.timestamp, m.author, m.text])).toEqual(
      original.messages.map((m) => [m.line, m.timestamp, m.author, m.text]),
    );
    expect(normalized.info.offsetChanges).toEqual([]);

    const before = BERLIN_LOG.split('\n');
    const after = text.split('\n');
    const headers = headerLines(BERLIN_LOG, { language: 'de', timeZone: 'Europe/Berlin' });
    expect(after).toHaveLength(before.length);
    for (let index = 0; index < before.length; index++) {
      if (!headers.has(index + 1)) expect(after[index]).toBe(before[index]);
    }
    expect(after.slice(0, 6)).toEqual([
      '26.03.22, 23:00 - Anna: Guten Abend',
      '27.03.22, 00:59 - Shop: Hallo',
      '27.03.22, 01:30 - Anna: noch wach?',
      '27.03.22, 01:00 passt das?',
      '26.03.22, 22:00 - das auch nicht',
      '27.03.22, 02:59 - Shop: ja',
    ]);
    expect(report.times).toEqual({
      offsetChanges: 1,
      messagesOff: 5,
      largestDifferenceMinutes: 60,
      normalizedHeaders: 5,
    });
    expect(report.warnings.join('\n')).not.toContain('daylight-saving');
  });

  it('without it, warns with the count and the flag, and keeps the log verbatim', async () => {
    const chat = await exportOf('WhatsApp Chat mit Anna.txt', BERLIN_LOG);
    const { source, report } = await prepareChatImport(chat, BERLIN_OPTIONS);
    expect((await buildChatImport(source)).chat_text).toBe(BERLIN_LOG);
    expect(report.warnings).toContainEqual(
      'the chat crosses a daylight-saving change: 5 message(s) will be up to 60 minutes off in the inbox, which reads the whole chat at UTC+120; pass --normalize-times to rewrite their timestamps',
    );
  });

  it('switches the meridiem across noon and midnight and rolls the date (12-hour, NNBSP)', async () => {
    // New York, 13 March 2022: 02:00 EST → 03:00 EDT.
    const log = [
      `3/12/22, 11:45${NNBSP}AM - Ann: before noon`,
      `3/12/22, 11:30${NNBSP}PM - Ann: late`,
      'see you',
      `3/13/22, 1:15${NNBSP}AM - Bob: night`,
      `3/13/22, 3:05${NNBSP}AM - Ann: ${'\u200e'}image omitted`,
      '',
    ].join('\r\n');
    const chat = await exportOf('WhatsApp Chat with Ann.txt', log);
    const { source, report } = await prepareChatImport(chat, {
      language: 'en-US',
      timeZone: 'America/New_York',
      self: 'Bob',
      participants: [{ handle: 'Ann', phone: '+12125550123' }],
      normalizeTimes: true,
    });
    const text = (await buildChatImport(source)).chat_text;
    expect(report.utcOffsetMinutes).toBe(-240);
    expect(text).toBe(
      [
        `3/12/22, 12:45${NNBSP}PM - Ann: before noon`,
        `3/13/22, 12:30${NNBSP}AM - Ann: late`,
        'see you',
        `3/13/22, 2:15${NNBSP}AM - Bob: night`,
        `3/13/22, 3:05${NNBSP}AM - Ann: ${'\u200e'}image omitted`,
        '',
      ].join('\r\n'),
    );
    const original = parseChatText(log, { language: 'en-US', timeZone: 'America/New_York' });
    const normalized = parseChatText(text, { language: 'en-US', utcOffsetMinutes: -240 });
    expect(normalized.messages.map((m) => m.timestamp)).toEqual(original.messages.map((m) => m.timestamp));
  });

  it('leaves a chat without a change untouched', async () => {
    const log = '10.07.22, 10:00 - Anna: Sommer\n11.07.22, 10:00 - Shop: ja\n';
    const chat = await exportOf('WhatsApp Chat mit Anna.txt', log);
    const { source, report } = await prepareChatImport(chat, { ...BERLIN_OPTIONS, normalizeTimes: true });
    expect((await buildChatImport(source)).chat_text).toBe(log);
    expect(report.times).toEqual({
      offsetChanges: 0,
      messagesOff: 0,
      largestDifferenceMinutes: 0,
      normalizedHeaders: 0,
    });
  });
});
