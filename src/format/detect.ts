/**
 * Format detection over a bounded look-ahead: which header shape the log uses, and which date
 * order, with the reason. Pure: takes the headers seen, returns a locked {@link HeaderFormat}.
 *
 * Date order, in this order of precedence:
 * 1. an explicit override (`dateOrder`);
 * 2. evidence that rules orders out — a field that cannot be a month or a day (`27/3/22`);
 * 3. evidence that ranks them — the true order keeps dates moving forward (a wrong order makes
 *    them jump back and forth), then the field that changes most often is the day and the
 *    year changes least. Change frequency is the weakest evidence: it assumes a chat that talks
 *    most days, and a sparse chat (a message a month) inverts it. So when the device language is
 *    given and its order moves forward at least as well as any other, the language decides before
 *    change frequency does (a sparse `5/4/24, 5/5/24, 5/9/24, 1/10/24` from a `ca` phone is dmy);
 * 4. the device language's convention, from CLDR (`languageDateOrder`);
 * 5. a default (day first; year first for `yy. m. d.` shapes), reported as `'default'`.
 *
 * @module
 */

import { type DateOrder, languageDateOrder } from '../locales/cldr.js';
import type { CalendarKind } from './calendar.js';
import type { RawHeader, Terminator } from './grammar.js';
import { interpretDate } from './interpret.js';

/** Where the date order came from. */
export type DateOrderSource = 'override' | 'evidence' | 'language' | 'default';

/**
 * The operating system a header shape belongs to. `legacy` is an old export with the month as a
 * word (`Mar 5, 8:11 PM - `, `19:23, 28 Aug 2013 - `: Android before 2014, Windows Phone, BlackBerry).
 */
export type ExportOs = 'android' | 'ios' | 'ios-legacy' | 'legacy';

/** A header seen during look-ahead. */
export interface SeenHeader {
  readonly line: number;
  readonly text: string;
  readonly header: RawHeader;
}

/** The locked format of a chat log. */
export interface HeaderFormat {
  readonly os: ExportOs;
  readonly terminator: Terminator;
  readonly timeFirst: boolean;
  readonly seconds: boolean;
  /** `12h` when any header has a meridiem word, `24h` otherwise. */
  readonly clock: '12h' | '24h';
  /** Meridiem words seen, as printed. */
  readonly meridiemWords: readonly string[];
  /** Whether the meridiem precedes the time. */
  readonly meridiemBefore: boolean;
  readonly dateOrder: DateOrder;
  readonly dateOrderSource: DateOrderSource;
  /** A sentence on why this date order. */
  readonly dateOrderReason: string;
  readonly calendar: CalendarKind;
  /**
   * Where the year comes from: `printed` in the header, or `assumed` from the `assumeYear`
   * option (month-name headers that print none; the year then rolls over at each Dec → Jan).
   */
  readonly yearSource: 'printed' | 'assumed';
  /** The first header line of this shape, as an example. */
  readonly example: string;
  readonly exampleLine: number;
}

/** Inputs to detection besides the headers. */
export interface DetectOptions {
  readonly dateOrder?: DateOrder | undefined;
  readonly language?: string | undefined;
  /**
   * A language inferred from the log's markers (weaker than `language`), asked for only when
   * the dates and `language` leave the order open (reading the markers costs a classification
   * of every look-ahead line).
   */
  readonly inferLanguage?: (() => string | undefined) | undefined;
}

/**
 * Why a log is refused rather than parsed:
 * - `copy-paste`: messages copied with "Copy" (`[10:35, 7/12/2017] Name:`), not an export;
 * - `viewer`: output of the third-party WhatsApp Viewer (`01.04.2015 - 16:00:27; Name:`);
 * - `missing-year`: an old month-name export that prints no year (`Mar 5, 8:11 PM - `) and no
 *   `assumeYear` was given.
 */
export type RefusalKind = 'copy-paste' | 'viewer' | 'missing-year';

/** What detection found when the headers do not form a readable export. */
export interface Refusal {
  readonly refused: RefusalKind;
  readonly example: string;
  readonly line: number;
}

const ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];
/** [year, month, day] positions among the printed fields, per order. */
const ORDER_FIELDS: Readonly<Record<DateOrder, readonly [0 | 1 | 2, 0 | 1 | 2, 0 | 1 | 2]>> = {
  dmy: [2, 1, 0],
  mdy: [2, 0, 1],
  ymd: [0, 1, 2],
};
const DAY_MS = 86_400_000;

/**
 * Shape key: headers of one export share it (terminator, time or date first, seconds or not).
 *
 * @example
 * ```ts
 * shapeKey(matchHeader('[3/27/22, 21:41:35] A: hi', grammar) as RawHeader); // 'ios|d|s'
 * ```
 */
export function shapeKey(header: RawHeader): string {
  return `${header.terminator}|${header.timeFirst ? 't' : 'd'}|${header.second === null ? 'm' : 's'}`;
}

/**
 * Picks the dominant header shape and the date order.
 *
 * @example
 * ```ts
 * const format = detectFormat(seenHeaders, { language: 'en-US' });
 * if (format !== null && !('refused' in format)) console.log(format.dateOrder, format.dateOrderSource);
 * ```
 */
export function detectFormat(
  seen: readonly SeenHeader[],
  options: DetectOptions,
): HeaderFormat | Refusal | null {
  if (seen.length === 0) return null;
  const byShape = new Map<string, SeenHeader[]>();
  for (const item of seen) {
    const key = shapeKey(item.header);
    const list = byShape.get(key) ?? [];
    list.push(item);
    byShape.set(key, list);
  }
  let best: SeenHeader[] = [];
  for (const list of byShape.values()) if (list.length > best.length) best = list;
  const first = best[0] as SeenHeader;
  const { header } = first;
  // "Copy messages" output: brackets, but no seconds (exports always print seconds in brackets).
  if (header.terminator === 'ios' && header.second === null) {
    return { refused: 'copy-paste', example: first.text, line: first.line };
  }
  const order = chooseDateOrder(best, options);
  const meridiemWords = [
    ...new Set(best.map((s) => s.header.meridiem).filter((m): m is string => m !== null)),
  ];
  const calendar = interpretDate(header.fields, header.dateTail, order.order)?.calendar ?? 'gregorian';
  return {
    os: header.terminator === 'android' ? 'android' : header.terminator === 'ios' ? 'ios' : 'ios-legacy',
    terminator: header.terminator,
    timeFirst: header.timeFirst,
    seconds: header.second !== null,
    clock: meridiemWords.length > 0 ? '12h' : '24h',
    meridiemWords,
    meridiemBefore: best.some((s) => s.header.meridiemBefore),
    dateOrder: order.order,
    dateOrderSource: order.source,
    dateOrderReason: order.reason,
    calendar,
    yearSource: 'printed',
    example: first.text,
    exampleLine: first.line,
  };
}

interface OrderChoice {
  readonly order: DateOrder;
  readonly source: DateOrderSource;
  readonly reason: string;
}

function chooseDateOrder(headers: readonly SeenHeader[], options: DetectOptions): OrderChoice {
  if (options.dateOrder !== undefined) {
    return { order: options.dateOrder, source: 'override', reason: `set explicitly (${options.dateOrder})` };
  }
  // 1. Rule out orders under which some header's date cannot exist.
  const invalid = new Map<DateOrder, SeenHeader | undefined>();
  for (const order of ORDERS) {
    invalid.set(
      order,
      headers.find((s) => interpretDate(s.header.fields, s.header.dateTail, order) === null),
    );
  }
  const viable = ORDERS.filter((o) => invalid.get(o) === undefined);
  if (viable.length === 1) {
    const order = viable[0] as DateOrder;
    const witness = ORDERS.filter((o) => o !== order)
      .map((o) => invalid.get(o))
      .find((s) => s !== undefined);
    return {
      order,
      source: 'evidence',
      reason: `only ${order} gives real dates (line ${witness?.line}: ${witness?.header.fields.join('/')})`,
    };
  }
  if (viable.length === 0) {
    // No order reads every header: take the one that reads most (the rest are counted as invalid later).
    const scored = ORDERS.map((o) => ({
      o,
      bad: headers.filter((s) => interpretDate(s.header.fields, s.header.dateTail, o) === null).length,
    })).sort((a, b) => a.bad - b.bad);
    const top = scored[0] as { o: DateOrder; bad: number };
    return {
      order: top.o,
      source: 'evidence',
      reason: `${top.o} reads the most headers (${top.bad} unreadable)`,
    };
  }
  // 2. Rank by backward jumps: the true order keeps the chat moving forward.
  const jumps = viable.map((o) => ({ o, back: backwardJumps(headers, o) })).sort((a, b) => a.back - b.back);
  const [lead, runnerUp] = jumps as [{ o: DateOrder; back: number }, { o: DateOrder; back: number }];
  if (runnerUp.back >= 2 && runnerUp.back >= 2 * lead.back + 1) {
    return {
      order: lead.o,
      source: 'evidence',
      reason: `dates move forward as ${lead.o} (${lead.back} backward jumps) but not as ${runnerUp.o} (${runnerUp.back})`,
    };
  }
  // 3. Change frequency: the day changes most often, the year least. A reading whose year field
  //    changes far more often than its day field is implausible (`03.08.21` read year-first would
  //    make the year change every day), which settles the common dd.mm.yy case without a language.
  const changes = fieldChanges(headers);
  const plausible = viable.filter((o) => {
    const [yi, , di] = ORDER_FIELDS[o];
    return !(changes[yi] >= 3 && changes[yi] >= 2 * changes[di] + 1);
  });
  if (plausible.length === 1 && viable.length > 1) {
    const order = plausible[0] as DateOrder;
    const [yi, , di] = ORDER_FIELDS[order];
    return {
      order,
      source: 'evidence',
      reason: `only ${order} has the day change more often than the year (day ${changes[di]}, year ${changes[yi]} changes)`,
    };
  }
  const candidates = plausible.length === 0 ? viable : plausible;
  const stated = options.language === undefined ? null : languageDateOrder(options.language);
  if (stated !== null && candidates.includes(stated)) {
    const stepsBack = (o: DateOrder) => jumps.find((j) => j.o === o)?.back ?? Number.POSITIVE_INFINITY;
    if (candidates.every((o) => stepsBack(stated) <= stepsBack(o))) {
      return {
        order: stated,
        source: 'language',
        reason: `dates are ambiguous; device language ${options.language} writes ${stated}`,
      };
    }
  }
  if (candidates.includes('dmy') && candidates.includes('mdy')) {
    const [first, second] = changes;
    if (first >= 3 && first >= 2 * second + 1) {
      return {
        order: 'dmy',
        source: 'evidence',
        reason: `the first field changes most (${first} vs ${second})`,
      };
    }
    if (second >= 3 && second >= 2 * first + 1) {
      return {
        order: 'mdy',
        source: 'evidence',
        reason: `the second field changes most (${second} vs ${first})`,
      };
    }
  }
  // 4. The device language's convention.
  // (The inferred language is asked for only here, after the device language did not settle it.)
  for (const [languageOf, how] of [
    [() => options.language, 'device language'],
    [() => options.inferLanguage?.(), 'language inferred from the log'],
  ] as const) {
    const language = languageOf();
    if (language === undefined) continue;
    const order = languageDateOrder(language);
    if (order !== null && candidates.includes(order)) {
      return { order, source: 'language', reason: `dates are ambiguous; ${how} ${language} writes ${order}` };
    }
  }
  // 5. Default.
  const sample = headers[0]?.header;
  const order: DateOrder =
    sample !== undefined && sample.separator === '. ' && sample.dateTail === '.' && candidates.includes('ymd')
      ? 'ymd'
      : candidates.includes('dmy')
        ? 'dmy'
        : (candidates[0] as DateOrder);
  return {
    order,
    source: 'default',
    reason: `dates are ambiguous (${candidates.join(', ')} all fit) and no language was given; assumed ${order}`,
  };
}

function backwardJumps(headers: readonly SeenHeader[], order: DateOrder): number {
  let previous: number | null = null;
  let back = 0;
  for (const { header } of headers) {
    const date = interpretDate(header.fields, header.dateTail, order);
    if (date === null) continue;
    const day = Date.UTC(date.year, date.month - 1, date.day);
    if (previous !== null && day < previous - DAY_MS) back++;
    previous = day;
  }
  return back;
}

/** How often each printed date field changes from one header to the next. */
function fieldChanges(headers: readonly SeenHeader[]): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  let previous: readonly [string, string, string] | null = null;
  for (const { header } of headers) {
    if (previous !== null) {
      if (header.fields[0] !== previous[0]) counts[0]++;
      if (header.fields[1] !== previous[1]) counts[1]++;
      if (header.fields[2] !== previous[2]) counts[2]++;
    }
    previous = header.fields;
  }
  return counts;
}
