import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildZip, tempFolder, writeFiles } from '../build/helpers.js';
import { type RunResult, runCli } from './helpers.js';

const CUSTOMER = '+44 20 7946 0123';
const LOG = `10/03/2022, 11:00 - ${CUSTOMER}: Hello\n10/03/2022, 11:01 - Shop: Hi!\n`;
const ZIP = 'WhatsApp Chat.zip';

let temp: { readonly path: string; remove(): Promise<void> };

beforeEach(async () => {
  temp = await tempFolder();
  await writeFiles(temp.path, { [ZIP]: await buildZip({ 'WhatsApp Chat with Someone.txt': LOG }) });
});
afterEach(async () => {
  await temp.remove();
});

interface Running {
  readonly url: string;
  /** Resolves once stdout contains `text`. */
  waitFor(text: string): Promise<string>;
  stop(): Promise<RunResult>;
}

/** Starts `wa-import inbox …` (or the `emulator` alias) in-process and waits for its first line. */
async function startInbox(args: readonly string[], command = 'inbox'): Promise<Running> {
  const controller = new AbortController();
  const waiters: { text: string; resolve: (out: string) => void }[] = [];
  let out = '';
  const done = runCli([command, ...args], {
    cwd: temp.path,
    signal: controller.signal,
    onStdout: (text) => {
      out = text;
      for (const waiter of waiters.splice(0)) {
        if (text.includes(waiter.text)) waiter.resolve(text);
        else waiters.push(waiter);
      }
    },
  });
  const waitFor = (text: string) =>
    out.includes(text)
      ? Promise.resolve(out)
      : new Promise<string>((resolve) => waiters.push({ text, resolve }));
  const first = await Promise.race([waitFor('\n'), done.then((result) => `exited: ${result.stderr}`)]);
  const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(first);
  if (match?.[1] === undefined) throw new Error(`no listening line: ${first}`);
  return {
    url: match[1],
    waitFor,
    stop: async () => {
      controller.abort();
      return done;
    },
  };
}

/** Submits the test export to `url` with the token. */
function submitTo(url: string, token: string) {
  return runCli(['submit', ZIP, '--utc-offset', '0', '--lang', 'en-GB', '--self', 'Shop', '--inbox', url], {
    cwd: temp.path,
    env: { WA_IMPORT_TOKEN: token, XDG_STATE_HOME: join(temp.path, 'state') },
  });
}

interface ChatList {
  readonly count: number;
  readonly next: string | null;
  readonly previous: string | null;
  readonly results: readonly { readonly wa_id: string; readonly new_messages: number }[];
}

async function listChats(url: string, token: string): Promise<ChatList> {
  const answer = await fetch(`${url}/api/v1/chats/`, { headers: { Authorization: `Token ${token}` } });
  expect(answer.status).toBe(200);
  return (await answer.json()) as ChatList;
}

describe('wa-import inbox', () => {
  it('prints its URL first, a line per request, and stops on the signal', async () => {
    const emulator = await startInbox(['--token', 'emu-test-token', '--user', 'bot:pw-emu']);
    const submitted = await runCli(
      ['submit', ZIP, '--utc-offset', '0', '--lang', 'en-GB', '--self', 'Shop', '--inbox', emulator.url],
      {
        cwd: temp.path,
        env: { WA_IMPORT_TOKEN: 'emu-test-token', XDG_STATE_HOME: join(temp.path, 'state') },
      },
    );
    expect(submitted.stderr).toContain('Payload');
    expect(submitted.status).toBe(0);
    const out = await emulator.waitFor('POST /api/v1/chat_import/');
    expect(out).toContain('accepting 1 token(s) from --token, user bot\n');
    expect(out).toContain('imports are kept in memory only (--data <dir> keeps them)\n');
    expect(out).toContain('GET /api/v1/chats/ 200\n');
    expect(out).toMatch(
      /POST \/api\/v1\/chat_import\/ 201: imported 2 messages for \+442079460123 \("\+44 20 7946 0123"\), 0 media files, \d+ B\n/,
    );
    const result = await emulator.stop();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n/);
    expect(result.stdout.endsWith('stopped after 1 import(s)\n')).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('makes up a token and prints it when given none', async () => {
    const emulator = await startInbox(['--max-body-bytes', '10']);
    const out = await emulator.waitFor('try: ');
    const token = /accepting token ([0-9a-f]{32}) \(made up/.exec(out)?.[1];
    expect(token).toBeDefined();
    expect(out).toContain(`try: WA_IMPORT_TOKEN=${token} wa-import submit`);
    // The token works, and --max-body-bytes is honoured.
    const submitted = await runCli(
      ['submit', ZIP, '--utc-offset', '0', '--self', 'Shop', '--lang', 'en-GB', '--inbox', emulator.url],
      { cwd: temp.path, env: { WA_IMPORT_TOKEN: token, XDG_STATE_HOME: join(temp.path, 'state') } },
    );
    expect(submitted.stderr).toContain('error[E_PAYLOAD_TOO_LARGE]');
    await emulator.waitFor('POST /api/v1/chat_import/ 413');
    expect((await emulator.stop()).status).toBe(0);
  });

  it.each([
    [['--port', 'eighty'], '--port takes a port number from 0 to 65535, got "eighty"'],
    [['--port', '70000'], '--port takes a port number'],
    [['--user', 'nocolon'], '--user takes <name>:<password>'],
    [['--max-body-bytes', '0'], '--max-body-bytes takes a whole number of bytes above 0'],
    [['--token', 'has space'], '--token takes printable characters without spaces'],
    [['extra'], 'error[E_USAGE]'],
  ])('refuses %j with a usage error', async (args, message) => {
    const result = await runCli(['inbox', ...args], { cwd: temp.path, signal: AbortSignal.abort() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('listens on loopback only', async () => {
    const result = await runCli(['inbox', '--host', '0.0.0.0'], {
      cwd: temp.path,
      signal: AbortSignal.abort(),
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error[E_INVALID_OPTION]: the inbox emulator listens on loopback only');
  });

  it('has help, and a line in the main help', async () => {
    const result = await runCli(['inbox', '--help'], { cwd: temp.path });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: wa-import inbox \[options\]/);
    expect(result.stdout).toContain('--data <dir>');
    expect(result.stdout).toContain("This is the\n                              emulator's own test token");
    const main = await runCli(['--help'], { cwd: temp.path });
    expect(main.stdout).toMatch(/\n {2}inbox {13}run a local inbox on 127\.0\.0\.1/);
  });

  it('keeps "emulator" as an alias of the same command', async () => {
    const help = await runCli(['emulator', '--help'], { cwd: temp.path });
    expect(help.stdout).toBe((await runCli(['inbox', '--help'], { cwd: temp.path })).stdout);
    const emulator = await startInbox(['--token', 'alias-token'], 'emulator');
    expect((await submitTo(emulator.url, 'alias-token')).status).toBe(0);
    expect((await listChats(emulator.url, 'alias-token')).count).toBe(1);
    const result = await emulator.stop();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n/);
  });
});

describe('wa-import inbox --data', () => {
  it('keeps the imported chats across a restart', async () => {
    const data = join(temp.path, 'inbox-data');
    const first = await startInbox(['--token', 'data-token', '--data', 'inbox-data']);
    expect(await first.waitFor('data: ')).toContain(
      `data: ${join(data, 'inbox.json')} (0 import(s) loaded, 0 chat(s))\n`,
    );
    const submitted = await submitTo(first.url, 'data-token');
    expect(submitted.status).toBe(0);
    const before = await listChats(first.url, 'data-token');
    expect(before).toMatchObject({ count: 1, results: [{ wa_id: '442079460123', new_messages: 2 }] });
    expect((await first.stop()).status).toBe(0);

    const second = await startInbox(['--token', 'data-token', '--data', data]);
    expect(await second.waitFor('data: ')).toContain('(1 import(s) loaded, 1 chat(s))\n');
    expect(await listChats(second.url, 'data-token')).toEqual(before);
    expect((await second.stop()).stdout.endsWith('stopped after 1 import(s)\n')).toBe(true);
  });

  it('refuses to start on a corrupt data file and leaves it as it is', async () => {
    const file = join(temp.path, 'inbox-data', 'inbox.json');
    const first = await startInbox(['--token', 'data-token', '--data', 'inbox-data']);
    expect((await submitTo(first.url, 'data-token')).status).toBe(0);
    await first.stop();
    const damaged = (await readFile(file, 'utf8')).slice(0, 100);
    await writeFile(file, damaged);
    const result = await runCli(['inbox', '--token', 'data-token', '--data', 'inbox-data'], {
      cwd: temp.path,
      signal: AbortSignal.abort(),
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(
      result.stderr.startsWith(
        `error[E_READ_FAILED]: the inbox data file ${file} is corrupt: not valid JSON`,
      ),
    ).toBe(true);
    expect(result.stderr).toContain('hint: it is left untouched');
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });

  it('refuses an empty --data', async () => {
    const result = await runCli(['inbox', '--data', ''], { cwd: temp.path, signal: AbortSignal.abort() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--data takes a directory');
  });
});
