import type { LocaleTable } from './types.js';

/** Czech. Markers, E2E notice, deleted and location from the reference (S1 fixtures). */
export const cs: LocaleTable = {
  language: 'cs',
  name: 'Czech',
  attachedTag: ['příloha'],
  fileAttached: ['soubor byl přiložen'],
  mediaOmitted: ['Média vynechány'],
  mediaOmittedTyped: {
    image: ['obrázek vynechán'],
    video: ['video vynecháno'],
    audio: ['zvukový soubor vynechán'],
    sticker: ['nálepka vynechána'],
    gif: ['GIF vynechán'],
    contact: ['Vizitka vynechána'],
    document: ['dokument vynechán'],
  },
  deleted: ['Tato zpráva byla odstraněna'],
  deletedOwn: [
    'Odstranili jste tuto zprávu', // unverified
  ],
  pages: [
    '{n} strany',
    '{n} stran', // unverified
    '{n} strana', // unverified
  ],
  location: ['Poloha:', 'poloha:'],
  system: [
    { kind: 'encryption', phrase: 'Zprávy a hovory jsou zabezpečeny koncovým šifrováním…' },
    { kind: 'security-code', phrase: 'Váš bezpečnostní kód s {name} se změnil…' }, // unverified
  ],
};
