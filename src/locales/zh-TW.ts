import type { LocaleTable } from './types.js';

/**
 * Chinese (Traditional, Taiwan), where its strings differ from zh-CN. The flexible day periods
 * `凌晨/早上/中午/下午/晚上` before the time, and the thin space joining date and time, come
 * from CLDR and the grammar.
 */
export const zhTW: LocaleTable = {
  language: 'zh-TW',
  name: 'Chinese (Traditional)',
  fileAttached: ['附件檔案'],
  mediaOmitted: ['忽略多媒體檔', '已省略多媒體檔案'],
  mediaOmittedTyped: {
    image: ['圖片已略去'],
    video: ['影片已略去'],
    audio: ['音訊已略去'],
    sticker: ['貼圖已略去'],
    gif: ['GIF 已略去'],
    contact: ['聯絡人卡片已略去'],
    document: ['文件已略去'],
  },
  deleted: [
    '此訊息已被刪除', // unverified
  ],
  deletedOwn: [
    '你已刪除此訊息', // unverified
  ],
  system: [{ kind: 'encryption', phrase: '訊息與通話已受端對端加密保護…' }],
};
