import type { LocaleTable } from './types.js';

/** Croatian. The reference gives the Android strings only; dates end with a dot (grammar). */
export const hr: LocaleTable = {
  language: 'hr',
  name: 'Croatian',
  fileAttached: ['datoteka u privitku'],
  mediaOmitted: ['Medijski zapis izostavljen'],
  system: [
    { kind: 'encryption', phrase: 'Poruke i pozivi…' }, // unverified: only the opening words
  ],
};
