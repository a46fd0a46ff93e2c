import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { looksLikePayloadFile, readPayloadFile } from '../../src/cli/payload-file.js';
import { tempFolder, writeFiles } from '../build/helpers.js';

let temp: { readonly path: string; remove(): Promise<void> };

beforeEach(async () => {
  temp = await tempFolder();
});
afterEach(async () => {
  await temp.remove();
});

describe('payload files', () => {
  it('reads chat_text whole across read chunks and skips large media strings', async () => {
    // Multi-byte characters and escapes on both sides of the 64 KiB read boundaries.
    const chatText = `10/03/2022, 11:00 - Ana: ${'€ "ü" 😀\n'.repeat(30_000)}`;
    const participants = [{ handle: 'Ana', phone_number: '+442079460123' }];
    const text = JSON.stringify({
      chat_text: chatText,
      chat_participants: participants,
      utc_offset_minutes: 0,
      device_language_code: 'en',
      media_files: [{ b64_content: 'QUFB'.repeat(100_000), mime_type: 'image/jpeg', file_name: 'a.jpg' }],
    });
    await writeFiles(temp.path, { 'payload.json': `\n ${text}` });
    const path = join(temp.path, 'payload.json');
    expect(await looksLikePayloadFile(path)).toBe(true);
    const file = await readPayloadFile(path);
    expect(file.chatText).toBe(chatText);
    expect(file.participants).toEqual(participants);
    expect(file.size).toBe(Buffer.byteLength(text) + 2);
  });

  it('tells exports and other files from payloads', async () => {
    await writeFiles(temp.path, {
      'chat.txt': '10/03/2022, 11:00 - Ana: {not json}\n',
      'empty.json': '',
      'folder/x.txt': 'x',
    });
    expect(await looksLikePayloadFile(join(temp.path, 'chat.txt'))).toBe(false);
    expect(await looksLikePayloadFile(join(temp.path, 'empty.json'))).toBe(false);
    expect(await looksLikePayloadFile(join(temp.path, 'folder'))).toBe(false);
    expect(await looksLikePayloadFile(join(temp.path, 'missing.json'))).toBe(false);
  });

  it.each([
    ['{"chat_text": "x",}', 'not valid UTF-8 JSON: '],
    ['{"chat_text": 1}', 'no "chat_text" string'],
    ['{"chat_text": "x", "chat_participants": {}}', '"chat_participants" is not a list'],
    ['{"chat_text": "x", "chat_participants": [{"handle": "a"}]}', '"chat_participants"[0] needs'],
    ['{"chat_text": "x", "chat_participants": [1, 2, 3]}', 'has 3 entries, at most 2'],
  ])('refuses %s', async (content, message) => {
    await writeFiles(temp.path, { 'p.json': content });
    const error = await readPayloadFile(join(temp.path, 'p.json')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_NOT_AN_EXPORT' });
    expect((error as Error).message).toContain(message);
  });
});
