/**
 * The flags that turn an export into a payload, shared by `build` and `submit`: their
 * `parseArgs` definitions, their help lines, and their mapping to {@link PrepareOptions}.
 *
 * @module
 */

import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { type MediaSelection, type PrepareOptions, validatePrepareOptions } from '../build/index.js';
import { WaImportError } from '../errors.js';
import { type Contact, parseContactsFile, parseParticipantOverride } from '../participants/index.js';
import type { CliIo } from './io.js';
import { PARSE_FLAGS, type ParseFlagValues, toParseOptions } from './parse-options.js';
import { usageError } from './usage-error.js';

/**
 * Definitions for `node:util` `parseArgs`: the parser flags plus the build step's own.
 *
 * @example
 * ```ts
 * parseArgs({ args, options: { ...BUILD_FLAGS, output: { type: 'string', short: 'o' } }, allowPositionals: true });
 * ```
 */
export const BUILD_FLAGS = {
  ...PARSE_FLAGS,
  participant: { type: 'string', multiple: true },
  contacts: { type: 'string' },
  self: { type: 'string' },
  'default-region': { type: 'string' },
  media: { type: 'string' },
  'max-media-bytes': { type: 'string' },
  strict: { type: 'boolean', default: false },
  'normalize-times': { type: 'boolean', default: false },
} as const;

/**
 * The help lines of {@link BUILD_FLAGS}, aligned like the rest of a command's help.
 *
 * @example
 * ```ts
 * const help = `Usage: wa-import build <input> [options]\n\n${BUILD_FLAGS_HELP}`;
 * ```
 */
export const BUILD_FLAGS_HELP = `  --lang <bcp47>              device language: device_language_code (else detected)
  --utc-offset <minutes>      utc_offset_minutes, minutes the device was ahead of UTC
  --tz <zone>                 device IANA zone: its offset at the last message
  --date-order <order>        force dmy, mdy or ymd
  --assume-year <yyyy>        year of the first message when dates print none (old exports)
  --participant <h>=<phone>   a participant's number (repeatable)
  --contacts <file>           contacts file (CSV name,phone or vCard .vcf)
  --self <handle>             your (the business) side of the chat
  --default-region <CC>       region for national numbers (default: the region of --lang)
  --media <which>             referenced (default), all, or none
  --max-media-bytes <n>       include media up to n bytes in all; list what was left out
  --strict                    a referenced media file missing from the export is an error
  --normalize-times           with --tz: rewrite headers across a DST change to one offset
`;

/**
 * The values `parseArgs` returns for {@link BUILD_FLAGS}.
 *
 * @example
 * ```ts
 * const values: BuildFlagValues = { tz: 'Europe/London', media: 'none', strict: false };
 * ```
 */
export interface BuildFlagValues extends ParseFlagValues {
  readonly participant?: readonly string[] | undefined;
  readonly contacts?: string | undefined;
  readonly self?: string | undefined;
  readonly 'default-region'?: string | undefined;
  readonly media?: string | undefined;
  readonly 'max-media-bytes'?: string | undefined;
  readonly strict?: boolean | undefined;
  readonly 'normalize-times'?: boolean | undefined;
}

const MEDIA_VALUES: readonly string[] = ['referenced', 'all', 'none'];

/**
 * The names of the build flags given in `values` (as typed on the command line), for telling
 * the user which ones do not apply (a built payload is sent as it is).
 *
 * @example
 * ```ts
 * givenBuildFlags({ tz: 'Europe/London', strict: false }); // ['--tz']
 * ```
 */
export function givenBuildFlags(values: BuildFlagValues): readonly string[] {
  return Object.keys(BUILD_FLAGS)
    .filter((name) => {
      const value = (values as Readonly<Record<string, unknown>>)[name];
      return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
    })
    .map((name) => `--${name}`);
}

/**
 * Turns the build flags into validated {@link PrepareOptions}, reading the contacts file if
 * one is named. Usage errors for malformed values; `validatePrepareOptions` checks the rest.
 *
 * @throws {WaImportError} `E_USAGE`, `E_INVALID_OPTION`, `E_NO_UTC_OFFSET`, `E_INPUT_NOT_FOUND` /
 *   `E_READ_FAILED` / `E_CONTACTS_FILE` for the contacts file.
 * @example
 * ```ts
 * const options = await toPrepareOptions({ tz: 'Europe/London', participant: ['Ana=+44 20 7946 0123'] }, io);
 * const { source, report } = await prepareChatImport(chatExport, options);
 * ```
 */
export async function toPrepareOptions(values: BuildFlagValues, io: CliIo): Promise<PrepareOptions> {
  const parse = toParseOptions(values);
  const media = values.media ?? 'referenced';
  if (!MEDIA_VALUES.includes(media))
    throw usageError(`--media takes referenced, all or none, got "${media}"`);
  const cap = values['max-media-bytes'];
  if (cap !== undefined && !/^\d+$/u.test(cap)) {
    throw usageError(`--max-media-bytes takes a whole number of bytes, got "${cap}"`);
  }
  const normalizeTimes = values['normalize-times'] === true;
  if (normalizeTimes && values.tz === undefined) {
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
    strict: values.strict === true,
    normalizeTimes,
    ...(cap === undefined ? {} : { maxMediaBytes: Number(cap) }),
    ...(values.self === undefined ? {} : { self: values.self }),
    ...(values['default-region'] === undefined ? {} : { defaultRegion: values['default-region'] }),
  };
  validatePrepareOptions(options);
  if (values.contacts === undefined) return options;
  return { ...options, contacts: await readContacts(values.contacts, io) };
}

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
