import { describe, expect, test } from 'vitest';
import { WaImportError } from '../../src/errors.js';
import { parseContactsFile } from '../../src/participants/contacts-file.js';

function errorOf(run: () => unknown): WaImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof WaImportError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseContactsFile: CSV', () => {
  test('reads name,phone without a header', () => {
    expect(parseContactsFile('Anna Schmidt,+49 151 23456789\nBob Miller,+1 202-555-0142\n', 'c.csv')).toEqual(
      [
        { name: 'Anna Schmidt', phones: ['+49 151 23456789'] },
        { name: 'Bob Miller', phones: ['+1 202-555-0142'] },
      ],
    );
  });

  test('detects a header row and drops a BOM', () => {
    expect(parseContactsFile('\ufeffName,Phone\r\nAnna,+49 151 23456789\r\n', 'c.csv')).toEqual([
      { name: 'Anna', phones: ['+49 151 23456789'] },
    ]);
  });

  test('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text =
      '"Schmidt, Anna",+49 151 23456789\n"Thandi ""Twin"" T",+44 20 7946 0018\n"Two\nLines",+1 202-555-0142\n';
    expect(parseContactsFile(text, 'c.csv')).toEqual([
      { name: 'Schmidt, Anna', phones: ['+49 151 23456789'] },
      { name: 'Thandi "Twin" T', phones: ['+44 20 7946 0018'] },
      { name: 'Two\nLines', phones: ['+1 202-555-0142'] },
    ]);
  });

  test('tolerates ; as separator', () => {
    expect(parseContactsFile('Kontakt;Telefon\nSchmidt, Anna;0151 23456789\n', 'c.csv')).toEqual([
      { name: 'Schmidt, Anna', phones: ['0151 23456789'] },
    ]);
  });

  test('picks name and phone columns by header title and keeps several numbers', () => {
    const text =
      'Notes,Name,Mobile,Home Phone\nfriend,Anna,+49 151 23456789,+49 30 12345678\nx,Bob,+1 202-555-0142,\n';
    expect(parseContactsFile(text, 'c.csv')).toEqual([
      { name: 'Anna', phones: ['+49 151 23456789', '+49 30 12345678'] },
      { name: 'Bob', phones: ['+1 202-555-0142'] },
    ]);
  });

  test('skips blank lines and keeps line numbers right', () => {
    const error = errorOf(() =>
      parseContactsFile('name,phone\n\nAnna,+49 151 23456789\r\n\r\nBob\n', 'c.csv'),
    );
    expect(error.code).toBe('E_CONTACTS_FILE');
    expect(error.message).toBe('c.csv:5: expected "name,phone", got "Bob"');
    expect(error.line).toBe(5);
    expect(error.entry).toBe('c.csv');
  });

  test('reports an unterminated quote at the line it opens', () => {
    const error = errorOf(() =>
      parseContactsFile('Anna,+49 151 23456789\n"Bob,+1 202-555-0142\nCarl,1\n', 'c.csv'),
    );
    expect(error.message).toBe('c.csv:2: quoted field is never closed');
  });

  test('reports text after a closing quote, a missing name and a missing phone', () => {
    expect(errorOf(() => parseContactsFile('"Anna" S,+49 151 23456789\n', 'c.csv')).message).toBe(
      'c.csv:1: unexpected "S" after a closing quote',
    );
    expect(
      errorOf(() => parseContactsFile('Anna,+49 151 23456789\n,+1 202-555-0142\n', 'c.csv')).message,
    ).toBe('c.csv:2: contact has no name');
    expect(errorOf(() => parseContactsFile('Anna,\n', 'c.csv')).message).toBe(
      'c.csv:1: contact "Anna" has no phone number',
    );
  });

  test('an empty file has no contacts', () => {
    expect(parseContactsFile('', 'c.csv')).toEqual([]);
    expect(parseContactsFile('\ufeff\n\n', 'c.csv')).toEqual([]);
  });
});

describe('parseContactsFile: vCard', () => {
  test('reads 3.0 cards with FN and several TEL', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Schmidt;Anna;;;',
      'FN:Anna Schmidt',
      'TEL;TYPE=CELL:+49 151 23456789',
      'item1.TEL;TYPE=HOME:+49 30 12345678',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Bob Miller\\, Jr.',
      'TEL:+1 202-555-0142',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect(parseContactsFile(text, 'contacts.vcf')).toEqual([
      { name: 'Anna Schmidt', phones: ['+49 151 23456789', '+49 30 12345678'] },
      { name: 'Bob Miller, Jr.', phones: ['+1 202-555-0142'] },
    ]);
  });

  test('reads 4.0 tel: URIs with quoted parameters and folded lines', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Anna Sch',
      ' midt',
      'TEL;VALUE=uri;TYPE="voice,cell":tel:+44-20-7946-0018;ext=12',
      'END:VCARD',
    ].join('\n');
    expect(parseContactsFile(text, 'a.vcf')).toEqual([
      { name: 'Anna Schmidt', phones: ['+44-20-7946-0018'] },
    ]);
  });

  test('falls back to N, reads 2.1 bare types and quoted-printable names', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Miller;Bob;;Dr.;',
      'TEL;CELL;VOICE:+1 202-555-0142',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=',
      '=C3=BCller',
      'TEL;CELL:+49 151 23456789',
      'END:VCARD',
    ].join('\r\n');
    expect(parseContactsFile(text, 'old.vcf')).toEqual([
      { name: 'Dr. Bob Miller', phones: ['+1 202-555-0142'] },
      { name: 'Jürgen Müller', phones: ['+49 151 23456789'] },
    ]);
  });

  test('skips cards with no number, detects vCard by content', () => {
    const text =
      '\ufeffBEGIN:VCARD\nFN:Only Mail\nEMAIL:a@example.org\nEND:VCARD\nBEGIN:VCARD\nFN:Anna\nTEL:+49 151 23456789\nEND:VCARD\n';
    expect(parseContactsFile(text, 'export.txt')).toEqual([{ name: 'Anna', phones: ['+49 151 23456789'] }]);
  });

  test('reports structure errors with their line', () => {
    expect(errorOf(() => parseContactsFile('BEGIN:VCARD\nFN:Anna\n', 'a.vcf')).message).toBe(
      'a.vcf:1: BEGIN:VCARD is never closed by END:VCARD',
    );
    expect(errorOf(() => parseContactsFile('BEGIN:VCARD\nFN:A\nEND:VCARD\nTEL:+1\n', 'a.vcf')).message).toBe(
      'a.vcf:4: TEL outside BEGIN:VCARD … END:VCARD',
    );
    const error = errorOf(() =>
      parseContactsFile('BEGIN:VCARD\r\nFN:Anna\r\nno colon here\r\nEND:VCARD\r\n', 'a.vcf'),
    );
    expect(error.message).toBe('a.vcf:3: expected "NAME:value", got "no colon here"');
    expect(error.code).toBe('E_CONTACTS_FILE');
    expect(error.line).toBe(3);
  });
});
