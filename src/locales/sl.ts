import type { LocaleTable } from './types.js';

/** Slovenian. `dop./pop.` come from CLDR. */
export const sl: LocaleTable = {
  language: 'sl',
  name: 'Slovenian',
  attachedTag: ['priloženo'],
  fileAttached: ['priložena datoteka'],
  mediaOmitted: ['Medij izpuščen'],
  system: [
    { kind: 'encryption', phrase: 'Sporočila in klici…' }, // unverified: only the opening words
  ],
};
