/**
 * Messages as output records: NDJSON (default), a JSON array, or CSV.
 *
 * @module
 */

import type { Message } from '../parse/message.js';

/** Output formats of `parse`. */
export type RecordFormat = 'ndjson' | 'json' | 'csv';

/**
 * The output object of a message, fields in the documented order (`line`, `timestamp`,
 * `localTime`, `author`, `text`, `system`, `attachment`, then the rest).
 *
 * @example
 * ```ts
 * JSON.stringify(toRecord(message));
 * // {"line":1,"timestamp":"2022-03-10T10:00:00.000Z","localTime":"2022-03-10T11:00:00","author":"Customer 1","text":"Message 1","system":false,"attachment":null,…}
 * ```
 */
export function toRecord(message: Message): Record<string, unknown> {
  return {
    line: message.line,
    timestamp: message.timestamp,
    localTime: message.localTime,
    author: message.author,
    text: message.text,
    system: message.system,
    attachment: message.attachment,
    kind: message.kind,
    ...(message.mediaType !== undefined ? { mediaType: message.mediaType } : {}),
    flags: message.flags,
    lineCount: message.lineCount,
    ...(message.language !== undefined ? { language: message.language } : {}),
  };
}

const json = JSON.stringify;

/**
 * The part of a record from the end of `localTime` to the text, per author:
 * `","author":"Ana","text":` and the same with the text's opening quote. Most chats have a
 * handful of authors, so these are built once each (bounded; cleared when full) and a record
 * is made of fewer, longer pieces: every piece joined is an allocation.
 */
export interface AuthorPart {
  /** Followed by the text in quotes (`JSON.stringify` writes them). */
  readonly bare: string;
  /** Followed by the text as is: the opening quote is already here. */
  readonly open: string;
  /** `bare` as UTF-8, once a byte encoder has asked for it (see `record-encoder.ts`). */
  bytes: Uint8Array | undefined;
}
const MAX_CACHED_AUTHORS = 10_000;
const authorParts = new Map<string, AuthorPart>();
const NO_AUTHOR = authorPart(null);
/**
 * The record's middle, `,"system":…,"attachment":null,"kind":"…","flags":{…},"lineCount":`, for
 * messages without attachment or media type: it depends only on the kind, `system` and the four
 * flags, so it is built once per combination (at most 11 kinds × 32, each with and without the
 * text's closing quote before it) instead of per message.
 */
const middles = new Map<string, string[]>();
/** A record's end after `"lineCount":` for messages without a language: `1}`, `2}` … (and `1}\n` …). */
const CACHED_LINE_COUNTS = 64;
const ENDINGS = Array.from({ length: CACHED_LINE_COUNTS }, (_, count) => `${count}}`);
const LINE_ENDINGS = ENDINGS.map((ending) => `${ending}\n`);

/**
 * `JSON.stringify(toRecord(message))`, byte for byte, built by hand: the text is quoted as is
 * when nothing in it needs escaping ({@link quoteJson}); authors and the constant middle part
 * come from small caches (a property test checks the result equals `JSON.stringify` on
 * generated messages).
 *
 * `wellFormed` says the message's strings hold no lone surrogates, which is so for every message
 * parsed from bytes: `TextDecoder` output is always well-formed, and the parser cuts it only next
 * to ASCII characters (a property test holds `parseChat` to that). The text is then not checked
 * again, a scan that costs about a tenth of the record.
 *
 * @example
 * ```ts
 * recordJson(message) === JSON.stringify(toRecord(message)); // true
 * recordJson(parsedFromBytes, true) === JSON.stringify(toRecord(parsedFromBytes)); // true
 * ```
 */
export function recordJson(m: Message, wellFormed = false): string {
  return record(m, wellFormed, false);
}

/**
 * {@link recordJson} and a line feed: an NDJSON line, built as one string.
 *
 * @example
 * ```ts
 * recordLine(message) === `${recordJson(message)}\n`; // true
 * ```
 */
export function recordLine(m: Message, wellFormed = false): string {
  return record(m, wellFormed, true);
}

function record(m: Message, wellFormed: boolean, newline: boolean): string {
  // timestamp, localTime, kind, mediaType and language are ASCII the parser built (digits, `-`,
  // `:`, `.`, `T`, `Z`, letters): they need no escaping.
  const text = m.text;
  const plain = writesAsIs(text, wellFormed);
  const author = authorPartOf(m.author);
  const ending = endingOf(m, newline);
  return plain
    ? `{"line":${m.line},"timestamp":"${m.timestamp}","localTime":"${m.localTime}${author.open}${text}${middleOf(m, true)}${ending}`
    : `{"line":${m.line},"timestamp":"${m.timestamp}","localTime":"${m.localTime}${author.bare}${json(text)}${middleOf(m, false)}${ending}`;
}

/**
 * `JSON.stringify(text)` for a string: most message bodies hold nothing JSON escapes (quotes,
 * backslashes, control characters, unpaired surrogates). Two native scans say so for less than
 * `JSON.stringify` spends producing the same characters between quotes (and much less than a
 * character loop in JavaScript). With `wellFormed`, the caller vouches there are no lone
 * surrogates (text decoded from bytes) and the first scan is skipped.
 *
 * @example
 * ```ts
 * quoteJson('Hi 😀'); // '"Hi 😀"'
 * quoteJson('a\nb'); // '"a\\nb"' (escaped by JSON.stringify)
 * quoteJson('\ud83d'); // '"\\ud83d"' (a lone surrogate, escaped by JSON.stringify)
 * ```
 */
export function quoteJson(text: string, wellFormed = false): string {
  return writesAsIs(text, wellFormed) ? `"${text}"` : json(text);
}

/** Whether `JSON.stringify(text)` is the text in quotes (`wellFormed`: no lone surrogates, as vouched). */
function writesAsIs(text: string, wellFormed: boolean): boolean {
  return (wellFormed || (text as unknown as WellFormedString).isWellFormed()) && !JSON_ESCAPED.test(text);
}

/** What `JSON.stringify` escapes in a well-formed string. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what JSON escapes
const JSON_ESCAPED = /["\\\u0000-\u001f]/u;

/** `String#isWellFormed` (ES2024; Node ≥ 20 has it, the ES2023 lib types do not). */
interface WellFormedString {
  isWellFormed(): boolean;
}

/**
 * The record's part between `localTime` and the text for an author (`null`: authorless), cached.
 *
 * @example
 * ```ts
 * authorPartOf('Ana').bare; // '","author":"Ana","text":'
 * ```
 */
export function authorPartOf(author: string | null): AuthorPart {
  if (author === null) return NO_AUTHOR;
  let cached = authorParts.get(author);
  if (cached === undefined) {
    cached = authorPart(author);
    if (authorParts.size >= MAX_CACHED_AUTHORS) authorParts.clear();
    authorParts.set(author, cached);
  }
  return cached;
}

function authorPart(author: string | null): AuthorPart {
  const bare = `","author":${json(author)},"text":`;
  return { bare, open: `${bare}"`, bytes: undefined };
}

/** Whether {@link endingOf} gives one of its cached strings (a small line count, no language). */
function hasSharedEnding(m: Message): boolean {
  return m.language === undefined && m.lineCount < CACHED_LINE_COUNTS;
}

/**
 * The record's end after `"lineCount":`: the count, the language when there is one, `}`, and a
 * line feed for NDJSON (`newline`). Cached for small counts without a language.
 *
 * @example
 * ```ts
 * endingOf(oneLineMessage, true); // '1}\n'
 * endingOf(messageInGerman, false); // '1,"language":"de"}'
 * ```
 */
export function endingOf(m: Message, newline: boolean): string {
  const language = m.language;
  return hasSharedEnding(m)
    ? ((newline ? LINE_ENDINGS : ENDINGS)[m.lineCount] as string)
    : `${m.lineCount}${language === undefined ? '' : `,"language":"${language}"`}}${newline ? '\n' : ''}`;
}

/**
 * `system` and the four flags of a message as bits (0–31): with the kind, what a record's middle
 * depends on.
 *
 * @example
 * ```ts
 * flagBits(plainTextMessage); // 0
 * flagBits(deletedMessage); // 8
 * ```
 */
export function flagBits(m: Message): number {
  const f = m.flags;
  return (
    (m.system ? 1 : 0) |
    (f.edited ? 2 : 0) |
    (f.mediaOmitted ? 4 : 0) |
    (f.deleted ? 8 : 0) |
    (f.unrecognizedSystem ? 16 : 0)
  );
}

/** Whether {@link middleOf} gives one of its cached strings (no attachment name or media type in it). */
function hasSharedMiddle(m: Message): boolean {
  return m.attachment === null && m.mediaType === undefined;
}

/**
 * The middle of a record, `,"system":…,"lineCount":`, after the closing quote of a text written
 * as is (`closeQuote`: it starts with that quote) or not. Cached per combination of kind,
 * `system` and flags for messages without attachment or media type.
 *
 * @example
 * ```ts
 * middleOf(plainTextMessage, false);
 * // ',"system":false,"attachment":null,"kind":"text","flags":{…},"lineCount":'
 * ```
 */
export function middleOf(m: Message, closeQuote: boolean): string {
  if (!hasSharedMiddle(m)) {
    return closeQuote ? `"${buildMiddle(m)}` : buildMiddle(m);
  }
  const index = flagBits(m) | (closeQuote ? 32 : 0);
  let byFlags = middles.get(m.kind);
  if (byFlags === undefined) {
    byFlags = [];
    middles.set(m.kind, byFlags);
  }
  let middle = byFlags[index];
  if (middle === undefined) {
    middle = closeQuote ? `"${buildMiddle(m)}` : buildMiddle(m);
    byFlags[index] = middle;
  }
  return middle;
}

function buildMiddle(m: Message): string {
  const f = m.flags;
  const attachment = m.attachment === null ? 'null' : `{"fileName":${json(m.attachment.fileName)}}`;
  const mediaType = m.mediaType === undefined ? '' : `,"mediaType":"${m.mediaType}"`;
  return `,"system":${m.system},"attachment":${attachment},"kind":"${m.kind}"${mediaType},"flags":{"edited":${f.edited},"mediaOmitted":${f.mediaOmitted},"deleted":${f.deleted},"unrecognizedSystem":${f.unrecognizedSystem}},"lineCount":`;
}

const CSV_COLUMNS = [
  'line',
  'timestamp',
  'localTime',
  'author',
  'text',
  'system',
  'attachment',
  'kind',
  'edited',
];

/**
 * Serializes records one at a time; `open`/`close` wrap them (the JSON array brackets, the CSV header).
 * `wellFormed`: the messages were parsed from bytes (see {@link recordJson}).
 *
 * @example
 * ```ts
 * const writer = recordWriter('csv');
 * const text = writer.open + writer.record(message, true) + writer.close;
 * recordWriter('ndjson', { wellFormed: true }).record(parsedFromBytes, true); // '{"line":1,…}\n'
 * ```
 */
export function recordWriter(
  format: RecordFormat,
  { wellFormed = false }: { readonly wellFormed?: boolean } = {},
): {
  readonly open: string;
  readonly close: string;
  record(message: Message, first: boolean): string;
} {
  switch (format) {
    case 'ndjson':
      return { open: '', close: '', record: (m) => recordLine(m, wellFormed) };
    case 'json':
      return {
        open: '[',
        close: ']\n',
        record: (m, first) => `${first ? '\n' : ',\n'}${recordJson(m, wellFormed)}`,
      };
    case 'csv':
      return {
        open: `${CSV_COLUMNS.join(',')}\r\n`,
        close: '',
        record: (m) =>
          `${[
            String(m.line),
            m.timestamp,
            m.localTime,
            m.author ?? '',
            m.text,
            String(m.system),
            m.attachment?.fileName ?? '',
            m.kind,
            String(m.flags.edited),
          ]
            .map(csvField)
            .join(',')}\r\n`,
      };
  }
}

/** RFC 4180 quoting: quote fields with a comma, quote, CR or LF; double the quotes. */
function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}
