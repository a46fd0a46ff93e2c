import type { LocaleTable } from './types.js';

/**
 * Korean. `오전/오후` precede the time (`22. 3. 27. 오후 9:41`). Node's ICU prints `AM/PM` for
 * `ko` and harvests `오전/오후` only as narrower day periods, so the full spans are listed here.
 */
export const ko: LocaleTable = {
  language: 'ko',
  name: 'Korean',
  attachedTag: ['첨부됨'],
  fileAttached: ['파일 첨부됨'],
  mediaOmitted: ['미디어 파일을 생략한 대화내용'],
  mediaOmittedTyped: {
    image: ['이미지 생략됨'],
    video: ['비디오 생략됨'],
    audio: ['오디오 생략됨'],
    sticker: ['스티커 제외됨'],
    gif: ['GIF 생략됨'],
    contact: ['연락처 카드 생략됨'],
    document: ['문서 생략됨'],
  },
  deleted: [
    '삭제된 메시지입니다', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: '메시지와 통화는 종단간 암호화…' }, // unverified
  ],
  meridiem: [
    { word: '오전', from: 0, to: 12 },
    { word: '오후', from: 12, to: 24 },
  ],
};
