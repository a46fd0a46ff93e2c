import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatExport, openExport } from '../../src/archive/index.js';
import { buildZip, codeOf, readBytes, readText, rejection, tempFolder } from './helpers.js';
import { buildRawZip } from './raw-zip.js';

const IOS_LOG =
  '[3/27/22, 21:41:35] Dmitry S: Hello World\r\n[3/27/22, 21:41:55] Dmitry S: \u200e<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>\r\n';
const ANDROID_LOG =
  '23/03/2022, 13:31 - Dmitry S: Hello\n23/03/2022, 13:32 - Elon: IMG-20220323-WA0000.jpg (file attached)\n';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

/** Counts lines that start like a header: a digit or `[` and a digit. */
const countHeaders = (sample: string): number =>
  sample.split('\n').filter((line) => /^\[?\d/u.test(line)).length;

let temp: { readonly path: string; remove(): Promise<void> };
const opened: ChatExport[] = [];

beforeEach(async () => {
  temp = await tempFolder();
});
afterEach(async () => {
  for (const chat of opened.splice(0)) await chat.close();
  await temp.remove();
});

async function open(...args: Parameters<typeof openExport>): Promise<ChatExport> {
  const chat = await openExport(...args);
  opened.push(chat);
  return chat;
}

async function writeZip(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(temp.path, name);
  await writeFile(path, bytes);
  return path;
}

describe('openExport: zip files', () => {
  it('opens an iOS export: _chat.txt, media, junk skipped', async () => {
    const zip = await buildZip({
      '_chat.txt': IOS_LOG,
      '00000035-PHOTO-2022-03-27-21-41-55.jpg': JPEG,
      '00000036-Some file.txt': 'a document, not the log',
      '__MACOSX/._00000035-PHOTO-2022-03-27-21-41-55.jpg': 'fork',
      '.DS_Store': 'junk',
    });
    const chat = await open(await writeZip('WhatsApp Chat - Elon Musk.zip', zip));
    expect(chat.kind).toBe('zip');
    expect(chat.sourceName).toBe('WhatsApp Chat - Elon Musk.zip');
    expect(chat.chatLog.name).toBe('_chat.txt');
    expect(chat.chatLogChoice).toMatchObject({
      name: '_chat.txt',
      rule: 'ios-chat-txt',
      reason: 'iOS export: "_chat.txt" is the chat log',
    });
    expect(chat.chatLogChoice.candidates.map((candidate) => [candidate.path, candidate.rule])).toEqual([
      ['00000036-Some file.txt', 'most-headers'],
      ['_chat.txt', 'ios-chat-txt'],
    ]);
    expect(chat.mediaEntries.map((entry) => entry.name)).toEqual([
      '00000035-PHOTO-2022-03-27-21-41-55.jpg',
      '00000036-Some file.txt',
    ]);
    expect(chat.skippedEntries).toEqual([
      {
        path: '__MACOSX/._00000035-PHOTO-2022-03-27-21-41-55.jpg',
        reason: 'junk',
        detail: 'macOS resource fork folder',
      },
      { path: '.DS_Store', reason: 'junk', detail: 'macOS folder settings' },
    ]);
    expect(chat.warnings).toEqual([]);
    expect(await readText(chat.chatLog)).toBe(IOS_LOG);
  });

  it('re-streams an entry on every open() and reads heads', async () => {
    const big = new Uint8Array(300_000).map((_, index) => index % 251);
    const chat = await open(await buildZip({ '_chat.txt': IOS_LOG, 'v.mp4': big }));
    const [video] = chat.mediaEntries;
    expect(video?.size).toBe(300_000);
    if (video === undefined) return;
    // Buffer.equals: a deep toEqual over 300 000 elements takes seconds.
    expect(Buffer.from(await readBytes(video)).equals(big)).toBe(true);
    expect(Buffer.from(await readBytes(video)).equals(big)).toBe(true);
    expect(await video.readHead(5)).toEqual(big.subarray(0, 5));
    expect(Buffer.from(await video.readHead(400_000)).equals(big)).toBe(true);
    expect(await video.readHead(0)).toEqual(new Uint8Array(0));
  });

  it('opens an Android export inside one top-level folder by its localized name', async () => {
    const zip = await buildZip({
      'Chat/notes.txt': 'x'.repeat(5000),
      'Chat/WhatsApp Chat mit Elon.txt': ANDROID_LOG,
      'Chat/IMG-20220323-WA0000.jpg': JPEG,
    });
    const chat = await open(zip, { name: 'WhatsApp Chat mit Elon.zip' });
    expect(chat.sourceName).toBe('WhatsApp Chat mit Elon.zip');
    expect(chat.chatLog.path).toBe('Chat/WhatsApp Chat mit Elon.txt');
    expect(chat.chatLogChoice).toMatchObject({
      rule: 'file-name',
      reason: 'export file name: "Chat/WhatsApp Chat mit Elon.txt" is named like an Android (de) chat export',
    });
    expect(chat.mediaEntries.map((entry) => entry.path)).toEqual([
      'Chat/IMG-20220323-WA0000.jpg',
      'Chat/notes.txt',
    ]);
  });

  it('picks the .txt with the most headers when names do not decide, and the largest without a counter', async () => {
    const files = {
      'b.txt': ANDROID_LOG.repeat(3),
      'a.txt': `${'not a chat line\n'.repeat(200)}`,
      'c.txt': ANDROID_LOG,
    };
    const counted = await open(await buildZip(files), { countHeaders });
    expect(counted.chatLog.name).toBe('b.txt');
    expect(counted.chatLogChoice.rule).toBe('most-headers');
    expect(counted.chatLogChoice.reason).toBe(
      'no file name decides: "b.txt" has the most message headers in its first 64 KiB; 6 message headers against 2 in "c.txt"',
    );
    expect(counted.chatLogChoice.candidates.map((candidate) => candidate.headerCount)).toEqual([0, 6, 2]);
    expect(counted.warnings).toEqual([]);

    const bySize = await open(await buildZip(files));
    expect(bySize.chatLog.name).toBe('a.txt');
    expect(bySize.chatLogChoice.rule).toBe('largest');
    expect(bySize.warnings).toEqual([
      {
        kind: 'no-header-counter',
        entry: 'a.txt',
        message: 'chat log chosen by size: no header counter was given, got 3 .txt files',
      },
    ]);
  });

  it('breaks ties by name, whatever the archive order', async () => {
    const first = await open(await buildZip({ 'z.txt': ANDROID_LOG, 'm.txt': ANDROID_LOG }), {
      countHeaders,
    });
    const second = await open(await buildZip({ 'm.txt': ANDROID_LOG, 'z.txt': ANDROID_LOG }), {
      countHeaders,
    });
    expect(first.chatLog.name).toBe('m.txt');
    expect(second.chatLog.name).toBe('m.txt');
  });

  it('decodes a UTF-16 sample for the header counter', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ANDROID_LOG.repeat(4), 'utf16le')]);
    const chat = await open(await buildZip({ 'utf16.txt': utf16, 'small.txt': ANDROID_LOG }), {
      countHeaders,
    });
    expect(chat.chatLog.name).toBe('utf16.txt');
  });

  it('fails with E_NO_CHAT_LOG when there is no .txt', async () => {
    const error = await rejection(openExport(await buildZip({ 'IMG-1.jpg': JPEG, 'b.opus': 'x' })));
    expect(error).toMatchObject({
      code: 'E_NO_CHAT_LOG',
      message: 'no chat log in the export: no .txt file, got 2 other files ("IMG-1.jpg", "b.opus")',
    });
  });

  it('opens a re-zipped export through its inner zip and removes the temporary copy on close', async () => {
    const inner = await buildZip({ '_chat.txt': IOS_LOG, '00000035-PHOTO.jpg': JPEG });
    const outer = await buildZip({
      'WhatsApp Chat - Ana.zip': inner,
      '__MACOSX/._WhatsApp Chat - Ana.zip': 'x',
    });
    const spoolDir = join(temp.path, 'spool');
    await mkdir(spoolDir);
    const chat = await openExport(outer, { tempDir: spoolDir, name: 'outer.zip' });
    expect(chat.kind).toBe('zip');
    expect(chat.chatLog.name).toBe('_chat.txt');
    expect(chat.mediaEntries.map((entry) => entry.name)).toEqual(['00000035-PHOTO.jpg']);
    expect(chat.warnings).toContainEqual({
      kind: 'inner-archive',
      entry: 'WhatsApp Chat - Ana.zip',
      message: 'archive inside an archive: opened the inner WhatsApp Chat - Ana.zip, got no .txt beside it',
    });
    expect(await readText(chat.chatLog)).toBe(IOS_LOG);
    expect(await readdir(spoolDir)).toHaveLength(1);
    await chat.close();
    await chat.close();
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it('reads a zip64 archive', async () => {
    const zip = buildRawZip(
      [
        { name: '_chat.txt', data: IOS_LOG },
        { name: 'photo.jpg', data: JPEG, method: 0 },
      ],
      { zip64: true },
    );
    const chat = await open(await writeZip('zip64.zip', zip));
    expect(chat.chatLog.size).toBe(Buffer.byteLength(IOS_LOG));
    expect(await readText(chat.chatLog)).toBe(IOS_LOG);
    expect(await readBytes(chat.mediaEntries[0] as never)).toEqual(JPEG);
  });

  it('skips unsafe names with a warning and never fails on them', async () => {
    const zip = buildRawZip([
      { name: '_chat.txt', data: IOS_LOG },
      { name: '../evil.txt', data: 'x' },
      { name: '/etc/passwd', data: 'x' },
      { name: 'C:\\Windows\\x.txt', data: 'x' },
      { name: 'Chat\\..\\..\\y.jpg', data: 'x' },
    ]);
    const chat = await open(zip);
    expect(chat.chatLog.name).toBe('_chat.txt');
    expect(chat.mediaEntries).toEqual([]);
    expect(chat.skippedEntries.map((entry) => [entry.path, entry.reason, entry.detail])).toEqual([
      ['../evil.txt', 'unsafe-path', '".." segment'],
      ['/etc/passwd', 'unsafe-path', 'absolute path'],
      ['C:\\Windows\\x.txt', 'unsafe-path', 'drive letter'],
      ['Chat\\..\\..\\y.jpg', 'unsafe-path', '".." segment'],
    ]);
    expect(chat.warnings[0]).toEqual({
      kind: 'unsafe-path',
      entry: '../evil.txt',
      message: 'unsafe entry name skipped: ".." segment, got "../evil.txt"',
    });
  });
});

describe('openExport: hostile and broken zips', () => {
  it('rejects an encrypted entry, naming it', async () => {
    const zip = buildRawZip([
      { name: '_chat.txt', data: IOS_LOG },
      { name: 'secret.jpg', data: JPEG, flags: 0x0001 },
    ]);
    expect(await rejection(openExport(zip))).toMatchObject({
      code: 'E_ZIP_ENCRYPTED',
      entry: 'secret.jpg',
      message: 'encrypted archive entry: secret.jpg needs a password, got general-purpose flags 0x0801',
    });
  });

  it('rejects a truncated archive', async () => {
    const zip = await buildZip({ '_chat.txt': IOS_LOG });
    const path = await writeZip('cut.zip', zip.subarray(0, zip.byteLength - 30));
    const error = await rejection(openExport(path));
    expect(codeOf(error)).toBe('E_ZIP_CORRUPT');
    expect((error as Error).message).toMatch(/^not a readable zip archive: cut\.zip, got "/u);
  });

  it('rejects a damaged central directory, naming the last good entry', async () => {
    const zip = buildRawZip([
      { name: '_chat.txt', data: IOS_LOG },
      { name: 'b.jpg', data: JPEG },
    ]);
    const bytes = Buffer.from(zip);
    const second = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes[second + 3] = 0x09;
    const error = await rejection(openExport(new Uint8Array(bytes)));
    expect(error).toMatchObject({ code: 'E_ZIP_CORRUPT', entry: '_chat.txt' });
    expect((error as Error).message).toMatch(
      /^corrupt zip archive: input\.zip breaks after entry "_chat\.txt", got "/u,
    );
  });

  it('fails the stream of an entry whose compressed data is damaged', async () => {
    const zip = Buffer.from(buildRawZip([{ name: '_chat.txt', data: IOS_LOG.repeat(50) }]));
    const dataStart = 30 + '_chat.txt'.length;
    zip.fill(0xff, dataStart, dataStart + 8);
    const chat = await open(new Uint8Array(zip));
    const error = await rejection(readText(chat.chatLog));
    expect(error).toMatchObject({ code: 'E_ZIP_CORRUPT', entry: '_chat.txt' });
    expect((error as Error).message).toMatch(/^corrupt archive entry: _chat\.txt cannot be read, got "/u);
  });

  it('enforces the entry-count, entry-size and total-size limits from the central directory', async () => {
    const zip = await buildZip({ '_chat.txt': IOS_LOG, 'a.jpg': 'a'.repeat(200), 'b.jpg': 'b'.repeat(200) });
    expect(codeOf(await rejection(openExport(zip, { limits: { maxEntries: 2 } })))).toBe(
      'E_ZIP_TOO_MANY_ENTRIES',
    );
    expect(await rejection(openExport(zip, { limits: { maxEntryBytes: 150 } }))).toMatchObject({
      code: 'E_ZIP_ENTRY_TOO_LARGE',
      entry: 'a.jpg',
      message: 'export entry too large: a.jpg is over the 150-byte limit, got 200 bytes',
    });
    expect(await rejection(openExport(zip, { limits: { maxTotalBytes: 400 } }))).toMatchObject({
      code: 'E_ZIP_TOO_LARGE',
      entry: 'b.jpg',
    });
  });

  it('rejects a zip bomb by its compression ratio', async () => {
    const zip = await buildZip({ '_chat.txt': IOS_LOG, 'zeros.txt': new Uint8Array(2 * 1024 * 1024) });
    const error = await rejection(openExport(zip));
    expect(error).toMatchObject({ code: 'E_ZIP_RATIO', entry: 'zeros.txt' });
    expect((error as Error).message).toMatch(
      /^suspicious compression ratio: zeros\.txt inflates more than 200:1, got \d+:1/u,
    );
  });

  it('stops an entry whose header understates its size while it streams', async () => {
    const zip = buildRawZip([
      { name: '_chat.txt', data: IOS_LOG },
      { name: 'liar.jpg', data: new Uint8Array(100_000), declaredSize: 10 },
    ]);
    const chat = await open(zip);
    const liar = chat.mediaEntries[0];
    expect(liar?.size).toBe(10);
    if (liar === undefined) return;
    const error = await rejection(readBytes(liar));
    expect(error).toMatchObject({ code: 'E_ZIP_ENTRY_TOO_LARGE', entry: 'liar.jpg' });
    expect((error as Error).message).toMatch(
      /^archive entry larger than its header says: liar\.jpg declares 10 bytes, got at least \d+$/u,
    );
  });

  it('reports an entry whose header overstates its size as corrupt', async () => {
    const zip = buildRawZip([
      { name: '_chat.txt', data: IOS_LOG },
      { name: 'short.jpg', data: JPEG, declaredSize: 1000 },
    ]);
    const chat = await open(zip);
    const error = await rejection(readBytes(chat.mediaEntries[0] as never));
    expect(error).toMatchObject({
      code: 'E_ZIP_CORRUPT',
      message: `archive entry truncated: short.jpg declares 1000 bytes, got ${JPEG.byteLength}`,
    });
  });

  it('rejects a stored entry whose two sizes disagree', async () => {
    const zip = buildRawZip([{ name: '_chat.txt', data: IOS_LOG, method: 0, declaredSize: 5 }]);
    expect(await rejection(openExport(zip))).toMatchObject({ code: 'E_ZIP_CORRUPT', entry: '_chat.txt' });
  });
});

describe('openExport: folders, text files, bytes and streams', () => {
  it('walks an export folder, skipping junk and symbolic links', async () => {
    const root = join(temp.path, 'WhatsApp Chat - Ana');
    await mkdir(join(root, 'media'), { recursive: true });
    await mkdir(join(root, '__MACOSX'));
    await writeFile(join(root, '_chat.txt'), IOS_LOG);
    await writeFile(join(root, 'media', '00000035-PHOTO.jpg'), JPEG);
    await writeFile(join(root, '__MACOSX', '._x'), 'x');
    await writeFile(join(root, '.DS_Store'), 'x');
    await symlink('/etc/hostname', join(root, 'link.jpg'));
    const chat = await open(root);
    expect(chat.kind).toBe('folder');
    expect(chat.sourceName).toBe('WhatsApp Chat - Ana');
    expect(chat.chatLog.path).toBe('_chat.txt');
    expect(chat.mediaEntries.map((entry) => [entry.name, entry.path, entry.size])).toEqual([
      ['00000035-PHOTO.jpg', 'media/00000035-PHOTO.jpg', JPEG.byteLength],
    ]);
    expect(chat.skippedEntries.map((entry) => [entry.path, entry.reason])).toEqual([
      ['.DS_Store', 'junk'],
      ['__MACOSX', 'junk'],
      ['link.jpg', 'symlink'],
    ]);
    expect(chat.warnings.map((warning) => warning.kind)).toEqual(['symlink']);
    expect(await readBytes(chat.mediaEntries[0] as never)).toEqual(JPEG);
  });

  it('enforces the size limits on a folder too', async () => {
    await writeFile(join(temp.path, '_chat.txt'), IOS_LOG);
    await writeFile(join(temp.path, 'big.mp4'), new Uint8Array(500));
    expect(await rejection(openExport(temp.path, { limits: { maxEntryBytes: 400 } }))).toMatchObject({
      code: 'E_ZIP_ENTRY_TOO_LARGE',
      entry: 'big.mp4',
    });
  });

  it('opens a .txt with the media files beside it', async () => {
    const log = join(temp.path, 'WhatsApp Chat with +49 151 23456789.txt');
    await writeFile(log, ANDROID_LOG);
    await writeFile(join(temp.path, 'IMG-20220323-WA0000.jpg'), JPEG);
    await writeFile(join(temp.path, 'huge.iso'), new Uint8Array(2000));
    await writeFile(join(temp.path, '._IMG-20220323-WA0000.jpg'), 'x');
    await mkdir(join(temp.path, 'sub'));
    await writeFile(join(temp.path, 'sub', 'deeper.jpg'), JPEG);
    const chat = await open(log, { limits: { maxEntryBytes: 1000 } });
    expect(chat.kind).toBe('text');
    expect(chat.chatLog.name).toBe('WhatsApp Chat with +49 151 23456789.txt');
    expect(chat.chatLogChoice.rule).toBe('given');
    expect(chat.mediaEntries.map((entry) => entry.name)).toEqual(['IMG-20220323-WA0000.jpg']);
    expect(chat.skippedEntries.map((entry) => [entry.path, entry.reason])).toEqual([
      ['._IMG-20220323-WA0000.jpg', 'junk'],
      ['huge.iso', 'too-large'],
    ]);
    expect(chat.warnings).toEqual([
      {
        kind: 'too-large',
        entry: 'huge.iso',
        message: 'file skipped: over the 1000-byte limit, got 2000 bytes',
      },
    ]);
    expect(await readText(chat.chatLog)).toBe(ANDROID_LOG);
  });

  it('fails with E_INPUT_NOT_FOUND for a missing path', async () => {
    const missing = join(temp.path, 'nope.zip');
    expect(await rejection(openExport(missing))).toMatchObject({
      code: 'E_INPUT_NOT_FOUND',
      message: `input not found: no file or folder at that path, got ${missing}`,
    });
  });

  it('treats a non-zip .zip file as a corrupt archive', async () => {
    const path = await writeZip('fake.zip', new TextEncoder().encode('hello'));
    expect(codeOf(await rejection(openExport(path)))).toBe('E_ZIP_CORRUPT');
  });

  it('opens text bytes as the chat log', async () => {
    const chat = await open(new TextEncoder().encode(ANDROID_LOG), { name: 'WhatsApp Chat with Bo.txt' });
    expect(chat.kind).toBe('text');
    expect(chat.sourceName).toBe('WhatsApp Chat with Bo.txt');
    expect(chat.chatLog.name).toBe('WhatsApp Chat with Bo.txt');
    expect(chat.mediaEntries).toEqual([]);
    expect(await readText(chat.chatLog)).toBe(ANDROID_LOG);
    expect(await readText(chat.chatLog)).toBe(ANDROID_LOG);
    const unnamed = await open(new TextEncoder().encode(ANDROID_LOG));
    expect([unnamed.sourceName, unnamed.chatLog.name]).toEqual([null, 'chat.txt']);
  });

  it('spools a zip stream to a temporary file and removes it on close', async () => {
    const zip = await buildZip({ '_chat.txt': IOS_LOG, 'a.jpg': JPEG });
    const pieces = Array.from({ length: Math.ceil(zip.byteLength / 7) }, (_, index) =>
      zip.subarray(index * 7, index * 7 + 7),
    );
    const chat = await openExport(Readable.from(pieces), { tempDir: temp.path, name: 'export.zip' });
    expect(chat.kind).toBe('zip');
    expect(await readText(chat.chatLog)).toBe(IOS_LOG);
    expect(await readdir(temp.path)).toHaveLength(1);
    await chat.close();
    expect(await readdir(temp.path)).toEqual([]);
    expect(await rejection(readText(chat.chatLog))).toMatchObject({ code: 'E_READ_FAILED' });
  });

  it('reads a text stream as the chat log', async () => {
    async function* text() {
      yield new TextEncoder().encode(ANDROID_LOG.slice(0, 10));
      yield new TextEncoder().encode(ANDROID_LOG.slice(10));
    }
    const chat = await openExport(text(), { tempDir: temp.path });
    expect(chat.kind).toBe('text');
    expect(await readText(chat.chatLog)).toBe(ANDROID_LOG);
    await chat.close();
    expect(await readdir(temp.path)).toEqual([]);
  });

  it('limits a stream to maxTotalBytes and leaves no temporary file', async () => {
    const error = await rejection(
      openExport(Readable.from([new Uint8Array(600), new Uint8Array(600)]), {
        tempDir: temp.path,
        limits: { maxTotalBytes: 1000 },
      }),
    );
    expect(error).toMatchObject({
      code: 'E_ZIP_TOO_LARGE',
      message: 'input too large: the stream is over the 1000-byte limit, got at least 1200 bytes',
    });
    expect(await readdir(temp.path)).toEqual([]);
  });

  it('stops on an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(codeOf(await rejection(openExport(temp.path, { signal: controller.signal })))).toBe('E_ABORTED');
    const chat = await open(await buildZip({ '_chat.txt': IOS_LOG }));
    expect(codeOf(await rejection(chat.chatLog.open(controller.signal)))).toBe('E_ABORTED');
  });

  it('rejects a source that is neither path, bytes nor stream', async () => {
    expect(codeOf(await rejection(openExport(42 as never)))).toBe('E_INVALID_OPTION');
    expect(codeOf(await rejection(openExport(temp.path, { limits: { maxEntries: 0 } })))).toBe(
      'E_INVALID_OPTION',
    );
  });
});
