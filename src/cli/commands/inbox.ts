/**
 * `wa-import inbox` (alias `emulator`): the local inbox emulator on a loopback port, for demos
 * and dry runs. Prints its URL first, then one line per request it answers; keeps imports in
 * `--data` across restarts; stops on Ctrl-C (`io.signal`).
 *
 * @module
 */

import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EmulatorUser, ReceivedImport, ReceivedRequest } from '../../emulator/index.js';
import { startInboxEmulator } from '../../emulator/index.js';
import { formatBytes } from '../format-bytes.js';
import { TOKEN_ENV } from '../inbox-credentials.js';
import { type CliIo, write } from '../io.js';
import { usageError } from '../usage-error.js';

/**
 * Help text of `inbox`.
 *
 * @example
 * ```ts
 * await write(io.stdout, INBOX_HELP);
 * ```
 */
export const INBOX_HELP = `Usage: wa-import inbox [options]    (alias: wa-import emulator)

Run a local inbox on this machine that answers like the inbox's import API
(sign-in, POST /api/v1/chat_import/ with validation, GET /api/v1/chats/), for demos
and dry runs. The first line printed is "listening on http://127.0.0.1:<port>",
then one line per request. Stop it with Ctrl-C.

Imports are validated like a strict server: required fields, at most two
participants, decodable base64, a MIME type on every media file, and chat_text
parsed with device_language_code and utc_offset_minutes (not an export: 400).

  --port <n>                  port to listen on (default 0: a free one)
  --host <address>            loopback address (default 127.0.0.1)
  --data <dir>                keep imported chats in <dir>/inbox.json, so they survive
                              a restart (written atomically; a corrupt file is
                              reported, never overwritten). Default: memory only
  --token <t>                 a token the emulator accepts (repeatable). This is the
                              emulator's own test token, not a secret of yours; without
                              --token and --user a random one is made up and printed
  --user <name>:<password>    an integration user for --username sign-in (repeatable)
  --max-body-bytes <n>        answer 413 to larger imports (default 1 GiB)
`;

const INBOX_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  token: { type: 'string', multiple: true },
  user: { type: 'string', multiple: true },
  'max-body-bytes': { type: 'string' },
} as const;

const maxPort = 65_535;
/** Random bytes of a made-up token (hex: twice as many characters). */
const tokenBytes = 16;

function parseUser(text: string): EmulatorUser {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1)
    throw usageError('--user takes <name>:<password>', '--user import-bot:demo-password');
  return { username: text.slice(0, at), password: text.slice(at + 1) };
}

/** Distinct customers among the imports. */
function countChats(imports: readonly ReceivedImport[]): number {
  return new Set(imports.map((received) => received.chat.wa_id)).size;
}

/**
 * One log line for a request the emulator is done with.
 *
 * @example
 * ```ts
 * describeRequest(record, received);
 * // 'POST /api/v1/chat_import/ 201: imported 14 messages for +442079460123 ("Ana"), 3 media files, 12.1 KB'
 * ```
 */
export function describeRequest(request: ReceivedRequest, received: ReceivedImport | undefined): string {
  const head = `${request.method} ${request.path}`;
  if (received !== undefined) {
    const { chat } = received;
    const name = chat.contact.waba_payload.profile.name;
    const media = `${received.mediaFileCount} media ${received.mediaFileCount === 1 ? 'file' : 'files'}`;
    return `${head} ${request.status ?? 201}: imported ${chat.new_messages} messages for +${chat.wa_id} (${JSON.stringify(name)}), ${media}, ${formatBytes(received.bytes)}`;
  }
  const body = request.bytesReceived > 0 ? ` (${formatBytes(request.bytesReceived)} received)` : '';
  if (request.status === undefined) return `${head}: connection closed without an answer${body}`;
  return `${head} ${request.status}${body}`;
}

/**
 * Runs `inbox` until `io.signal` aborts.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const running = inboxCommand(['--port', '0', '--token', 'demo-token'], { ...io, signal: controller.signal });
 * // … later
 * controller.abort();
 * await running;
 * ```
 */
export async function inboxCommand(args: readonly string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: INBOX_FLAGS,
    allowPositionals: false,
    strict: true,
  });
  const port = values.port ?? '0';
  if (!/^\d{1,5}$/u.test(port) || Number(port) > maxPort)
    throw usageError(`--port takes a port number from 0 to ${maxPort}, got "${port}"`);
  const cap = values['max-body-bytes'];
  if (cap !== undefined && !(/^\d{1,16}$/u.test(cap) && Number(cap) > 0))
    throw usageError(`--max-body-bytes takes a whole number of bytes above 0, got "${cap}"`);
  const users = (values.user ?? []).map(parseUser);
  const given = values.token ?? [];
  if (given.some((token) => !/^[\x21-\x7e]+$/u.test(token)))
    throw usageError('--token takes printable characters without spaces');
  const madeUp =
    given.length === 0 && users.length === 0 ? randomBytes(tokenBytes).toString('hex') : undefined;
  const tokens = madeUp === undefined ? given : [madeUp];
  if (values.data === '') throw usageError('--data takes a directory');
  const dataDir = values.data === undefined ? undefined : path.resolve(io.cwd, values.data);
  const { signal } = io;

  const emulator = await startInboxEmulator({
    port: Number(port),
    tokens,
    users,
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(cap === undefined ? {} : { maxBodyBytes: Number(cap) }),
    ...(dataDir === undefined ? {} : { dataDir }),
    // A long-running inbox keeps no request bodies: memory stays bounded however many come.
    maxStoredBodyBytes: 0,
    onRequest: (request, received) => {
      io.stdout.write(`${describeRequest(request, received)}\n`);
    },
  });
  try {
    await write(io.stdout, `listening on ${emulator.url}\n`);
    const accepts = [
      ...(madeUp === undefined ? [] : [`token ${madeUp} (made up; pass --token to choose one)`]),
      ...(madeUp === undefined && given.length > 0 ? [`${given.length} token(s) from --token`] : []),
      ...users.map((user) => `user ${user.username}`),
    ];
    await write(io.stdout, `accepting ${accepts.join(', ')}\n`);
    await write(
      io.stdout,
      emulator.dataFile === undefined
        ? 'imports are kept in memory only (--data <dir> keeps them)\n'
        : `data: ${emulator.dataFile} (${emulator.imports.length} import(s) loaded, ${countChats(emulator.imports)} chat(s))\n`,
    );
    const example = madeUp === undefined ? '' : `${TOKEN_ENV}=${madeUp} `;
    await write(
      io.stdout,
      `try: ${example}wa-import submit <export> --tz <zone> --inbox ${emulator.url} --state-dir <dir>\n`,
    );
    await new Promise<void>((resolve) => {
      if (signal === undefined) return; // runs until the process ends
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    await emulator.close();
  }
  await write(io.stdout, `stopped after ${emulator.imports.length} import(s)\n`);
}
