import type { LocaleTable } from './types.js';

/**
 * Chinese (Simplified, zh-CN). `上午/下午` before the time come from CLDR. Chinese writes no
 * spaces, so a system-phrase prefix has no first word to be indexed by (see the report); exact
 * phrases still match.
 */
export const zh: LocaleTable = {
  language: 'zh',
  name: 'Chinese (Simplified)',
  // `<附件：file>`; newer exports also `<已附加：file>` with a fullwidth colon.
  attachedTag: ['附件', '已附加'],
  fileAttached: ['文件附件'],
  mediaOmitted: ['省略多媒体文件', '省略影音内容'],
  mediaOmittedTyped: {
    image: ['照片已忽略'],
    video: ['视频已忽略'],
    audio: ['音频已忽略'],
    sticker: ['贴图已省略'],
    gif: ['GIF 动态图已被忽略'],
    contact: ['联系人卡片已忽略'],
    document: ['文档已省略'],
  },
  deleted: [
    '此消息已删除', // unverified
  ],
  deletedOwn: [
    '你删除了此消息', // unverified
  ],
  waiting: ['正在等待此消息'],
  system: [
    { kind: 'encryption', phrase: '消息和通话已进行端到端加密…' },
    { kind: 'encryption', phrase: '你发送给自己的消息已进行端到端加密' },
  ],
};
