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

/** Most chats have a handful of authors: their JSON is cached (bounded; cleared when full). */
const MAX_CACHED_AUTHORS = 10_000;
const authorJson = new Map<string, string>();
/**
 * The record's middle, `,"system":…,"attachment":null,"kind":"…","flags":{…},"lineCount":`, for
 * messages without attachment or media type: it depends only on the kind, `system` and the four
 * flags, so it is built once per combination (at most 11 kinds × 32) instead of per message.
 */
const middles = new Map<string, string[]>();

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
  // timestamp, localTime, kind, mediaType and language are ASCII the parser built (digits, `-`,
  // `:`, `.`, `T`, `Z`, letters): they need no escaping.
  return `{"line":${m.line},"timestamp":"${m.timestamp}","localTime":"${m.localTime}","author":${authorOf(m.author)},"text":${quoteJson(m.text, wellFormed)}${middleOf(m)}${m.lineCount}${m.language === undefined ? '' : `,"language":"${m.language}"`}}`;
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
  return (wellFormed || (text as unknown as WellFormedString).isWellFormed()) && !JSON_ESCAPED.test(text)
    ? `"${text}"`
    : json(text);
}

/** What `JSON.stringify` escapes in a well-formed string. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what JSON escapes
const JSON_ESCAPED = /["\\\u0000-\u001f]/u;

/** `String#isWellFormed` (ES2024; Node ≥ 20 has it, the ES2023 lib types do not). */
interface WellFormedString {
  isWellFormed(): boolean;
}

function authorOf(author: string | null): string {
  if (author === null) return 'null';
  let cached = authorJson.get(author);
  if (cached === undefined) {
    cached = json(author);
    if (authorJson.size >= MAX_CACHED_AUTHORS) authorJson.clear();
    authorJson.set(author, cached);
  }
  return cached;
}

function middleOf(m: Message): string {
  if (m.attachment !== null || m.mediaType !== undefined) return buildMiddle(m);
  const f = m.flags;
  const index =
    (m.system ? 1 : 0) |
    (f.edited ? 2 : 0) |
    (f.mediaOmitted ? 4 : 0) |
    (f.deleted ? 8 : 0) |
    (f.unrecognizedSystem ? 16 : 0);
  let byFlags = middles.get(m.kind);
  if (byFlags === undefined) {
    byFlags = [];
    middles.set(m.kind, byFlags);
  }
  let middle = byFlags[index];
  if (middle === undefined) {
    middle = buildMiddle(m);
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
      return { open: '', close: '', record: (m) => `${recordJson(m, wellFormed)}\n` };
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
