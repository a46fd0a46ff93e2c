import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type InboxEmulator,
  type InboxEmulatorOptions,
  startInboxEmulator,
} from '../../src/emulator/index.js';
import { buildZip, JPEG, LRM, tempFolder, writeFiles } from '../build/helpers.js';
import { type RunResult, runCli } from './helpers.js';

const CUSTOMER = '+49 151 23456789';
const WA_ID = '4915123456789';
const LOG = [
  `10/03/2022, 11:00 - ${CUSTOMER}: Hello, is the armchair still there?`,
  `10/03/2022, 11:02 - Shop: ${LRM}IMG-20220310-WA0000.jpg (file attached)`,
  `10/03/2022, 11:03 - ${CUSTOMER}: Thanks`,
  '',
].join('\n');
const ZIP = `WhatsApp Chat with ${CUSTOMER}.zip`;
const DEVICE = ['--lang', 'en-GB', '--utc-offset', '60', '--self', 'Shop'];

const TOKEN = 'tok-cli-5e1f0a9b3c';
const BAD_TOKEN = 'wrong-tok-0d1e2f77';
const USER = { username: 'import-bot', password: 'pw-cli-horse-7781' };
const REFRESH = 'refresh-cli-4242aa';
/** Every secret a test hands to the CLI; none may ever be printed. */
const SECRETS = [TOKEN, BAD_TOKEN, USER.password, REFRESH];

let temp: { readonly path: string; remove(): Promise<void> };
let emulator: InboxEmulator | undefined;

beforeEach(async () => {
  temp = await tempFolder();
  await writeFiles(temp.path, {
    [ZIP]: await buildZip({ [`WhatsApp Chat with ${CUSTOMER}.txt`]: LOG, 'IMG-20220310-WA0000.jpg': JPEG }),
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await emulator?.close();
  emulator = undefined;
  await temp.remove();
});

async function inbox(options: InboxEmulatorOptions = {}): Promise<InboxEmulator> {
  emulator = await startInboxEmulator({
    tokens: [TOKEN],
    users: [USER],
    refreshTokens: [REFRESH],
    ...options,
  });
  return emulator;
}

function stateDir(): string {
  return join(temp.path, 'state');
}

/** Runs `wa-import submit …` and checks that no secret reached either stream. */
async function submit(
  args: readonly string[],
  env: Readonly<Record<string, string>> = { WA_IMPORT_TOKEN: TOKEN },
  options: { tty?: boolean; signal?: AbortSignal } = {},
): Promise<RunResult> {
  const result = await runCli(['submit', ...args], {
    cwd: temp.path,
    // XDG_STATE_HOME keeps the default state directory inside the test's folder too.
    env: { XDG_STATE_HOME: join(temp.path, 'xdg'), ...env },
    ...options,
  });
  for (const secret of SECRETS) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
  return result;
}

async function ledgerEntries(dir = stateDir()): Promise<{ status: string; waId: string | null }[]> {
  const text = await readFile(join(dir, 'ledger.json'), 'utf8');
  return (JSON.parse(text) as { entries: { status: string; waId: string | null }[] }).entries;
}

function importStatuses(server: InboxEmulator): (number | undefined)[] {
  return server.log.filter((request) => request.path === '/api/v1/chat_import/').map((r) => r.status);
}

describe('wa-import submit: success and the ledger', () => {
  it('builds, imports, prints a summary and records the import', async () => {
    const server = await inbox();
    const { status, stdout, stderr } = await submit([
      ZIP,
      ...DEVICE,
      '--inbox',
      server.url,
      '--state-dir',
      'state',
    ]);
    expect(stderr).toContain(`Payload       ${server.imports[0]?.bytes} bytes`);
    expect(status).toBe(0);
    expect(stdout).toContain(`Imported      into ${server.url}`);
    expect(stdout).toContain(`Customer      +${WA_ID} (wa_id ${WA_ID}, "${CUSTOMER}")`);
    expect(stdout).toContain('New messages  3');
    expect(stdout).toContain(`Ledger        ${join(stateDir(), 'ledger.json')}: recorded `);
    expect(server.imports).toHaveLength(1);
    expect(server.imports[0]?.body).toMatchObject({
      chat_text: LOG,
      chat_participants: [{ handle: CUSTOMER, phone_number: `+${WA_ID}` }],
      utc_offset_minutes: 60,
      device_language_code: 'en-GB',
      media_files: [{ file_name: 'IMG-20220310-WA0000.jpg', mime_type: 'image/jpeg' }],
    });
    // The token was checked before the build (GET), then the import was sent with an exact length.
    expect(server.log.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/v1/chats/',
      'POST /api/v1/chat_import/',
    ]);
    expect(server.log[1]?.contentLength).toBe(String(server.imports[0]?.bytes));
    expect(server.log[1]?.transferEncoding).toBeUndefined();
    expect(await ledgerEntries()).toEqual([expect.objectContaining({ status: 'imported', waId: WA_ID })]);
  });

  it('refuses a second import of the same chat with the date, and --force imports it again', async () => {
    const server = await inbox();
    const args = [ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state'];
    expect((await submit(args)).status).toBe(0);

    const again = await submit(args);
    expect(again.status).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      /^error\[E_ALREADY_IMPORTED\]: already imported on \d{4}-\d\d-\d\d \d\d:\d\d UTC \(wa_id 4915123456789, chat with \+49 151 23456789\); use --force to import again\n {2}hint: /,
    );
    expect(server.imports).toHaveLength(1);

    // Another spelling of the same inbox is the same inbox.
    const spelled = await submit([ZIP, ...DEVICE, '--inbox', `${server.url}/`, '--state-dir', 'state']);
    expect(spelled.stderr).toContain('error[E_ALREADY_IMPORTED]');

    const forced = await submit([...args, '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('(--force)');
    expect(server.imports).toHaveLength(2);
    expect(await ledgerEntries()).toHaveLength(1);
  });

  it('uses the default state directory from the environment (XDG_STATE_HOME)', async () => {
    const server = await inbox();
    const { status } = await submit([ZIP, ...DEVICE, '--inbox', server.url]);
    expect(status).toBe(0);
    expect(await ledgerEntries(join(temp.path, 'xdg', 'wa-import'))).toHaveLength(1);
  });

  it('prints the chat and the facts as JSON with --json', async () => {
    const server = await inbox();
    const { status, stdout } = await submit([
      ZIP,
      ...DEVICE,
      '--inbox',
      server.url,
      '--state-dir',
      'state',
      '--json',
    ]);
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      chat: { wa_id: WA_ID, new_messages: 3 },
      inbox: server.url,
      waId: WA_ID,
      newMessages: 3,
      inputKind: 'export',
      payloadBytes: server.imports[0]?.bytes,
      forced: false,
      ledger: { path: join(stateDir(), 'ledger.json'), entry: { status: 'imported', waId: WA_ID } },
    });
    expect(json.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends a payload built before, as it is, and knows it is the same chat as the export', async () => {
    const server = await inbox();
    const built = await runCli(['build', ZIP, ...DEVICE, '-o', 'payload.json'], { cwd: temp.path });
    expect(built.status).toBe(0);
    const file = await readFile(join(temp.path, 'payload.json'));

    const sent = await submit(['payload.json', '--inbox', server.url, '--state-dir', 'state', '--tz', 'UTC']);
    expect(sent.status).toBe(0);
    expect(sent.stderr).toBe('warning: --tz ignored: payload.json is a built payload and is sent as it is\n');
    expect(sent.stdout).toContain(`Payload       ${file.length} bytes`);
    expect(sent.stdout).toContain('from payload.json (built before)');
    expect(server.imports[0]?.sha256).toBe(createHash('sha256').update(file).digest('hex'));

    const export_ = await submit([ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state']);
    expect(export_.status).toBe(1);
    expect(export_.stderr).toContain('error[E_ALREADY_IMPORTED]');
    expect(server.imports).toHaveLength(1);
  });

  it('refuses a JSON file that is not a payload', async () => {
    const server = await inbox();
    await writeFiles(temp.path, { 'other.json': '{"hello": "world"}' });
    const { status, stderr } = await submit(['other.json', '--inbox', server.url, '--state-dir', 'state']);
    expect(status).toBe(1);
    expect(stderr).toContain('error[E_NOT_AN_EXPORT]: ');
    expect(stderr).toContain('is not a ChatImport payload: no "chat_text" string');
    expect(server.imports).toHaveLength(0);
  });

  it('shows upload progress on a terminal', async () => {
    const server = await inbox();
    const { status, stderr } = await submit(
      [ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state'],
      undefined,
      {
        tty: true,
      },
    );
    expect(status).toBe(0);
    expect(stderr).toMatch(/\ruploading {2}100% {2}\S+ B of \S+ B/);
  });
});

describe('wa-import submit: credentials', () => {
  it('signs in with --username and the password from WA_IMPORT_PASSWORD', async () => {
    const server = await inbox();
    const { status } = await submit(
      [ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state', '--username', USER.username],
      { WA_IMPORT_PASSWORD: USER.password },
    );
    expect(status).toBe(0);
    expect(server.imports[0]?.user).toBe(USER.username);
  });

  it('converts WA_IMPORT_REFRESH_TOKEN', async () => {
    const server = await inbox();
    const { status } = await submit([ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state'], {
      WA_IMPORT_REFRESH_TOKEN: REFRESH,
    });
    expect(status).toBe(0);
    expect(server.imports).toHaveLength(1);
  });

  it('fails with E_AUTH on a wrong token before building or uploading anything', async () => {
    const server = await inbox();
    const { status, stdout, stderr } = await submit(
      [ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state'],
      {
        WA_IMPORT_TOKEN: BAD_TOKEN,
      },
    );
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^error\[E_AUTH\]: the inbox rejected the token \(HTTP 401\)\n {2}hint: check that the token/,
    );
    expect(server.log.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      'GET /api/v1/chats/ 401',
    ]);
  });

  it('fails with E_AUTH on a wrong password', async () => {
    const server = await inbox();
    const { status, stderr } = await submit(
      [ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state', '--username', USER.username],
      { WA_IMPORT_PASSWORD: `${USER.password}-typo` },
    );
    expect(status).toBe(1);
    expect(stderr).toContain('error[E_AUTH]: sign-in failed');
    expect(stderr).not.toContain(`${USER.password}-typo`);
  });

  it.each([
    [['--token', TOKEN], '--token'],
    [[`--token=${TOKEN}`], '--token'],
    [['--password', USER.password], '--password'],
    [[`--refresh-token=${REFRESH}`], '--refresh-token'],
  ])('refuses a secret as an argument (%j) with a usage error that says why', async (flag, name) => {
    const { status, stdout, stderr } = await submit([
      ZIP,
      ...DEVICE,
      '--inbox',
      'http://127.0.0.1:9',
      ...flag,
    ]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `error[E_USAGE]: ${name} is not accepted: a secret on the command line ends up in the shell history and the process list`,
    );
    expect(stderr).toContain('hint: set WA_IMPORT_');
  });

  it('asks for credentials when none are in the environment', async () => {
    const { status, stderr } = await submit([ZIP, ...DEVICE, '--inbox', 'http://127.0.0.1:9'], {});
    expect(status).toBe(2);
    expect(stderr).toContain('error[E_USAGE]: missing inbox credentials');
    expect(stderr).toContain('hint: set WA_IMPORT_TOKEN');
    const noPassword = await submit(
      [ZIP, ...DEVICE, '--inbox', 'http://127.0.0.1:9', '--username', 'bot'],
      {},
    );
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toContain(
      'error[E_USAGE]: --username needs the password in WA_IMPORT_PASSWORD',
    );
  });

  it('refuses plain http to a host other than this machine without --insecure, before connecting', async () => {
    const request = vi.spyOn(http, 'request');
    const { status, stderr } = await submit([
      ZIP,
      ...DEVICE,
      '--inbox',
      'http://192.0.2.10:8080',
      '--state-dir',
      'state',
    ]);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^error\[E_INSECURE_URL\]: refusing plain HTTP to 192\.0\.2\.10:8080: the token and the chat would travel unencrypted\n/,
    );
    expect(request).not.toHaveBeenCalled();
  });

  it('checks its own flags', async () => {
    const cases: [string[], string, number][] = [
      [[ZIP, ...DEVICE], 'error[E_USAGE]: missing --inbox <base-url>', 2],
      [['--inbox', 'http://127.0.0.1:9'], 'error[E_USAGE]: missing <input>', 2],
      [
        [ZIP, ...DEVICE, '--inbox', 'http://127.0.0.1:9', '--timeout', '0'],
        '--timeout takes a number of seconds',
        2,
      ],
      [
        [ZIP, ...DEVICE, '--inbox', 'http://127.0.0.1:9', '--retries', '99'],
        '--retries takes a whole number',
        2,
      ],
      [[ZIP, ...DEVICE, '--inbox', 'ftp://127.0.0.1'], 'error[E_INVALID_OPTION]: invalid inbox URL', 2],
      // Checked before anything is sent: the build options too.
      [[ZIP, '--lang', 'en-GB', '--inbox', 'http://127.0.0.1:9'], 'error[E_NO_UTC_OFFSET]', 1],
    ];
    for (const [args, expected, exit] of cases) {
      const { status, stderr } = await submit(args);
      expect(stderr).toContain(expected);
      expect(status).toBe(exit);
    }
  });
});

describe('wa-import submit: failures of the inbox', () => {
  it('reports 413 with the payload size and how to shrink it, and records nothing', async () => {
    const server = await inbox({ maxBodyBytes: 100 });
    const { status, stdout, stderr } = await submit([
      ZIP,
      ...DEVICE,
      '--inbox',
      server.url,
      '--state-dir',
      'state',
    ]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const size = Number(server.log.at(-1)?.contentLength);
    expect(size).toBeGreaterThan(100);
    expect(stderr).toContain(
      `error[E_PAYLOAD_TOO_LARGE]: the inbox refused the import as too large (HTTP 413): the payload is ${size} bytes (0.0 MB)\n`,
    );
    expect(stderr).toContain('hint: shrink it: leave out large media with --max-media-bytes <bytes>');
    expect(stderr).toContain('--media none');
    await expect(readFile(join(stateDir(), 'ledger.json'))).rejects.toThrow();
  });

  it('waits out a 429 (Retry-After) and then imports', async () => {
    const server = await inbox({ faults: [{ status: 429, retryAfter: 1 }] });
    const started = Date.now();
    const { status, stdout } = await submit([ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state']);
    expect(status).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(stdout).toContain('New messages  3');
    expect(importStatuses(server)).toEqual([429, 201]);
    expect(server.imports).toHaveLength(1);
  });

  it('gives up after --retries on a persistent 503', async () => {
    const server = await inbox({
      faults: [
        { status: 503, retryAfter: 0 },
        { status: 503, retryAfter: 0 },
      ],
    });
    const { status, stderr } = await submit([
      ZIP,
      ...DEVICE,
      '--inbox',
      server.url,
      '--state-dir',
      'state',
      '--retries',
      '1',
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain(
      'error[E_HTTP_STATUS]: the inbox kept answering HTTP 503 (Service Unavailable) (2 attempts)',
    );
    expect(importStatuses(server)).toEqual([503, 503]);
  });

  it('shows a 400 reason verbatim', async () => {
    const server = await inbox({
      faults: [{ status: 400, body: { reason: 'Chat text could not be parsed.' } }],
    });
    const { status, stderr } = await submit([ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state']);
    expect(status).toBe(1);
    expect(stderr).toContain(
      'error[E_HTTP_BAD_REQUEST]: the inbox rejected the import (HTTP 400): Chat text could not be parsed.',
    );
  });

  it('reports a connection reset after the whole body as E_UNCERTAIN, records it, and refuses a plain re-run', async () => {
    const server = await inbox({ faults: [{ kind: 'reset-after-body' }] });
    const args = [ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state'];
    const first = await submit(args);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(
      /^error\[E_UNCERTAIN\]: the import may or may not have been created: the connection broke after the whole payload was sent/m,
    );
    expect(first.stderr).toContain(
      `check the inbox for the chat with ${CUSTOMER} before retrying with --force`,
    );
    expect(importStatuses(server)).toEqual([undefined]);
    expect(await ledgerEntries()).toEqual([expect.objectContaining({ status: 'uncertain', waId: null })]);

    const again = await submit(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('error[E_ALREADY_IMPORTED]: an import of this chat on ');
    expect(again.stderr).toContain('ended without an answer and may have been created');
    expect(importStatuses(server)).toEqual([undefined]);

    const forced = await submit([...args, '--force']);
    expect(forced.status).toBe(0);
    expect(await ledgerEntries()).toEqual([expect.objectContaining({ status: 'imported', waId: WA_ID })]);
  });

  it('reports a timeout after the body as E_UNCERTAIN (--timeout)', async () => {
    const server = await inbox({ faults: [{ kind: 'delay', ms: 3_000 }] });
    const { status, stderr } = await submit([
      ZIP,
      ...DEVICE,
      '--inbox',
      server.url,
      '--state-dir',
      'state',
      '--timeout',
      '0.3',
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain(
      'error[E_UNCERTAIN]: the import may or may not have been created: the inbox did not answer',
    );
  });

  it('stops with E_ABORTED when interrupted (io.signal) and records nothing', async () => {
    const server = await inbox({ faults: [{ kind: 'delay', ms: 5_000, phase: 'before-body' }] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const { status, stderr } = await submit(
      [ZIP, ...DEVICE, '--inbox', server.url, '--state-dir', 'state'],
      undefined,
      { signal: controller.signal },
    );
    expect(status).toBe(1);
    expect(stderr).toContain('error[E_ABORTED]');
    await expect(readFile(join(stateDir(), 'ledger.json'))).rejects.toThrow();
  });
});
