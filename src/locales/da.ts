import type { LocaleTable } from './types.js';

/** Danish. Times print with dots (`21.41`); that is the grammar's business. */
export const da: LocaleTable = {
  language: 'da',
  name: 'Danish',
  attachedTag: ['vedhæftet'],
  fileAttached: ['fil vedhæftet'],
  mediaOmitted: ['Mediefil udeladt'],
  deleted: [
    'Denne besked blev slettet', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Beskeder og opkald er end-to-end-krypteret…' }, // unverified
  ],
};
