import type { LocaleTable } from './types.js';

/**
 * Thai. Years may be Buddhist (`2565 BE`); that is the grammar's business. Thai writes no
 * spaces between words, so a system-phrase prefix has no first word to be indexed by (see the
 * report).
 */
export const th: LocaleTable = {
  language: 'th',
  name: 'Thai',
  yearSuffixes: ['BE'],
  attachedTag: ['แนบ'],
  fileAttached: ['ไฟล์ที่แนบ'],
  mediaOmitted: ['สื่อถูกลบ'],
  mediaOmittedTyped: {
    image: ['ไม่มีรูปภาพ'],
    video: ['วิดีโอถูกลบ'],
    audio: ['ไม่มีไฟล์เสียง'],
    sticker: ['ไม่มีสติกเกอร์'],
    gif: ['ละเว้น GIF'],
    contact: ['บัตรรายชื่อที่ละเว้น'],
    document: ['ละเว้นเอกสาร'],
  },
  deleted: [
    'ข้อความนี้ถูกลบแล้ว', // unverified
  ],
  pages: ['{n} หน้า'],
  system: [
    { kind: 'encryption', phrase: 'ข้อความและการโทรได้รับการเข้ารหัส…' }, // unverified
  ],
  meridiem: [
    // Older CLDR; Node's ICU prints AM/PM for `th`.
    { word: 'ก่อนเที่ยง', from: 0, to: 12 }, // unverified
    { word: 'หลังเที่ยง', from: 12, to: 24 }, // unverified
  ],
};
