/**
 * The incremental parser: text in (`push`), messages out, no I/O.
 *
 * Three stages carry their own state across chunk boundaries:
 * 1. the line splitter holds the partial last line;
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
import { detectFormat, type HeaderFormat, type SeenHeader, shapeKey } from '../format/detect.js';
import { compileGrammar, type HeaderGrammar, type RawHeader } from '../format/grammar.js';
import { matchHeader } from '../format/header.js';
import { interpretWallTime, type WallTime } from '../format/interpret.js';
import { compileTemplate, type HeaderTemplate, matchTemplate } from '../format/template.js';
import { firstWordKey, getLexicon, type Lexicon } from '../locales/lexicon.js';
import type { SystemKind } from '../locales/types.js';
import { type Line, LineSplitter } from '../text/lines.js';
import { isoInstant, isoLocal } from '../time/iso.js';
import { classifyBody, matchSystem, type SystemMatch, startsWithMark } from './classify.js';
import { emptyInfo, MAX_SAMPLES, type ParseInfo } from './info.js';
import type { Message } from './message.js';
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

interface OpenMessage {
  readonly line: number;
  readonly wall: WallTime;
  readonly author: string | null;
  readonly authorless: boolean;
  readonly system: SystemMatch | null;
  /** The body opens with the author's own name (`~ Ali: ~ Ali changed this group's icon`, iOS 2024+). */
  readonly selfNamed: boolean;
  readonly firstBody: string;
  /** The body's first-word key when already computed (authored lines), for the classifier. */
  readonly word: string | undefined;
  readonly more: string[];
  length: number;
  raw: string;
}

interface SplitRest {
  readonly author: string | null;
  readonly body: string;
  readonly system: SystemMatch | null;
  readonly selfNamed?: boolean;
  readonly word?: string;
}

let sharedGrammar: HeaderGrammar | undefined;

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
  readonly #splitter = new LineSplitter();
  #lineNumber = 0;
  // detection
  #locked = false;
  #buffer: { line: number; text: string; terminator: string }[] = [];
  #bufferedChars = 0;
  #seen: SeenHeader[] = [];
  #inferred = new Map<string, number>();
  // assembly
  #format: HeaderFormat | null = null;
  #shape = '';
  /** The locked format's own header shape, tried before the full grammar (see `format/template.ts`). */
  #template: HeaderTemplate | null = null;
  #open: OpenMessage | null = null;
  #known = new Map<string, string>();
  #lastOffset: number | null = null;

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
    for (const line of this.#splitter.push(text)) this.#line(line, out);
    if (this.#splitter.pendingLength > this.#options.maxLineLength) {
      throw new WaImportError(
        'E_LINE_TOO_LONG',
        `line ${this.#lineNumber + 1} is longer than ${this.#options.maxLineLength} characters`,
        { line: this.#lineNumber + 1 },
      );
    }
    return out;
  }

  /** Ends the input; returns the remaining messages. */
  end(): Message[] {
    const out: Message[] = [];
    for (const line of this.#splitter.end()) this.#line(line, out);
    if (!this.#locked) this.#lock(out);
    this.#flush(out);
    return out;
  }

  #line(line: Line, out: Message[]): void {
    const number = ++this.#lineNumber;
    this.info.lines = number;
    if (line.text.length > this.#options.maxLineLength) {
      throw new WaImportError(
        'E_LINE_TOO_LONG',
        `line ${number} is longer than ${this.#options.maxLineLength} characters`,
        {
          line: number,
        },
      );
    }
    if (this.#locked) {
      this.#consume(number, line.text, line.terminator, out);
      return;
    }
    this.#buffer.push({ line: number, text: line.text, terminator: line.terminator });
    this.#bufferedChars += line.text.length + 1;
    const header = matchHeader(line.text, this.#grammar);
    if (header !== null) {
      this.#seen.push({ line: number, text: line.text, header });
      this.#collectEvidence(line.text.slice(header.restStart));
    }
    if (
      this.#seen.length >= this.#options.lookaheadHeaders ||
      this.#bufferedChars >= this.#options.lookaheadChars
    ) {
      this.#lock(out);
    }
  }

  /** Language evidence from the look-ahead: the date-order prior when no language is given. */
  #collectEvidence(rest: string): void {
    const colon = rest.indexOf(': ');
    const body = colon === -1 ? rest : rest.slice(colon + 2);
    const found = classifyBody(body, this.#lexicon).languages;
    const system = matchSystem(colon === -1 ? rest : body, this.#lexicon, colon === -1);
    for (const language of system === null ? found : [...found, system.language]) {
      this.#inferred.set(language, (this.#inferred.get(language) ?? 0) + 1);
    }
  }

  #lock(out: Message[]): void {
    this.#locked = true;
    const detected = detectFormat(this.#seen, {
      dateOrder: this.#options.dateOrder,
      language: this.#options.language,
      inferredLanguage: this.#inferredLanguage(),
    });
    if (detected !== null && 'refused' in detected) this.info.refusal = detected;
    else if (detected !== null) {
      this.#format = detected;
      this.info.format = detected;
      const sample = this.#seen.find((s) => s.line === detected.exampleLine);
      if (sample !== undefined) {
        this.#shape = shapeKey(sample.header);
        this.#template = compileTemplate(sample.text, sample.header, this.#lexicon.meridiemSource);
      }
    }
    const buffered = this.#buffer;
    this.#buffer = [];
    this.#seen = [];
    for (const item of buffered) this.#consume(item.line, item.text, item.terminator, out);
  }

  #inferredLanguage(): string | undefined {
    let best: string | undefined;
    let count = 0;
    for (const [language, n] of this.#inferred) {
      if (n > count) [best, count] = [language, n];
    }
    // English is printed the same in day-first and month-first regions: no prior from it.
    return best === 'en' ? undefined : best;
  }

  #consume(number: number, text: string, terminator: string, out: Message[]): void {
    const format = this.#format;
    if (format !== null) {
      const template = this.#template;
      const header =
        (template === null ? null : matchTemplate(text, template)) ?? matchHeader(text, this.#grammar);
      if (header !== null && shapeKey(header) === this.#shape) {
        const wall = interpretWallTime(header, format.dateOrder, this.#lexicon.meridiem);
        if (wall !== null) {
          this.#flush(out);
          this.#start(number, text, terminator, header, wall);
          return;
        }
        this.info.invalidDates++;
        if (this.info.invalidDateLines.length < MAX_SAMPLES)
          this.info.invalidDateLines.push({ line: number, text });
      }
    }
    const open = this.#open;
    if (open === null) {
      this.info.skippedLines++;
      if (this.info.skipped.length < MAX_SAMPLES) {
        this.info.skipped.push({
          line: number,
          text,
          reason: format === null ? 'no-export-format' : 'before-first-header',
          ...(this.#options.raw ? { raw: text + terminator } : {}),
        });
      }
      return;
    }
    open.more.push(text);
    open.length += text.length + 1;
    if (this.#options.raw) open.raw += text + terminator;
    if (open.length > this.#options.maxMessageLength) {
      throw new WaImportError(
        'E_MESSAGE_TOO_LARGE',
        `the message starting on line ${open.line} is longer than ${this.#options.maxMessageLength} characters`,
        { line: open.line },
      );
    }
  }

  #start(number: number, text: string, terminator: string, header: RawHeader, wall: WallTime): void {
    const rest = text.slice(header.restStart);
    const split = this.#splitRest(rest);
    this.#open = {
      line: number,
      wall,
      author: split.author,
      authorless: split.author === null,
      system: split.system,
      selfNamed: split.selfNamed === true,
      firstBody: split.body,
      word: split.word,
      more: [],
      length: split.body.length,
      raw: this.#options.raw ? text + terminator : '',
    };
  }

  /**
   * Author and body of a header's rest. The author ends at the first `": "` — names may hold
   * colons (`:abdullahSams:`), bodies may hold anything. An authorless event whose text happens
   * to contain `": "` (`created group "Team: Sales"`) is caught by the system phrases, checked
   * only for author strings not seen before so the common case costs one map lookup.
   */
  #splitRest(rest: string): SplitRest {
    const colon = rest.indexOf(': ');
    if (colon === -1) {
      // `Amazon EG:` — an authored message with an empty body (business chats, view-once), unless
      // the whole line is a known system phrase.
      if (rest.endsWith(':')) {
        const name = rest.slice(0, -1);
        if (this.#known.has(name)) return this.#authored(name, '');
        const system = matchSystem(rest, this.#lexicon, true);
        return system === null ? this.#authored(name, '') : { author: null, body: rest, system };
      }
      return { author: null, body: rest, system: matchSystem(rest, this.#lexicon, true) };
    }
    const candidate = rest.slice(0, colon);
    if (!this.#known.has(candidate)) {
      const system = matchSystem(rest, this.#lexicon, true);
      if (system !== null) return { author: null, body: rest, system };
    }
    return this.#authored(candidate, rest.slice(colon + 2));
  }

  #authored(candidate: string, body: string): SplitRest {
    let author = this.#known.get(candidate);
    if (author === undefined) {
      author = stripMarks(candidate).replace(NON_CONTACT_PREFIX, '').trim();
      if (this.#known.size < MAX_KNOWN_AUTHORS) this.#known.set(candidate, author);
    }
    // A group event iOS attributes to its actor repeats the printed name at the start of the body.
    const selfNamed =
      body.length > candidate.length && body.startsWith(candidate) && body[candidate.length] === ' ';
    const word = firstWordKey(body);
    const system = matchSystem(body, this.#lexicon, selfNamed || startsWithMark(body), word);
    return { author, body, system, selfNamed: selfNamed && system !== null, word };
  }

  #flush(out: Message[]): void {
    const open = this.#open;
    if (open === null) return;
    this.#open = null;
    const body = open.more.length === 0 ? open.firstBody : `${open.firstBody}\n${open.more.join('\n')}`;
    const info = this.info;
    const classified = classifyBody(body, this.#lexicon, open.word);
    const systemMatch = open.system;
    // Authorless lines are system events; authored ones only when the phrase is a chat-level notice.
    const system =
      open.authorless ||
      (systemMatch !== null &&
        (ATTRIBUTED_NOTICE.has(systemMatch.kind) || startsWithMark(open.firstBody) || open.selfNamed));
    const { wall } = open;
    const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    const instant = this.#options.zone.resolve(wallMs);
    if (instant.resolution === 'nonexistent') info.nonexistentTimes++;
    else if (instant.resolution === 'ambiguous') info.ambiguousTimes++;
    if (
      this.#lastOffset !== null &&
      instant.offsetMinutes !== this.#lastOffset &&
      info.offsetChanges.length < MAX_SAMPLES
    ) {
      info.offsetChanges.push({
        line: open.line,
        fromMinutes: this.#lastOffset,
        toMinutes: instant.offsetMinutes,
      });
    }
    this.#lastOffset = instant.offsetMinutes;
    const timestamp = isoInstant(instant.epochMs);
    const unrecognized = open.authorless && systemMatch === null;
    const kind = system ? 'system' : classified.kind;
    const language = systemMatch?.language ?? classified.languages[0];
    // Built by assignment, not conditional spreads (much cheaper per message on V8); key order
    // is the record's documented order.
    const message: Mutable<Message> = {
      line: open.line,
      timestamp,
      localTime: isoLocal(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second),
      author: open.author,
      text: body,
      system,
      attachment: system ? null : classified.attachment,
      kind,
      flags: {
        edited: classified.edited,
        mediaOmitted: !system && classified.mediaOmitted,
        deleted: !system && classified.deleted,
        unrecognizedSystem: unrecognized,
      },
      lineCount: open.more.length + 1,
    };
    if (classified.mediaType !== undefined && !system) message.mediaType = classified.mediaType;
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
      info.authors.set(open.author, (info.authors.get(open.author) ?? 0) + 1);
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
