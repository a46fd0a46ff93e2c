/**
 * `wa-import submit <input | payload.json> --inbox <url>`: builds the `ChatImport` from an
 * export (or takes one built before) and imports it into the inbox, at most once per chat and
 * inbox.
 *
 * @module
 */

import { createReadStream } from 'node:fs';
import { homedir } from 'node:os';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PrepareOptions } from '../../build/index.js';
import { prepareChatImport } from '../../build/index.js';
import type { ChatImportContact } from '../../payload/index.js';
import { payloadDigest } from '../../payload/index.js';
import {
  type BodyFactory,
  defaultStateDir,
  InboxClient,
  type InboxClientOptions,
  Ledger,
  submitOnce,
} from '../../submit/index.js';
import { BUILD_FLAGS, BUILD_FLAGS_HELP, givenBuildFlags, toPrepareOptions } from '../build-flags.js';
import { renderBuildSummary } from '../build-summary.js';
import { exportBody } from '../export-body.js';
import {
  credentialsFromEnv,
  PASSWORD_ENV,
  REFRESH_TOKEN_ENV,
  rejectSecretFlags,
  TOKEN_ENV,
} from '../inbox-credentials.js';
import { openInput } from '../input.js';
import { type CliIo, write } from '../io.js';
import { joinNegativeOffset } from '../parse-options.js';
import { looksLikePayloadFile, readPayloadFile } from '../payload-file.js';
import { progressLine } from '../progress.js';
import { renderSubmitJson, renderSubmitSummary } from '../submit-summary.js';
import { usageError } from '../usage-error.js';

/**
 * Help text of `submit`.
 *
 * @example
 * ```ts
 * await write(io.stdout, SUBMIT_HELP);
 * ```
 */
export const SUBMIT_HELP = `Usage: wa-import submit <input | payload.json> --inbox <base-url> [options]

Import a chat into the inbox (POST /api/v1/chat_import/): built from an export now, or a
payload written before by "wa-import build -o payload.json" (recognized by its content).

  <input>                     .zip, folder or .txt of an export; - for stdin; or a payload .json
  --inbox <base-url>          the inbox, e.g. https://acme.inbox.getchat.360dialog.io
  --username <name>           sign in as this integration user (password from ${PASSWORD_ENV})
  --force                     import even if the ledger says this chat is already in this inbox
  --timeout <seconds>         longest the inbox may stay silent (default 300)
  --retries <n>               retries after 429/502/503/504 or a safe network error (default 4)
  --state-dir <dir>           where the ledger is kept (default $XDG_STATE_HOME/wa-import
                              or ~/.local/state/wa-import)
  --insecure                  allow plain http:// to a host other than this machine
  --json                      print the created chat and the facts as JSON
${BUILD_FLAGS_HELP}
Credentials come from the environment only, never from an argument:
  ${TOKEN_ENV}            an integration user's token
  ${PASSWORD_ENV}         the password of --username
  ${REFRESH_TOKEN_ENV}    a refresh token (works once)
`;

const SUBMIT_FLAGS = {
  ...BUILD_FLAGS,
  inbox: { type: 'string' },
  username: { type: 'string' },
  force: { type: 'boolean', default: false },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  'state-dir': { type: 'string' },
  insecure: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

const millisecondsPerSecond = 1000;
/** Longest `--timeout`: what a Node timer can wait. Seconds. */
const maxTimeoutSeconds = Math.floor((2 ** 31 - 1) / millisecondsPerSecond);
const maxRetries = 20;

/** What is sent, however it was obtained. */
interface Upload {
  readonly kind: 'export' | 'payload';
  readonly size: number;
  readonly digest: string;
  readonly chatLabel: string;
  readonly body: BodyFactory;
}

function clientOptions(
  values: { timeout?: string | undefined; retries?: string | undefined; insecure: boolean },
  signal: AbortSignal | undefined,
): InboxClientOptions {
  const { timeout, retries } = values;
  if (timeout !== undefined && !(/^\d+(?:\.\d+)?$/u.test(timeout) && Number(timeout) > 0)) {
    throw usageError(`--timeout takes a number of seconds above 0, got "${timeout}"`);
  }
  if (timeout !== undefined && Number(timeout) > maxTimeoutSeconds) {
    throw usageError(`--timeout takes at most ${maxTimeoutSeconds} seconds, got "${timeout}"`);
  }
  if (retries !== undefined && !(/^\d+$/u.test(retries) && Number(retries) <= maxRetries)) {
    throw usageError(`--retries takes a whole number from 0 to ${maxRetries}, got "${retries}"`);
  }
  return {
    allowInsecure: values.insecure,
    ...(timeout === undefined
      ? {}
      : { timeoutMs: Math.max(1, Math.round(Number(timeout) * millisecondsPerSecond)) }),
    ...(retries === undefined ? {} : { retries: Number(retries) }),
    ...(signal === undefined ? {} : { signal }),
  };
}

/** `Ana (+442079460123)`, or the handle alone when it is the number (`+44 20 7946 0123`). */
function labelOf(contacts: readonly ChatImportContact[], fallback: string): string {
  const labels = contacts.map(({ handle, phone_number }) =>
    handle.replace(/[\s\-()]/g, '') === phone_number ? handle : `${handle} (${phone_number})`,
  );
  return labels.length === 0 ? fallback : labels.join(' / ');
}

async function payloadUpload(path: string, signal: AbortSignal | undefined): Promise<Upload> {
  const file = await readPayloadFile(path, signal);
  return {
    kind: 'payload',
    size: file.size,
    digest: await payloadDigest(file, signal === undefined ? {} : { signal }),
    chatLabel: labelOf(file.participants, `the chat in ${basename(path)}`),
    body: () => createReadStream(path),
  };
}

/**
 * Runs `submit`.
 *
 * @example
 * ```ts
 * await submitCommand(['chat.zip', '--tz', 'Europe/London', '--inbox', 'https://acme.inbox.getchat.360dialog.io'], io);
 * ```
 */
export async function submitCommand(args: readonly string[], io: CliIo): Promise<void> {
  rejectSecretFlags(args);
  const { values, positionals } = parseArgs({
    args: joinNegativeOffset(args),
    options: SUBMIT_FLAGS,
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw usageError(`submit takes one <input>, got ${positionals.length}`);
  const [input] = positionals;
  if (input === undefined || input === '')
    throw usageError('missing <input>: give an export (.zip, folder, .txt, - for stdin) or a payload .json');
  if (values.inbox === undefined)
    throw usageError('missing --inbox <base-url>', 'e.g. --inbox https://acme.inbox.getchat.360dialog.io');
  const { signal } = io;
  const credentials = credentialsFromEnv(io.env, values.username);
  const options = clientOptions(values, signal);

  // A built payload is told from an export by its first byte; it is sent as it is.
  const payloadPath = input === '-' ? undefined : resolve(io.cwd, input);
  const isPayload = payloadPath !== undefined && (await looksLikePayloadFile(payloadPath));
  let prepare: PrepareOptions | undefined;
  if (isPayload) {
    const ignored = givenBuildFlags(values);
    if (ignored.length > 0) {
      await write(
        io.stderr,
        `warning: ${ignored.join(', ')} ignored: ${input} is a built payload and is sent as it is\n`,
      );
    }
  } else {
    prepare = await toPrepareOptions(values, io);
  }

  // Everything cheap first: a wrong URL or a rejected token fails before a long build.
  const client = new InboxClient({ baseUrl: values.inbox, ...credentials }, options);
  const stateDir =
    values['state-dir'] === undefined
      ? defaultStateDir(io.env, homedir())
      : resolve(io.cwd, values['state-dir']);
  const ledger = new Ledger(stateDir);
  await client.authenticate();

  const progress = io.stderrIsTTY ? progressLine(io.stderr, 'uploading') : undefined;
  const send = async (upload: Upload) => {
    try {
      return await submitOnce({
        client,
        ledger,
        digest: upload.digest,
        chatLabel: upload.chatLabel,
        size: upload.size,
        body: upload.body,
        force: values.force,
        ...(signal === undefined ? {} : { signal }),
        ...(progress === undefined ? {} : { onProgress: progress.update }),
      });
    } finally {
      progress?.done();
    }
  };

  let upload: Upload;
  let result: Awaited<ReturnType<typeof submitOnce>>;
  if (isPayload && payloadPath !== undefined) {
    upload = await payloadUpload(payloadPath, signal);
    result = await send(upload);
  } else {
    const chatExport = await openInput(input, io, signal);
    try {
      const { source, report } = await prepareChatImport(chatExport, {
        ...prepare,
        ...(signal === undefined ? {} : { signal }),
      });
      const customer = report.participants.filter((contact) => contact.handle === report.customer);
      upload = {
        kind: 'export',
        size: report.payloadBytes,
        digest: await payloadDigest(source, signal === undefined ? {} : { signal }),
        chatLabel: labelOf(customer.length > 0 ? customer : report.participants, report.chatName ?? input),
        body: exportBody(source, report.payloadBytes, signal),
      };
      // The summary only when something is sent: a refused duplicate is just the refusal.
      const refused = !values.force && (await ledger.find(client.inbox, upload.digest)) !== undefined;
      if (!refused) await write(io.stderr, renderBuildSummary(report, client.inbox));
      result = await send(upload);
    } finally {
      await chatExport.close();
    }
  }

  const facts = {
    chat: result.chat,
    entry: result.entry,
    ledgerPath: ledger.path,
    inbox: client.inbox,
    input,
    inputKind: upload.kind,
    payloadBytes: upload.size,
    digest: upload.digest,
    forced: values.force,
  };
  await write(io.stdout, values.json ? renderSubmitJson(facts) : renderSubmitSummary(facts));
}
