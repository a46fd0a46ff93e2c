import type { LocaleTable } from './types.js';

/**
 * Hebrew. iOS placeholders begin with an RLM in the export; matching strips it, so the table
 * does not carry it.
 */
export const he: LocaleTable = {
  language: 'he',
  name: 'Hebrew',
  attachedTag: ['מצורף'],
  fileAttached: ['קובץ מצורף'],
  mediaOmitted: ['מדיה הושמטה'],
  mediaOmittedTyped: {
    image: ['התמונה הושמטה'],
    video: ['סרטון הווידאו הושמט'],
    audio: ['קטע קול הושמט'],
    sticker: ['סטיקר הושמט'],
    gif: ['GIF הושמט'],
    contact: ['כרטיס איש קשר הושמט'],
    document: ['מסמך הושמט'],
  },
  deleted: [
    'הודעה זו נמחקה', // unverified
  ],
  deletedOwn: [
    'מחקת את ההודעה הזו', // unverified
  ],
  edited: ['ההודעה נערכה'],
  system: [
    { kind: 'encryption', phrase: 'ההודעות והשיחות מוצפנות מקצה לקצה…' }, // unverified
  ],
  meridiem: [
    // Older CLDR (and phones still on it) printed these; Node's ICU now prints AM/PM for `he`.
    { word: 'לפנה״צ', from: 0, to: 12 }, // unverified
    { word: 'אחה״צ', from: 12, to: 24 }, // unverified
  ],
};
