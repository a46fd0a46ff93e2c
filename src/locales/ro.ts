import type { LocaleTable } from './types.js';

/**
 * Romanian. Strings use the comma-below letters (`ș`, `ț`); older phones printed the cedilla
 * forms (`ş`, `ţ`), which are listed too.
 */
export const ro: LocaleTable = {
  language: 'ro',
  name: 'Romanian',
  attachedTag: [
    'atașare',
    'ataşare', // unverified: cedilla spelling
  ],
  fileAttached: [
    'fișier atașat',
    'fişier ataşat', // unverified: cedilla spelling
  ],
  mediaOmitted: [
    'Conținut media omis',
    'Conţinut media omis', // unverified: cedilla spelling
  ],
  deleted: [
    'Acest mesaj a fost șters', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Mesajele și apelurile sunt criptate integral…' }, // unverified
  ],
};
