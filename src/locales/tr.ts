import type { LocaleTable } from './types.js';

/**
 * Turkish. The iOS tag puts the label after the file with no colon (`<file eklendi>`); `ÖÖ/ÖS`
 * (before the time) come from CLDR.
 */
export const tr: LocaleTable = {
  language: 'tr',
  name: 'Turkish',
  attachedTagAfter: ['eklendi'],
  fileAttached: ['dosya ekli'],
  mediaOmitted: ['Medya atlanmış'],
  mediaOmittedTyped: {
    image: ['görüntü dahil edilmedi'],
    video: ['video dahil edilmedi'],
    audio: ['ses dahil edilmedi'],
    sticker: ['Çıkartma dahil edilmedi'],
    gif: ['GIF dahil edilmedi'],
    contact: ['Kişi kartı dahil edilmedi'],
    document: ['belge dahil edilmedi'],
  },
  deleted: [
    'Bu mesaj silindi', // unverified
  ],
  deletedOwn: [
    'Bu mesajı sildiniz', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Mesajlar ve aramalar uçtan uca şifrelidir…' }, // unverified
    { kind: 'security-code', phrase: '{name} ile güvenlik kodunuz değişti…' }, // unverified
    { kind: 'group', phrase: '{name} "{subject}" grubunu oluşturdu' }, // unverified
    { kind: 'group', phrase: '{name} sizi ekledi' }, // unverified
    { kind: 'group', phrase: '{name} ayrıldı' }, // unverified
  ],
};
