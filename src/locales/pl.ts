import type { LocaleTable } from './types.js';

/** Polish. Markers from the reference (§2); system phrases from knowledge of WhatsApp's translation. */
export const pl: LocaleTable = {
  language: 'pl',
  name: 'Polish',
  attachedTag: ['załączono'],
  fileAttached: ['załączony plik'],
  mediaOmitted: ['pliki pominięto'],
  mediaOmittedTyped: {
    image: ['obraz pominięty'],
    video: ['wideo pominięte'],
    audio: ['audio pominięte'],
    sticker: ['pominięto naklejkę'],
    gif: ['Plik GIF pominięty'],
    contact: ['Pominięta wizytówka kontaktu'],
    document: ['dokument pominięty'],
  },
  deleted: [
    'Ta wiadomość została usunięta', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Wiadomości i połączenia są szyfrowane end-to-end…' }, // unverified
  ],
};
