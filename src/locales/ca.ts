import type { LocaleTable } from './types.js';

/** Catalan. `a. m./p. m.` come from CLDR. */
export const ca: LocaleTable = {
  language: 'ca',
  name: 'Catalan',
  attachedTag: ['adjunt'],
  fileAttached: ['arxiu adjunt'],
  mediaOmitted: ['Mitjans omesos'],
  system: [
    { kind: 'encryption', phrase: 'Els missatges i les trucades…' }, // unverified: only the opening words
  ],
};
