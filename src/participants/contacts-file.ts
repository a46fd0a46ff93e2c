/**
 * Reads a contacts file (`--contacts`), CSV or vCard, into {@link Contact}s.
 *
 * @module
 */

import { BOM } from '../chars.js';
import type { Contact } from './contact.js';
import { parseContactsCsv } from './contacts-csv.js';
import { parseContactsVcard } from './contacts-vcard.js';

const VCARD_EXTENSION = /\.(?:vcf|vcard)$/iu;
const VCARD_START = /^\s*BEGIN:VCARD/iu;

/**
 * Parses `text` as vCard when the file name ends in `.vcf`/`.vcard` or the text starts with
 * `BEGIN:VCARD`, else as CSV. Malformed input is `E_CONTACTS_FILE` with the line number.
 *
 * @example
 * ```ts
 * parseContactsFile('Anna Schmidt,+49 151 23456789\n', 'contacts.csv');
 * // [{ name: 'Anna Schmidt', phones: ['+49 151 23456789'] }]
 * ```
 */
export function parseContactsFile(text: string, fileName: string): readonly Contact[] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  return VCARD_EXTENSION.test(fileName) || VCARD_START.test(body)
    ? parseContactsVcard(body, fileName)
    : parseContactsCsv(body, fileName);
}
