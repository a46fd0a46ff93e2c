/**
 * Contacts from CSV: one contact per record, `name,phone` (more phone columns allowed).
 *
 * - Separator `,`, or `;` when the first record has at least as many unquoted `;` as `,`
 *   (spreadsheet exports in comma-decimal locales).
 * - Quoted fields (RFC 4180): separators and line breaks inside quotes, `""` for a quote.
 * - A header row is recognised when its phone columns hold no digits; its titles then pick the
 *   name column and the phone columns (`Name`, `Phone 1 - Value`, `Telefon` …).
 * - A leading BOM is dropped; blank lines are skipped.
 *
 * ```
 * > | "Schmidt, Anna",+49 151 23456789
 *     ^^^^^^^^^^^^^^^ quoted: the comma is part of the name
 * ```
 *
 * @module
 */

import { BOM } from '../chars.js';
import type { Contact } from './contact.js';
import { contactsFileError } from './contacts-error.js';

const QUOTE = '"';
const CR = '\r';
const LF = '\n';

/** A record and the line it starts on. */
interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

const NAME_TITLE = /name|kontakt|contact|nom|nome|nombre|имя/iu;
const PHONE_TITLE = /phone|tel|mobil|cell|handy|number|nummer|numéro|número|celular|телефон/iu;
const DIGIT = /\p{Nd}/u;

/** Counts separators outside quotes on the first line, to choose `,` or `;`. */
function detectSeparator(text: string): string {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of text) {
    if (char === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (char === LF || char === CR)) {
      if (commas + semicolons > 0) break;
    } else if (!inQuotes && char === ',') commas += 1;
    else if (!inQuotes && char === ';') semicolons += 1;
  }
  return semicolons > 0 && semicolons >= commas ? ';' : ',';
}

/** Splits CSV text into records (RFC 4180 quoting), with the line each one starts on. */
function readRecords(text: string, separator: string, fileName: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  let inQuotes = false;
  let afterQuote = false;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.length > 1 || fields[0]?.trim() !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (inQuotes) {
      if (char === QUOTE && text.charAt(i + 1) === QUOTE) {
        field += QUOTE;
        i += 1;
      } else if (char === QUOTE) {
        inQuotes = false;
        afterQuote = true;
      } else {
        if (char === LF || (char === CR && text.charAt(i + 1) !== LF)) line += 1;
        field += char;
      }
      continue;
    }
    if (char === separator) {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (char === LF || char === CR) {
      if (char === CR && text.charAt(i + 1) === LF) i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (afterQuote) {
      if (char.trim() !== '') {
        throw contactsFileError(fileName, line, `unexpected ${JSON.stringify(char)} after a closing quote`);
      }
    } else if (char === QUOTE && field.trim() === '') {
      inQuotes = true;
      quoteLine = line;
      field = '';
    } else {
      field += char;
    }
  }
  if (inQuotes) throw contactsFileError(fileName, quoteLine, 'quoted field is never closed');
  endRecord();
  return records;
}

/** Column layout: where the name is and which columns hold numbers. */
interface Columns {
  readonly name: number;
  readonly phones: readonly number[] | 'rest';
}

function headerColumns(titles: readonly string[]): Columns | undefined {
  const rest = titles.slice(1);
  if (titles.length < 2 || rest.some((title) => DIGIT.test(title))) return undefined;
  if (!titles.some((title) => NAME_TITLE.test(title) || PHONE_TITLE.test(title))) return undefined;
  const nameIndex = Math.max(
    0,
    titles.findIndex((title) => NAME_TITLE.test(title)),
  );
  const phones = titles.flatMap((title, index) =>
    index !== nameIndex && PHONE_TITLE.test(title) ? [index] : [],
  );
  return {
    name: nameIndex,
    phones: phones.length > 0 ? phones : titles.map((_, i) => i).filter((i) => i !== nameIndex),
  };
}

/**
 * Parses a CSV contacts file. A record without a name or without any number is
 * `E_CONTACTS_FILE` with its line, as is broken quoting.
 *
 * @example
 * ```ts
 * parseContactsCsv('name,phone\n"Schmidt, Anna",+49 151 23456789\n', 'contacts.csv');
 * // [{ name: 'Schmidt, Anna', phones: ['+49 151 23456789'] }]
 * ```
 */
export function parseContactsCsv(text: string, fileName: string): readonly Contact[] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const records = readRecords(body, detectSeparator(body), fileName);
  const first = records[0];
  const header = first === undefined ? undefined : headerColumns(first.fields.map((f) => f.trim()));
  const columns: Columns = header ?? { name: 0, phones: 'rest' };
  const contacts: Contact[] = [];
  for (const record of header === undefined ? records : records.slice(1)) {
    const fields = record.fields.map((f) => f.trim());
    const name = fields[columns.name] ?? '';
    const phoneIndexes = columns.phones === 'rest' ? fields.map((_, i) => i).slice(1) : columns.phones;
    const phones = phoneIndexes.map((i) => fields[i] ?? '').filter((phone) => phone !== '');
    if (fields.length < 2) {
      throw contactsFileError(
        fileName,
        record.line,
        `expected "name,phone", got ${JSON.stringify(fields[0] ?? '')}`,
      );
    }
    if (name === '') throw contactsFileError(fileName, record.line, 'contact has no name');
    if (phones.length === 0)
      throw contactsFileError(fileName, record.line, `contact "${name}" has no phone number`);
    contacts.push({ name, phones });
  }
  return contacts;
}
