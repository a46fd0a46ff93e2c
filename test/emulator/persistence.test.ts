import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type InboxEmulator,
  type InboxEmulatorOptions,
  startInboxEmulator,
} from '../../src/emulator/index.js';
import { WaImportError } from '../../src/errors.js';
import { sampleImport } from '../submit/helpers.js';
import { listChats, postImport, token } from './helpers.js';

let dataDir: string;
const running: InboxEmulator[] = [];

beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'wa-import-inbox-')), 'data');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((inbox) => inbox.close()));
  await rm(join(dataDir, '..'), { recursive: true, force: true });
});

async function start(options: InboxEmulatorOptions = {}): Promise<InboxEmulator> {
  const inbox = await startInboxEmulator({ tokens: [token], dataDir, ...options });
  running.push(inbox);
  return inbox;
}

interface ChatList {
  readonly count: number;
  readonly results: readonly { readonly wa_id: string; readonly new_messages: number }[];
}

const other = sampleImport({
  chat_participants: [{ handle: 'Customer 1', phone_number: '+44 20 7946 0123' }],
});

describe('emulator: imports persist in dataDir', () => {
  it('lists the chats imported before a restart', async () => {
    const first = await start();
    expect(first.dataFile).toBe(join(dataDir, 'inbox.json'));
    const answer = await postImport(first.url, sampleImport());
    expect(answer.status).toBe(201);
    expect((await postImport(first.url, other)).status).toBe(201);
    const before = (await listChats(first.url)).json as ChatList;
    await first.close();

    const second = await start();
    expect(second.imports).toHaveLength(2);
    expect(second.imports[0]).toMatchObject({ body: undefined, mediaFileCount: 1, chat: answer.json });
    const after = await listChats(second.url);
    expect(after.status).toBe(200);
    expect(after.json).toEqual(before);
    expect((after.json as ChatList).results.map((chat) => chat.wa_id)).toEqual([
      '442079460123',
      '447700900123',
    ]);

    // New imports add to what was loaded.
    const third = sampleImport({
      chat_participants: [{ handle: 'Customer 1', phone_number: '+1 202 555 0143' }],
    });
    expect((await postImport(second.url, third)).status).toBe(201);
    await second.close();
    const stored = JSON.parse(await readFile(join(dataDir, 'inbox.json'), 'utf8')) as { imports: unknown[] };
    expect(stored.imports).toHaveLength(3);
    // Bodies are not kept on disk: no chat text, no media.
    expect(JSON.stringify(stored)).not.toContain('b64_content');
  });

  it('survives a crash mid-write: a partial temporary file is ignored and removed', async () => {
    const first = await start();
    expect((await postImport(first.url, sampleImport())).status).toBe(201);
    await first.close();
    const good = await readFile(join(dataDir, 'inbox.json'), 'utf8');
    // What a crash between open and rename leaves: a truncated temporary file beside the data.
    const partial = join(dataDir, '.inbox.json.0f8e2b7c-4d1a-4c3b-9e5f-6a7b8c9d0e1f.tmp');
    await writeFile(partial, good.slice(0, good.length / 2));

    const second = await start();
    expect(((await listChats(second.url)).json as ChatList).count).toBe(1);
    expect(await readdir(dataDir)).toEqual(['inbox.json']);
    expect(await readFile(join(dataDir, 'inbox.json'), 'utf8')).toBe(good);
  });

  it.each([
    ['truncated JSON', (good: string) => good.slice(0, 40), 'is corrupt: not valid JSON'],
    ['another shape', () => '[]', 'is corrupt: expected an object with an "imports" list'],
    ['another version', () => '{"version": 9, "imports": []}', 'is corrupt: unknown version, expected 1'],
    [
      'a bad import',
      () => '{"version": 1, "imports": [{"bytes": 1}]}',
      'is corrupt: import 1: "sha256" is not a SHA-256',
    ],
  ])('reports a corrupt data file (%s) and leaves it untouched', async (_, damage, message) => {
    const first = await start();
    expect((await postImport(first.url, sampleImport())).status).toBe(201);
    await first.close();
    const file = join(dataDir, 'inbox.json');
    const corrupt = damage(await readFile(file, 'utf8'));
    await writeFile(file, corrupt);
    const failure = await start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WaImportError);
    expect(failure).toMatchObject({ code: 'E_READ_FAILED' });
    expect((failure as Error).message.startsWith(`the inbox data file ${file} ${message}`)).toBe(true);
    expect((failure as WaImportError).hint).toContain('left untouched');
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });

  it('answers 500 and keeps nothing when the import cannot be saved', async () => {
    const inbox = await start();
    // A directory where the data file should go: the rename over it fails.
    await mkdir(join(dataDir, 'inbox.json', 'blocker'), { recursive: true });
    const answer = await postImport(inbox.url, sampleImport());
    expect(answer.status).toBe(500);
    expect((answer.json as { detail: string }).detail).toContain('The import could not be saved');
    expect(inbox.imports).toHaveLength(0);
    expect(((await listChats(inbox.url)).json as ChatList).count).toBe(0);
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('serializes concurrent imports: every one is on disk', async () => {
    const inbox = await start();
    const numbers = Array.from({ length: 8 }, (_, index) => `+44 7700 90020${index}`);
    const answers = await Promise.all(
      numbers.map((number) =>
        postImport(
          inbox.url,
          sampleImport({ chat_participants: [{ handle: 'Customer 1', phone_number: number }] }),
        ),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(numbers.map(() => 201));
    await inbox.close();
    const again = await start();
    expect(((await listChats(again.url)).json as ChatList).count).toBe(8);
  });
});
