/**
 * The one error of contacts-file parsing, with file and line.
 *
 * @module
 */

import { WaImportError } from '../errors.js';

/**
 * An `E_CONTACTS_FILE` error for line `line` of `fileName`.
 *
 * @example
 * ```ts
 * throw contactsFileError('contacts.csv', 3, 'unterminated quoted field');
 * // message: 'contacts.csv:3: unterminated quoted field'
 * ```
 */
export function contactsFileError(fileName: string, line: number, detail: string): WaImportError {
  return new WaImportError('E_CONTACTS_FILE', `${fileName}:${line}: ${detail}`, {
    entry: fileName,
    line,
    hint: 'contacts files are CSV ("name,phone" per line) or vCard (.vcf)',
  });
}
