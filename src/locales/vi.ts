import type { LocaleTable } from './types.js';

/**
 * Vietnamese. `SA/CH` come from CLDR. Vietnamese keyboards place the tone mark on either vowel
 * (`xóa`/`xoá`, `hóa`/`hoá`), so both spellings are listed where it matters.
 */
export const vi: LocaleTable = {
  language: 'vi',
  name: 'Vietnamese',
  attachedTag: ['đính kèm'],
  fileAttached: ['tệp đính kèm'],
  mediaOmitted: ['Bỏ qua Media'],
  mediaOmittedTyped: {
    image: ['đã bỏ qua hình ảnh'],
    video: ['đã bỏ video'],
    audio: ['bỏ qua tệp âm thanh'],
    sticker: ['đã bỏ sticker'],
    gif: ['Đã bỏ qua ảnh GIF'],
    contact: ['Bỏ qua thẻ liên lạc'],
    document: ['đã bỏ qua tài liệu'],
  },
  deleted: [
    'Tin nhắn này đã bị xóa', // unverified
    'Tin nhắn này đã bị xoá', // unverified
  ],
  deletedOwn: [
    'Bạn đã xóa tin nhắn này', // unverified
    'Bạn đã xoá tin nhắn này', // unverified
  ],
  pages: ['{n} trang'],
  system: [
    { kind: 'encryption', phrase: 'Tin nhắn và cuộc gọi được mã hóa đầu cuối…' }, // unverified
    { kind: 'encryption', phrase: 'Tin nhắn và cuộc gọi được mã hoá đầu cuối…' }, // unverified
  ],
};
