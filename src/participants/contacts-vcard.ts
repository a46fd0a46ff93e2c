/**
 * Contacts from vCard 2.1, 3.0 and 4.0 (`.vcf`): `FN` for the name (`N` when there is no
 * `FN`), every `TEL` for the numbers.
 *
 * ```
 * > | BEGIN:VCARD
 * > | VERSION:2.1
 * > | FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=
 * > | =C3=BCller                      ← soft line break of quoted-printable (2.1)
 * > | TEL;CELL:+49 151 23456789       ← bare type parameter (2.1)
 * > | item1.TEL;TYPE=CELL:+1 202-555-0123
 *     ^^^^^^ group prefix, ignored
 * > | TEL;VALUE=uri;TYPE="voice,cell":tel:+44-20-7946-0123   ← 4.0 URI form
 * > | END:VCARD
 * ```
 *
 * Lines starting with a space or tab continue the previous one (folding, 3.0/4.0). Cards
 * without a name or without a number are skipped: they can match no chat author. Broken
 * structure (a property outside a card, a card never closed, a line without `:`) is
 * `E_CONTACTS_FILE` with the line.
 *
 * @module
 */

import { BOM } from '../chars.js';
import type { Contact } from './contact.js';
import { contactsFileError } from './contacts-error.js';

/** A logical line after unfolding, with the physical line it starts on. */
interface ContentLine {
  readonly line: number;
  readonly text: string;
}

/** A parsed property: upper-case name, parameters, raw value. */
interface Property {
  readonly name: string;
  readonly params: readonly string[];
  readonly value: string;
}

const LINE_BREAK = /\r\n|\r|\n/u;
const QUOTED_PRINTABLE = /^(?:ENCODING=)?QUOTED-PRINTABLE$/iu;
const CHARSET = /^CHARSET=(.+)$/iu;
const HEX_PAIR = /^[0-9A-F]{2}$/iu;
const TEL_URI = /^tel:/iu;

function isQuotedPrintable(text: string): boolean {
  const head = text.slice(0, text.indexOf(':') + 1);
  return /[;:]((?:ENCODING=)?QUOTED-PRINTABLE)[;:]/iu.test(head);
}

/** Joins folded lines (leading space/tab) and quoted-printable soft breaks (trailing `=`). */
function unfold(text: string): ContentLine[] {
  const lines: ContentLine[] = [];
  const physical = text.split(LINE_BREAK);
  for (let index = 0; index < physical.length; index += 1) {
    const raw = physical[index] ?? '';
    const previous = lines.at(-1);
    if (previous !== undefined && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      lines[lines.length - 1] = { line: previous.line, text: previous.text + raw.slice(1) };
    } else if (previous !== undefined && isQuotedPrintable(previous.text) && previous.text.endsWith('=')) {
      lines[lines.length - 1] = { line: previous.line, text: previous.text.slice(0, -1) + raw };
    } else {
      lines.push({ line: index + 1, text: raw });
    }
  }
  return lines;
}

/** Splits `[group.]NAME;param;param:value`, honouring quotes in parameter values. */
function parseProperty(text: string): Property | undefined {
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '"') inQuotes = !inQuotes;
    else if (char === ':' && !inQuotes) {
      const [nameWithGroup = '', ...params] = text.slice(0, i).split(';');
      const name = nameWithGroup
        .slice(nameWithGroup.lastIndexOf('.') + 1)
        .trim()
        .toUpperCase();
      return { name, params, value: text.slice(i + 1) };
    }
  }
  return undefined;
}

/** Undoes the text escapes of 3.0/4.0 (`\,` `\;` `\\` `\n`). */
function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/gu, (_, char: string) => (char === 'n' || char === 'N' ? ' ' : char));
}

/** Decodes a quoted-printable value in its charset (UTF-8 unless told otherwise). */
function decodeQuotedPrintable(value: string, params: readonly string[]): string {
  const charset =
    params.map((param) => CHARSET.exec(param)?.[1]).find((found) => found !== undefined) ?? 'utf-8';
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i += 1) {
    const hex = value.slice(i + 1, i + 3);
    if (value.charAt(i) === '=' && HEX_PAIR.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value.charAt(i), 'utf8'));
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset.replaceAll('"', ''));
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(Uint8Array.from(bytes));
}

function textValue(property: Property): string {
  const decoded = property.params.some((param) => QUOTED_PRINTABLE.test(param))
    ? decodeQuotedPrintable(property.value, property.params)
    : property.value;
  return unescapeText(decoded).trim();
}

/** `N:Family;Given;Additional;Prefix;Suffix` → `Prefix Given Additional Family Suffix`. */
function nameFromN(property: Property): string {
  const parts = textValue({ ...property, value: property.value.replace(/\\;/gu, '\u0000') })
    .split(';')
    .map((part) => part.replaceAll('\u0000', ';').trim());
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = parts;
  return [prefix, given, additional, family, suffix].filter((part) => part !== '').join(' ');
}

function telValue(property: Property): string {
  const value = property.value.trim();
  if (!TEL_URI.test(value)) return value;
  // tel: URIs may carry parameters after the number (`;ext=12`).
  return value.replace(TEL_URI, '').split(';')[0]?.trim() ?? '';
}

/**
 * Parses a vCard file.
 *
 * @example
 * ```ts
 * parseContactsVcard('BEGIN:VCARD\nVERSION:3.0\nFN:Anna Schmidt\nTEL;TYPE=CELL:+49 151 23456789\nEND:VCARD\n', 'a.vcf');
 * // [{ name: 'Anna Schmidt', phones: ['+49 151 23456789'] }]
 * ```
 */
export function parseContactsVcard(text: string, fileName: string): readonly Contact[] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const contacts: Contact[] = [];
  let card: { line: number; fn: string; n: string; phones: string[]; depth: number } | undefined;
  for (const { line, text: content } of unfold(body)) {
    if (content.trim() === '') continue;
    const property = parseProperty(content);
    if (property === undefined) {
      throw contactsFileError(
        fileName,
        line,
        `expected "NAME:value", got ${JSON.stringify(content.slice(0, 40))}`,
      );
    }
    const value = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCARD') {
      if (card === undefined) card = { line, fn: '', n: '', phones: [], depth: 1 };
      else card.depth += 1; // a nested card (2.1 AGENT): read as part of the outer one
      continue;
    }
    if (card === undefined) {
      throw contactsFileError(fileName, line, `${property.name} outside BEGIN:VCARD … END:VCARD`);
    }
    if (property.name === 'END' && value === 'VCARD') {
      card.depth -= 1;
      if (card.depth > 0) continue;
      const name = card.fn !== '' ? card.fn : card.n;
      if (name !== '' && card.phones.length > 0) contacts.push({ name, phones: card.phones });
      card = undefined;
    } else if (card.depth === 1 && property.name === 'FN' && card.fn === '') {
      card.fn = textValue(property);
    } else if (card.depth === 1 && property.name === 'N' && card.n === '') {
      card.n = nameFromN(property);
    } else if (card.depth === 1 && property.name === 'TEL') {
      const phone = telValue(property);
      if (phone !== '') card.phones.push(phone);
    }
  }
  if (card !== undefined)
    throw contactsFileError(fileName, card.line, 'BEGIN:VCARD is never closed by END:VCARD');
  return contacts;
}
