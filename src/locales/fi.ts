import type { LocaleTable } from './types.js';

/** Finnish. Markers and the E2E notice from the reference; `ap./ip.` come from CLDR. */
export const fi: LocaleTable = {
  language: 'fi',
  name: 'Finnish',
  dateTimeJoiners: ['klo'],
  attachedTag: ['liite'],
  fileAttached: ['liitetiedosto'],
  mediaOmitted: ['Media jätetty pois'],
  deleted: [
    'Tämä viesti poistettiin', // unverified
  ],
  deletedOwn: [
    'Poistit tämän viestin', // unverified
  ],
  system: [{ kind: 'encryption', phrase: 'Viestit ja puhelut ovat täysin salattuja…' }],
};
