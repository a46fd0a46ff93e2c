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
 * `JSON.stringify(toRecord(message))`, byte for byte, built by hand: only the strings go through
 * `JSON.stringify`, which is several times faster than serializing the object (a test checks
 * the two agree on generated messages).
 *
 * @example
 * ```ts
 * recordJson(message) === JSON.stringify(toRecord(message)); // true
 * ```
 */
export function recordJson(m: Message): string {
  const f = m.flags;
  // timestamp, localTime, kind, mediaType and language are ASCII the parser built (digits, `-`,
  // `:`, `.`, `T`, `Z`, letters): they need no escaping, and JSON.stringify of a short string
  // costs more than everything else in a record but the text.
  return (
    `{"line":${m.line},"timestamp":"${m.timestamp}","localTime":"${m.localTime}","author":${m.author === null ? 'null' : json(m.author)},"text":${json(m.text)},"system":${m.system},"attachment":${m.attachment === null ? 'null' : `{"fileName":${json(m.attachment.fileName)}}`},"kind":"${m.kind}"` +
    (m.mediaType !== undefined ? `,"mediaType":"${m.mediaType}"` : '') +
    `,"flags":{"edited":${f.edited},"mediaOmitted":${f.mediaOmitted},"deleted":${f.deleted},"unrecognizedSystem":${f.unrecognizedSystem}},"lineCount":${m.lineCount}` +
    (m.language !== undefined ? `,"language":"${m.language}"` : '') +
    '}'
  );
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
 *
 * @example
 * ```ts
 * const writer = recordWriter('csv');
 * const text = writer.open + writer.record(message, true) + writer.close;
 * ```
 */
export function recordWriter(format: RecordFormat): {
  readonly open: string;
  readonly close: string;
  record(message: Message, first: boolean): string;
} {
  switch (format) {
    case 'ndjson':
      return { open: '', close: '', record: (m) => `${recordJson(m)}\n` };
    case 'json':
      return {
        open: '[',
        close: ']\n',
        record: (m, first) => `${first ? '\n' : ',\n'}${recordJson(m)}`,
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
