import type { LocaleTable } from './types.js';

/**
 * Japanese. `午前/午後` before the time come from CLDR; era years (`R4`) are the grammar's
 * business. The page count puts the number after the word (`ページ数: 2`).
 */
export const ja: LocaleTable = {
  language: 'ja',
  name: 'Japanese',
  attachedTag: ['添付ファイル'],
  fileAttached: ['添付ファイル有り'],
  mediaOmitted: ['メディアは含まれていません'],
  mediaOmittedTyped: {
    image: ['画像は含まれていません'],
    video: ['ビデオは含まれていません'],
    audio: ['音声は含まれていません'],
    sticker: ['スタンプは含まれていません'],
    gif: ['GIFは含まれていません'],
    contact: ['連絡先カードを省略'],
    document: ['ドキュメントは含まれていません'],
  },
  deleted: [
    'このメッセージは削除されました', // unverified
  ],
  pages: ['ページ数: {n}'],
  system: [
    { kind: 'encryption', phrase: 'メッセージと通話はエンドツーエンドで暗号化されています…' }, // unverified
  ],
};
