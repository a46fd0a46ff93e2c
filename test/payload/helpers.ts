import { Writable } from 'node:stream';
import fc from 'fast-check';
import type { ChatImport } from '../../src/payload/chat-import.js';
import type { ChatImportSource, MediaSource } from '../../src/payload/source.js';

/** Splits `text` (or bytes) at the given cut positions, taken modulo its length and sorted. */
export function splitAt<T extends { length: number; slice(start: number, end?: number): T }>(
  whole: T,
  cuts: readonly number[],
): T[] {
  const points = [...new Set(cuts.map((cut) => (whole.length === 0 ? 0 : cut % (whole.length + 1))))].sort(
    (a, b) => a - b,
  );
  const pieces: T[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(whole.slice(start, point));
    start = point;
  }
  pieces.push(whole.slice(start));
  return pieces;
}

/** Streams `pieces` as an async iterable, one microtask apart. */
export async function* iterate<T>(pieces: readonly T[]): AsyncGenerator<T> {
  for (const piece of pieces) {
    await Promise.resolve();
    yield piece;
  }
}

/** A writable that keeps every chunk. */
export function collector(options: { highWaterMark?: number; delayMs?: number } = {}): {
  writable: Writable;
  chunks: Buffer[];
  bytes(): Buffer;
} {
  const chunks: Buffer[] = [];
  const writable = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      if (options.delayMs === undefined) callback();
      else setTimeout(callback, options.delayMs);
    },
  });
  return { writable, chunks, bytes: () => Buffer.concat(chunks) };
}

/** A media source over fixed chunks; `size` may be set to lie about them. */
export function mediaOf(
  fileName: string,
  mimeType: string,
  pieces: readonly Uint8Array[],
  size = pieces.reduce((sum, piece) => sum + piece.byteLength, 0),
): MediaSource {
  return { fileName, mimeType, size, open: () => iterate(pieces) };
}

/** The `ChatImport` a source stands for, built independently of the library. */
export function expectedObject(
  chatText: string,
  source: Omit<ChatImportSource, 'chatText' | 'media'>,
  media: readonly { fileName: string; mimeType: string; bytes: Uint8Array }[],
): ChatImport {
  return {
    chat_text: chatText,
    chat_participants: source.participants.map((p) => ({ handle: p.handle, phone_number: p.phone_number })),
    utc_offset_minutes: source.utcOffsetMinutes,
    device_language_code: source.deviceLanguageCode,
    media_files: media.map((m) => ({
      b64_content: Buffer.from(m.bytes).toString('base64'),
      mime_type: m.mimeType,
      file_name: m.fileName,
    })),
  };
}

/** One UTF-16 code unit from the characters JSON escaping cares about most. */
const trickyUnit = fc.oneof(
  fc.constantFrom(
    '"',
    '\\',
    '/',
    '\n',
    '\r',
    '\t',
    '\b',
    '\f',
    '\u0000',
    '\u001f',
    '\u007f',
    '\u2028',
    '\u2029',
  ),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('\ud83d\ude00', '€', '\u202f', '\u00a0', '\u200e', '\ufeff'),
);

/** Strings over full Unicode, with lone surrogates, controls and U+2028 mixed in. */
export const anyText = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
    trickyUnit,
  ),
  maxLength: 120,
});

/** A plausible E.164 number. */
export const e164 = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 13 }),
  )
  .map(([first, rest]) => `+${first}${rest.join('')}`);

/** Cut positions for splitting. */
export const cuts = fc.array(fc.nat({ max: 400 }), { maxLength: 12 });
