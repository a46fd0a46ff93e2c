import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type InboxEmulator,
  type InboxEmulatorOptions,
  startInboxEmulator,
} from '../../src/emulator/index.js';
import { sampleImport } from '../submit/helpers.js';
import { authorized, json, postImport, send, token } from './helpers.js';

let emulator: InboxEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: InboxEmulatorOptions = {}): Promise<InboxEmulator> {
  emulator = await startInboxEmulator({ tokens: [token], ...options });
  return emulator;
}

describe('emulator: sign-in', () => {
  const users = [{ username: 'bot', password: 'pw-1' }];

  it('answers the same token to JSON and form-encoded sign-ins, and accepts it for imports', async () => {
    const inbox = await start({ users });
    const first = await send(inbox.url, '/api/v1/auth/token/', {
      headers: json,
      body: '{"username":"bot","password":"pw-1"}',
    });
    const second = await send(inbox.url, '/api/v1/auth/token/', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=bot&password=pw-1',
    });
    expect(first.status).toBe(200);
    const issued = (first.json as { token: string }).token;
    expect(issued).toMatch(/^[0-9a-f]{40}$/);
    expect(second.json).toEqual({ token: issued });
    const imported = await send(inbox.url, '/api/v1/chat_import/', {
      headers: { ...json, Authorization: `Token ${issued}` },
      body: JSON.stringify(sampleImport()),
    });
    expect(imported.status).toBe(201);
    expect(inbox.imports[0]?.user).toBe('bot');
  });

  it('rejects bad credentials and missing fields like DRF', async () => {
    const inbox = await start({ users });
    const wrong = await send(inbox.url, '/api/v1/auth/token/', {
      headers: json,
      body: '{"username":"bot","password":"x"}',
    });
    expect(wrong).toMatchObject({
      status: 400,
      json: { non_field_errors: ['Unable to log in with provided credentials.'] },
    });
    const missing = await send(inbox.url, '/api/v1/auth/token/', {
      headers: json,
      body: '{"username":"bot"}',
    });
    expect(missing).toMatchObject({ status: 400, json: { password: ['This field is required.'] } });
    const unknown = await send(inbox.url, '/api/v1/auth/token/', {
      headers: json,
      body: '{"username":"eve","password":"pw-1"}',
    });
    expect(unknown.status).toBe(400);
    const notJson = await send(inbox.url, '/api/v1/auth/token/', { headers: json, body: '{"username":' });
    expect(notJson.status).toBe(400);
    expect((notJson.json as { detail: string }).detail).toMatch(/^JSON parse error - /);
    const textPlain = await send(inbox.url, '/api/v1/auth/token/', {
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });
    expect(textPlain.status).toBe(415);
  });

  it('resets a refresh token on conversion unless it is kept', async () => {
    const inbox = await start({ refreshTokens: ['r-keep', 'r-once'] });
    const path = '/api/v1/auth/convert_refresh_token/';
    const kept = await send(inbox.url, path, {
      headers: json,
      body: '{"refresh_token":"r-keep","keep_refresh_token":true}',
    });
    const keptAgain = await send(inbox.url, path, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'refresh_token=r-keep&keep_refresh_token=true',
    });
    expect(kept.status).toBe(200);
    expect(keptAgain.json).toEqual(kept.json);
    const once = await send(inbox.url, path, {
      headers: json,
      body: '{"refresh_token":"r-once","keep_refresh_token":false}',
    });
    expect(once.status).toBe(200);
    expect(once.json).not.toEqual(kept.json);
    const reused = await send(inbox.url, path, { headers: json, body: '{"refresh_token":"r-once"}' });
    expect(reused).toMatchObject({ status: 401, json: { detail: 'Invalid refresh token.' } });
  });
});

describe('emulator: the import endpoint', () => {
  it('answers 201 with a Chat and stores the parsed import', async () => {
    const inbox = await start({ now: () => new Date('2024-05-01T00:00:00Z') });
    const body = JSON.stringify(sampleImport());
    const answer = await postImport(inbox.url, sampleImport());
    expect(answer.status).toBe(201);
    const sha256 = createHash('sha256').update(body).digest('hex');
    // 10/03/2022 11:00 at UTC+01:00 (utc_offset_minutes 60) is 10:00 UTC.
    const sent = Date.UTC(2022, 2, 10, 10, 0) / 1000;
    const contact = {
      wa_id: '447700900123',
      waba_payload: { profile: { name: 'Customer 1' }, wa_id: '447700900123' },
      initials: 'C1',
      last_message_timestamp: sent,
      resolved: false,
    };
    const id = `import.${sha256.slice(0, 16)}.2`;
    expect(answer.json).toEqual({
      contact,
      new_messages: 2,
      wa_id: '447700900123',
      last_message: {
        id,
        waba_payload: {
          id,
          from: '447700900123',
          timestamp: String(sent),
          type: 'text',
          text: { body: 'Message 2 Line 1\nMessage 2 Line 2' },
        },
        waba_statuses: { sent: null, delivered: null, read: null },
        contact,
        from_us: false,
        received: true,
        sender: null,
        before_time: null,
        since_time: null,
        customer_wa_id: '447700900123',
        tags: [],
        chat_tags: [],
      },
      assigned_to_user: null,
      assigned_group: null,
      tags: [],
    });
    expect(inbox.imports).toEqual([
      {
        bytes: Buffer.byteLength(body),
        sha256,
        body: sampleImport(),
        user: undefined,
        mediaFileCount: 1,
        importedAt: '2024-05-01T00:00:00.000Z',
        chat: answer.json,
      },
    ]);
    expect(inbox.dataFile).toBeUndefined();
    expect(inbox.requests).toBe(1);
    expect(inbox.log).toEqual([
      {
        method: 'POST',
        path: '/api/v1/chat_import/',
        contentLength: String(Buffer.byteLength(body)),
        transferEncoding: undefined,
        bytesReceived: Buffer.byteLength(body),
        status: 201,
      },
    ]);
  });

  it('takes the customer from a phone-number author when there are no participants', async () => {
    const inbox = await start();
    const answer = await postImport(
      inbox.url,
      sampleImport({ chat_participants: [], chat_text: '[14.08.24, 21:00:10] +49 151 12345678: hallo\n' }),
    );
    expect(answer.status).toBe(201);
    expect((answer.json as { wa_id: string }).wa_id).toBe('4915112345678');
  });

  it('asks for participants when the author is a name', async () => {
    const inbox = await start();
    const answer = await postImport(inbox.url, sampleImport({ chat_participants: undefined }));
    expect(answer.status).toBe(400);
    expect((answer.json as { reason: string }).reason).toContain('supply chat_participants');
  });

  it('wants a token', async () => {
    const inbox = await start();
    const none = await send(inbox.url, '/api/v1/chat_import/', { headers: json, body: '{}' });
    expect(none).toMatchObject({
      status: 401,
      json: { detail: 'Authentication credentials were not provided.' },
    });
    expect(none.headers['www-authenticate']).toBe('Token');
    const bearer = await send(inbox.url, '/api/v1/chat_import/', {
      headers: { ...json, Authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(bearer.status).toBe(401);
    const wrong = await send(inbox.url, '/api/v1/chat_import/', {
      headers: { ...json, Authorization: 'Token nope' },
      body: '{}',
    });
    expect(wrong).toMatchObject({ status: 401, json: { detail: 'Invalid token.' } });
    expect(inbox.imports).toHaveLength(0);
  });

  it('refuses chunked transfer encoding without Content-Length (411)', async () => {
    const inbox = await start();
    const answer = await send(inbox.url, '/api/v1/chat_import/', {
      headers: { ...authorized, 'Transfer-Encoding': 'chunked' },
      body: JSON.stringify(sampleImport()),
      chunked: true,
    });
    expect(answer.status).toBe(411);
    expect(inbox.log[0]?.transferEncoding).toBe('chunked');
    expect(inbox.imports).toHaveLength(0);
  });

  it('refuses a body over maxBodyBytes from its Content-Length (413)', async () => {
    const inbox = await start({ maxBodyBytes: 100 });
    const answer = await postImport(inbox.url, sampleImport());
    expect(answer.status).toBe(413);
    expect((answer.json as { detail: string }).detail).toContain('exceeds the limit of 100 bytes');
  });

  it('wants JSON (415), valid JSON (400), POST (405) and the exact path (404)', async () => {
    const inbox = await start();
    const form = await send(inbox.url, '/api/v1/chat_import/', {
      headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'chat_text=x',
    });
    expect(form.status).toBe(415);
    const broken = await send(inbox.url, '/api/v1/chat_import/', {
      headers: authorized,
      body: '{"chat_text": "x",}',
    });
    expect(broken.status).toBe(400);
    expect((broken.json as { detail: string }).detail).toMatch(/^JSON parse error - /);
    const badUtf8 = await send(inbox.url, '/api/v1/chat_import/', {
      headers: authorized,
      body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(badUtf8.status).toBe(400);
    expect(
      (await send(inbox.url, '/api/v1/chat_import/', { method: 'GET', headers: authorized })).status,
    ).toBe(405);
    expect((await send(inbox.url, '/api/v1/chat_import', { headers: authorized, body: '{}' })).status).toBe(
      404,
    );
    expect((await send(inbox.url, '/nowhere/', { headers: authorized, body: '{}' })).status).toBe(404);
  });

  it.each([
    ['a list', [], { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] }],
    [
      'an empty object',
      {},
      {
        chat_text: ['This field is required.'],
        utc_offset_minutes: ['This field is required.'],
        device_language_code: ['This field is required.'],
        media_files: ['This field is required.'],
      },
    ],
    ['a blank chat', sampleImport({ chat_text: '  ' }), { chat_text: ['This field may not be blank.'] }],
    ['a numeric chat', sampleImport({ chat_text: 5 }), { chat_text: ['Not a valid string.'] }],
    ['a null chat', sampleImport({ chat_text: null }), { chat_text: ['This field may not be null.'] }],
    [
      'a fractional offset',
      sampleImport({ utc_offset_minutes: 1.5 }),
      { utc_offset_minutes: ['A valid integer is required.'] },
    ],
    [
      'a string offset',
      sampleImport({ utc_offset_minutes: '60' }),
      { utc_offset_minutes: ['A valid integer is required.'] },
    ],
    [
      'an offset too far west',
      sampleImport({ utc_offset_minutes: -721 }),
      { utc_offset_minutes: ['Ensure this value is greater than or equal to -720.'] },
    ],
    [
      'an offset too far east',
      sampleImport({ utc_offset_minutes: 841 }),
      { utc_offset_minutes: ['Ensure this value is less than or equal to 840.'] },
    ],
    [
      'a bad language',
      sampleImport({ device_language_code: 'English!' }),
      { device_language_code: ['Enter a valid language code.'] },
    ],
    [
      'media as a string',
      sampleImport({ media_files: 'none' }),
      { media_files: ['Expected a list of items but got type "str".'] },
    ],
    [
      'bad media',
      sampleImport({
        media_files: [
          { b64_content: 'AA==', mime_type: 'image/jpeg', file_name: 'ok.jpg' },
          { b64_content: 'AA=', mime_type: 'jpeg', file_name: '../x.jpg' },
          { mime_type: 'image/png', file_name: '' },
          'x',
        ],
      }),
      {
        media_files: [
          {},
          {
            b64_content: ['Invalid base64 content.'],
            mime_type: ['Enter a valid MIME type.'],
            file_name: ['Enter a valid file name.'],
          },
          { b64_content: ['This field is required.'], file_name: ['This field may not be blank.'] },
          { non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] },
        ],
      },
    ],
    [
      'three participants',
      sampleImport({
        chat_participants: [1, 2, 3].map((n) => ({ handle: `P${n}`, phone_number: `+4477009001${n}0` })),
      }),
      { chat_participants: ['Ensure this field has no more than 2 elements.'] },
    ],
    [
      'a bad phone number',
      sampleImport({
        chat_participants: [
          { handle: 'Ana', phone_number: 'call me' },
          { handle: '', phone_number: '+1 (555) 010-9999' },
        ],
      }),
      {
        chat_participants: [
          { phone_number: ['Enter a valid phone number.'] },
          { handle: ['This field may not be blank.'] },
        ],
      },
    ],
  ])('rejects %s with DRF-style errors', async (_, value, errors) => {
    const inbox = await start();
    const answer = await postImport(inbox.url, value);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(errors);
    expect(inbox.imports).toHaveLength(0);
  });
});

describe('emulator: large imports are streamed', () => {
  function largeImport(mediaContent: string): string {
    const text = `${'10/03/2022, 11:00 - Customer 1: hello\n'.repeat(3000)}1/4/23, 7:02 PM - Customer 1: bye`;
    return JSON.stringify(
      sampleImport({
        chat_text: text,
        media_files: [{ b64_content: mediaContent, mime_type: 'video/mp4', file_name: 'VID-1.mp4' }],
      }),
    );
  }

  it('validates without keeping the body, and keeps its size and SHA-256', async () => {
    const inbox = await start({ maxStoredBodyBytes: 4096 });
    const body = largeImport(Buffer.alloc(300_000, 7).toString('base64'));
    const answer = await send(inbox.url, '/api/v1/chat_import/', { headers: authorized, body });
    expect(answer.status).toBe(201);
    expect((answer.json as { new_messages: number }).new_messages).toBe(3001);
    expect(inbox.imports[0]).toMatchObject({
      bytes: Buffer.byteLength(body),
      sha256: createHash('sha256').update(body).digest('hex'),
      body: undefined,
      mediaFileCount: 1,
    });
  });

  it('rejects invalid base64 and invalid JSON in a streamed body', async () => {
    const inbox = await start({ maxStoredBodyBytes: 4096 });
    const badBase64 = largeImport(`${Buffer.alloc(300_000, 7).toString('base64')}=`);
    const invalid = await send(inbox.url, '/api/v1/chat_import/', { headers: authorized, body: badBase64 });
    expect(invalid).toMatchObject({
      status: 400,
      json: { media_files: [{ b64_content: ['Invalid base64 content.'] }] },
    });
    const truncated = largeImport('AA==').slice(0, -1);
    const broken = await send(inbox.url, '/api/v1/chat_import/', { headers: authorized, body: truncated });
    expect(broken.status).toBe(400);
    expect((broken.json as { detail: string }).detail).toContain('unexpected end of JSON input');
    expect(inbox.imports).toHaveLength(0);
  });
});

describe('emulator: faults', () => {
  it('plays scripted faults in order, one per import request, then behaves', async () => {
    const inbox = await start({
      faults: [
        { status: 429, retryAfter: 2 },
        { status: 503, body: { reason: 'maintenance' } },
        { kind: 'delay', ms: 20 },
      ],
    });
    const first = await postImport(inbox.url, sampleImport());
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('2');
    expect(first.json).toEqual({ detail: 'Too Many Requests' });
    const second = await postImport(inbox.url, sampleImport());
    expect(second).toMatchObject({ status: 503, json: { reason: 'maintenance' } });
    const started = Date.now();
    expect((await postImport(inbox.url, sampleImport())).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect((await postImport(inbox.url, sampleImport())).status).toBe(201);
    expect(inbox.imports).toHaveLength(2);
  });

  it('breaks the connection before or after the body', async () => {
    const inbox = await start({ faults: [{ kind: 'reset-before-body' }, { kind: 'reset-after-body' }] });
    await expect(postImport(inbox.url, sampleImport())).rejects.toThrow();
    await expect(postImport(inbox.url, sampleImport())).rejects.toThrow();
    const size = Buffer.byteLength(JSON.stringify(sampleImport()));
    expect(inbox.log[1]?.bytesReceived).toBe(size);
    expect(inbox.log.map((request) => request.status)).toEqual([undefined, undefined]);
    expect(inbox.imports).toHaveLength(0);
    expect((await postImport(inbox.url, sampleImport())).status).toBe(201);
  });

  it('closes promptly while a delay is pending', async () => {
    const inbox = await start({ faults: [{ kind: 'delay', ms: 60_000 }] });
    const pending = postImport(inbox.url, sampleImport()).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await inbox.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
    expect(inbox.imports).toHaveLength(0);
  });
});

describe('emulator: options', () => {
  it('listens on loopback only', async () => {
    await expect(startInboxEmulator({ host: '0.0.0.0' })).rejects.toMatchObject({ code: 'E_INVALID_OPTION' });
  });

  it('listens on ::1 when asked', async (context) => {
    const inbox = await start({ host: '::1' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT')
        context.skip('no IPv6 loopback here');
      throw error;
    });
    expect(inbox.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    expect((await postImport(inbox.url, sampleImport())).status).toBe(201);
  });
});

describe('emulator: the chat list and the request log hook', () => {
  it('lists the imported chats, one per customer, newest first, paginated with limit/offset', async () => {
    const seen: string[] = [];
    const inbox = await start({
      onRequest: (request, received) =>
        seen.push(`${request.method} ${request.path} ${request.status} ${received?.chat.wa_id ?? '-'}`),
    });
    const other = sampleImport({
      chat_participants: [{ handle: 'Customer 1', phone_number: '+442079460123' }],
    });
    expect((await postImport(inbox.url, sampleImport())).status).toBe(201);
    expect((await postImport(inbox.url, other)).status).toBe(201);
    expect((await postImport(inbox.url, sampleImport())).status).toBe(201);

    const all = await send(inbox.url, '/api/v1/chats/', { method: 'GET', headers: authorized });
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({
      count: 2,
      next: null,
      previous: null,
      results: [{ wa_id: '447700900123' }, { wa_id: '442079460123' }],
    });
    const page = await send(inbox.url, '/api/v1/chats/?limit=1&offset=1', {
      method: 'GET',
      headers: authorized,
    });
    expect(page.json).toMatchObject({
      count: 2,
      next: null,
      previous: `${inbox.url}/api/v1/chats/?limit=1&offset=0`,
      results: [{ wa_id: '442079460123' }],
    });
    const first = await send(inbox.url, '/api/v1/chats/?limit=1', { method: 'GET', headers: authorized });
    expect((first.json as { next: string }).next).toBe(`${inbox.url}/api/v1/chats/?limit=1&offset=1`);

    expect((await send(inbox.url, '/api/v1/chats/', { method: 'GET' })).status).toBe(401);
    expect((await send(inbox.url, '/api/v1/chats/', { headers: authorized, body: '{}' })).status).toBe(405);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.slice(0, 3)).toEqual([
      'POST /api/v1/chat_import/ 201 447700900123',
      'POST /api/v1/chat_import/ 201 442079460123',
      'POST /api/v1/chat_import/ 201 447700900123',
    ]);
    expect(seen.at(-2)).toBe('GET /api/v1/chats/ 401 -');
  });
});
