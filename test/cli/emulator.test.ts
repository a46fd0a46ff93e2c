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

/** Starts `wa-import emulator …` in-process and waits for its first line. */
async function startEmulator(args: readonly string[]): Promise<Running> {
  const controller = new AbortController();
  const waiters: { text: string; resolve: (out: string) => void }[] = [];
  let out = '';
  const done = runCli(['emulator', ...args], {
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

describe('wa-import emulator', () => {
  it('prints its URL first, a line per request, and stops on the signal', async () => {
    const emulator = await startEmulator(['--token', 'emu-test-token', '--user', 'bot:pw-emu']);
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
    const emulator = await startEmulator(['--max-body-bytes', '10']);
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
    const result = await runCli(['emulator', ...args], { cwd: temp.path, signal: AbortSignal.abort() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('listens on loopback only', async () => {
    const result = await runCli(['emulator', '--host', '0.0.0.0'], {
      cwd: temp.path,
      signal: AbortSignal.abort(),
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error[E_INVALID_OPTION]: the inbox emulator listens on loopback only');
  });

  it('has help', async () => {
    const result = await runCli(['emulator', '--help'], { cwd: temp.path });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("This is the\n                              emulator's own test token");
  });
});
