/**
 * The parser flags every command shares: `--lang`, `--utc-offset`, `--tz`, `--date-order`,
 * `--assume-year`.
 *
 * @module
 */

import type { DateOrder } from '../locales/cldr.js';
import type { ParseOptions } from '../parse/options.js';
import { usageError } from './usage-error.js';

/** Definitions for `node:util` `parseArgs`. */
export const PARSE_FLAGS = {
  lang: { type: 'string' },
  'utc-offset': { type: 'string' },
  tz: { type: 'string' },
  'date-order': { type: 'string' },
  'assume-year': { type: 'string' },
} as const;

/**
 * The arguments with a negative number after `--utc-offset` joined to it (`--utc-offset=-300`).
 * `node:util` `parseArgs` reads `-300` as an option of its own and refuses the pair ("argument
 * is ambiguous"), yet an offset west of UTC is what half the world types.
 *
 * @example
 * ```ts
 * joinNegativeOffset(['chat.txt', '--utc-offset', '-300']); // ['chat.txt', '--utc-offset=-300']
 * ```
 */
export function joinNegativeOffset(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (arg === '--utc-offset' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
    // After `--`, everything is a positional.
    if (arg === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
  }
  return out;
}

const NEGATIVE_NUMBER = /^-\d+$/u;

/** The values `parseArgs` returns for {@link PARSE_FLAGS}. */
export interface ParseFlagValues {
  readonly lang?: string | undefined;
  readonly 'utc-offset'?: string | undefined;
  readonly tz?: string | undefined;
  readonly 'date-order'?: string | undefined;
  readonly 'assume-year'?: string | undefined;
}

/**
 * Turns the shared flags into parser options; usage errors for malformed values (the parser
 * validates the rest once more).
 *
 * @example
 * ```ts
 * toParseOptions({ lang: 'de-DE', 'utc-offset': '60' }); // { language: 'de-DE', utcOffsetMinutes: 60 }
 * ```
 */
export function toParseOptions(values: ParseFlagValues): ParseOptions {
  const offset = values['utc-offset'];
  if (offset !== undefined && !/^[+-]?\d+$/u.test(offset)) {
    throw usageError(`--utc-offset takes whole minutes ahead of UTC (e.g. 60, -300), got "${offset}"`);
  }
  if (offset !== undefined && values.tz !== undefined)
    throw usageError('give --utc-offset or --tz, not both');
  const order = values['date-order'];
  if (order !== undefined && order !== 'dmy' && order !== 'mdy' && order !== 'ymd') {
    throw usageError(`--date-order takes dmy, mdy or ymd, got "${order}"`);
  }
  const year = values['assume-year'];
  if (year !== undefined && !/^\d{4}$/u.test(year)) {
    throw usageError(`--assume-year takes a 4-digit year (e.g. 2013), got "${year}"`);
  }
  return {
    ...(values.lang !== undefined ? { language: values.lang } : {}),
    ...(offset !== undefined ? { utcOffsetMinutes: Number(offset) } : {}),
    ...(values.tz !== undefined ? { timeZone: values.tz } : {}),
    ...(order !== undefined ? { dateOrder: order as DateOrder } : {}),
    ...(year !== undefined ? { assumeYear: Number(year) } : {}),
  };
}
