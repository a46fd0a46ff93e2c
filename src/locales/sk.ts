import type { LocaleTable } from './types.js';

/** Slovak. Markers from the reference (§2). */
export const sk: LocaleTable = {
  language: 'sk',
  name: 'Slovak',
  attachedTag: ['príloha'],
  fileAttached: ['súbor pripojený'],
  mediaOmitted: ['Médiá vynechané'],
  deleted: [
    'Táto správa bola odstránená', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Správy a hovory sú chránené koncovým šifrovaním…' }, // unverified
  ],
};
