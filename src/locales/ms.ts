import type { LocaleTable } from './types.js';

/** Malay. `PG/PTG` come from CLDR. */
export const ms: LocaleTable = {
  language: 'ms',
  name: 'Malay',
  attachedTag: ['dilampir'],
  fileAttached: ['fail dilampirkan'],
  mediaOmitted: ['Media disingkirkan'],
  deleted: [
    'Mesej ini telah dipadam', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Mesej dan panggilan disulitkan hujung ke hujung…' }, // unverified
  ],
};
