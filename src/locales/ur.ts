import type { LocaleTable } from './types.js';

/** Urdu. iOS placeholders begin with an RLM; matching strips it. */
export const ur: LocaleTable = {
  language: 'ur',
  name: 'Urdu',
  attachedTag: ['پیوستہ'],
  fileAttached: ['پیوستہ فائل'],
  mediaOmitted: ['میڈیا چھوڑ دیا گیا'],
  system: [
    { kind: 'encryption', phrase: 'پیغامات اور کالز…' }, // unverified: only the opening words
  ],
};
