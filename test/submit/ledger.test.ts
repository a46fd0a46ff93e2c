import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxEmulator } from '../../src/emulator/index.js';
import { startInboxEmulator } from '../../src/emulator/index.js';
import { defaultStateDir, InboxClient, Ledger, submitOnce } from '../../src/submit/index.js';
import { expectError, jsonBody, sampleImport } from './helpers.js';

const token = 'tok-ledger-91c3';
const digest = 'sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';
const importedAt = '2024-05-01T12:34:56.000Z';

let stateDir: string;
let emulator: InboxEmulator | undefined;

beforeEach(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'wa-import-ledger-'));
});

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await rm(stateDir, { recursive: true, force: true });
});

describe('defaultStateDir', () => {
  it('uses an absolute XDG_STATE_HOME', () => {
    expect(defaultStateDir({ XDG_STATE_HOME: '/var/state' }, '/home/ana')).toBe('/var/state/wa-import');
  });

  it('falls back to ~/.local/state without XDG_STATE_HOME, or with a relative or empty one', () => {
    for (const env of [
      {},
      { XDG_STATE_HOME: 'relative/dir' },
      { XDG_STATE_HOME: '' },
      { XDG_STATE_HOME: undefined },
    ]) {
      expect(defaultStateDir(env, '/home/ana')).toBe('/home/ana/.local/state/wa-import');
    }
  });
});

describe('Ledger', () => {
  it('treats a missing file as empty and does not create it on reading', async () => {
    const ledger = new Ledger(path.join(stateDir, 'not', 'yet'));
    expect(await ledger.entries()).toEqual([]);
    expect(await ledger.find('https://inbox.example.com', digest)).toBeUndefined();
    expect(await readdir(stateDir)).toEqual([]);
  });

  it('round-trips an entry, keyed by the normalized inbox URL', async () => {
    const ledger = new Ledger(path.join(stateDir, 'deep', 'dir'));
    const stored = await ledger.record({
      inbox: 'HTTPS://Inbox.Example.COM:443/',
      digest,
      importedAt,
      waId: '447700900123',
      chatLabel: 'Ana',
    });
    expect(stored).toEqual({
      inbox: 'https://inbox.example.com',
      digest,
      importedAt,
      waId: '447700900123',
      chatLabel: 'Ana',
      status: 'imported',
    });
    const reopened = new Ledger(path.join(stateDir, 'deep', 'dir'));
    expect(await reopened.find('https://inbox.example.com', digest)).toEqual(stored);
    expect(await reopened.find('https://inbox.example.com/', digest)).toEqual(stored);
    expect(await reopened.find('https://inbox.example.com:8443', digest)).toBeUndefined();
    expect(await reopened.find('https://inbox.example.com/other', digest)).toBeUndefined();
    expect(await reopened.find('https://inbox.example.com', 'sha256:other')).toBeUndefined();
    const file = JSON.parse(await readFile(reopened.path, 'utf8'));
    expect(file).toEqual({ version: 1, entries: [stored] });
  });

  it('replaces the entry of the same chat and inbox, keeps others, and leaves no temporary files', async () => {
    const ledger = new Ledger(stateDir);
    await ledger.record({ inbox: 'https://a.example', digest, importedAt, waId: '1', chatLabel: 'A' });
    await ledger.record({ inbox: 'https://b.example', digest, importedAt, waId: '2', chatLabel: 'B' });
    await Promise.all([
      ledger.record({
        inbox: 'https://a.example',
        digest,
        importedAt: '2024-06-01T00:00:00.000Z',
        waId: '3',
        chatLabel: 'A',
      }),
      ledger.record({ inbox: 'https://c.example', digest, importedAt, waId: '4', chatLabel: 'C' }),
    ]);
    const entries = await ledger.entries();
    expect(entries.map((entry) => [entry.inbox, entry.waId])).toEqual([
      ['https://b.example', '2'],
      ['https://a.example', '3'],
      ['https://c.example', '4'],
    ]);
    expect(await readdir(stateDir)).toEqual(['ledger.json']);
  });

  it.each([
    ['not JSON', '{"version":1,"entries":[', 'not valid JSON'],
    ['the wrong shape', '[1,2,3]', 'expected an object with an "entries" list'],
    ['an unknown version', '{"version":9,"entries":[]}', 'unknown version, expected 1'],
    [
      'a bad entry',
      '{"version":1,"entries":[{"inbox":"x"}]}',
      'entry 1: "digest" must be a non-empty string',
    ],
  ])('reports a ledger with %s clearly and never overwrites it', async (_, content, why) => {
    const ledger = new Ledger(stateDir);
    await writeFile(ledger.path, content);
    const error = await expectError(() => ledger.find('https://a.example', digest));
    expect(error.code).toBe('E_LEDGER_CORRUPT');
    expect(error.message).toBe(`the ledger ${ledger.path} is corrupt: ${why}`);
    expect(error.hint).toContain('left untouched');
    await expectError(() =>
      ledger.record({ inbox: 'https://a.example', digest, importedAt, waId: '1', chatLabel: 'A' }),
    );
    expect(await readFile(ledger.path, 'utf8')).toBe(content);
  });

  it('reports a ledger that cannot be written as E_WRITE_FAILED', async () => {
    const blocker = path.join(stateDir, 'file');
    await writeFile(blocker, 'x');
    const ledger = new Ledger(path.join(blocker, 'sub'));
    const error = await expectError(() =>
      ledger.record({ inbox: 'https://a.example', digest, importedAt, waId: '1', chatLabel: 'A' }),
    );
    expect(error.code).toBe('E_WRITE_FAILED');
  });

  it('rejects an invalid entry', async () => {
    const ledger = new Ledger(stateDir);
    const error = await expectError(() =>
      ledger.record({ inbox: 'https://a.example', digest: '', importedAt, waId: '1', chatLabel: 'A' }),
    );
    expect(error.code).toBe('E_INVALID_OPTION');
  });
});

describe('submitOnce', () => {
  async function setup(faults: Parameters<typeof startInboxEmulator>[0] = {}) {
    emulator = await startInboxEmulator({ tokens: [token], ...faults });
    const client = new InboxClient({ baseUrl: `${emulator.url}/`, token }, { sleep: async () => undefined });
    const ledger = new Ledger(stateDir);
    const payload = jsonBody(sampleImport());
    const base = {
      client,
      ledger,
      digest,
      chatLabel: 'Customer 1',
      ...payload,
      now: () => new Date(importedAt),
    };
    return { inbox: emulator, client, ledger, base };
  }

  it('imports, records, and refuses the same chat the second time', async () => {
    const { inbox, client, ledger, base } = await setup();
    const first = await submitOnce(base);
    expect(first.chat.wa_id).toBe('447700900123');
    expect(first.entry).toEqual({
      inbox: client.inbox,
      digest,
      importedAt,
      waId: '447700900123',
      chatLabel: 'Customer 1',
      status: 'imported',
    });
    expect(await ledger.find(inbox.url, digest)).toEqual(first.entry);

    const error = await expectError(() => submitOnce(base));
    expect(error.code).toBe('E_ALREADY_IMPORTED');
    expect(error.message).toBe(
      'already imported on 2024-05-01 12:34 UTC (wa_id 447700900123, chat with Customer 1); use --force to import again',
    );
    expect(inbox.imports).toHaveLength(1);
  });

  it('imports again with force and records the new date', async () => {
    const { inbox, ledger, base } = await setup();
    await submitOnce(base);
    const again = await submitOnce({ ...base, force: true, now: () => new Date('2024-07-01T00:00:00Z') });
    expect(again.entry.importedAt).toBe('2024-07-01T00:00:00.000Z');
    expect(inbox.imports).toHaveLength(2);
    expect(await ledger.entries()).toHaveLength(1);
  });

  it('imports a different chat into the same inbox', async () => {
    const { inbox, base } = await setup();
    await submitOnce(base);
    await submitOnce({ ...base, digest: 'sha256:another-chat' });
    expect(inbox.imports).toHaveLength(2);
  });

  it('does not record a failed import', async () => {
    const { ledger, base } = await setup({ faults: [{ status: 400, body: { reason: 'nope' } }] });
    const error = await expectError(() => submitOnce(base));
    expect(error.code).toBe('E_HTTP_BAD_REQUEST');
    expect(await ledger.entries()).toEqual([]);
  });

  it('records an uncertain import, so that a re-run asks for --force', async () => {
    const { inbox, ledger, base } = await setup({ faults: [{ kind: 'reset-after-body' }] });
    const error = await expectError(() => submitOnce(base));
    expect(error.code).toBe('E_UNCERTAIN');
    expect((await ledger.entries())[0]).toMatchObject({ status: 'uncertain', waId: null });
    const refused = await expectError(() => submitOnce(base));
    expect(refused.code).toBe('E_ALREADY_IMPORTED');
    expect(refused.message).toContain('may have been created');
    expect(refused.message).toContain('check the inbox for the chat with Customer 1, then use --force');
    const forced = await submitOnce({ ...base, force: true });
    expect(forced.entry.status).toBe('imported');
    expect(inbox.imports).toHaveLength(1);
  });

  it('refuses before sending anything when the ledger is corrupt', async () => {
    const { inbox, ledger, base } = await setup();
    await writeFile(ledger.path, 'garbage');
    const error = await expectError(() => submitOnce(base));
    expect(error.code).toBe('E_LEDGER_CORRUPT');
    expect(inbox.requests).toBe(0);
  });

  it('says the chat was imported when only the ledger update fails', async () => {
    const { inbox, base } = await setup();
    const blocker = path.join(stateDir, 'file');
    await writeFile(blocker, 'x');
    const ledger = new Ledger(path.join(blocker, 'sub'));
    const error = await expectError(() => submitOnce({ ...base, ledger }));
    expect(error.code).toBe('E_WRITE_FAILED');
    expect(error.message).toContain('the chat was imported (wa_id 447700900123, 2 new messages)');
    expect(inbox.imports).toHaveLength(1);
  });
});
