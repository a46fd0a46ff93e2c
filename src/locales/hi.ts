import type { LocaleTable } from './types.js';

/** Hindi. Markers from the reference (S1 fixtures); `am/pm` and the day periods come from CLDR. */
export const hi: LocaleTable = {
  language: 'hi',
  name: 'Hindi',
  attachedTag: ['अटैच किया गया'],
  fileAttached: ['फाइल संलग्न', 'फाइल अटैच कर दी गई है'],
  mediaOmitted: ['मीडिया के बिना'],
  mediaOmittedTyped: {
    image: ['फ़ोटो हटाई गई'],
    video: ['वीडियो छोड़ा गया'],
    audio: ['ऑडियो हटाई गयी'],
    sticker: ['स्टिकर छोड़ा गया'],
    gif: ['GIF छोड़ा गया'],
    contact: ['कॉन्टैक्ट कार्ड छोड़ा गया'],
    document: ['डॉक्यूमेंट छोड़ा गया'],
  },
  deleted: [
    'यह मैसेज हटा दिया गया था', // unverified
  ],
  pages: ['{n} पन्ने'],
  system: [
    { kind: 'encryption', phrase: 'मैसेज और कॉल एंड-टू-एंड एन्क्रिप्टेड हैं…' }, // unverified
  ],
};
