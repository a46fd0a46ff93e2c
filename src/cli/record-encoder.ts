/**
 * Records as UTF-8 bytes, written straight into buffers: what `parse` sends to stdout.
 *
 * Handing record strings to a stream costs more than making them: Node turns each string into
 * bytes, and V8 must first flatten it (a record is a chain of joined pieces). For a batch of
 * records that is a copy into one large string of two bytes per character (one emoji anywhere is
 * enough), then a second pass to encode it to UTF-8. Here the keys and the cached parts (author,
 * middle and ending) are bytes encoded once and copied, the line number and the times are written
 * from numbers (`timestampMs`, `localTimeMs`: the strings are the same times, see `Message`), and
 * the text is escaped and encoded in one pass into the output (`text/json-utf8.ts`), with no
 * string made.
 *
 * ```
 * {"line":7,"timestamp":"…","localTime":"…   keys copied; digits, and times from timestampMs and localTimeMs
 * ","author":"Ana","text":                     author part: cached bytes
 * "Hi 😀"                                       text: escaped and encoded in place
 * ,"system":false,…,"lineCount":1}\n          tail: cached bytes per kind, flags, line count, language
 * ```
 *
 * @module
 */

import type { Message } from '../parse/message.js';
import { MAX_JSON_BYTES_PER_UNIT, writeJsonChars, writeJsonString } from '../text/json-utf8.js';
import { IsoTimeWriter } from '../time/iso-bytes.js';
import {
  type AuthorPart,
  authorPartOf,
  endingOf,
  flagBits,
  middleOf,
  type RecordFormat,
  recordWriter,
} from './records.js';

/**
 * Bytes allocated at a time for output (a record larger than this gets a buffer of its own size):
 * about a batch of records. Buffers of 1 MiB measured 3% slower over a long chat (fresh memory
 * from the system for each, where smaller ones reuse what the last ones freed).
 */
const BLOCK_BYTES = 256 * 1024;
/**
 * Released buffers kept for reuse (see {@link RecordEncoder.release}): a writer has a few in
 * flight (stdout calls back once the parse waits for its next read), so a few spares mean no
 * fresh memory after the first ones (4% of `parse` of a 1M-message chat to NDJSON, measured; and
 * no 330 MB of short-lived buffers for the collector).
 */
const MAX_SPARE_BLOCKS = 4;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_UTF8_BYTES_PER_UNIT = 3;
/** Room for the keys, the line number (24 characters at most), two quotes and the JSON array's separator. */
const HEAD_ROOM = 96;
const LINE_FEED = 0x0a;
const COMMA = 0x2c;
/** Tails are cached for line counts below this (longer messages are rare) … */
const MAX_CACHED_LINE_COUNT = 64;
/** … and for at most this many middles at once (kinds × flags × media types: a chat has a few dozen). */
const MAX_CACHED_MIDDLES = 1024;
/** Line numbers up to this are written digit by digit (any other number as `JSON.stringify` writes it). */
const MAX_DIGITS_LINE = 2 ** 31 - 1;

const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const KEY_LINE = ascii('{"line":');
const TIMESTAMP_KEY = ',"timestamp":"';
const LOCAL_TIME_KEY = '","localTime":"';
const KEY_TIMESTAMP = ascii(TIMESTAMP_KEY);
const KEY_LOCAL_TIME = ascii(LOCAL_TIME_KEY);

/**
 * Turns messages into output records as UTF-8 bytes: NDJSON, a JSON array, or CSV, byte for byte
 * what {@link recordWriter} writes for each format, encoded as UTF-8 (a property test holds it to
 * that). Records are appended with {@link RecordEncoder.add}; {@link RecordEncoder.take} hands
 * over the bytes made so far, as views of buffers the encoder never writes again until every view
 * of a buffer is handed back with {@link RecordEncoder.release} (so they may be passed to a stream
 * as they are, and released in its write callback, once the stream is done with them).
 *
 * @example
 * ```ts
 * const encoder = new RecordEncoder('ndjson');
 * for (const message of batch) encoder.add(message);
 * for (const bytes of encoder.take()) stdout.write(bytes, () => encoder.release(bytes));
 * encoder.end();
 * for (const bytes of encoder.take()) stdout.write(bytes); // what closes the format, if anything
 * ```
 */
export class RecordEncoder {
  readonly #format: RecordFormat;
  /** String records for CSV, and each format's opening and closing text. */
  readonly #strings: ReturnType<typeof recordWriter>;
  #block: Buffer = Buffer.allocUnsafe(0);
  /**
   * Views handed out and not released, by buffer (reusable buffers only), and whether the encoder
   * has moved on from it; a buffer with neither is a spare.
   */
  readonly #out = new Map<ArrayBufferLike, { views: number; done: boolean; block: Buffer }>();
  readonly #spares: Buffer[] = [];
  /** Where the next byte goes in `#block`, and where the bytes not yet taken start. */
  #at = 0;
  #from = 0;
  /** Filled views of earlier blocks, not yet taken. */
  #ready: Uint8Array[] = [];
  #first = true;
  /** The times, each after its key (key and date: one cached copy per day). */
  readonly #timestamps = new IsoTimeWriter('instant', TIMESTAMP_KEY);
  readonly #localTimes = new IsoTimeWriter('local', LOCAL_TIME_KEY);
  /**
   * The bytes of record tails (middle and ending) for messages without attachment, by middle
   * (kind, media type, `system`, flags), language and line count (see `#sharedTail`).
   */
  readonly #tails = new Map<string, Map<string | undefined, (Uint8Array | undefined)[]>>();
  /**
   * The last tails looked up, checked before the maps (a chat goes back and forth between a few:
   * one line and two, text and `<Media omitted>`, `image omitted` and `video omitted`, whose
   * middles, naming a media type, are built anew each time they are looked up in the map).
   */
  readonly #recentTails: RecentTail[] = [];
  #lastTail = 0;
  #lastAuthor: string | null = null;
  #lastAuthorBytes: Uint8Array | undefined;

  constructor(format: RecordFormat) {
    this.#format = format;
    this.#strings = recordWriter(format);
  }

  /** Appends the record of `message` (and, before the first one, what opens the format). */
  add(message: Message): void {
    const first = this.#first;
    if (first) {
      this.#first = false;
      this.#string(this.#strings.open);
    }
    if (this.#format === 'csv') {
      this.#string(this.#strings.record(message, first));
      return;
    }
    const m = message;
    const { text, timestamp, localTime } = m;
    const authorBytes = this.#authorBytes(m.author);
    // The tail (middle and ending) as cached bytes, or, for an attachment name, a media type, a
    // language or a long message, as a string to write out.
    const tail =
      m.attachment === null && m.lineCount < MAX_CACHED_LINE_COUNT
        ? this.#sharedTail(m)
        : middleOf(m, false) + endingOf(m, this.#format === 'ndjson');
    const need =
      HEAD_ROOM +
      MAX_JSON_BYTES_PER_UNIT * (timestamp.length + localTime.length + text.length + 1) +
      authorBytes.length +
      (typeof tail === 'string' ? MAX_UTF8_BYTES_PER_UNIT * tail.length : tail.length);
    if (this.#block.length - this.#at < need) this.#newBlock(need);
    const block = this.#block;
    let at = this.#at;
    if (this.#format === 'json') {
      if (!first) block[at++] = COMMA;
      block[at++] = LINE_FEED;
    }
    block.set(KEY_LINE, at);
    at = writeLine(block, at + KEY_LINE.length, m.line);
    // Each key and the date after it are one copy (per day); the rest of the time is digits.
    const timestampEnd = this.#timestamps.write(block, at, m.timestampMs);
    if (timestampEnd !== -1) at = timestampEnd;
    else {
      block.set(KEY_TIMESTAMP, at);
      at = writeJsonChars(block, at + KEY_TIMESTAMP.length, timestamp);
    }
    const localTimeEnd = this.#localTimes.write(block, at, m.localTimeMs);
    if (localTimeEnd !== -1) at = localTimeEnd;
    else {
      block.set(KEY_LOCAL_TIME, at);
      at = writeJsonChars(block, at + KEY_LOCAL_TIME.length, localTime);
    }
    block.set(authorBytes, at);
    at = writeJsonString(block, at + authorBytes.length, text);
    if (typeof tail === 'string') at += block.write(tail, at);
    else {
      block.set(tail, at);
      at += tail.length;
    }
    this.#at = at;
  }

  /** Appends what closes the format (and opens it, when no record came). */
  end(): void {
    if (this.#first) {
      this.#first = false;
      this.#string(this.#strings.open);
    }
    this.#string(this.#strings.close);
  }

  /** The bytes appended since the last call, in order (none: an empty array). */
  take(): Uint8Array[] {
    const out = this.#ready;
    if (this.#at > this.#from) out.push(this.#view(this.#block, this.#from, this.#at));
    this.#from = this.#at;
    this.#ready = [];
    return out;
  }

  /**
   * Hands back bytes {@link take} gave, once nothing reads them any more (a stream's write
   * callback): a buffer all of whose views are back, and which is full, is written again. Never
   * releasing is fine (buffers are then left to the collector); releasing a view twice, or one
   * still in use, is not.
   */
  release(bytes: Uint8Array): void {
    const state = this.#out.get(bytes.buffer);
    if (state === undefined || state.views === 0) return;
    state.views--;
    if (state.views === 0 && state.done) this.#spare(state.block);
  }

  #view(block: Buffer, from: number, to: number): Uint8Array {
    const state = this.#out.get(block.buffer);
    if (state !== undefined) state.views++;
    return block.subarray(from, to);
  }

  /** Keeps a buffer nothing reads for reuse (or lets it go). */
  #spare(block: Buffer): void {
    this.#out.delete(block.buffer);
    if (this.#spares.length < MAX_SPARE_BLOCKS) this.#spares.push(block);
  }

  /** The author part's bytes; the last author's are kept at hand (consecutive messages often share it). */
  #authorBytes(author: string | null): Uint8Array {
    if (author === this.#lastAuthor && this.#lastAuthorBytes !== undefined) return this.#lastAuthorBytes;
    const part = authorPartOf(author);
    const bytes = part.bytes ?? authorBytesOf(part);
    this.#lastAuthor = author;
    this.#lastAuthorBytes = bytes;
    return bytes;
  }

  /**
   * The tail of a message without attachment, from bytes made once per combination of kind,
   * media type, `system`, flags, line count and language: the last one's first, then the recent
   * ones', then the cache's.
   */
  #sharedTail(m: Message): Uint8Array {
    const bits = flagBits(m);
    const recent = this.#recentTails;
    const last = recent[this.#lastTail];
    if (last !== undefined && sameTail(last, m, bits)) return last.tail;
    for (let i = 0; i < recent.length; i++) {
      const entry = recent[i] as RecentTail;
      if (sameTail(entry, m, bits)) {
        this.#lastTail = i;
        return entry.tail;
      }
    }
    // By middle (one of a few cached strings for most messages), language and line count.
    const middle = middleOf(m, false);
    let byLanguage = this.#tails.get(middle);
    if (byLanguage === undefined) {
      if (this.#tails.size >= MAX_CACHED_MIDDLES) this.#tails.clear();
      byLanguage = new Map();
      this.#tails.set(middle, byLanguage);
    }
    let byCount = byLanguage.get(m.language);
    if (byCount === undefined) {
      byCount = [];
      byLanguage.set(m.language, byCount);
    }
    let tail = byCount[m.lineCount];
    if (tail === undefined) {
      tail = Buffer.from(middle + endingOf(m, this.#format === 'ndjson'), 'utf8');
      byCount[m.lineCount] = tail;
    }
    this.#lastTail = remember(recent, {
      bits,
      kind: m.kind,
      lineCount: m.lineCount,
      language: m.language,
      mediaType: m.mediaType,
      tail,
    });
    return tail;
  }

  #string(text: string): void {
    if (text === '') return;
    const need = MAX_UTF8_BYTES_PER_UNIT * text.length;
    if (this.#block.length - this.#at < need) this.#newBlock(need);
    this.#at += this.#block.write(text, this.#at);
  }

  /** Starts a new block with room for `need` bytes; the filled part of the old one waits for `take`. */
  #newBlock(need: number): void {
    const old = this.#block;
    if (this.#at > this.#from) this.#ready.push(this.#view(old, this.#from, this.#at));
    const state = this.#out.get(old.buffer);
    if (state !== undefined) {
      state.done = true;
      if (state.views === 0) this.#spare(old);
    }
    if (need > BLOCK_BYTES) this.#block = Buffer.allocUnsafe(need);
    else {
      // Buffers of their own (`allocUnsafeSlow`: never a slice of Node's shared pool), so a view's
      // `buffer` tells which one it is.
      const block = this.#spares.pop() ?? Buffer.allocUnsafeSlow(BLOCK_BYTES);
      this.#out.set(block.buffer, { views: 0, done: false, block });
      this.#block = block;
    }
    this.#at = 0;
    this.#from = 0;
  }
}

/** A tail {@link RecordEncoder} used lately, with what it was looked up by (`system` and the flags as bits). */
interface RecentTail {
  readonly bits: number;
  readonly kind: Message['kind'];
  readonly lineCount: number;
  readonly language: string | undefined;
  readonly mediaType: Message['mediaType'];
  readonly tail: Uint8Array;
}

/** Tails kept in the list of recent ones (a chat has a handful; more only where languages mix). */
const MAX_RECENT_TAILS = 16;

function sameTail(entry: RecentTail, m: Message, bits: number): boolean {
  return (
    entry.bits === bits &&
    entry.kind === m.kind &&
    entry.lineCount === m.lineCount &&
    entry.language === m.language &&
    entry.mediaType === m.mediaType
  );
}

/** Adds a tail to the recent ones (the oldest makes way); returns its index. */
function remember(recent: RecentTail[], entry: RecentTail): number {
  if (recent.length < MAX_RECENT_TAILS) return recent.push(entry) - 1;
  recent.copyWithin(0, 1);
  recent[MAX_RECENT_TAILS - 1] = entry;
  return MAX_RECENT_TAILS - 1;
}

/** The UTF-8 bytes of an author part, kept on it (the cache of author parts is `records.ts`'s). */
function authorBytesOf(author: AuthorPart): Uint8Array {
  const bytes = Buffer.from(author.bare, 'utf8');
  author.bytes = bytes;
  return bytes;
}

/** A line number as `JSON.stringify` writes it (digits, for the integers a log has). */
function writeLine(target: Uint8Array, at: number, line: number): number {
  // JSON.stringify of a number is ASCII with nothing to escape.
  if (!(Number.isInteger(line) && line >= 0 && line <= MAX_DIGITS_LINE)) {
    return writeJsonChars(target, at, JSON.stringify(line));
  }
  // 32-bit integer arithmetic (`| 0`), not Math.floor on doubles.
  let digits = 1;
  for (let rest = line; rest >= 10; rest = (rest / 10) | 0) digits++;
  let rest = line;
  for (let i = at + digits - 1; i >= at; i--) {
    const next = (rest / 10) | 0;
    target[i] = 0x30 + (rest - next * 10);
    rest = next;
  }
  return at + digits;
}
