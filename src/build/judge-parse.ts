/**
 * What a finished parse means for the user: the error that makes the run fail, and the
 * warnings to print. Shared by the build step and every command that parses.
 *
 * @module
 */

import { WaImportError } from '../errors.js';
import type { Refusal } from '../format/detect.js';
import type { ParseInfo } from '../parse/info.js';

/** How to get a real export, for the refusals that mean "this is not one". */
const EXPORT_HINT =
  'in WhatsApp open the chat, tap ⋮ / the contact name → More → Export chat, and use that file';

/**
 * The verdict on a parse.
 *
 * @example
 * ```ts
 * const findings: Findings = { error: null, warnings: ['date order is a guess: …'] };
 * ```
 */
export interface Findings {
  readonly error: WaImportError | null;
  readonly warnings: readonly string[];
}

/**
 * Judges a parse: no headers, a copy-paste log or WhatsApp Viewer output → `E_NOT_AN_EXPORT`;
 * month-name dates without a year and no `assumeYear` → `E_INVALID_DATE`; impossible dates →
 * `E_INVALID_DATE` (forced order) or `E_DATE_ORDER_CONFLICT` (detected order); the rest are warnings.
 *
 * @example
 * ```ts
 * const { error, warnings } = judgeParse(chat.info, 'chat.txt');
 * if (error !== null) throw error;
 * ```
 */
export function judgeParse(info: ParseInfo, name: string): Findings {
  const warnings: string[] = [];
  const refusal = info.refusal;
  if (refusal !== null) return { error: refusalError(refusal, name), warnings };
  const format = info.format;
  if (format === null) {
    return {
      error: new WaImportError(
        'E_NOT_AN_EXPORT',
        `no WhatsApp message headers found in ${name} (${info.lines} lines read)`,
        {
          hint: 'expected lines like "10/03/2022, 11:00 - Name: text" (Android) or "[10/03/2022, 11:00:00] Name: text" (iOS)',
        },
      ),
      warnings,
    };
  }
  if (info.invalidDates > 0) {
    const first = info.invalidDateLines[0];
    const forced = format.dateOrderSource === 'override';
    const other = forced ? 'check --date-order' : `rerun with --date-order set to the order the file uses`;
    return {
      error: new WaImportError(
        forced ? 'E_INVALID_DATE' : 'E_DATE_ORDER_CONFLICT',
        `${info.invalidDates} header line(s) have dates that cannot exist as ${format.dateOrder} (${format.dateOrderReason}); first: line ${first?.line} "${clip(first?.text ?? '')}"`,
        { hint: other },
      ),
      warnings,
    };
  }
  if (info.utcAssumed) warnings.push('no --utc-offset or --tz given: local times were read as UTC');
  if (format.dateOrderSource === 'default') {
    warnings.push(`date order is a guess: ${format.dateOrderReason}; pass --lang or --date-order`);
  }
  if (info.skippedLines > 0) {
    warnings.push(
      `${info.skippedLines} line(s) before the first message were skipped (a truncated export?), first: line ${info.skipped[0]?.line}`,
    );
  }
  if (info.nonexistentTimes > 0) {
    warnings.push(
      `${info.nonexistentTimes} local time(s) fell in a daylight-saving gap and were moved forward`,
    );
  }
  if (info.ambiguousTimes > 0) {
    warnings.push(
      `${info.ambiguousTimes} local time(s) fell in a daylight-saving overlap; the earlier instant was used`,
    );
  }
  return { error: null, warnings };
}

/** The error for a refused log, with a hint per kind. */
function refusalError(refusal: Refusal, name: string): WaImportError {
  const where = `line ${refusal.line} "${clip(refusal.example)}"`;
  switch (refusal.refused) {
    case 'copy-paste':
      return new WaImportError(
        'E_NOT_AN_EXPORT',
        `${name} looks like messages copied with "Copy", not an export: ${where}`,
        { hint: EXPORT_HINT },
      );
    case 'viewer':
      return new WaImportError(
        'E_NOT_AN_EXPORT',
        `${name} looks like the output of WhatsApp Viewer (a third-party tool), not a WhatsApp export: ${where}`,
        { hint: `wa-import reads WhatsApp's own export; ${EXPORT_HINT}` },
      );
    case 'missing-year':
      return new WaImportError(
        'E_INVALID_DATE',
        `${name} is an old export whose dates print no year, so no message can be dated: ${where}`,
        {
          hint: 'pass --assume-year <yyyy> with the year of the first message (later messages move to the next year at each Dec → Jan)',
        },
      );
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
