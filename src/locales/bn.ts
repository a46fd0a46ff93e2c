import type { LocaleTable } from './types.js';

/** Bengali. The reference gives the Android strings only. */
export const bn: LocaleTable = {
  language: 'bn',
  name: 'Bengali',
  fileAttached: ['ফাইল সংযুক্ত হয়েছে'],
  mediaOmitted: ['মিডিয়া বাদ দেওয়া হয়েছে'],
  system: [
    { kind: 'encryption', phrase: 'মেসেজ এবং কল এন্ড-টু-এন্ড এনক্রিপ্ট করা…' }, // unverified
  ],
};
