import type { LocaleTable } from './types.js';

/**
 * Arabic. iOS writes `\u200f<المُرفق: file>` (two spaces before it after the colon) and RLMs
 * inside placeholders; matching strips the marks. `ص/م` come from CLDR. The page word comes
 * before the number (dual form `صفحتان 2`).
 */
export const ar: LocaleTable = {
  language: 'ar',
  name: 'Arabic',
  attachedTag: ['المُرفق'],
  fileAttached: ['الملف مرفق'],
  mediaOmitted: ['تم استبعاد الوسائط'],
  mediaOmittedTyped: {
    image: ['لم يتم إدراج الصورة'],
    video: ['لم يتم إدراج الفيديوهات'],
    audio: ['لم يتم إدراج المقاطع الصوتية'],
    sticker: ['تم حذف الملصقات'],
    gif: ['لم يتم إدراج صورة GIF'],
    contact: ['لم يتم إدراج بطاقة جهة اتصال'],
    document: ['لم يتم إدراج المستند'],
  },
  deleted: [
    'تم حذف هذه الرسالة', // unverified
  ],
  deletedOwn: [
    'لقد حذفت هذه الرسالة', // unverified
  ],
  pages: ['صفحتان {n}'],
  location: ['موقع:'],
  system: [
    { kind: 'encryption', phrase: 'الرسائل والمكالمات مشفرة…' }, // unverified
  ],
};
