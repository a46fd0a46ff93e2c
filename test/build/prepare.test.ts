import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatExport } from '../../src/archive/index.js';
import { type PrepareOptions, prepareChatImport } from '../../src/build/index.js';
import { isWaImportError } from '../../src/errors.js';
import { chatImportSize, writeChatImport } from '../../src/payload/index.js';
import {
  BOM,
  buildZip,
  collector,
  expectedPayload,
  JPEG,
  LRE,
  LRM,
  OPUS,
  open,
  PDF,
  PDF_BYTES,
  tempFolder,
  writeFiles,
} from './helpers.js';

const ANDROID_NAME = 'WhatsApp Chat with Anna Schmidt.txt';
const ANDROID_LOG = [
  '10/03/2022, 11:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
  '10/03/2022, 11:00 - Anna Schmidt: Hello, is the chair still there?',
  '10/03/2022, 11:02 - Shop: Yes! Here it is',
  `10/03/2022, 11:02 - Shop: ${LRM}IMG-20220310-WA0000.jpg (file attached)`,
  'Second line of the caption',
  `10/03/2022, 11:05 - Anna Schmidt: ${LRM}PTT-20220310-WA0001.opus (file attached)`,
  `11/03/2022, 09:00 - Shop: ${LRM}Invoice.pdf (file attached)`,
  `11/03/2022, 09:01 - Shop: ${LRM}IMG-20220310-WA0000.jpg (file attached)`,
  '11/03/2022, 09:02 - Anna Schmidt: "quoted" \\ back\tslash',
  '',
].join('\n');
const ANDROID_MEDIA = {
  'IMG-20220310-WA0000.jpg': JPEG,
  'PTT-20220310-WA0001.opus': OPUS,
  'Invoice.pdf': PDF_BYTES,
};
const OPUS_MIME = 'audio/ogg';

let temp: { readonly path: string; remove(): Promise<void> };
const opened: ChatExport[] = [];

beforeEach(async () => {
  temp = await tempFolder();
});
afterEach(async () => {
  for (const chat of opened.splice(0)) await chat.close();
  await temp.remove();
});

async function exportOf(
  files: Readonly<Record<string, string | Uint8Array>>,
  zipName?: string,
): Promise<ChatExport> {
  let path = join(temp.path, 'export');
  if (zipName === undefined) await writeFiles(path, files);
  else {
    await writeFiles(temp.path, { [zipName]: await buildZip(files) });
    path = join(temp.path, zipName);
  }
  const chat = await open(path);
  opened.push(chat);
  return chat;
}

async function payloadOf(chat: ChatExport, options: PrepareOptions) {
  const prepared = await prepareChatImport(chat, options);
  const sink = collector();
  const { bytesWritten } = await writeChatImport(prepared.source, sink.writable, {
    totalBytes: prepared.report.payloadBytes,
  });
  return { ...prepared, bytes: sink.bytes(), bytesWritten };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; hint?: string }> {
  try {
    await promise;
  } catch (error) {
    if (isWaImportError(error))
      return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('prepareChatImport: Android', () => {
  it('builds the payload of a .txt with its media folder, byte for byte', async () => {
    const chat = await exportOf({ [ANDROID_NAME]: ANDROID_LOG, ...ANDROID_MEDIA });
    const { bytes, bytesWritten, report, source } = await payloadOf(chat, {
      language: 'en-GB',
      utcOffsetMinutes: 60,
      self: 'Shop',
      participants: [{ handle: 'Anna Schmidt', phone: '+49 151 23456789' }],
    });
    const expected = expectedPayload({
      chatText: ANDROID_LOG,
      participants: [{ handle: 'Anna Schmidt', phone: '+4915123456789' }],
      offset: 60,
      language: 'en-GB',
      media: [
        { name: 'IMG-20220310-WA0000.jpg', mime: 'image/jpeg', bytes: JPEG },
        { name: 'PTT-20220310-WA0001.opus', mime: OPUS_MIME, bytes: OPUS },
        { name: 'Invoice.pdf', mime: 'application/pdf', bytes: PDF_BYTES },
      ],
    });
    expect(bytes.toString('utf8')).toBe(expected);
    expect(bytesWritten).toBe(Buffer.byteLength(expected));
    expect(report.payloadBytes).toBe(bytes.length);
    expect(await chatImportSize(source)).toBe(bytes.length);
    expect(report).toMatchObject({
      customer: 'Anna Schmidt',
      self: 'Shop',
      chatName: 'Anna Schmidt',
      participantSources: [{ handle: 'Anna Schmidt', source: 'override' }],
      utcOffsetSource: 'utc-offset',
      languageSource: 'option',
      messages: 8,
      media: { selection: 'referenced', pairedFiles: 3, missing: [], orphans: [] },
    });
    expect(report.authors).toEqual(
      [
        { handle: 'Anna Schmidt', messages: 3 },
        { handle: 'Shop', messages: 4 },
      ].sort((a, b) => b.messages - a.messages),
    );
  });

  it('reads a zip, finds the number in the contacts and the language in the log', async () => {
    const chat = await exportOf(
      { [ANDROID_NAME]: ANDROID_LOG, ...ANDROID_MEDIA },
      'WhatsApp Chat with Anna Schmidt.zip',
    );
    const { bytes, report } = await payloadOf(chat, {
      utcOffsetMinutes: -300,
      self: 'Shop',
      contacts: [{ name: 'Anna Schmidt', phones: ['+44 20 7946 0958'] }],
    });
    const parsed = JSON.parse(bytes.toString('utf8'));
    expect(parsed.chat_participants).toEqual([{ handle: 'Anna Schmidt', phone_number: '+442079460958' }]);
    expect(parsed.device_language_code).toBe('en');
    expect(parsed.utc_offset_minutes).toBe(-300);
    expect(report.languageSource).toBe('detected');
    expect(report.participantSources).toEqual([{ handle: 'Anna Schmidt', source: 'contacts' }]);
  });

  it('removes a BOM and decodes a UTF-16 log, nothing else changed', async () => {
    const log = `${BOM}${ANDROID_LOG.replace('chair', 'Stuhl für 25 €')}`;
    const utf16 = Buffer.from(log, 'utf16le');
    const chat = await exportOf({ [ANDROID_NAME]: new Uint8Array(utf16) });
    const { bytes, report } = await payloadOf(chat, {
      language: 'en-GB',
      utcOffsetMinutes: 0,
      self: 'Shop',
      participants: [{ handle: 'Anna Schmidt', phone: '+4915123456789' }],
      media: 'none',
    });
    expect(JSON.parse(bytes.toString('utf8')).chat_text).toBe(log.slice(1));
    expect(report.input.encoding).toBe('utf-16le');
    expect(report.media.included).toEqual([]);
    expect(report.media.missing).toEqual([
      'IMG-20220310-WA0000.jpg',
      'PTT-20220310-WA0001.opus',
      'Invoice.pdf',
    ]);
  });
});

describe('prepareChatImport: iOS', () => {
  const PHONE = '+49 151 23456789';
  const NFC_NAME = '00000012-PHOTO-2022-03-27-Caf\u00e9.jpg';
  const NFD_NAME = NFC_NAME.normalize('NFD');
  const IOS_LOG =
    `[27.03.22, 09:41:35] Shop: Guten Morgen\r\n` +
    `[27.03.22, 09:42:00] ${LRE}${PHONE}${PDF}: Hallo!\r\n` +
    `[27.03.22, 09:43:10] Shop: ${LRM}<Anhang: ${NFC_NAME}>\r\n` +
    `[27.03.22, 09:44:00] ${LRE}${PHONE}${PDF}: Danke\nzweite Zeile\r\n`;

  it('takes the number from the handle, pairs an NFD file name, keeps the log’s name', async () => {
    const chat = await exportOf({ '_chat.txt': IOS_LOG, [NFD_NAME]: JPEG }, `WhatsApp Chat - ${PHONE}.zip`);
    const { bytes, report } = await payloadOf(chat, {
      language: 'de-DE',
      timeZone: 'Europe/Berlin',
      self: 'Shop',
    });
    expect(bytes.toString('utf8')).toBe(
      expectedPayload({
        chatText: IOS_LOG,
        participants: [{ handle: PHONE, phone: '+4915123456789' }],
        offset: 120,
        language: 'de-DE',
        media: [{ name: NFC_NAME, mime: 'image/jpeg', bytes: JPEG }],
      }),
    );
    expect(report).toMatchObject({
      customer: PHONE,
      chatName: PHONE,
      utcOffsetSource: 'time-zone',
      timeZone: 'Europe/Berlin',
      participantSources: [{ handle: PHONE, source: 'handle' }],
    });
    expect(report.media.included).toEqual([
      { fileName: NFC_NAME, path: NFD_NAME, size: JPEG.length, mimeType: 'image/jpeg', matchedBy: 'unicode' },
    ]);
  });

  it('without --self, tells the customer from the chat name in the zip name', async () => {
    const chat = await exportOf({ '_chat.txt': IOS_LOG, [NFD_NAME]: JPEG }, `WhatsApp Chat - ${PHONE}.zip`);
    const { report } = await prepareChatImport(chat, { language: 'de-DE', utcOffsetMinutes: 60 });
    expect(report.customer).toBe(PHONE);
    expect(report.self).toBe('Shop');
    expect(report.participants).toEqual([{ handle: PHONE, phone_number: '+4915123456789' }]);
  });
});

describe('prepareChatImport: media selection', () => {
  const files = {
    [ANDROID_NAME]: ANDROID_LOG.replace(
      `${LRM}Invoice.pdf (file attached)`,
      `${LRM}Missing.pdf (file attached)`,
    ),
    ...ANDROID_MEDIA,
    'Orphan.pdf': PDF_BYTES,
  };
  const base: PrepareOptions = {
    language: 'en-GB',
    utcOffsetMinutes: 0,
    self: 'Shop',
    participants: [{ handle: 'Anna Schmidt', phone: '+4915123456789' }],
  };

  it('referenced: paired files only; missing and orphans reported', async () => {
    const { report } = await prepareChatImport(await exportOf(files), base);
    expect(report.media.included.map((m) => m.fileName)).toEqual([
      'IMG-20220310-WA0000.jpg',
      'PTT-20220310-WA0001.opus',
    ]);
    expect(report.media.missing).toEqual(['Missing.pdf']);
    expect(report.media.orphans.map((o) => o.path)).toEqual(['Invoice.pdf', 'Orphan.pdf']);
    expect(report.warnings).toContainEqual(
      expect.stringContaining('1 referenced media file(s) are not in the export: "Missing.pdf"'),
    );
    expect(report.warnings).toContainEqual(
      expect.stringContaining('2 file(s) in the export are referenced by no message'),
    );
  });

  it('all: adds the orphans under their own names', async () => {
    const { report, source } = await prepareChatImport(await exportOf(files), { ...base, media: 'all' });
    expect(source.media.map((m) => [m.fileName, m.mimeType])).toEqual([
      ['IMG-20220310-WA0000.jpg', 'image/jpeg'],
      ['PTT-20220310-WA0001.opus', OPUS_MIME],
      ['Invoice.pdf', 'application/pdf'],
      ['Orphan.pdf', 'application/pdf'],
    ]);
    expect(report.media.included.at(-1)?.matchedBy).toBe('orphan');
  });

  it('none: no media, and missing files are no error even when strict', async () => {
    const { source } = await prepareChatImport(await exportOf(files), {
      ...base,
      media: 'none',
      strict: true,
    });
    expect(source.media).toEqual([]);
  });

  it('max-media-bytes: keeps what fits, lists what was left out', async () => {
    const cap = JPEG.length + PDF_BYTES.length;
    const { report } = await prepareChatImport(await exportOf(files), {
      ...base,
      media: 'all',
      maxMediaBytes: cap,
    });
    expect(report.media.included.map((m) => m.fileName)).toEqual(['IMG-20220310-WA0000.jpg', 'Invoice.pdf']);
    expect(report.media.includedBytes).toBe(cap);
    expect(report.media.leftOut).toEqual([
      {
        fileName: 'PTT-20220310-WA0001.opus',
        path: 'PTT-20220310-WA0001.opus',
        size: OPUS.length,
        reason: 'max-media-bytes',
      },
      { fileName: 'Orphan.pdf', path: 'Orphan.pdf', size: PDF_BYTES.length, reason: 'max-media-bytes' },
    ]);
    expect(report.warnings).toContainEqual(
      expect.stringMatching(/^2 media file\(s\) .* left out to stay under --max-media-bytes/u),
    );
  });

  it('strict: a missing referenced file is E_MEDIA_MISSING', async () => {
    const error = await failure(prepareChatImport(await exportOf(files), { ...base, strict: true }));
    expect(error).toMatchObject({
      code: 'E_MEDIA_MISSING',
      message: '1 referenced media file(s) are not in the export: "Missing.pdf"',
    });
  });
});

describe('prepareChatImport: refusals', () => {
  it('refuses a chat with three authors: E_GROUP_CHAT', async () => {
    const log = `${ANDROID_LOG}11/03/2022, 10:00 - Ben: me too\n`;
    const error = await failure(
      prepareChatImport(await exportOf({ [ANDROID_NAME]: log }), { utcOffsetMinutes: 0 }),
    );
    expect(error).toMatchObject({
      code: 'E_GROUP_CHAT',
      message: 'group chats cannot be imported: the log has 3 authors, so it is a group chat',
    });
  });

  it('refuses a chat with group events: E_GROUP_CHAT', async () => {
    const log = `10/03/2022, 10:59 - Shop created group "Chairs"\n${ANDROID_LOG}`;
    const error = await failure(
      prepareChatImport(await exportOf({ 'WhatsApp Chat with Chairs.txt': log }), { utcOffsetMinutes: 0 }),
    );
    expect(error.code).toBe('E_GROUP_CHAT');
  });

  it('refuses to guess the offset: E_NO_UTC_OFFSET with a hint', async () => {
    const error = await failure(
      prepareChatImport(await exportOf({ [ANDROID_NAME]: ANDROID_LOG }), { language: 'en' }),
    );
    expect(error.code).toBe('E_NO_UTC_OFFSET');
    expect(error.hint).toContain('--tz');
  });

  it('refuses to guess the language: E_NO_LANGUAGE with a hint', async () => {
    const log = '10/03/2022, 11:00 - Anna Schmidt: hi\n10/03/2022, 11:01 - Shop: hello\n';
    const error = await failure(
      prepareChatImport(await exportOf({ [ANDROID_NAME]: log }), {
        utcOffsetMinutes: 0,
        self: 'Shop',
        participants: [{ handle: 'Anna Schmidt', phone: '+4915123456789' }],
      }),
    );
    expect(error.code).toBe('E_NO_LANGUAGE');
    expect(error.hint).toContain('--lang');
  });

  it('names the unresolved participant: E_PARTICIPANT_UNRESOLVED', async () => {
    const error = await failure(
      prepareChatImport(await exportOf({ [ANDROID_NAME]: ANDROID_LOG }), {
        utcOffsetMinutes: 0,
        self: 'Shop',
      }),
    );
    expect(error).toMatchObject({
      code: 'E_PARTICIPANT_UNRESOLVED',
      message: 'no phone number for "Anna Schmidt"',
    });
    expect(error.hint).toContain('--participant "Anna Schmidt=+<number>"');
  });

  it('refuses a file that is not an export: E_NOT_AN_EXPORT', async () => {
    const error = await failure(
      prepareChatImport(await exportOf({ 'notes.txt': 'just some notes\n' }), { utcOffsetMinutes: 0 }),
    );
    expect(error.code).toBe('E_NOT_AN_EXPORT');
  });

  it('refuses normalizeTimes without a zone: E_INVALID_OPTION', async () => {
    const error = await failure(
      prepareChatImport(await exportOf({ [ANDROID_NAME]: ANDROID_LOG }), {
        utcOffsetMinutes: 0,
        normalizeTimes: true,
      }),
    );
    expect(error.code).toBe('E_INVALID_OPTION');
  });
});
