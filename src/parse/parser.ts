/**
 * The incremental parser: text in (`push`), messages out, no I/O.
 *
 * Three stages carry their own state across chunk boundaries:
 * 1. `push` keeps the partial last line (lines are otherwise read in place, as ranges of a chunk);
 * 2. detection buffers lines until it has seen enough headers (or characters) to lock the
 *    format, then replays them;
 * 3. the assembler holds the open message until the next header or `end()`.
 *
 * ```
 * > | 10/03/2022, 11:00 - Customer 1: Message 2 Line 1     header → opens a message
 * > | Message 2 Line 2                                     continuation → appended
 * > | 10/03/2022, 11:05 - Customer 1: next                 header → closes the previous one
 * ```
 *
 * @module
 */

import { stripMarks } from '../chars.js';
import { WaImportError } from '../errors.js';
import { daysInMonth } from '../format/calendar.js';
import { type Day, DayReader, dayOf } from '../format/day.js';
import {
  detectFormat,
  type HeaderFormat,
  type Refusal,
  type SeenHeader,
  shapeKey,
} from '../format/detect.js';
import { isViewerLine } from '../format/foreign.js';
import { compileGrammar, type HeaderGrammar } from '../format/grammar.js';
import { matchHeader, mayStartDate } from '../format/header.js';
import { interpretHour, interpretWallTime, type WallTime } from '../format/interpret.js';
import {
  compileMonthNameGrammar,
  type MonthNameGrammar,
  type MonthNameHeader,
  type MonthNameShape,
  matchMonthName,
} from '../format/month-name.js';
import {
  compileTemplate,
  emptyScannedHeader,
  type HeaderTemplate,
  matchTemplateRegex,
  SCAN_MATCHED,
  SCAN_UNDECIDED,
  scanHeaderAt,
} from '../format/template.js';
import { getLexicon, type Lexicon } from '../locales/lexicon.js';
import { maySecondWordMatch } from '../locales/second-word.js';
import type { SystemKind } from '../locales/types.js';
import { lookupWordKeyAt, NO_WORD_KEY } from '../locales/word-key.js';
import { ownCopy } from '../text/own-copy.js';
import { isoInstant, isoLocalTime } from '../time/iso.js';
import {
  type Classification,
  classifyBody,
  matchSystem,
  type SystemMatch,
  startsWithMark,
} from './classify.js';
import { emptyInfo, type InferredLanguage, MAX_SAMPLES, type ParseInfo } from './info.js';
import type { Message, MessageFlags, MessageKind } from './message.js';
import { type ParseOptions, type ResolvedOptions, resolveOptions } from './options.js';

/** Kinds of system notice iOS attributes to the contact or group (author kept, `system: true`). */
const ATTRIBUTED_NOTICE: ReadonlySet<SystemKind> = new Set<SystemKind>([
  'encryption',
  'security-code',
  'business',
  'disappearing',
  'number-change',
  'meta-ai',
  'block',
]);
/** Distinct author strings remembered (bounded memory; beyond it, lines are simply re-checked). */
const MAX_KNOWN_AUTHORS = 10_000;
const NON_CONTACT_PREFIX = /^~[\s\u00a0\u202f]*/u;
const CR = 13;
const LF = 10;
const SPACE = 0x20;
const MINUTE_MS = 60_000;
/**
 * The 16 possible flag sets, shared by every message (frozen): most messages have all four
 * false, and one shared object costs nothing per message. Indexed by {@link flagsIndex}.
 */
const FLAGS: readonly MessageFlags[] = Array.from({ length: 16 }, (_, index) =>
  Object.freeze({
    edited: (index & 1) !== 0,
    mediaOmitted: (index & 2) !== 0,
    deleted: (index & 4) !== 0,
    unrecognizedSystem: (index & 8) !== 0,
  }),
);

/**
 * A one-line placeholder body seen before (`<Media omitted>`, `‎image omitted`, `Missed voice
 * call`), with what it was found to be. A chat repeats a few of them thousands of times, and each
 * costs the slow paths of the system phrases and the classifier (folding, table look-ups, and on
 * iOS, whose placeholders open with a mark, the name-first phrases). What they are depends on the
 * body alone (for a body that does not open with its author's name), so it is looked up instead.
 */
interface KnownPlaceholder {
  readonly system: SystemMatch | null;
  readonly classified: Classification;
}

/** Kinds of one-line body that repeat word for word (no file name, no link, no options). */
const PLACEHOLDER_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'media-omitted',
  'deleted',
  'call',
  'null',
  'waiting',
]);
/** Placeholder bodies remembered per parse (a chat has a few dozen), and the longest one. */
const MAX_KNOWN_PLACEHOLDERS = 256;
const MAX_PLACEHOLDER_LENGTH = 64;

/** An author as printed, cleaned once, with the messages not yet added to `info.authors`. */
interface KnownAuthor {
  /** The author as the header prints it (an own copy). */
  readonly printed: string;
  readonly name: string;
  pending: number;
}

/** Printed authors longer than this (or empty) are not indexed by shape (see `ChatParser.#byShape`). */
const MAX_SHAPED_AUTHOR = 4096;

/**
 * The shape key of `data[start, end)`: its length and first UTF-16 unit, as one small integer
 * (at most 4096 × 65,536 + 65,535, within V8's small-integer range).
 */
function authorShape(data: string, start: number, end: number): number {
  return (end - start) * 0x10000 + data.charCodeAt(start);
}

/**
 * The message being assembled. One object per parser, reset by each header: only one message
 * is ever open, and {@link ChatParser} copies what it needs into the {@link Message} it emits.
 */
class OpenMessage {
  line = 0;
  /** The printed date, and the time of day on the 24-hour clock. */
  day: Day = dayOf(1970, 1, 1, 'gregorian');
  hour = 0;
  minute = 0;
  second = 0;
  author: string | null = null;
  /** The author's entry for counting, when the author is remembered. */
  known: KnownAuthor | null = null;
  system: SystemMatch | null = null;
  /** The body opens with the author's own name (`~ Ali: ~ Ali changed this group's icon`, iOS 2024+). */
  selfNamed = false;
  /** The body's first line (the header's rest after the author). */
  firstBody = '';
  /** The body's lookup word key when already computed (authored lines), for the classifier. */
  word: string | undefined = undefined;
  /**
   * Whether the first line may be remembered as a placeholder (authored, short, not opening with
   * the author's name, and one the slow paths look at), and what it was, if it is one already.
   */
  placeholderCandidate = false;
  placeholder: KnownPlaceholder | null = null;
  /**
   * The text the header was read from, and where the body starts and its lines end in it so far:
   * while the continuation lines follow the first line in that text, each after a lone `\n`, the
   * body is one slice of it (no per-line strings, no join, and a flat string for the serializer).
   */
  data = '';
  bodyStart = 0;
  bodyEnd = 0;
  /** Continuation lines that did not follow in place, once there is one (the slice's lines first). */
  more: string[] | null = null;
  lines = 1;
  length = 0;
  raw = '';
}

let sharedGrammar: HeaderGrammar | undefined;
let sharedMonthNames: MonthNameGrammar | undefined;
/** A month going back by more than this many months between messages is the next year (Dec → Jan). */
const YEAR_ROLLOVER_MONTHS = 6;

/** The locked month-name shape and the year it is in (old exports, see `format/month-name.ts`). */
interface MonthNameState {
  readonly grammar: MonthNameGrammar;
  readonly shape: MonthNameShape;
  /** The year of the last message when headers print none (from `assumeYear`, rolled forward). */
  year: number;
  lastMonth: number;
}

/**
 * Parses a chat log incrementally. Feed text with {@link ChatParser.push}, finish with
 * {@link ChatParser.end}; both return the messages completed so far. Never throws on text
 * (only on the hard limits `maxLineLength` / `maxMessageLength`); whatever it cannot place is
 * counted in {@link ChatParser.info}.
 *
 * @example
 * ```ts
 * const parser = new ChatParser({ utcOffsetMinutes: 60 });
 * const messages = [...parser.push('10/03/2022, 11:00 - Customer 1: Message 1\n'), ...parser.end()];
 * messages[0]?.timestamp; // '2022-03-10T10:00:00.000Z'
 * ```
 */
export class ChatParser {
  /** Counters and findings, updated as the parse goes. */
  readonly info: ParseInfo;
  readonly #options: ResolvedOptions;
  readonly #lexicon: Lexicon;
  readonly #grammar: HeaderGrammar;
  /** The last line so far when it has no terminator yet (it continues in the next chunk). */
  #partial = '';
  #lineNumber = 0;
  // detection
  #locked = false;
  #buffer: { line: number; text: string; terminator: string }[] = [];
  #bufferedChars = 0;
  #seen: SeenHeader[] = [];
  // assembly
  #format: HeaderFormat | null = null;
  #shape = '';
  /** The locked format's own header shape, tried before the full grammar (see `format/template.ts`). */
  #template: HeaderTemplate | null = null;
  /** What the template scanner read from the current line (one object, reused). */
  readonly #scanned = emptyScannedHeader();
  /** Dates of template headers, under the locked order (null until locked with a template). */
  #days: DayReader | null = null;
  /** Whether `#current` holds an open message. */
  #isOpen = false;
  readonly #current = new OpenMessage();
  #known = new Map<string, KnownAuthor>();
  /**
   * The same authors by {@link authorShape}: a header's author is found by comparing it where it
   * lies in the chunk (`startsWith` at its offset), instead of cutting it out and hashing it,
   * which a string key costs on every message.
   */
  #byShape = new Map<number, KnownAuthor[]>();
  /** One-line placeholder bodies seen, by body (own copies), and what they are. */
  readonly #placeholders = new Map<string, KnownPlaceholder>();
  /** Remembered authors with messages not yet counted in `info.authors` (see `#countAuthors`). */
  #uncounted: KnownAuthor[] = [];
  #lastOffset: number | null = null;
  /** Set only for old month-name exports: then their matcher replaces the grammar. */
  #monthNames: MonthNameState | null = null;

  constructor(options: ParseOptions = {}) {
    this.#options = resolveOptions(options);
    this.#lexicon = getLexicon();
    sharedGrammar ??= compileGrammar(this.#lexicon.meridiemSource);
    this.#grammar = sharedGrammar;
    this.info = emptyInfo(this.#options.zone.label, this.#options.utcAssumed);
  }

  /** The locked format, or null while detecting (or when the input has no headers). */
  get format(): HeaderFormat | null {
    return this.#format;
  }

  /** Feeds text; returns the messages it completes. */
  push(text: string): Message[] {
    const out: Message[] = [];
    let start = 0;
    if (this.#partial !== '') {
      // Only the line the chunk boundary cut is joined: the chunk itself stays the flat string
      // the decoder made (a joined string would be a cons, slower to read character by character).
      const newline = text.indexOf('\n');
      if (newline === -1) this.#partial += text;
      else {
        const line = this.#partial + text.slice(0, newline + 1);
        this.#partial = '';
        this.#lines(line, 0, out);
      }
      start = newline === -1 ? text.length : newline + 1;
    }
    if (start < text.length) this.#partial = text.slice(this.#lines(text, start, out));
    this.info.lines = this.#lineNumber;
    this.#countAuthors();
    if (this.#partial.length > this.#options.maxLineLength) {
      throw new WaImportError(
        'E_LINE_TOO_LONG',
        `line ${this.#lineNumber + 1} is longer than ${this.#options.maxLineLength} characters`,
        { line: this.#lineNumber + 1 },
      );
    }
    return out;
  }

  /** Reads the complete lines of `data` from `start`; returns where the unterminated rest begins. */
  #lines(data: string, from: number, out: Message[]): number {
    let start = from;
    for (let newline = data.indexOf('\n', start); newline !== -1; newline = data.indexOf('\n', start)) {
      if (newline > start && data.charCodeAt(newline - 1) === CR) {
        this.#lineAt(data, start, newline - 1, '\r\n', out);
      } else this.#lineAt(data, start, newline, '\n', out);
      start = newline + 1;
    }
    return start;
  }

  /** Ends the input; returns the remaining messages. */
  end(): Message[] {
    const out: Message[] = [];
    if (this.#partial !== '') {
      const last = this.#partial;
      this.#partial = '';
      this.#lineAt(last, 0, last.length, '', out);
      this.info.lines = this.#lineNumber;
    }
    if (!this.#locked) this.#lock(out);
    this.#flush(out);
    this.#countAuthors();
    this.info.inferredLanguage = topLanguage(this.info.languageEvidence);
    return out;
  }

  /** One line: `data[start, end)`, then its terminator. */
  #lineAt(data: string, start: number, end: number, terminator: string, out: Message[]): void {
    const number = ++this.#lineNumber;
    if (end - start > this.#options.maxLineLength) {
      throw new WaImportError(
        'E_LINE_TOO_LONG',
        `line ${number} is longer than ${this.#options.maxLineLength} characters`,
        { line: number },
      );
    }
    if (this.#locked) {
      this.#consume(number, data, start, end, terminator, out);
      return;
    }
    const text = data.slice(start, end);
    this.#buffer.push({ line: number, text, terminator });
    this.#bufferedChars += text.length + 1;
    const header = matchHeader(text, this.#grammar);
    if (header !== null) this.#seen.push({ line: number, text, header });
    if (
      this.#seen.length >= this.#options.lookaheadHeaders ||
      this.#bufferedChars >= this.#options.lookaheadChars
    ) {
      this.#lock(out);
    }
  }

  /**
   * The language the look-ahead's markers and system lines are in: the date-order prior when the
   * device language does not settle it (detection asks for it only then).
   */
  #inferredLanguage(): string | undefined {
    const evidence = new Map<string, number>();
    for (const { text, header } of this.#seen) {
      const rest = text.slice(header.restStart);
      const colon = rest.indexOf(': ');
      const body = colon === -1 ? rest : rest.slice(colon + 2);
      const found = classifyBody(body, this.#lexicon).languages;
      const system = matchSystem(colon === -1 ? rest : body, this.#lexicon, colon === -1);
      for (const language of system === null ? found : [...found, system.language]) {
        evidence.set(language, (evidence.get(language) ?? 0) + 1);
      }
    }
    const top = topLanguage(evidence)?.language;
    // A language whose regions differ in date order (English) is no date-order prior.
    return top === undefined || this.#lexicon.dateOrderByRegion.has(top) ? undefined : top;
  }

  #lock(out: Message[]): void {
    this.#locked = true;
    const detected =
      detectFormat(this.#seen, {
        dateOrder: this.#options.dateOrder,
        language: this.#options.language,
        inferLanguage: () => this.#inferredLanguage(),
      }) ?? this.#detectWithoutHeaders();
    // The example lines are the look-ahead's slices of a chunk: kept in `info`, they are copied.
    if (detected !== null && 'refused' in detected)
      this.info.refusal = { ...detected, example: ownCopy(detected.example) };
    else if (detected !== null) {
      this.#format = { ...detected, example: ownCopy(detected.example) };
      this.info.format = this.#format;
      // Month-name logs have their own matcher (`#monthNames`); `#seen` is empty for them.
      const sample = this.#seen.find((s) => s.line === detected.exampleLine);
      if (sample !== undefined) {
        this.#shape = shapeKey(sample.header);
        this.#template = compileTemplate(sample.text, sample.header, this.#lexicon);
        if (this.#template !== null) {
          this.#days = new DayReader(detected.dateOrder, this.#template.constant.dateTail);
        }
      }
    }
    const buffered = this.#buffer;
    this.#buffer = [];
    this.#seen = [];
    for (const item of buffered) {
      this.#consume(item.line, item.text, 0, item.text.length, item.terminator, out);
    }
  }

  /**
   * When the grammar found no header in the look-ahead: WhatsApp Viewer output (refused), or an
   * old export with month-name dates (locked into `#monthNames`, or refused without a year).
   */
  #detectWithoutHeaders(): HeaderFormat | Refusal | null {
    const viewer = this.#buffer.find((item) => isViewerLine(item.text));
    if (viewer !== undefined) return { refused: 'viewer', example: viewer.text, line: viewer.line };
    sharedMonthNames ??= compileMonthNameGrammar(this.#lexicon.meridiemSource);
    const grammar = sharedMonthNames;
    const found: { line: number; text: string; header: MonthNameHeader }[] = [];
    const perShape = [0, 0, 0, 0];
    for (const item of this.#buffer) {
      const header = matchMonthName(item.text, grammar, undefined, this.#options.language);
      if (header === null) continue;
      found.push({ line: item.line, text: item.text, header });
      perShape[header.shape] = (perShape[header.shape] ?? 0) + 1;
    }
    if (found.length === 0) return null;
    const shape = perShape.indexOf(Math.max(...perShape)) as MonthNameShape;
    const own = found.filter((item) => item.header.shape === shape);
    const first = own[0] as (typeof own)[number];
    const yearless = own.find((item) => item.header.year === null);
    const assumeYear = this.#options.assumeYear;
    if (yearless !== undefined && assumeYear === undefined) {
      return { refused: 'missing-year', example: yearless.text, line: yearless.line };
    }
    this.#monthNames = {
      grammar,
      shape,
      year: first.header.year ?? (assumeYear as number),
      lastMonth: first.header.month,
    };
    const meridiemWords = [
      ...new Set(own.map((item) => item.header.meridiem).filter((m): m is string => m !== null)),
    ];
    const order = first.header.monthFirst ? 'mdy' : 'dmy';
    return {
      os: 'legacy',
      terminator: 'android',
      timeFirst: first.header.timeFirst,
      seconds: first.header.second !== null,
      clock: meridiemWords.length > 0 ? '12h' : '24h',
      meridiemWords,
      meridiemBefore: false,
      dateOrder: order,
      dateOrderSource: 'evidence',
      dateOrderReason: `the month is printed as a word, ${first.header.monthFirst ? 'before' : 'after'} the day`,
      calendar: 'gregorian',
      yearSource: yearless === undefined ? 'printed' : 'assumed',
      example: first.text,
      exampleLine: first.line,
    };
  }

  /** A line after detection: `data[start, end)` opens a message, continues one, or is skipped. */
  #consume(
    number: number,
    data: string,
    start: number,
    end: number,
    terminator: string,
    out: Message[],
  ): void {
    const format = this.#format;
    let text: string | null = null;
    if (format !== null && this.#monthNames !== null) {
      text = data.slice(start, end);
      if (this.#monthNameLine(number, text, terminator, out)) return;
    } else if (format !== null) {
      // The common case: the locked format's template, scanned in place.
      const template = this.#template;
      const scanned = this.#scanned;
      const found = template === null ? SCAN_UNDECIDED : scanHeaderAt(data, start, end, template, scanned);
      if (found === SCAN_MATCHED) {
        const day = (this.#days as DayReader).read(scanned);
        const hour =
          day === null ? null : interpretHour(scanned.hour, scanned.meridiem, this.#lexicon.meridiem);
        if (day !== null && hour !== null && scanned.minute <= 59 && scanned.second <= 59) {
          this.#flush(out);
          this.#start(
            number,
            data,
            start,
            scanned.restStart,
            end,
            terminator,
            day,
            hour,
            scanned.minute,
            Math.max(scanned.second, 0),
          );
          return;
        }
        text = data.slice(start, end);
        this.#invalidDate(number, text);
      } else {
        // Off the template (marks in new places, another digit script …): its regex when the
        // scanner could not decide, else the full grammar, which must give the locked shape.
        // Only a line opening with a date can be a header of a date-first format: the others
        // (most continuation lines) are never cut out of the chunk.
        const undecided = found === SCAN_UNDECIDED && template !== null;
        const mayOpen = format.timeFirst || mayStartDate(data, start, end);
        if (undecided || mayOpen) {
          text = data.slice(start, end);
          const fast = undecided ? matchTemplateRegex(text, template) : null;
          const header = fast ?? (mayOpen ? matchHeader(text, this.#grammar) : null);
          if (header !== null && (fast !== null || shapeKey(header) === this.#shape)) {
            const wall = interpretWallTime(header, format.dateOrder, this.#lexicon.meridiem);
            if (wall !== null) {
              this.#flush(out);
              this.#startWall(number, text, header.restStart, terminator, wall);
              return;
            }
            this.#invalidDate(number, text);
          }
        }
      }
    }
    // Not a header: read in place, so a body whose lines follow each other in the chunk stays
    // one slice of it (see `#continue`).
    this.#continue(number, data, start, end, terminator, format);
  }

  /** A line, `data[start, end)`, that opens no message: the open message's next line, or a counted skip. */
  #continue(
    number: number,
    data: string,
    start: number,
    end: number,
    terminator: string,
    format: HeaderFormat | null,
  ): void {
    if (!this.#isOpen) {
      const text = data.slice(start, end);
      this.info.skippedLines++;
      if (this.info.skipped.length < MAX_SAMPLES) {
        this.info.skipped.push({
          line: number,
          text: ownCopy(text),
          reason: format === null ? 'no-export-format' : 'before-first-header',
          ...(this.#options.raw ? { raw: ownCopy(text + terminator) } : {}),
        });
      }
      return;
    }
    const open = this.#current;
    // In place: the same text, right after the last line and its lone line feed (a CRLF puts a CR
    // at `bodyEnd`; a line cut out of its text has nothing there).
    if (
      open.more === null &&
      start === open.bodyEnd + 1 &&
      data === open.data &&
      data.charCodeAt(open.bodyEnd) === LF
    ) {
      open.bodyEnd = end;
    } else {
      // The continuation lines so far stay one slice (inner line feeds and all); the rest are kept apart.
      const firstEnd = open.bodyStart + open.firstBody.length;
      open.more ??= open.lines === 1 ? [] : [open.data.slice(firstEnd + 1, open.bodyEnd)];
      open.more.push(data.slice(start, end));
    }
    open.lines++;
    open.length += end - start + 1;
    if (this.#options.raw) open.raw += data.slice(start, end) + terminator;
    if (open.length > this.#options.maxMessageLength) {
      throw new WaImportError(
        'E_MESSAGE_TOO_LARGE',
        `the message starting on line ${open.line} is longer than ${this.#options.maxMessageLength} characters`,
        { line: open.line },
      );
    }
  }

  #invalidDate(number: number, text: string): void {
    this.info.invalidDates++;
    if (this.info.invalidDateLines.length < MAX_SAMPLES)
      this.info.invalidDateLines.push({ line: number, text: ownCopy(text) });
  }

  /**
   * A line of an old month-name export: opens a message (true) or is left to the caller as a
   * continuation (false). A header without a year takes the running year, which moves on when
   * the month steps back by more than half a year (Dec → Jan).
   */
  #monthNameLine(number: number, text: string, terminator: string, out: Message[]): boolean {
    const state = this.#monthNames as MonthNameState;
    const header = matchMonthName(text, state.grammar, state.shape, this.#options.language);
    if (header === null) return false;
    const year =
      header.year ?? (header.month < state.lastMonth - YEAR_ROLLOVER_MONTHS ? state.year + 1 : state.year);
    const hour = interpretHour(header.hour, header.meridiem, this.#lexicon.meridiem);
    if (
      hour === null ||
      header.minute > 59 ||
      (header.second ?? 0) > 59 ||
      !(header.day >= 1 && header.day <= daysInMonth(year, header.month))
    ) {
      this.#invalidDate(number, text);
      return false;
    }
    state.year = year;
    state.lastMonth = header.month;
    this.#flush(out);
    this.#start(
      number,
      text,
      0,
      header.restStart,
      text.length,
      terminator,
      dayOf(year, header.month, header.day, 'gregorian'),
      hour,
      header.minute,
      header.second ?? 0,
    );
    return true;
  }

  /** Opens a message from a grammar header's wall time. */
  #startWall(number: number, text: string, restStart: number, terminator: string, wall: WallTime): void {
    const day = dayOf(wall.year, wall.month, wall.day, wall.calendar);
    this.#start(
      number,
      text,
      0,
      restStart,
      text.length,
      terminator,
      day,
      wall.hour,
      wall.minute,
      wall.second,
    );
  }

  /** Opens a message whose header is `data[lineStart, end)`, its rest starting at `restStart`. */
  #start(
    number: number,
    data: string,
    lineStart: number,
    restStart: number,
    end: number,
    terminator: string,
    day: Day,
    hour: number,
    minute: number,
    second: number,
  ): void {
    const open = this.#current;
    open.line = number;
    open.day = day;
    open.hour = hour;
    open.minute = minute;
    open.second = second;
    open.more = null;
    open.lines = 1;
    open.raw = this.#options.raw ? data.slice(lineStart, end) + terminator : '';
    this.#splitRest(open, data, restStart, end);
    // Every form of body is the end of its line (an empty one included), so it starts at
    // `end - firstBody.length` in `data`.
    open.data = data;
    open.bodyStart = end - open.firstBody.length;
    open.bodyEnd = end;
    open.length = open.firstBody.length;
    this.#isOpen = true;
  }

  /**
   * Author and body of a header's rest. The author ends at the first `": "` — names may hold
   * colons (`:abdullahSams:`), bodies may hold anything. An authorless event whose text happens
   * to contain `": "` (`created group "Team: Sales"`) is caught by the system phrases, checked
   * only for author strings not seen before so the common case costs one map lookup.
   */
  #splitRest(open: OpenMessage, data: string, restStart: number, end: number): void {
    const found = data.indexOf(': ', restStart);
    // Only a `": "` inside the line counts (the search may run on into the next lines).
    const colon = found !== -1 && found + 2 <= end ? found : -1;
    if (colon === -1) {
      const rest = data.slice(restStart, end);
      // `Amazon EG:` — an authored message with an empty body (business chats, view-once), unless
      // the whole line is a known system phrase.
      if (rest.endsWith(':')) {
        const name = rest.slice(0, -1);
        const known = this.#known.get(name);
        const system = known === undefined ? matchSystem(rest, this.#lexicon, true) : null;
        if (system === null) this.#authored(open, name, '', 0, 0, known);
        else this.#authorless(open, rest, system);
        return;
      }
      this.#authorless(open, rest, matchSystem(rest, this.#lexicon, true));
      return;
    }
    const known = this.#knownAt(data, restStart, colon);
    if (known !== undefined) {
      this.#authored(open, known.printed, data, colon + 2, end, known);
      return;
    }
    const rest = data.slice(restStart, end);
    const system = matchSystem(rest, this.#lexicon, true);
    if (system === null) this.#authored(open, data.slice(restStart, colon), data, colon + 2, end, undefined);
    else this.#authorless(open, rest, system);
  }

  /** The remembered author printed as `data[start, end)`, found in place. */
  #knownAt(data: string, start: number, end: number): KnownAuthor | undefined {
    // An empty author (`: text`) has no first unit to key by; very long ones are not indexed.
    if (end === start || end - start > MAX_SHAPED_AUTHOR) return this.#known.get(data.slice(start, end));
    const bucket = this.#byShape.get(authorShape(data, start, end));
    if (bucket === undefined) return undefined;
    // Same length and first unit: one comparison settles it (rarely two).
    for (const known of bucket) if (data.startsWith(known.printed, start)) return known;
    return undefined;
  }

  /** Remembers an author (bounded: beyond {@link MAX_KNOWN_AUTHORS}, lines are re-checked). */
  #remember(printed: string, name: string): KnownAuthor | null {
    if (this.#known.size >= MAX_KNOWN_AUTHORS) return null;
    const known: KnownAuthor = { printed: ownCopy(printed), name, pending: 0 };
    this.#known.set(known.printed, known);
    if (printed.length > 0 && printed.length <= MAX_SHAPED_AUTHOR) {
      const shape = authorShape(printed, 0, printed.length);
      const bucket = this.#byShape.get(shape);
      if (bucket === undefined) this.#byShape.set(shape, [known]);
      else bucket.push(known);
    }
    return known;
  }

  #authorless(open: OpenMessage, body: string, system: SystemMatch | null): void {
    open.author = null;
    open.known = null;
    open.firstBody = body;
    open.system = system;
    open.selfNamed = false;
    open.word = undefined;
    open.placeholderCandidate = false;
    open.placeholder = null;
  }

  /** An authored message whose body is `data[bodyStart, end)`. */
  #authored(
    open: OpenMessage,
    candidate: string,
    data: string,
    bodyStart: number,
    end: number,
    remembered: KnownAuthor | undefined,
  ): void {
    const body = data.slice(bodyStart, end);
    let known = remembered ?? null;
    if (known === null) {
      // Names outlive their message (in `info.authors` and the map): own copies, not slices that
      // would keep their chunk of the log in memory.
      const name = ownCopy(stripMarks(candidate).replace(NON_CONTACT_PREFIX, '').trim());
      known = this.#remember(candidate, name);
      open.author = name;
    } else open.author = known.name;
    open.known = known;
    // A group event iOS attributes to its actor repeats the printed name at the start of the body.
    // (The first units are compared first: most bodies differ there.)
    const selfNamed =
      body.length > candidate.length &&
      (candidate.length === 0 || body.charCodeAt(0) === candidate.charCodeAt(0)) &&
      body.startsWith(candidate) &&
      body.charCodeAt(candidate.length) === SPACE;
    const lexicon = this.#lexicon;
    let word = lookupWordKeyAt(data, lexicon.wordKeys, bodyStart, end);
    // A first word some entry opens with, then a second word none has (`You know …`): no entry
    // can match, so the body is looked at as one whose first word opens nothing.
    if (word !== NO_WORD_KEY && !maySecondWordMatch(lexicon.secondWords, word, data, bodyStart, end)) {
      word = NO_WORD_KEY;
    }
    const allowNameFirst = selfNamed || startsWithMark(body);
    // A body whose first word opens no phrase can only be a name-first one; one the phrases look
    // at may be a placeholder seen before.
    const looked = word !== NO_WORD_KEY || allowNameFirst;
    const memoable = looked && !selfNamed && body.length <= MAX_PLACEHOLDER_LENGTH;
    const placeholder = memoable ? (this.#placeholders.get(body) ?? null) : null;
    const system =
      placeholder !== null
        ? placeholder.system
        : looked
          ? matchSystem(body, this.#lexicon, allowNameFirst, word)
          : null;
    open.firstBody = body;
    open.system = system;
    open.selfNamed = selfNamed && system !== null;
    open.word = word;
    open.placeholderCandidate = memoable;
    open.placeholder = placeholder;
  }

  /** Adds the messages counted on remembered authors to `info.authors` (after each chunk). */
  #countAuthors(): void {
    const authors = this.info.authors;
    for (const known of this.#uncounted) {
      authors.set(known.name, (authors.get(known.name) ?? 0) + known.pending);
      known.pending = 0;
    }
    this.#uncounted.length = 0;
  }

  #flush(out: Message[]): void {
    if (!this.#isOpen) return;
    this.#isOpen = false;
    const open = this.#current;
    const body =
      open.more !== null
        ? `${open.firstBody}\n${open.more.join('\n')}`
        : open.lines === 1
          ? open.firstBody
          : open.data.slice(open.bodyStart, open.bodyEnd);
    const info = this.info;
    // The first line feed, if any, ends the first line (`firstBody` holds none).
    const oneLine = open.lines === 1;
    const classified =
      oneLine && open.placeholder !== null
        ? open.placeholder.classified
        : classifyBody(body, this.#lexicon, open.word, oneLine ? -1 : open.firstBody.length);
    if (
      oneLine &&
      open.placeholderCandidate &&
      open.placeholder === null &&
      PLACEHOLDER_KINDS.has(classified.kind) &&
      this.#placeholders.size < MAX_KNOWN_PLACEHOLDERS
    ) {
      this.#placeholders.set(ownCopy(body), { system: open.system, classified });
    }
    const systemMatch = open.system;
    // Authorless lines are system events; authored ones only when the phrase is a chat-level notice.
    const authorless = open.author === null;
    const system =
      authorless ||
      (systemMatch !== null &&
        (ATTRIBUTED_NOTICE.has(systemMatch.kind) || startsWithMark(open.firstBody) || open.selfNamed));
    const { day } = open;
    const wallMs = day.wallMs + ((open.hour * 60 + open.minute) * 60 + open.second) * 1000;
    const zone = this.#options.zone;
    let epochMs: number;
    let offsetMinutes: number;
    if (zone.fixedOffsetMinutes !== undefined) {
      offsetMinutes = zone.fixedOffsetMinutes;
      epochMs = wallMs - offsetMinutes * MINUTE_MS;
    } else {
      const instant = zone.resolve(wallMs);
      epochMs = instant.epochMs;
      offsetMinutes = instant.offsetMinutes;
      if (instant.resolution === 'nonexistent') info.nonexistentTimes++;
      else if (instant.resolution === 'ambiguous') info.ambiguousTimes++;
    }
    if (
      this.#lastOffset !== null &&
      offsetMinutes !== this.#lastOffset &&
      info.offsetChanges.length < MAX_SAMPLES
    ) {
      info.offsetChanges.push({ line: open.line, fromMinutes: this.#lastOffset, toMinutes: offsetMinutes });
    }
    this.#lastOffset = offsetMinutes;
    const timestamp = isoInstant(epochMs);
    const unrecognized = authorless && systemMatch === null;
    const kind = system ? 'system' : classified.kind;
    const language = systemMatch?.language ?? classified.languages[0];
    const mediaOmitted = !system && classified.mediaOmitted;
    const deleted = !system && classified.deleted;
    // Built by assignment, not conditional spreads (much cheaper per message on V8); key order
    // is the record's documented order.
    const message: Mutable<Message> = {
      line: open.line,
      timestamp,
      timestampMs: epochMs,
      localTime: isoLocalTime(day.isoDate, open.hour, open.minute, open.second),
      localTimeMs: wallMs,
      author: open.author,
      text: body,
      system,
      attachment: system ? null : classified.attachment,
      kind,
      flags: FLAGS[flagsIndex(classified.edited, mediaOmitted, deleted, unrecognized)] as MessageFlags,
      lineCount: open.lines,
    };
    if (classified.mediaType !== undefined && !system) message.mediaType = classified.mediaType;
    if (classified.pages !== undefined && !system) message.pages = classified.pages;
    if (language !== undefined) message.language = language;
    if (this.#options.raw) message.raw = open.raw;
    // counters
    info.messages++;
    info.firstTimestamp ??= timestamp;
    info.lastTimestamp = timestamp;
    if (system) {
      info.systemMessages++;
      const key = systemMatch?.kind ?? 'unrecognized';
      info.systemKinds.set(key, (info.systemKinds.get(key) ?? 0) + 1);
      if (unrecognized) info.unrecognizedSystem++;
    } else if (open.author !== null) {
      const known = open.known;
      if (known === null) info.authors.set(open.author, (info.authors.get(open.author) ?? 0) + 1);
      else if (known.pending++ === 0) this.#uncounted.push(known);
      if (message.attachment !== null || kind === 'attachment') info.attachments++;
      if (message.flags.mediaOmitted) info.mediaOmitted++;
      if (message.flags.deleted) info.deleted++;
    }
    if (message.flags.edited) info.edited++;
    if (language !== undefined)
      info.languageEvidence.set(language, (info.languageEvidence.get(language) ?? 0) + 1);
    out.push(message);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The index of a flag set in {@link FLAGS}. */
function flagsIndex(edited: boolean, mediaOmitted: boolean, deleted: boolean, unrecognized: boolean): number {
  return (edited ? 1 : 0) | (mediaOmitted ? 2 : 0) | (deleted ? 4 : 0) | (unrecognized ? 8 : 0);
}

/** The language with the most evidence (the first seen wins a tie), or null without any. */
function topLanguage(evidence: ReadonlyMap<string, number>): InferredLanguage | null {
  let language: string | null = null;
  let best = 0;
  let total = 0;
  for (const [candidate, count] of evidence) {
    total += count;
    if (count > best) [language, best] = [candidate, count];
  }
  return language === null ? null : { language, evidence: best, total };
}
