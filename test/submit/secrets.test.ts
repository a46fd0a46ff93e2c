import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxEmulator } from '../../src/emulator/index.js';
import { startInboxEmulator } from '../../src/emulator/index.js';
import { InboxClient, type InboxClientConfig } from '../../src/submit/index.js';
import { expectError, expectNoSecrets, jsonBody, recordingSleep, sampleImport } from './helpers.js';

const token = 'TOKEN-7d1f0c2b9e4a';
const password = 'PASSWORD-hunter2-x9';
const refreshToken = 'REFRESH-5e8c3a1f77';
const issuedToken = 'ISSUED-TOKEN-0b9d2e';
const secrets = [token, password, refreshToken, issuedToken];

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

/**
 * A hostile inbox: answers sign-in with `issuedToken`, and every other request with `status`
 * and a body that echoes everything it was sent (headers and body), in JSON and as headers.
 */
async function echoing(status: number, signInStatus = 200): Promise<string> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const sent = `${JSON.stringify(request.headers)} ${Buffer.concat(chunks).toString('utf8')}`;
      if (request.url?.includes('/auth/') === true && signInStatus === 200) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ token: issuedToken }));
        return;
      }
      response.writeHead(request.url?.includes('/auth/') === true ? signInStatus : status, {
        'Content-Type': 'application/json',
        Location: `https://elsewhere.example/?echo=${encodeURIComponent(sent)}&t=${issuedToken}`,
        'Retry-After': '0',
      });
      response.end(
        JSON.stringify({ reason: sent, detail: sent, chat_text: [sent], non_field_errors: [sent] }),
      );
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const credentialForms: readonly [string, (baseUrl: string) => InboxClientConfig][] = [
  ['token', (baseUrl) => ({ baseUrl, token })],
  ['password', (baseUrl) => ({ baseUrl, username: 'import-bot', password })],
  ['refresh token', (baseUrl) => ({ baseUrl, refreshToken })],
];

describe.each(credentialForms)('no secret in any error (%s)', (_, config) => {
  it.each([400, 401, 403, 413, 418, 500, 301, 429, 503, 504, 201])(
    'HTTP %i from an inbox that echoes secrets',
    async (status) => {
      const url = await echoing(status);
      const client = new InboxClient(config(url), { sleep: recordingSleep().sleep, retries: 1 });
      const error = await expectError(() =>
        client.importChat({ ...jsonBody(sampleImport()), chatLabel: 'Ana' }),
      );
      expectNoSecrets(error, secrets);
    },
  );

  it.each([400, 401, 403, 500])('sign-in answered with HTTP %i that echoes secrets', async (status) => {
    const url = await echoing(200, status);
    const client = new InboxClient(config(url), { sleep: recordingSleep().sleep, retries: 0 });
    const error = await expectError(() => client.importChat(jsonBody(sampleImport())));
    expectNoSecrets(error, secrets);
  });

  it('broken connections, timeouts and aborts', async () => {
    emulator = await startInboxEmulator({
      tokens: [token],
      users: [{ username: 'import-bot', password }],
      refreshTokens: [refreshToken],
      faults: [{ kind: 'reset-after-body' }, { kind: 'delay', ms: 2_000 }],
    });
    const client = new InboxClient(config(emulator.url), { timeoutMs: 150, sleep: recordingSleep().sleep });
    const errors = [
      await expectError(() => client.importChat(jsonBody(sampleImport()))),
      await expectError(() => client.importChat(jsonBody(sampleImport()))),
      await expectError(() =>
        client.importChat({ ...jsonBody(sampleImport()), signal: AbortSignal.abort() }),
      ),
      await expectError(() => client.importChat({ ...jsonBody(sampleImport()), size: 3 })),
    ];
    expect(errors.map((error) => error.code)).toEqual([
      'E_UNCERTAIN',
      'E_UNCERTAIN',
      'E_ABORTED',
      'E_BODY_SIZE_MISMATCH',
    ]);
    for (const error of errors) expectNoSecrets(error, secrets);
  });

  it('refused connections', async () => {
    const url = await echoing(200);
    const server = servers.pop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    const client = new InboxClient(config(url), { retries: 0 });
    const error = await expectError(() => client.importChat(jsonBody(sampleImport())));
    expect(error.code).toBe('E_NETWORK');
    expectNoSecrets(error, secrets);
  });
});

describe('no secret in configuration errors', () => {
  it('does not echo a password in the inbox URL', () => {
    try {
      new InboxClient({ baseUrl: `https://bot:${password}@inbox.example.com`, token });
      expect.unreachable();
    } catch (error) {
      expect((error as { code: string }).code).toBe('E_INVALID_OPTION');
      expectNoSecrets(error as never, secrets);
    }
  });

  it('does not echo a malformed token', () => {
    const bad = `${token} with spaces`;
    expect(() => new InboxClient({ baseUrl: 'https://inbox.example.com', token: bad })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(token) }),
    );
  });

  it('keeps secrets out of the client when inspected', async () => {
    const { inspect } = await import('node:util');
    const client = new InboxClient({ baseUrl: 'https://inbox.example.com', username: 'u', password });
    expect(inspect(client, { depth: 5 })).not.toContain(password);
    expect(JSON.stringify(client)).not.toContain(password);
  });
});
