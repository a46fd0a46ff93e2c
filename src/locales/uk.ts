import type { LocaleTable } from './types.js';

/** Ukrainian. Markers from the reference (§2); system phrases from knowledge of WhatsApp's translation. */
export const uk: LocaleTable = {
  language: 'uk',
  name: 'Ukrainian',
  attachedTag: ['додано'],
  fileAttached: ['файл додано'],
  mediaOmitted: ['Медіа пропущено'],
  mediaOmittedTyped: {
    image: ['зображення відсутнє'],
    video: ['відео відсутнє'],
    audio: ['аудіо відсутнє'],
    sticker: ['Наклейку не додано'],
    gif: ['GIF-анімацію пропущено'],
    contact: ['Картка контакту відсутня'],
    document: ['документ пропущено'],
  },
  deleted: [
    'Це повідомлення видалено', // unverified
  ],
  deletedOwn: [
    'Ви видалили це повідомлення', // unverified
  ],
  pages: [
    '{n} сторінки',
    '{n} сторінок', // unverified
    '{n} сторінка', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Повідомлення та дзвінки захищені наскрізним шифруванням…' }, // unverified
    { kind: 'security-code', phrase: 'Ваш код безпеки з {name} змінився…' }, // unverified
  ],
};
