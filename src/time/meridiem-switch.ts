/**
 * The meridiem word for a new hour, in the vocabulary of the word a header already prints:
 * `PM` → `AM`, `p.\u202fm.` → `a.\u202fm.`, `nachm.` → `vorm.`, `下午` → `上午`, `abends` → `nachts`.
 *
 * A *period system* maps each hour of the day to the word one locale prints for it. Systems come
 * from CLDR through `Intl` (the 12-hour AM/PM pair and the day periods of every WhatsApp locale)
 * and from the locale tables' meridiem extras (older pairs such as `vorm.`/`nachm.`). The system
 * that prints the old word at the old hour names the new word; the old word's spacing and letter
 * case are kept.
 *
 * @module
 */

import { normalizeForMatch } from '../chars.js';
import { WHATSAPP_CLDR_LOCALES } from '../locales/cldr.js';
import { meridiemKey } from '../locales/lexicon.js';
import { LOCALE_TABLES } from '../locales/registry.js';
import type { MeridiemWord } from '../locales/types.js';

/** 24 words, one per hour (`undefined` where the system has none). */
type PeriodSystem = readonly (string | undefined)[];

const HOURS = 24;
const HOUR_MS = 3_600_000;
/** A day without a daylight-saving change, formatted in UTC. */
const SAMPLE_DAY = Date.UTC(2022, 0, 10);
/** One space as exports print them. */
const SPACE = /[ \u00a0\u202f\u2009]/gu;
/** A space right after a dot: the abbreviation spacing of `a. m.` that `a.m.` leaves out. */
const DOT_SPACE = /\.[ \u00a0\u202f\u2009]/gu;

let systems: readonly PeriodSystem[] | undefined;

function cldrSystems(): PeriodSystem[] {
  const out: PeriodSystem[] = [];
  const dayPeriods: PeriodSystem[] = [];
  for (const locale of WHATSAPP_CLDR_LOCALES) {
    const twelve = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
    const periods = new Intl.DateTimeFormat(locale, { hour: 'numeric', dayPeriod: 'short', timeZone: 'UTC' });
    const wordsOf = (format: Intl.DateTimeFormat): PeriodSystem =>
      Array.from(
        { length: HOURS },
        (_, hour) =>
          format.formatToParts(new Date(SAMPLE_DAY + hour * HOUR_MS)).find((p) => p.type === 'dayPeriod')
            ?.value,
      );
    out.push(wordsOf(twelve));
    dayPeriods.push(wordsOf(periods));
  }
  return [...out, ...dayPeriods];
}

function covers(word: MeridiemWord, hour: number): boolean {
  return word.from < word.to ? hour >= word.from && hour < word.to : hour >= word.from || hour < word.to;
}

/** The locale tables' extras: half-day pairs (i-th morning word with i-th afternoon word), then day periods. */
function tableSystems(): { pairs: PeriodSystem[]; periods: PeriodSystem[] } {
  const pairs: PeriodSystem[] = [];
  const periods: PeriodSystem[] = [];
  for (const table of LOCALE_TABLES) {
    const words = table.meridiem ?? [];
    const mornings = words.filter((w) => w.from === 0 && w.to === 12);
    const afternoons = words.filter((w) => w.from === 12 && (w.to === 24 || w.to === 0));
    mornings.forEach((morning, index) => {
      const afternoon = afternoons[index];
      if (afternoon === undefined) return;
      pairs.push(Array.from({ length: HOURS }, (_, hour) => (hour < 12 ? morning.word : afternoon.word)));
    });
    const spans = words.filter((w) => !mornings.includes(w) && !afternoons.includes(w));
    if (spans.length > 0) {
      periods.push(Array.from({ length: HOURS }, (_, hour) => spans.find((w) => covers(w, hour))?.word));
    }
  }
  return { pairs, periods };
}

/** Every period system, most specific first: CLDR 12-hour pairs, table pairs, day periods. */
function allSystems(): readonly PeriodSystem[] {
  if (systems === undefined) {
    const cldr = cldrSystems();
    const half = cldr.length / 2;
    const tables = tableSystems();
    systems = [...cldr.slice(0, half), ...tables.pairs, ...cldr.slice(half), ...tables.periods];
  }
  return systems;
}

/** The new word printed the way the old one was: its space character, its letter case. */
function styleLike(word: string, old: string): string {
  const space = old.match(SPACE)?.[0];
  let styled = word;
  if (space !== undefined) styled = styled.replace(SPACE, space);
  else styled = styled.replace(DOT_SPACE, '.');
  const letters = normalizeForMatch(old);
  if (letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return styled.toLowerCase();
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return styled.toUpperCase();
  return styled;
}

/**
 * The words that may replace `oldWord` (printed at `oldHour`, 0–23) for `newHour`, best first:
 * systems printing `oldWord` exactly come before systems printing it with other spaces or case.
 * Empty when no known system prints `oldWord` at `oldHour` and has a word for `newHour`.
 *
 * @example
 * ```ts
 * meridiemCandidates('PM', 13, 11)[0]; // 'AM'
 * meridiemCandidates('nachm.', 23, 0)[0]; // 'vorm.'
 * meridiemCandidates('p.\u202fm.', 12, 11)[0]; // 'a.\u202fm.'
 * ```
 */
export function meridiemCandidates(oldWord: string, oldHour: number, newHour: number): readonly string[] {
  const exact: string[] = [];
  const loose: string[] = [];
  const key = meridiemKey(oldWord);
  for (const system of allSystems()) {
    const then = system[oldHour];
    const now = system[newHour];
    if (then === undefined || now === undefined) continue;
    if (then === oldWord) exact.push(now);
    else if (meridiemKey(then) === key) loose.push(styleLike(now, oldWord));
  }
  return [...new Set([...exact, ...loose])];
}
