import type { LocaleTable } from './types.js';

/** Swedish. Markers from the reference (§2); `fm/em` come from CLDR. */
export const sv: LocaleTable = {
  language: 'sv',
  name: 'Swedish',
  attachedTag: ['bifogat'],
  fileAttached: ['bifogad fil'],
  mediaOmitted: ['Media har utelämnats'],
  deleted: [
    'Detta meddelande raderades', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Meddelanden och samtal är totalsträckskrypterade…' }, // unverified
  ],
};
