/**
 * Parser options, validated once before any work.
 *
 * @module
 */

import { WaImportError } from '../errors.js';
import type { DateOrder } from '../locales/cldr.js';
import { fixedOffset, ianaZone, isValidTimeZone, type ZoneResolver } from '../time/zone.js';

/**
 * Options of every parse entry point.
 *
 * @example
 * ```ts
 * const options: ParseOptions = { language: 'de-DE', timeZone: 'Europe/Berlin' };
 * ```
 */
export interface ParseOptions {
  /** Device language (BCP 47): the date-order prior when the log is ambiguous. */
  readonly language?: string | undefined;
  /** Minutes the device's zone is ahead of UTC. Exclusive with `timeZone`. */
  readonly utcOffsetMinutes?: number | undefined;
  /** IANA zone of the device (`Europe/Berlin`): handles daylight-saving changes within the chat. */
  readonly timeZone?: string | undefined;
  /** Force the date order instead of detecting it. */
  readonly dateOrder?: DateOrder | undefined;
  /**
   * The year of the first message, for old month-name exports that print none
   * (`Mar 5, 8:11 PM - Name: text`); each later Dec → Jan step moves to the next year. Without
   * it such a log is refused (`info.refusal.refused === 'missing-year'`). Ignored when headers
   * print their year.
   */
  readonly assumeYear?: number | undefined;
  /** Headers to look at before locking the format. Default 1,000. */
  readonly lookaheadHeaders?: number | undefined;
  /** Characters to look at before locking the format. Default 1 MiB. */
  readonly lookaheadChars?: number | undefined;
  /** Attach each message's exact source text (`raw`). Default false. */
  readonly raw?: boolean | undefined;
  /** Longest line accepted, in characters. Default 16 Mi. */
  readonly maxLineLength?: number | undefined;
  /** Largest message accepted, in characters. Default 64 Mi. */
  readonly maxMessageLength?: number | undefined;
  /** Cancels a streaming parse. */
  readonly signal?: AbortSignal | undefined;
}

/** Options after validation, with defaults filled in. */
export interface ResolvedOptions {
  readonly language: string | undefined;
  readonly zone: ZoneResolver;
  /** True when neither an offset nor a zone was given (times are read as UTC). */
  readonly utcAssumed: boolean;
  readonly dateOrder: DateOrder | undefined;
  readonly assumeYear: number | undefined;
  readonly lookaheadHeaders: number;
  readonly lookaheadChars: number;
  readonly raw: boolean;
  readonly maxLineLength: number;
  readonly maxMessageLength: number;
}

/** Largest and smallest real UTC offsets, in minutes (UTC−12:00 … UTC+14:00). */
const MIN_OFFSET_MINUTES = -720;
const MAX_OFFSET_MINUTES = 840;
const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];
/** Years `assumeYear` accepts: month-name exports are from the first WhatsApp years; the bounds only catch typos. */
const MIN_ASSUMED_YEAR = 2009;
const MAX_ASSUMED_YEAR = 2100;

/**
 * Validates options; throws `E_INVALID_OPTION` naming the bad one.
 *
 * @example
 * ```ts
 * resolveOptions({ utcOffsetMinutes: 60 }).zone.label; // 'UTC+01:00'
 * resolveOptions({ timeZone: 'Nowhere/City' }); // throws E_INVALID_OPTION
 * ```
 */
export function resolveOptions(options: ParseOptions = {}): ResolvedOptions {
  const { utcOffsetMinutes: offset, timeZone, dateOrder, language, assumeYear } = options;
  if (offset !== undefined && timeZone !== undefined) {
    throw invalid('give either utcOffsetMinutes or timeZone, not both');
  }
  if (
    offset !== undefined &&
    !(Number.isInteger(offset) && offset >= MIN_OFFSET_MINUTES && offset <= MAX_OFFSET_MINUTES)
  ) {
    throw invalid(`utcOffsetMinutes must be a whole number of minutes from -720 to 840, got ${offset}`);
  }
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw invalid(
      `unknown IANA time zone, got "${timeZone}"`,
      'use a name like Europe/Berlin or America/New_York',
    );
  }
  if (dateOrder !== undefined && !DATE_ORDERS.includes(dateOrder)) {
    throw invalid(`dateOrder must be dmy, mdy or ymd, got "${dateOrder}"`);
  }
  if (
    assumeYear !== undefined &&
    !(Number.isInteger(assumeYear) && assumeYear >= MIN_ASSUMED_YEAR && assumeYear <= MAX_ASSUMED_YEAR)
  ) {
    throw invalid(
      `assumeYear must be a 4-digit year from ${MIN_ASSUMED_YEAR} to ${MAX_ASSUMED_YEAR}, got ${assumeYear}`,
    );
  }
  if (language !== undefined) {
    try {
      Intl.getCanonicalLocales(language);
    } catch {
      throw invalid(`language must be a BCP 47 tag such as en-US or de, got "${language}"`);
    }
  }
  return {
    language,
    zone: timeZone !== undefined ? ianaZone(timeZone) : fixedOffset(offset ?? 0),
    utcAssumed: offset === undefined && timeZone === undefined,
    dateOrder,
    assumeYear,
    lookaheadHeaders: positive(options.lookaheadHeaders, 'lookaheadHeaders', 1000),
    lookaheadChars: positive(options.lookaheadChars, 'lookaheadChars', 1 << 20),
    raw: options.raw ?? false,
    maxLineLength: positive(options.maxLineLength, 'maxLineLength', 16 << 20),
    maxMessageLength: positive(options.maxMessageLength, 'maxMessageLength', 64 << 20),
  };
}

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isInteger(value) && value > 0))
    throw invalid(`${name} must be a positive integer, got ${value}`);
  return value;
}

function invalid(message: string, hint?: string): WaImportError {
  return new WaImportError('E_INVALID_OPTION', message, hint === undefined ? {} : { hint });
}
