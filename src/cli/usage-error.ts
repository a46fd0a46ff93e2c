/**
 * Usage errors (exit status 2) and the mapping of every error to one printed line.
 *
 * @module
 */

import { WaImportError } from '../errors.js';

/**
 * A usage error: wrong arguments. Exit status 2.
 *
 * @example
 * ```ts
 * throw usageError('missing <input>: give a path or - for stdin');
 * ```
 */
export function usageError(message: string, hint?: string): WaImportError {
  return new WaImportError('E_USAGE', message, hint === undefined ? {} : { hint });
}

/**
 * The exit status of an error: 2 for usage, 1 for everything else.
 *
 * @example
 * ```ts
 * exitStatusOf(usageError('bad')); // 2
 * ```
 */
export function exitStatusOf(error: unknown): number {
  return error instanceof WaImportError && (error.code === 'E_USAGE' || error.code === 'E_INVALID_OPTION')
    ? 2
    : 1;
}

/**
 * One line (plus a hint line) for stderr: `error[CODE]: message`. Never a stack trace; an
 * unexpected error is reported as `E_INTERNAL` with its message only.
 *
 * @example
 * ```ts
 * formatError(new WaImportError('E_NOT_AN_EXPORT', 'no WhatsApp headers found'));
 * // 'error[E_NOT_AN_EXPORT]: no WhatsApp headers found\n'
 * ```
 */
export function formatError(error: unknown): string {
  if (error instanceof WaImportError) {
    const where = error.line !== undefined ? ` (line ${error.line})` : '';
    const hint = error.hint !== undefined ? `  hint: ${error.hint}\n` : '';
    return `error[${error.code}]: ${error.message}${where}\n${hint}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `error[E_INTERNAL]: ${message}\n  hint: this is a bug in wa-import; please report it with the command you ran\n`;
}
