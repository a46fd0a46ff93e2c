import { afterEach, describe, expect, it } from 'vitest';
import { parseImportedChat } from '../../src/emulator/chat-parse.js';
import {
  type InboxEmulator,
  type InboxEmulatorOptions,
  startInboxEmulator,
} from '../../src/emulator/index.js';
import { sampleImport } from '../submit/helpers.js';
import { authorized, listChats, postImport, send, token } from './helpers.js';

let emulator: InboxEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: InboxEmulatorOptions = {}): Promise<InboxEmulator> {
  emulator = await startInboxEmulator({ tokens: [token], ...options });
  return emulator;
}

interface ChatAnswer {
  readonly new_messages: number;
  readonly wa_id: string;
  readonly contact: { readonly last_message_timestamp: number };
  readonly last_message: {
    readonly from_us: boolean;
    readonly waba_payload: {
      readonly type: string;
      readonly timestamp: string;
      readonly text?: { body: string };
    };
  } | null;
}

const log = [
  '05/04/2024, 09:15 - Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.',
  '05/04/2024, 09:16 - Customer 1: Hi, is my order ready?',
  'It was placed on Monday.',
  '05/04/2024, 09:20 - Shop: Yes, pick it up any time',
  '05/04/2024, 09:21 - Shop: See you',
].join('\n');

describe('emulator: chat_text is parsed with the import’s language and offset', () => {
  it('answers new_messages and last_message from the parse', async () => {
    const inbox = await start();
    const answer = await postImport(inbox.url, sampleImport({ chat_text: log, utc_offset_minutes: 120 }));
    expect(answer.status).toBe(201);
    const chat = answer.json as ChatAnswer;
    // The encryption notice is a message too: four in all; the two lines of the second are one.
    expect(chat.new_messages).toBe(4);
    const sent = Date.UTC(2024, 3, 5, 7, 21) / 1000; // 09:21 at UTC+02:00
    expect(chat.contact.last_message_timestamp).toBe(sent);
    expect(chat.last_message).toMatchObject({
      from_us: true,
      waba_payload: { type: 'text', timestamp: String(sent), text: { body: 'See you' } },
    });
  });

  it('reads ambiguous dates in the order of device_language_code', async () => {
    const inbox = await start();
    const text = '01/02/2024, 10:00 - Customer 1: hello';
    const us = await postImport(inbox.url, sampleImport({ chat_text: text, device_language_code: 'en-US' }));
    const gb = await postImport(inbox.url, sampleImport({ chat_text: text, device_language_code: 'en_GB' }));
    const stamp = (answer: { json: unknown }) => (answer.json as ChatAnswer).contact.last_message_timestamp;
    expect(stamp(us)).toBe(Date.UTC(2024, 0, 2, 9, 0) / 1000); // January 2nd (m/d/y), 10:00 at UTC+01:00
    expect(stamp(gb)).toBe(Date.UTC(2024, 1, 1, 9, 0) / 1000); // 1 February (d/m/y)
  });

  it.each([
    [
      'plain text',
      'Hello, this is not a chat log at all.\nJust two lines.',
      'no message headers found (2 lines read)',
    ],
    [
      'a copy-paste log',
      '[10/03/2022, 11:00] Customer 1: hi\n[10/03/2022, 11:01] Shop: hello',
      'copied with "Copy"',
    ],
  ])('refuses %s with a reason', async (_, chatText, detail) => {
    const inbox = await start();
    const answer = await postImport(inbox.url, sampleImport({ chat_text: chatText }));
    expect(answer.status).toBe(400);
    const { reason } = answer.json as { reason: string };
    expect(reason.startsWith('chat_text is not a WhatsApp export: ')).toBe(true);
    expect(reason).toContain(detail);
    expect(inbox.imports).toHaveLength(0);
  });

  it('refuses a language the parser cannot take as a field error', async () => {
    const inbox = await start();
    const answer = await postImport(inbox.url, sampleImport({ device_language_code: 'en-a1' }));
    expect(answer).toMatchObject({
      status: 400,
      json: { device_language_code: ['Enter a valid language code.'] },
    });
  });

  it('wants a MIME type on every media file', async () => {
    const inbox = await start();
    const answer = await postImport(
      inbox.url,
      sampleImport({
        media_files: [
          { b64_content: 'AA==', file_name: 'a.jpg' },
          { b64_content: 'AA==', mime_type: '', file_name: 'b.jpg' },
          { b64_content: 'AA==', mime_type: null, file_name: 'c.jpg' },
        ],
      }),
    );
    expect(answer).toMatchObject({
      status: 400,
      json: {
        media_files: [
          { mime_type: ['This field is required.'] },
          { mime_type: ['This field may not be blank.'] },
          { mime_type: ['This field may not be null.'] },
        ],
      },
    });
  });

  it('parses the chat text of a streamed body too (it is kept whole up to the cap)', async () => {
    const inbox = await start({ maxStoredBodyBytes: 0 });
    const media = [
      {
        b64_content: Buffer.alloc(200_000, 1).toString('base64'),
        mime_type: 'image/jpeg',
        file_name: 'x.jpg',
      },
    ];
    const answer = await postImport(inbox.url, sampleImport({ chat_text: log, media_files: media }));
    expect(answer.status).toBe(201);
    expect((answer.json as ChatAnswer).new_messages).toBe(4);
    expect((answer.json as ChatAnswer).last_message?.waba_payload.text?.body).toBe('See you');
    expect(inbox.imports[0]?.body).toBeUndefined();
    const refused = await postImport(inbox.url, sampleImport({ chat_text: 'not a log', media_files: media }));
    expect((refused.json as { reason: string }).reason).toMatch(/^chat_text is not a WhatsApp export: /);
  });

  it('only counts header lines of a chat text over maxParsedChatTextChars', async () => {
    const inbox = await start({ maxStoredBodyBytes: 0, maxParsedChatTextChars: 100 });
    const answer = await postImport(inbox.url, sampleImport({ chat_text: log }));
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ new_messages: 4, last_message: null });
    const refused = await postImport(inbox.url, sampleImport({ chat_text: 'x'.repeat(500) }));
    expect((refused.json as { reason: string }).reason).toBe(
      'chat_text is not a WhatsApp export: no message headers found in its 500 characters',
    );
  });
});

describe('parseImportedChat', () => {
  it('feeds long texts in pieces, never between the halves of a surrogate pair', async () => {
    const header = '05/04/2024, 09:16 - Customer 1: ';
    const pieceChars = 1 << 20;
    // BOM + header + filler puts the emoji's high surrogate last in the first piece.
    const filler = 'a'.repeat(pieceChars - header.length - 1);
    const text = `\ufeff${header}${filler}😀 end\n05/04/2024, 09:17 - Shop: ok`;
    expect(text.charCodeAt(pieceChars)).toBe(0xd83d);
    const check = await parseImportedChat(text, { deviceLanguageCode: 'en-GB', utcOffsetMinutes: 0 });
    expect(check).toMatchObject({ ok: true, value: { messages: 2, authors: ['Customer 1', 'Shop'] } });
    if (check.ok) expect(check.value.last?.text).toBe('ok');
  });

  it('takes a message longer than the parser’s default line limit (the caller caps the text)', async () => {
    const long = 'a'.repeat((16 << 20) + 10);
    const check = await parseImportedChat(`05/04/2024, 09:16 - Customer 1: ${long}`, {
      deviceLanguageCode: 'en-GB',
      utcOffsetMinutes: 0,
    });
    expect(check.ok && check.value.last?.text.length).toBe(long.length);
  });
});

describe('emulator: GET /api/v1/chats/ pages', () => {
  it('links next and previous pages with limit and offset', async () => {
    const inbox = await start();
    const numbers = ['+44 7700 900101', '+44 7700 900102', '+44 7700 900103'];
    for (const number of numbers) {
      const body = sampleImport({ chat_participants: [{ handle: 'Customer 1', phone_number: number }] });
      expect((await postImport(inbox.url, body)).status).toBe(201);
    }
    const middle = await listChats(inbox.url, '?limit=1&offset=1');
    expect(middle).toMatchObject({
      status: 200,
      json: {
        count: 3,
        next: `${inbox.url}/api/v1/chats/?limit=1&offset=2`,
        previous: `${inbox.url}/api/v1/chats/?limit=1&offset=0`,
        results: [{ wa_id: '447700900102' }],
      },
    });
    const all = await listChats(inbox.url);
    expect(all.json).toMatchObject({ count: 3, next: null, previous: null });
    expect((all.json as { results: { wa_id: string }[] }).results.map((chat) => chat.wa_id)).toEqual([
      '447700900103',
      '447700900102',
      '447700900101',
    ]);
    const beyond = await listChats(inbox.url, '?limit=2&offset=10');
    expect(beyond.json).toMatchObject({
      count: 3,
      next: null,
      previous: `${inbox.url}/api/v1/chats/?limit=2&offset=8`,
      results: [],
    });
    const unauthorized = await send(inbox.url, '/api/v1/chats/', {
      method: 'GET',
      headers: { ...authorized, Authorization: 'Token x' },
    });
    expect(unauthorized.status).toBe(401);
  });
});
