/**
 * Phone numbers as exports and contacts files print them, to E.164.
 *
 * Metadata choice: `libphonenumber-js/max`. With the default (`min`) metadata `isValid()` only
 * checks a number's length per country; `max` checks it against each country's numbering plan
 * (the same rules as Google's libphonenumber), so a mistyped `--participant` or a stale
 * 8-digit Brazilian mobile is refused before a chat is filed under a wrong customer. Its
 * extra ~65 kB do not matter to a command-line tool.
 *
 * @module
 */

import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { NBSP, NNBSP, stripMarks, THIN_SPACE } from '../chars.js';

/** Spaces exports put between digit groups. */
const SPACE_LIKE = new RegExp(`[${NBSP}${NNBSP}${THIN_SPACE}]`, 'gu');
/** Hyphens and dashes (U+2010–U+2015, minus sign U+2212), the non-breaking one included. */
const DASH_LIKE = /[\u2010-\u2015\u2212]/gu;
/** U+FF0B FULLWIDTH PLUS SIGN. */
const FULLWIDTH_PLUS = /^\uff0b/u;
/** A number as printed: optional `+`, then digits of any script and the usual separators. */
const PHONE_SHAPE = /^\+?[\p{Nd} ()\-./]+$/u;
/** Any decimal digit, of any script. */
const DIGIT = /\p{Nd}/gu;
/** Fewest and most digits a printed number has (short codes aside; E.164 allows 15 + prefix). */
const MIN_DIGITS = 5;
const MAX_DIGITS = 17;
/** International call prefix used by most countries, for numbers with no region to read them. */
const IDD_00 = /^00(?=\p{Nd})/u;

/**
 * Removes bidi marks and turns NBSP, NNBSP, thin space and the non-breaking hyphen into plain
 * separators, as libphonenumber expects them; trims.
 *
 * @example
 * ```ts
 * normalizePhoneText('\u202a+55\u00a061\u00a09000\u20110001\u202c'); // '+55 61 9000-0001'
 * ```
 */
export function normalizePhoneText(text: string): string {
  return stripMarks(text)
    .replace(SPACE_LIKE, ' ')
    .replace(DASH_LIKE, '-')
    .replace(FULLWIDTH_PLUS, '+')
    .trim();
}

/**
 * True when `text` is shaped like a phone number (after {@link normalizePhoneText}): an
 * optional `+`, digits and separators only, 5 to 17 digits. Says nothing about validity.
 *
 * @example
 * ```ts
 * looksLikePhoneNumber('\u202a+40\u00a0700\u00a0000\u00a000\u00a002\u202c'); // true
 * looksLikePhoneNumber('Anna Schmidt'); // false
 * ```
 */
export function looksLikePhoneNumber(text: string): boolean {
  const normalized = normalizePhoneText(text);
  const digits = normalized.match(DIGIT)?.length ?? 0;
  return PHONE_SHAPE.test(normalized) && digits >= MIN_DIGITS && digits <= MAX_DIGITS;
}

/**
 * Outcome of {@link parsePhone}.
 *
 * @example
 * ```ts
 * const parsed: PhoneParse = parsePhone('+1 202-555-0142');
 * if (parsed.ok) console.log(parsed.e164); // '+12025550142'
 * ```
 */
export type PhoneParse =
  | {
      readonly ok: true;
      /** E.164 (`+447700900123`). */
      readonly e164: string;
      /** libphonenumber's type (`MOBILE`, `FIXED_LINE_OR_MOBILE` …), when known. */
      readonly type: string | undefined;
    }
  | {
      readonly ok: false;
      /** `needs-region`: a national number and no region to read it; `invalid`: not a valid number. */
      readonly reason: 'invalid' | 'needs-region';
    };

/**
 * Parses a printed number: international (`+…`, or `00…` when no region is known) directly,
 * national ones with `region`. Valid only if libphonenumber's `isValid()` says so.
 *
 * @example
 * ```ts
 * parsePhone('+44 20 7946 0123'); // { ok: true, e164: '+442079460123', type: 'FIXED_LINE' }
 * parsePhone('0151 23456789', 'DE'); // { ok: true, e164: '+4915123456789', type: 'MOBILE' }
 * parsePhone('0151 23456789'); // { ok: false, reason: 'needs-region' }
 * ```
 */
export function parsePhone(text: string, region?: CountryCode): PhoneParse {
  let normalized = normalizePhoneText(text);
  if (!normalized.startsWith('+') && region === undefined) {
    if (!IDD_00.test(normalized)) return { ok: false, reason: 'needs-region' };
    normalized = `+${normalized.slice(2)}`;
  }
  const number = parsePhoneNumberFromString(
    normalized,
    region === undefined ? { extract: false } : { defaultCountry: region, extract: false },
  );
  if (number === undefined || !number.isValid()) return { ok: false, reason: 'invalid' };
  return { ok: true, e164: number.number, type: number.getType() };
}
