import type { LocaleTable } from './types.js';

/** Hungarian. `de./du.` before the time come from CLDR. */
export const hu: LocaleTable = {
  language: 'hu',
  name: 'Hungarian',
  attachedTag: ['csatolva'],
  fileAttached: ['fájl csatolva'],
  mediaOmitted: ['Hiányzó médiafájl'],
  deleted: [
    'Ez az üzenet törölve lett', // unverified
  ],
  deletedOwn: [
    'Törölted ezt az üzenetet', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Az üzenetek és a hívások végpontok közötti titkosítással…' }, // unverified
  ],
};
