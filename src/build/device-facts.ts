/**
 * The two device facts of the payload: `utc_offset_minutes` and `device_language_code`, from
 * the options, else from what the log shows, else a refusal with a hint.
 *
 * @module
 */

import { WaImportError } from '../errors.js';
import { ianaZone } from '../time/zone.js';

/**
 * Where `utc_offset_minutes` came from: given (`utc-offset`) or the zone's offset at the last
 * message (`time-zone`).
 */
export type OffsetSource = 'utc-offset' | 'time-zone';

/** Where `device_language_code` came from: given (`option`) or the log's markers (`detected`). */
export type LanguageSource = 'option' | 'detected';

/**
 * The payload's offset: `utcOffsetMinutes` if given, else `timeZone`'s offset at the last
 * message (its wall time as if UTC, in ms), resolved the way the parser resolves it.
 *
 * @example
 * ```ts
 * payloadOffset({ timeZone: 'Europe/Berlin' }, Date.UTC(2022, 6, 1, 12)); // { minutes: 120, source: 'time-zone' }
 * payloadOffset({ utcOffsetMinutes: -300 }, null); // { minutes: -300, source: 'utc-offset' }
 * ```
 */
export function payloadOffset(
  options: { readonly utcOffsetMinutes?: number | undefined; readonly timeZone?: string | undefined },
  lastWallMs: number | null,
): { readonly minutes: number; readonly source: OffsetSource } {
  if (options.utcOffsetMinutes !== undefined)
    return { minutes: options.utcOffsetMinutes, source: 'utc-offset' };
  if (options.timeZone === undefined || lastWallMs === null) {
    throw new WaImportError(
      'E_NO_UTC_OFFSET',
      'no UTC offset: no offset given, and no message to read the zone at',
      {
        hint: 'pass --utc-offset <minutes>',
      },
    );
  }
  return { minutes: ianaZone(options.timeZone).resolve(lastWallMs).offsetMinutes, source: 'time-zone' };
}

/**
 * The payload's language: `language` if given, else the language whose markers and system
 * phrases recognized the most messages; `E_NO_LANGUAGE` when there is neither.
 *
 * @example
 * ```ts
 * deviceLanguage(undefined, new Map([['de', 12], ['en', 1]])); // { code: 'de', source: 'detected' }
 * deviceLanguage('pt-BR', new Map()); // { code: 'pt-BR', source: 'option' }
 * ```
 */
export function deviceLanguage(
  language: string | undefined,
  evidence: ReadonlyMap<string, number>,
): { readonly code: string; readonly source: LanguageSource } {
  if (language !== undefined) return { code: language, source: 'option' };
  let best: string | undefined;
  let most = 0;
  for (const [candidate, count] of evidence) {
    if (count > most) [best, most] = [candidate, count];
  }
  if (best !== undefined) return { code: best, source: 'detected' };
  throw new WaImportError(
    'E_NO_LANGUAGE',
    'cannot tell the device language: none given, and no message carries a language marker (system lines, attachments, placeholders)',
    { hint: "pass --lang <code>, the exporting phone's system language (e.g. en-US, de, pt-BR)" },
  );
}
