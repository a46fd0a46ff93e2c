import type { LocaleTable } from './types.js';

/** Persian. `ق.ظ./ب.ظ.` come from CLDR. */
export const fa: LocaleTable = {
  language: 'fa',
  name: 'Persian',
  attachedTag: ['پیوست'],
  fileAttached: [
    'فایل پیوست شد', // unverified: the reference marks it approximate
  ],
  // Printed with padding spaces inside the brackets, `< … >`; matching trims them.
  mediaOmitted: ['پيوست نما/آهنگ حذف شد'],
  deleted: [
    'این پیام حذف شد', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'پیام‌ها و تماس‌ها…' }, // unverified
  ],
};
