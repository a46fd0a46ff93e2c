import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxEmulator, InboxEmulatorOptions } from '../../src/emulator/index.js';
import { startInboxEmulator } from '../../src/emulator/index.js';
import { InboxClient, type InboxClientOptions } from '../../src/submit/index.js';
import { expectError, jsonBody, largeBody, recordingSleep, sampleImport } from './helpers.js';

const token = 'tok-transport-5b2e';
/** Larger than loopback socket buffers, so that a stalled or reset server leaves bytes unsent. */
const bigBytes = 24 * 1024 * 1024;

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
  emulator = await startInboxEmulator({ tokens: [token], ...options });
  return emulator;
}

function client(url: string, options: InboxClientOptions = {}): InboxClient {
  return new InboxClient({ baseUrl: url, token }, { sleep: recordingSleep().sleep, ...options });
}

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('InboxClient: the request on the wire', () => {
  it('sends an exact Content-Length, no chunked encoding, and the headers the inbox needs', async () => {
    const seen: { headers: http.IncomingHttpHeaders; bytes: number; url: string | undefined }[] = [];
    const url = await listen((request, response) => {
      let bytes = 0;
      request.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      request.on('end', () => {
        seen.push({ headers: request.headers, bytes, url: request.url });
        response.writeHead(201, { 'Content-Type': 'application/json' });
        response.end('{"wa_id":"1","new_messages":0}');
      });
    });
    const payload = jsonBody(sampleImport(), 7);
    await client(`${url}/prefix/`, { userAgent: 'wa-import-test/1' }).importChat(payload);
    const [request] = seen;
    expect(request?.url).toBe('/prefix/api/v1/chat_import/');
    expect(request?.headers['content-length']).toBe(String(payload.size));
    expect(request?.bytes).toBe(payload.size);
    expect(request?.headers['transfer-encoding']).toBeUndefined();
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe(`Token ${token}`);
    expect(request?.headers['user-agent']).toBe('wa-import-test/1');
  });

  it('streams a large body with exact Content-Length to the emulator, which hashes it', async () => {
    const inbox = await start({ maxStoredBodyBytes: 1024 });
    const payload = largeBody(3 * 1024 * 1024);
    const progress: number[] = [];
    const chat = await client(inbox.url).importChat({
      ...payload,
      onProgress: (sent) => progress.push(sent),
    });
    expect(chat.new_messages).toBe(2);
    expect(inbox.log[0]?.contentLength).toBe(String(payload.size));
    expect(inbox.log[0]?.transferEncoding).toBeUndefined();
    expect(inbox.log[0]?.bytesReceived).toBe(payload.size);
    expect(inbox.imports[0]?.body).toBeUndefined();
    expect(inbox.imports[0]?.bytes).toBe(payload.size);
    expect(inbox.imports[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.at(-1)).toBe(payload.size);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('accepts a Node readable stream with string chunks', async () => {
    const inbox = await start();
    const text = JSON.stringify(sampleImport({ chat_text: '10/03/2022, 11:00 - Ana: olá €' }));
    const { Readable } = await import('node:stream');
    await client(inbox.url).importChat({
      size: Buffer.byteLength(text),
      body: () => Readable.from([text.slice(0, 20), text.slice(20)]),
    });
    expect(inbox.imports[0]?.body?.chat_text).toBe('10/03/2022, 11:00 - Ana: olá €');
  });

  it.each([
    ['more', 1],
    ['fewer', -1],
  ])('aborts when the body yields %s bytes than size', async (_, delta) => {
    const inbox = await start();
    const payload = jsonBody(sampleImport());
    const error = await expectError(() =>
      client(inbox.url).importChat({ ...payload, size: payload.size + delta }),
    );
    expect(error.code).toBe('E_BODY_SIZE_MISMATCH');
    expect(error.message).toContain(`expected exactly ${payload.size + delta} bytes`);
    expect(inbox.imports).toHaveLength(0);
    expect(payload.calls()).toBe(1);
  });

  it('reports a failing body as E_READ_FAILED without retrying', async () => {
    const inbox = await start();
    let calls = 0;
    const error = await expectError(() =>
      client(inbox.url).importChat({
        size: 10,
        body: () => {
          calls += 1;
          return (async function* () {
            yield Buffer.from('{"a');
            throw new Error('disk gone');
          })();
        },
      }),
    );
    expect(error.code).toBe('E_READ_FAILED');
    expect(calls).toBe(1);
  });
});

describe('InboxClient: broken connections', () => {
  it('retries a reset before the whole body was sent, and succeeds', async () => {
    const inbox = await start({ faults: [{ kind: 'reset-before-body' }], maxStoredBodyBytes: 1024 });
    const payload = largeBody(bigBytes);
    const { waits, sleep } = recordingSleep();
    const chat = await client(inbox.url, { sleep }).importChat(payload);
    expect(chat.wa_id).toBe('447700900123');
    expect(payload.calls()).toBe(2);
    expect(waits).toHaveLength(1);
    expect(inbox.log[0]?.status).toBeUndefined();
    expect(inbox.log[0]?.bytesReceived).toBeLessThan(payload.size);
    expect(inbox.imports).toHaveLength(1);
  });

  it('does not retry a reset after the whole body: E_UNCERTAIN', async () => {
    const inbox = await start({ faults: [{ kind: 'reset-after-body' }] });
    const payload = jsonBody(sampleImport());
    const error = await expectError(() =>
      client(inbox.url).importChat({ ...payload, chatLabel: '+44 7700 900123' }),
    );
    expect(error.code).toBe('E_UNCERTAIN');
    expect(error.message).toMatch(/^the import may or may not have been created: /);
    expect(error.message).toContain(
      'check the inbox for the chat with +44 7700 900123 before retrying with --force',
    );
    expect(payload.calls()).toBe(1);
    expect(inbox.log).toHaveLength(1);
    expect(inbox.log[0]?.bytesReceived).toBe(payload.size);
  });

  it('retries a refused connection, then reports E_NETWORK', async () => {
    const url = await listen(() => undefined);
    const closed = servers.pop();
    await new Promise((resolve) => closed?.close(resolve));
    const { waits, sleep } = recordingSleep();
    const payload = jsonBody(sampleImport());
    const error = await expectError(() => client(url, { sleep, retries: 2 }).importChat(payload));
    expect(error.code).toBe('E_NETWORK');
    expect(error.message).toContain('could not connect');
    expect(error.message).toContain('ECONNREFUSED');
    expect(waits).toHaveLength(2);
    expect(payload.calls()).toBe(3);
  });

  it('times out a stalled upload, retries it, and succeeds', async () => {
    const inbox = await start({
      faults: [{ kind: 'delay', ms: 5_000, phase: 'before-body' }],
      maxStoredBodyBytes: 1024,
    });
    const payload = largeBody(bigBytes);
    // The timeout must catch the stall (5 s) yet leave the retry time to upload 24 MiB and have
    // it parsed by the emulator, which on a loaded 2-core machine can take well over 300 ms.
    const chat = await client(inbox.url, { timeoutMs: 2_000 }).importChat(payload);
    expect(chat.wa_id).toBe('447700900123');
    expect(payload.calls()).toBe(2);
  });

  it('reports E_TIMEOUT when every attempt stalls before the whole body was sent', async () => {
    const url = await listen((request) => request.pause());
    const payload = largeBody(bigBytes);
    const error = await expectError(() => client(url, { timeoutMs: 200, retries: 1 }).importChat(payload));
    expect(error.code).toBe('E_TIMEOUT');
    expect(error.message).toContain('(2 attempts)');
    expect(payload.calls()).toBe(2);
  });

  it('reports a timeout after the whole body as E_UNCERTAIN, not retried', async () => {
    const inbox = await start({ faults: [{ kind: 'delay', ms: 5_000 }] });
    const payload = jsonBody(sampleImport());
    const error = await expectError(() => client(inbox.url, { timeoutMs: 200 }).importChat(payload));
    expect(error.code).toBe('E_UNCERTAIN');
    expect(error.message).toContain('did not answer within');
    expect(payload.calls()).toBe(1);
  });

  it('reports a sign-in timeout as E_TIMEOUT', async () => {
    const url = await listen(() => undefined);
    const slow = new InboxClient(
      { baseUrl: url, username: 'u', password: 'p4ssword' },
      { timeoutMs: 100, retries: 0 },
    );
    const error = await expectError(() => slow.authenticate());
    expect(error.code).toBe('E_TIMEOUT');
  });
});

describe('InboxClient: aborting', () => {
  it('aborts an upload in flight with E_ABORTED', async () => {
    const url = await listen((request) => request.pause());
    const controller = new AbortController();
    const payload = largeBody(bigBytes);
    const pending = client(url).importChat({
      ...payload,
      signal: controller.signal,
      onProgress: (sent) => {
        if (sent > 1024 * 1024) controller.abort();
      },
    });
    const error = await expectError(() => pending);
    expect(error.code).toBe('E_ABORTED');
    expect(payload.calls()).toBe(1);
  });

  it('aborts while waiting to retry', async () => {
    const inbox = await start({ faults: [{ status: 503 }] });
    const controller = new AbortController();
    const waiting = new InboxClient(
      { baseUrl: inbox.url, token },
      { signal: controller.signal, random: () => 0.5 },
    );
    const pending = waiting.importChat(jsonBody(sampleImport()));
    setTimeout(() => controller.abort(), 50);
    const error = await expectError(() => pending);
    expect(error.code).toBe('E_ABORTED');
    expect(inbox.requests).toBe(1);
  });

  it('does not start when already aborted', async () => {
    const inbox = await start();
    const error = await expectError(() =>
      client(inbox.url).importChat({ ...jsonBody(sampleImport()), signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe('E_ABORTED');
    expect(inbox.requests).toBe(0);
  });
});

describe('InboxClient: plain HTTP', () => {
  it.each(['http://inbox.example.com', 'http://10.0.0.5:8080', 'http://128.0.0.1'])('refuses %s', (url) => {
    expect(() => new InboxClient({ baseUrl: url, token })).toThrow(
      expect.objectContaining({ code: 'E_INSECURE_URL' }),
    );
  });

  it.each([
    'http://127.0.0.1:9',
    'http://127.8.9.10',
    'http://localhost:8080',
    'http://[::1]:8080',
    'https://inbox.example.com',
  ])('allows %s', (url) => {
    expect(new InboxClient({ baseUrl: url, token }).inbox).toBe(url);
  });

  it('allows remote plain HTTP only with allowInsecure', () => {
    expect(
      new InboxClient({ baseUrl: 'http://inbox.example.com/', token }, { allowInsecure: true }).inbox,
    ).toBe('http://inbox.example.com');
  });

  it.each([
    ['not a url', 'not an absolute URL'],
    ['ftp://inbox.example.com', 'unsupported scheme'],
    ['https://inbox.example.com/?x=1', 'query or fragment'],
  ])('rejects %s', (url, message) => {
    expect(() => new InboxClient({ baseUrl: url, token })).toThrow(message);
  });

  it('rejects bad options', () => {
    expect(() => new InboxClient({ baseUrl: 'https://a.example', token: 'has space' })).toThrow(
      'invalid token',
    );
    expect(() => new InboxClient({ baseUrl: 'https://a.example', token }, { retries: -1 })).toThrow(
      'invalid retries',
    );
    expect(() => new InboxClient({ baseUrl: 'https://a.example', token }, { timeoutMs: 0 })).toThrow(
      'invalid timeoutMs',
    );
    expect(() => new InboxClient({ baseUrl: 'https://a.example', username: '', password: 'x' })).toThrow(
      'user name',
    );
  });
});
