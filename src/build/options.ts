/**
 * Options of the build step, validated once before any work.
 *
 * @module
 */

import { WaImportError } from '../errors.js';
import type { DateOrder } from '../locales/cldr.js';
import type { Contact, ParticipantOverride } from '../participants/index.js';

/**
 * Which media files go into the payload:
 * - `referenced` (default): the files a message references and the export holds;
 * - `all`: those, plus files no message references (orphans);
 * - `none`: no media at all.
 */
export type MediaSelection = 'referenced' | 'all' | 'none';

/**
 * Options of {@link prepareChatImport}. One of `utcOffsetMinutes` and `timeZone` is required.
 *
 * @example
 * ```ts
 * const options: PrepareOptions = {
 *   language: 'de-DE',
 *   timeZone: 'Europe/Berlin',
 *   participants: [{ handle: 'Anna Schmidt', phone: '+49 151 23456789' }],
 *   self: 'Harbour Lane Furniture',
 *   media: 'referenced',
 *   maxMediaBytes: 500 * 1024 * 1024,
 *   normalizeTimes: true,
 * };
 * ```
 */
export interface PrepareOptions {
  /** Device language (BCP 47): `device_language_code`, and the date-order and phone-region prior. */
  readonly language?: string | undefined;
  /** `utc_offset_minutes`: minutes the device's clock was ahead of UTC. Exclusive with `timeZone`. */
  readonly utcOffsetMinutes?: number | undefined;
  /** The device's IANA zone: `utc_offset_minutes` is its offset at the last message. */
  readonly timeZone?: string | undefined;
  /** Force the date order instead of detecting it. */
  readonly dateOrder?: DateOrder | undefined;
  /** The year of the first message, for old month-name exports that print none (see `ParseOptions.assumeYear`). */
  readonly assumeYear?: number | undefined;
  /** Numbers given by the user (`--participant "<handle>=<phone>"`). */
  readonly participants?: readonly ParticipantOverride[] | undefined;
  /** Entries of a contacts file (`parseContactsFile`). */
  readonly contacts?: readonly Contact[] | undefined;
  /** The business side's handle. */
  readonly self?: string | undefined;
  /** ISO 3166 region national numbers are read in; default: the region of `language`. */
  readonly defaultRegion?: string | undefined;
  /** Which media files to include. Default `referenced`. */
  readonly media?: MediaSelection | undefined;
  /** Most media bytes (raw file sizes, summed) to include; files that do not fit are left out and listed. */
  readonly maxMediaBytes?: number | undefined;
  /** A referenced file missing from the export is an error (`E_MEDIA_MISSING`), not a warning. */
  readonly strict?: boolean | undefined;
  /**
   * Rewrite the header of each message whose UTC offset differs from the payload's so that it
   * lands at its true instant (requires `timeZone`). See `normalizedChatText`.
   */
  readonly normalizeTimes?: boolean | undefined;
  /** Cancels the work with `E_ABORTED`. */
  readonly signal?: AbortSignal | undefined;
}

const MEDIA_SELECTIONS: readonly MediaSelection[] = ['referenced', 'all', 'none'];

function invalid(message: string, hint?: string): WaImportError {
  return new WaImportError('E_INVALID_OPTION', message, hint === undefined ? {} : { hint });
}

/**
 * Checks the options that are the build step's own (the parser and the participant resolver
 * check theirs, e.g. an offset and a zone given together). Throws `E_NO_UTC_OFFSET` when neither an offset nor a zone is given — a silent
 * 0 would shift every message — and `E_INVALID_OPTION` for the rest.
 *
 * @example
 * ```ts
 * validatePrepareOptions({ timeZone: 'Europe/Berlin', normalizeTimes: true }); // ok
 * validatePrepareOptions({ language: 'de' }); // throws E_NO_UTC_OFFSET
 * ```
 */
export function validatePrepareOptions(options: PrepareOptions): void {
  if (options.utcOffsetMinutes === undefined && options.timeZone === undefined) {
    throw new WaImportError(
      'E_NO_UTC_OFFSET',
      'no UTC offset given: the inbox reads every time in the log with one offset, and guessing 0 would shift them all',
      {
        hint: "pass --tz <zone> (the exporting device's zone, e.g. Europe/Berlin) or --utc-offset <minutes> (e.g. 60 for UTC+1, -300 for UTC-5)",
      },
    );
  }
  if (options.media !== undefined && !MEDIA_SELECTIONS.includes(options.media)) {
    throw invalid(`media must be referenced, all or none, got "${String(options.media)}"`);
  }
  const cap = options.maxMediaBytes;
  if (cap !== undefined && !(Number.isSafeInteger(cap) && cap >= 0)) {
    throw invalid(`maxMediaBytes must be a whole number of bytes, 0 or more, got ${cap}`);
  }
  if (options.normalizeTimes === true && options.timeZone === undefined) {
    throw invalid(
      'normalizeTimes needs a time zone: with a fixed offset every message already has the same offset',
      'pass --tz <zone> together with --normalize-times',
    );
  }
}
