import type { LocaleTable } from './types.js';

/** Greek. Markers from the reference (§2); `π.μ./μ.μ.` and the day periods come from CLDR. */
export const el: LocaleTable = {
  language: 'el',
  name: 'Greek',
  attachedTag: ['επισυνάφθηκε'],
  fileAttached: ['συνημμένο αρχείο'],
  mediaOmitted: ['Εξαίρεση πολυμέσων'],
  deleted: [
    'Αυτό το μήνυμα διαγράφηκε', // unverified
  ],
  deletedOwn: [
    'Διαγράψατε αυτό το μήνυμα', // unverified
  ],
  system: [
    { kind: 'encryption', phrase: 'Τα μηνύματα και οι κλήσεις είναι κρυπτογραφημένα…' }, // unverified
  ],
};
