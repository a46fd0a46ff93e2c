/**
 * `wa-import build <input>`: the `ChatImport` request body, written to a file (atomically) or
 * stdout, with a summary on stderr and an optional JSON report.
 *
 * @module
 */

import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  type BuildReport,
  type MediaSelection,
  type PrepareOptions,
  prepareChatImport,
  validatePrepareOptions,
} from '../../build/index.js';
import { WaImportError } from '../../errors.js';
import { type Contact, parseContactsFile, parseParticipantOverride } from '../../participants/index.js';
import { type ChatImportSource, writeChatImport } from '../../payload/index.js';
import { renderBuildSummary } from '../build-summary.js';
import { openInput } from '../input.js';
import { type CliIo, write } from '../io.js';
import { PARSE_FLAGS, toParseOptions } from '../parse-options.js';
import { progressLine } from '../progress.js';
import { usageError } from '../usage-error.js';

/** Help text of `build`. */
export const BUILD_HELP = `Usage: wa-import build <input> [options]

Build the inbox's ChatImport request body (POST /api/v1/chat_import/) from an export.

  <input>                     .zip, folder or .txt of an export; - for stdin
  -o, --output <file>         write the payload to <file> (atomically); - or none: stdout
  --lang <bcp47>              device language: device_language_code (else detected)
  --utc-offset <minutes>      utc_offset_minutes, minutes the device was ahead of UTC
  --tz <zone>                 device IANA zone: its offset at the last message
  --date-order <order>        force dmy, mdy or ymd
  --participant <h>=<phone>   a participant's number (repeatable)
  --contacts <file>           contacts file (CSV name,phone or vCard .vcf)
  --self <handle>             your (the business) side of the chat
  --default-region <CC>       region for national numbers (default: the region of --lang)
  --media <which>             referenced (default), all, or none
  --max-media-bytes <n>       include media up to n bytes in all; list what was left out
  --strict                    a referenced media file missing from the export is an error
  --normalize-times           with --tz: rewrite headers across a DST change to one offset
  --report <file>             write the build report as JSON
`;

const BUILD_FLAGS = {
  ...PARSE_FLAGS,
  output: { type: 'string', short: 'o' },
  participant: { type: 'string', multiple: true },
  contacts: { type: 'string' },
  self: { type: 'string' },
  'default-region': { type: 'string' },
  media: { type: 'string' },
  'max-media-bytes': { type: 'string' },
  strict: { type: 'boolean', default: false },
  'normalize-times': { type: 'boolean', default: false },
  report: { type: 'string' },
} as const;

const MEDIA_VALUES: readonly string[] = ['referenced', 'all', 'none'];
const STDOUT = '-';

async function readContacts(path: string, io: CliIo): Promise<readonly Contact[]> {
  const full = resolve(io.cwd, path);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WaImportError(
      code === 'ENOENT' ? 'E_INPUT_NOT_FOUND' : 'E_READ_FAILED',
      `cannot read the contacts file: ${path}, got ${String(code ?? error)}`,
      { entry: path, cause: error },
    );
  }
  return parseContactsFile(text, basename(full));
}

/** Writes the payload to a temporary file beside `path`, then renames it into place. */
async function writeAtomically(path: string, writeTo: (stream: Writable) => Promise<unknown>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  try {
    await writeTo(stream);
    await rename(temp, path);
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    if (error instanceof WaImportError) throw error;
    throw new WaImportError('E_WRITE_FAILED', `cannot write the payload to ${path}`, {
      entry: path,
      cause: error,
    });
  }
}

async function writePayload(
  source: ChatImportSource,
  report: BuildReport,
  output: string,
  io: CliIo,
): Promise<void> {
  const progress = io.stderrIsTTY ? progressLine(io.stderr, 'writing payload') : undefined;
  const options = {
    totalBytes: report.payloadBytes,
    ...(progress === undefined ? {} : { onProgress: progress.update }),
  };
  try {
    if (output === STDOUT) await writeChatImport(source, io.stdout, { ...options, end: false });
    else await writeAtomically(resolve(io.cwd, output), (stream) => writeChatImport(source, stream, options));
  } finally {
    progress?.done();
  }
}

/**
 * Runs `build`.
 *
 * @example
 * ```ts
 * await buildCommand(['chat.zip', '--tz', 'Europe/Berlin', '-o', 'payload.json'], io);
 * ```
 */
export async function buildCommand(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: BUILD_FLAGS,
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw usageError(`build takes one <input>, got ${positionals.length}`);
  const parse = toParseOptions(values);
  const media = values.media ?? 'referenced';
  if (!MEDIA_VALUES.includes(media))
    throw usageError(`--media takes referenced, all or none, got "${media}"`);
  const cap = values['max-media-bytes'];
  if (cap !== undefined && !/^\d+$/u.test(cap)) {
    throw usageError(`--max-media-bytes takes a whole number of bytes, got "${cap}"`);
  }
  if (values['normalize-times'] && values.tz === undefined) {
    throw usageError(
      '--normalize-times needs --tz <zone>',
      'with --utc-offset every message already has one offset',
    );
  }
  const participants = (values.participant ?? []).map(parseParticipantOverride);
  const options: PrepareOptions = {
    ...parse,
    participants,
    media: media as MediaSelection,
    strict: values.strict,
    normalizeTimes: values['normalize-times'],
    ...(cap === undefined ? {} : { maxMediaBytes: Number(cap) }),
    ...(values.self === undefined ? {} : { self: values.self }),
    ...(values['default-region'] === undefined ? {} : { defaultRegion: values['default-region'] }),
  };
  validatePrepareOptions(options);
  const contacts = values.contacts === undefined ? undefined : await readContacts(values.contacts, io);
  const output = values.output ?? STDOUT;

  const chatExport = await openInput(positionals[0], io);
  try {
    const { source, report } = await prepareChatImport(
      chatExport,
      contacts === undefined ? options : { ...options, contacts },
    );
    await writePayload(source, report, output, io);
    if (values.report !== undefined) {
      const json = { output: output === STDOUT ? 'stdout' : resolve(io.cwd, output), ...report };
      await writeFile(resolve(io.cwd, values.report), `${JSON.stringify(json, null, 2)}\n`);
    }
    await write(io.stderr, renderBuildSummary(report, output === STDOUT ? 'stdout' : output));
  } finally {
    await chatExport.close();
  }
}
