import type { LocaleTable } from './types.js';

/** Afrikaans. The reference gives the Android strings only; `vm./nm.` come from CLDR. */
export const af: LocaleTable = {
  language: 'af',
  name: 'Afrikaans',
  fileAttached: ['lêer aangeheg'],
  mediaOmitted: ['Media weggelaat'],
  system: [
    { kind: 'encryption', phrase: 'Boodskappe en oproepe…' }, // unverified: only the opening words
  ],
};
