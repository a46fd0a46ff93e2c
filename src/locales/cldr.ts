/**
 * What CLDR (through Node's `Intl`) knows about WhatsApp's languages: meridiem and day-period
 * words, and each language's date order. Derived at run time rather than typed in, so the
 * tables follow the ICU that ships with Node.
 *
 * @module
 */

import { CLDR_DATE_ORDERS } from './cldr-snapshot.js';
import type { MeridiemWord } from './types.js';

/** Date field orders a chat log can use. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/**
 * The languages (and regional variants that print differently) WhatsApp ships, as CLDR locale ids.
 * Used to harvest meridiem words; adding one here is enough for its AM/PM words to parse.
 */
// biome-ignore format: a word list reads best packed
export const WHATSAPP_CLDR_LOCALES: readonly string[] = [
  'af', 'ar', 'az', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'en-AU', 'en-CA', 'en-GB', 'en-IN',
  'en-ZA', 'es', 'es-419', 'es-MX', 'es-US', 'et', 'fa', 'fi', 'fil', 'fr', 'fr-CA', 'ga', 'gu', 'he', 'hi',
  'hr', 'hu', 'id', 'it', 'ja', 'kk', 'kn', 'ko', 'lo', 'lt', 'lv', 'mk', 'ml', 'mr', 'ms', 'nb', 'nl', 'pa',
  'pl', 'pt', 'pt-PT', 'ro', 'ru', 'sk', 'sl', 'sq', 'sr', 'sv', 'sw', 'ta', 'te', 'th', 'tr', 'uk', 'ur',
  'uz', 'vi', 'zh-CN', 'zh-HK', 'zh-TW',
];

const SAMPLE_DAY = Date.UTC(2022, 2, 27);
const HOUR_MS = 3_600_000;

/**
 * Meridiem and day-period words from CLDR for every locale in {@link WHATSAPP_CLDR_LOCALES},
 * each with the hours it covers.
 *
 * @example
 * ```ts
 * cldrMeridiemWords().find((w) => w.word === 'PM'); // { word: 'PM', from: 12, to: 24 } (merged spans)
 * ```
 */
export function cldrMeridiemWords(): MeridiemWord[] {
  const spans = new Map<string, number>(); // word → 24-bit hour mask
  const add = (word: string, hour: number) => spans.set(word, (spans.get(word) ?? 0) | (1 << hour));
  for (const locale of WHATSAPP_CLDR_LOCALES) {
    const twelve = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
    const periods = new Intl.DateTimeFormat(locale, { hour: 'numeric', dayPeriod: 'short', timeZone: 'UTC' });
    for (let hour = 0; hour < 24; hour++) {
      const at = new Date(SAMPLE_DAY + hour * HOUR_MS);
      for (const format of [twelve, periods]) {
        const part = format.formatToParts(at).find((p) => p.type === 'dayPeriod');
        if (part !== undefined) add(part.value, hour);
      }
    }
  }
  return [...spans].flatMap(([word, mask]) => maskToSpans(word, mask));
}

/** Turns an hour mask into `[from, to)` spans (one span wrapping midnight where the mask does). */
function maskToSpans(word: string, mask: number): MeridiemWord[] {
  const out: MeridiemWord[] = [];
  for (let hour = 0; hour < 24; hour++) {
    const on = (mask >> hour) & 1;
    const before = (mask >> ((hour + 23) % 24)) & 1;
    if (on && !before) {
      let end = hour;
      while ((mask >> (end % 24)) & 1 && end < hour + 24) end++;
      out.push({ word, from: hour, to: end % 24 === 0 ? 24 : end % 24 });
    }
  }
  if (out.length === 0 && mask !== 0) out.push({ word, from: 0, to: 24 });
  return out;
}

/**
 * Tags whose date order is kept in the snapshot (`CLDR_DATE_ORDERS`, `npm run cldr:snapshot`):
 * WhatsApp's languages and the device languages of this project's fixtures. Other tags are
 * asked of `Intl` (the first `Intl.DateTimeFormat` of a process costs ~11 ms: ICU loads).
 */
// biome-ignore format: a word list reads best packed
export const DATE_ORDER_SNAPSHOT_TAGS: readonly string[] = [
  ...WHATSAPP_CLDR_LOCALES,
  'ar-SA', 'bg-BG', 'bn-BD', 'cs-CZ', 'de-AT', 'de-CH', 'de-DE', 'el-GR', 'en-IE', 'en-NZ', 'en-US',
  'es-AR', 'es-CO', 'es-ES', 'fa-IR', 'fi-FI', 'fr-BE', 'fr-CH', 'fr-FR', 'he-IL', 'hi-IN', 'hr-HR',
  'hu-HU', 'id-ID', 'it-IT', 'ja-JP', 'ko-KR', 'ms-MY', 'nl-BE', 'nl-NL', 'pl-PL', 'pt-BR', 'ru-RU',
  'sv-SE', 'th-TH', 'tr-TR', 'uk-UA', 'vi-VN',
];

const orderCache = new Map<string, DateOrder | null>();

/**
 * The date order a language's short date format uses, from CLDR; `null` for an unknown tag.
 * Read from the snapshot for the tags it holds (a test holds it to `Intl`), else from `Intl`.
 *
 * @example
 * ```ts
 * languageDateOrder('en-US'); // 'mdy'
 * languageDateOrder('de'); // 'dmy'
 * languageDateOrder('zh-CN'); // 'ymd'
 * ```
 */
export function languageDateOrder(language: string): DateOrder | null {
  const cached = orderCache.get(language);
  if (cached !== undefined) return cached;
  let order: DateOrder | null = null;
  try {
    const [canonical] = Intl.getCanonicalLocales(language);
    if (canonical !== undefined) {
      const known: Readonly<Record<string, DateOrder | null>> = CLDR_DATE_ORDERS;
      order = Object.hasOwn(known, canonical) ? (known[canonical] ?? null) : cldrDateOrder(canonical);
    }
  } catch {
    order = null;
  }
  orderCache.set(language, order);
  return order;
}

/**
 * The date order of a canonical locale tag's short date format, asked of `Intl` (what the
 * snapshot holds for its tags); `null` when it is none of the three.
 *
 * @example
 * ```ts
 * cldrDateOrder('en-GB'); // 'dmy'
 * ```
 */
export function cldrDateOrder(canonical: string): DateOrder | null {
  const parts = new Intl.DateTimeFormat(canonical, {
    dateStyle: 'short',
    timeZone: 'UTC',
    calendar: 'gregory',
  })
    .formatToParts(new Date(SAMPLE_DAY))
    .map((p) => p.type)
    .filter((t) => t === 'year' || t === 'month' || t === 'day')
    .map((t) => t[0])
    .join('');
  return parts === 'dmy' || parts === 'mdy' || parts === 'ymd' ? parts : null;
}
