import type { LocaleTable } from './types.js';

/** Bulgarian. The reference gives the Android strings only; `г.` after the year is the grammar's. */
export const bg: LocaleTable = {
  language: 'bg',
  name: 'Bulgarian',
  yearSuffixes: ['г.'],
  fileAttached: ['прикачен файл'],
  mediaOmitted: ['Без файл'],
  deleted: [
    'Това съобщение е изтрито', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Съобщенията и обажданията…' }, // unverified: only the opening words
  ],
  meridiem: [
    // Older CLDR; Node's ICU prints am/pm for `bg`.
    { word: 'пр.об.', from: 0, to: 12 }, // unverified
    { word: 'сл.об.', from: 12, to: 24 }, // unverified
  ],
};
