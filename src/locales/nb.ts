import type { LocaleTable } from './types.js';

/** Norwegian Bokmål. `a.m./p.m.` come from CLDR. */
export const nb: LocaleTable = {
  language: 'nb',
  name: 'Norwegian Bokmål',
  attachedTag: ['vedlagt'],
  fileAttached: ['vedlagt fil'],
  mediaOmitted: ['Uten vedlegg'],
  deleted: [
    'Denne meldingen ble slettet', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Meldinger og anrop er ende-til-ende-kryptert…' }, // unverified
  ],
};
