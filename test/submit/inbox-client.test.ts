import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxEmulator, InboxEmulatorOptions } from '../../src/emulator/index.js';
import { startInboxEmulator } from '../../src/emulator/index.js';
import { InboxClient, type InboxClientOptions } from '../../src/submit/index.js';
import { expectError, jsonBody, recordingSleep, sampleImport } from './helpers.js';

const token = 'tok-3f9a1c77e2b04d5e';
const users = [{ username: 'import-bot', password: 'pw-s3cret-horse' }];

let emulator: InboxEmulator | undefined;
const servers: http.Server[] = [];

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function start(options: InboxEmulatorOptions = {}): Promise<InboxEmulator> {
  emulator = await startInboxEmulator({ tokens: [token], users, ...options });
  return emulator;
}

function client(url: string, options: InboxClientOptions = {}): InboxClient {
  return new InboxClient({ baseUrl: url, token }, { sleep: recordingSleep().sleep, ...options });
}

/** A one-off server answering every request with `status` and `body`. */
async function answering(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('InboxClient: sign-in modes', () => {
  it('imports with a ready token and returns the chat', async () => {
    const inbox = await start();
    const payload = jsonBody(sampleImport());
    const chat = await client(inbox.url).importChat(payload);
    expect(chat.wa_id).toBe('447700900123');
    expect(chat.new_messages).toBe(2);
    expect(chat.contact.waba_payload.profile.name).toBe('Customer 1');
    expect(inbox.imports).toHaveLength(1);
    expect(inbox.imports[0]?.body).toEqual(sampleImport());
    expect(inbox.imports[0]?.user).toBeUndefined();
  });

  it('signs in with user name and password once, then reuses the token', async () => {
    const inbox = await start();
    const [user] = users;
    const signedIn = new InboxClient({
      baseUrl: inbox.url,
      username: 'import-bot',
      password: user?.password ?? '',
    });
    await signedIn.importChat(jsonBody(sampleImport()));
    await signedIn.importChat(jsonBody(sampleImport()));
    expect(inbox.log.map((request) => request.path)).toEqual([
      '/api/v1/auth/token/',
      '/api/v1/chat_import/',
      '/api/v1/chat_import/',
    ]);
    expect(inbox.imports.map((received) => received.user)).toEqual(['import-bot', 'import-bot']);
  });

  it('converts a refresh token once (keep_refresh_token false) and reuses the token', async () => {
    const inbox = await start({ refreshTokens: ['refresh-77aa'] });
    const refreshed = new InboxClient({ baseUrl: inbox.url, refreshToken: 'refresh-77aa' });
    await refreshed.authenticate();
    await refreshed.importChat(jsonBody(sampleImport()));
    expect(inbox.imports[0]?.user).toBe('refresh-user-1');
    // The refresh token was reset by the conversion: a second client cannot use it.
    const again = new InboxClient({ baseUrl: inbox.url, refreshToken: 'refresh-77aa' });
    const error = await expectError(() => again.authenticate());
    expect(error.code).toBe('E_AUTH');
    expect(error.message).toContain('refresh token');
    expect(
      inbox.log.filter((request) => request.path === '/api/v1/auth/convert_refresh_token/'),
    ).toHaveLength(2);
  });

  it('reports a rejected password as E_AUTH, and tries again on the next call', async () => {
    const inbox = await start();
    const wrong = new InboxClient({
      baseUrl: inbox.url,
      username: 'import-bot',
      password: 'not-the-password',
    });
    const error = await expectError(() => wrong.importChat(jsonBody(sampleImport())));
    expect(error.code).toBe('E_AUTH');
    expect(error.message).toContain('"import-bot"');
    expect(error.message).toContain('Unable to log in with provided credentials.');
    await expectError(() => wrong.authenticate());
    expect(inbox.log.filter((request) => request.path === '/api/v1/auth/token/')).toHaveLength(2);
    expect(inbox.imports).toHaveLength(0);
  });

  it('reports a sign-in answer without a token as E_AUTH', async () => {
    const url = await answering(200, '{"detail":"ok"}');
    const odd = new InboxClient({ baseUrl: url, username: 'u', password: 'p4ssword' });
    const error = await expectError(() => odd.authenticate());
    expect(error.code).toBe('E_AUTH');
    expect(error.message).toContain('without a token');
  });

  it('accepts 200 as well as 201', async () => {
    const url = await answering(
      200,
      JSON.stringify({ wa_id: '4915112345678', new_messages: 4, contact: {} }),
    );
    const chat = await client(url).importChat(jsonBody(sampleImport()));
    expect(chat.wa_id).toBe('4915112345678');
  });
});

describe('InboxClient: failures', () => {
  it('shows per-field 400 errors verbatim', async () => {
    const inbox = await start();
    const { chat_text: _dropped, ...withoutText } = sampleImport();
    const error = await expectError(() => client(inbox.url).importChat(jsonBody(withoutText)));
    expect(error.code).toBe('E_HTTP_BAD_REQUEST');
    expect(error.message).toContain('chat_text: This field is required.');
  });

  it('shows nested list errors with their index', async () => {
    const inbox = await start();
    const media = [
      { b64_content: 'AA==', mime_type: 'image/jpeg', file_name: 'a.jpg' },
      { b64_content: 'not base64!', mime_type: 'image/jpeg', file_name: 'b.jpg' },
    ];
    const error = await expectError(() =>
      client(inbox.url).importChat(jsonBody(sampleImport({ media_files: media }))),
    );
    expect(error.message).toContain('media_files[1].b64_content: Invalid base64 content.');
  });

  it.each([
    ['{"reason":"Chat could not be parsed"}', 'Chat could not be parsed'],
    ['{"detail":"JSON parse error - Expecting value"}', 'JSON parse error - Expecting value'],
    ['{"non_field_errors":["Too many participants."]}', 'Too many participants.'],
    ['plain text problem', 'plain text problem'],
  ])('shows a 400 body %s verbatim', async (body, shown) => {
    const url = await answering(400, body);
    const error = await expectError(() => client(url).importChat(jsonBody(sampleImport())));
    expect(error.code).toBe('E_HTTP_BAD_REQUEST');
    expect(error.message).toBe(`the inbox rejected the import (HTTP 400): ${shown}`);
  });

  it('reports an unknown token as E_AUTH with what to check', async () => {
    const inbox = await start();
    const stranger = new InboxClient({ baseUrl: inbox.url, token: 'some-other-token' });
    const error = await expectError(() => stranger.importChat(jsonBody(sampleImport())));
    expect(error.code).toBe('E_AUTH');
    expect(error.message).toBe('the inbox rejected the token (HTTP 401)');
    expect(error.hint).toContain('integration user');
    expect(error.hint).toContain('channel API key');
    expect(error.hint).toContain(inbox.url);
  });

  it('reports 403 as E_AUTH', async () => {
    const url = await answering(403, '{"detail":"You do not have permission to perform this action."}');
    const error = await expectError(() => client(url).importChat(jsonBody(sampleImport())));
    expect(error.code).toBe('E_AUTH');
    expect(error.message).toContain('HTTP 403');
  });

  it('reports 413 with the payload size in MB and how to shrink it', async () => {
    const inbox = await start({ maxBodyBytes: 1000 });
    const payload = jsonBody(sampleImport({ chat_text: `${'10/03/2022, 11:00 - A: x\n'.repeat(100)}` }));
    const error = await expectError(() => client(inbox.url).importChat(payload));
    expect(error.code).toBe('E_PAYLOAD_TOO_LARGE');
    expect(error.message).toContain(`${(payload.size / 1e6).toFixed(1)} MB`);
    expect(error.hint).toContain('--max-media-bytes');
    expect(error.hint).toContain('--media none');
    expect(inbox.imports).toHaveLength(0);
  });

  it('reports other statuses with a short excerpt of the body', async () => {
    const url = await answering(
      500,
      `<html><title>Server Error (500)</title><body>${'x'.repeat(5000)}</body></html>`,
    );
    const error = await expectError(() => client(url).importChat(jsonBody(sampleImport())));
    expect(error.code).toBe('E_HTTP_STATUS');
    expect(error.message).toBe(
      'the import failed: the inbox answered HTTP 500 (Internal Server Error): Server Error (500)',
    );
  });

  it('does not follow redirects, and names the target', async () => {
    const url = await answering(301, '', { Location: 'https://new.example.com/api/v1/chat_import/' });
    const error = await expectError(() => client(url).importChat(jsonBody(sampleImport())));
    expect(error.code).toBe('E_HTTP_STATUS');
    expect(error.hint).toContain('https://new.example.com/');
  });

  it('reports a 2xx answer that is not a chat as E_UNCERTAIN', async () => {
    const url = await answering(201, 'OK');
    const error = await expectError(() =>
      client(url).importChat({ ...jsonBody(sampleImport()), chatLabel: 'Ana' }),
    );
    expect(error.code).toBe('E_UNCERTAIN');
    expect(error.message).toContain('check the inbox for the chat with Ana before retrying with --force');
  });
});

describe('InboxClient: retries', () => {
  it('waits Retry-After seconds on 429, then succeeds', async () => {
    const inbox = await start({ faults: [{ status: 429, retryAfter: 3 }] });
    const { waits, sleep } = recordingSleep();
    const payload = jsonBody(sampleImport());
    const chat = await client(inbox.url, { sleep }).importChat(payload);
    expect(chat.wa_id).toBe('447700900123');
    expect(waits).toEqual([3000]);
    expect(payload.calls()).toBe(2);
    expect(inbox.imports).toHaveLength(1);
    expect(inbox.log.map((request) => request.status)).toEqual([429, 201]);
  });

  it('reads Retry-After as an HTTP-date', async () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    const inbox = await start({ faults: [{ status: 503, retryAfter: 'Wed, 01 May 2024 12:00:07 GMT' }] });
    const { waits, sleep } = recordingSleep();
    await client(inbox.url, { sleep, now: () => now }).importChat(jsonBody(sampleImport()));
    expect(waits).toEqual([7000]);
  });

  it('backs off exponentially with jitter on 502/503, then gives up with E_HTTP_STATUS', async () => {
    const inbox = await start({
      faults: [{ status: 502 }, ...Array.from({ length: 4 }, () => ({ status: 503 }))],
    });
    const { waits, sleep } = recordingSleep();
    const error = await expectError(() =>
      client(inbox.url, { sleep, random: () => 0 }).importChat(jsonBody(sampleImport())),
    );
    expect(error.code).toBe('E_HTTP_STATUS');
    expect(error.message).toBe('the inbox kept answering HTTP 503 (Service Unavailable) (5 attempts)');
    expect(waits).toEqual([500, 1000, 2000, 4000]);
    expect(inbox.imports).toHaveLength(0);
    expect(inbox.log).toHaveLength(5);
  });

  it('honours a smaller retry budget', async () => {
    const inbox = await start({ faults: [{ status: 503 }, { status: 503 }] });
    const error = await expectError(() =>
      client(inbox.url, { retries: 1 }).importChat(jsonBody(sampleImport())),
    );
    expect(error.message).toContain('(2 attempts)');
    expect(inbox.requests).toBe(2);
  });

  it('fails at once when Retry-After asks for too long a wait', async () => {
    const inbox = await start({ faults: [{ status: 429, retryAfter: 3600 }] });
    const { waits, sleep } = recordingSleep();
    const error = await expectError(() => client(inbox.url, { sleep }).importChat(jsonBody(sampleImport())));
    expect(error.code).toBe('E_HTTP_STATUS');
    expect(error.message).toContain('asked to wait 3600 s');
    expect(waits).toEqual([]);
  });

  it('treats 504 after the whole payload as E_UNCERTAIN, not a retry', async () => {
    const url = await answering(504, '<html><title>504 Gateway Time-out</title></html>');
    const payload = jsonBody(sampleImport());
    const error = await expectError(() =>
      client(url).importChat({ ...payload, chatLabel: '+44 7700 900123' }),
    );
    expect(error.code).toBe('E_UNCERTAIN');
    expect(error.message).toContain('+44 7700 900123');
    expect(payload.calls()).toBe(1);
  });

  it('does not retry 400, 401 or 413', async () => {
    const inbox = await start({ maxBodyBytes: 10 });
    const payload = jsonBody(sampleImport());
    await expectError(() => client(inbox.url).importChat(payload));
    expect(payload.calls()).toBe(1);
    expect(inbox.requests).toBe(1);
  });
});

describe('InboxClient: authenticate() with a ready token', () => {
  it('checks the token with one GET of the chat list, and rejects a wrong one with E_AUTH', async () => {
    const inbox = await start();
    await client(inbox.url).authenticate();
    expect(inbox.log.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      'GET /api/v1/chats/ 200',
    ]);
    const wrong = new InboxClient({ baseUrl: inbox.url, token: 'tok-wrong-9911' });
    const error = await expectError(() => wrong.authenticate());
    expect(error.code).toBe('E_AUTH');
    expect(error.message).toBe('the inbox rejected the token (HTTP 401)');
    expect(`${error.message} ${error.hint}`).not.toContain('tok-wrong-9911');
    expect(inbox.imports).toHaveLength(0);
  });

  it('leaves the check to the import when the inbox has no chat list (404)', async () => {
    const url = await answering(404, '{"detail":"Not found."}');
    await expect(client(url).authenticate()).resolves.toBeUndefined();
  });

  it('reports another answer as E_HTTP_STATUS', async () => {
    const url = await answering(500, '{"detail":"boom"}');
    const error = await expectError(() => client(url, { retries: 0 }).authenticate());
    expect(error.code).toBe('E_HTTP_STATUS');
    expect(error.message).toBe(
      'checking the token failed: the inbox answered HTTP 500 (Internal Server Error): boom',
    );
  });
});
