/**
 * A payload built earlier (`wa-import build -o payload.json`) as `submit`'s input: recognized by
 * its content, read for the digest, and sent from the file as it is.
 *
 * @module
 */

import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { JsonScanner } from '../emulator/json-scanner.js';
import { WaImportError } from '../errors.js';
import type { ChatImportContact } from '../payload/index.js';
import { MAX_PARTICIPANTS } from '../payload/index.js';

/** Bytes read to recognize a payload. */
const sniffBytes = 4096;
/** Strings longer than this (media base64) are summarized, not kept. UTF-16 code units. */
const keepChars = 64 * 1024;
const openBrace = 0x7b;
/** JSON's four whitespace bytes. */
const jsonWhitespace: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * What `submit` needs of a payload file: its exact size, and the two fields the ledger's
 * digest is made of.
 *
 * @example
 * ```ts
 * const payload: PayloadFile = await readPayloadFile('/tmp/payload.json');
 * const digest = await payloadDigest(payload);
 * ```
 */
export interface PayloadFile {
  readonly path: string;
  /** File size in bytes: the `Content-Length` sent. */
  readonly size: number;
  readonly chatText: string;
  readonly participants: readonly ChatImportContact[];
}

/**
 * True when `path` is a regular file whose first non-whitespace byte is `{`. An export never
 * starts so (a zip starts with `PK`, a chat log with a date, `[` or a mark), so this is what
 * tells a built payload from an export; {@link readPayloadFile} then checks it really is one.
 *
 * @example
 * ```ts
 * if (await looksLikePayloadFile(path)) return readPayloadFile(path);
 * ```
 */
export async function looksLikePayloadFile(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    if (!(await stat(path)).isFile()) return false;
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(sniffBytes);
    const { bytesRead } = await handle.read(buffer, 0, sniffBytes, 0);
    for (const byte of buffer.subarray(0, bytesRead)) {
      if (!jsonWhitespace.has(byte)) return byte === openBrace;
    }
    return false;
  } catch {
    // Unreadable or missing: not a payload; opening it as an export reports the problem.
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * Reads a payload file's `chat_text` and `chat_participants`.
 *
 * Streamed, not loaded: a payload carries every media file in base64 and can be gigabytes, so
 * the file goes through an incremental JSON parser that keeps `chat_text` whole (the digest
 * needs all of it; a chat log is megabytes) and only a short summary of every other long
 * string. Memory stays at about the size of the chat log whatever the media.
 *
 * @throws {WaImportError} `E_NOT_AN_EXPORT` when the file is not a `ChatImport` payload (not
 *   JSON, no `chat_text`, malformed participants), `E_READ_FAILED` when it cannot be read.
 * @example
 * ```ts
 * const { size, chatText, participants } = await readPayloadFile('/tmp/payload.json', signal);
 * ```
 */
export async function readPayloadFile(path: string, signal?: AbortSignal): Promise<PayloadFile> {
  const scanner = new JsonScanner({ keepChars, keepWhole: new Set(['chat_text']) });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let size = 0;
  let value: unknown;
  try {
    const stream = createReadStream(path, signal === undefined ? {} : { signal });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      scanner.push(decoder.decode(chunk, { stream: true }));
    }
    scanner.push(decoder.decode());
    value = scanner.end();
  } catch (error) {
    if (signal?.aborted === true) throw new WaImportError('E_ABORTED', 'reading the payload aborted');
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code !== 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new WaImportError('E_READ_FAILED', `cannot read the payload ${path}, got ${code}`, {
        entry: path,
        cause: error,
      });
    }
    throw notAPayload(path, `not valid UTF-8 JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw notAPayload(path, 'not a JSON object');
  const record = value as Record<string, unknown>;
  if (typeof record.chat_text !== 'string') throw notAPayload(path, 'no "chat_text" string');
  return { path, size, chatText: record.chat_text, participants: participantsOf(path, record) };
}

function participantsOf(path: string, record: Record<string, unknown>): readonly ChatImportContact[] {
  const list = record.chat_participants;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw notAPayload(path, '"chat_participants" is not a list');
  if (list.length > MAX_PARTICIPANTS) {
    throw notAPayload(path, `"chat_participants" has ${list.length} entries, at most ${MAX_PARTICIPANTS}`);
  }
  return list.map((entry: unknown, index) => {
    const contact = entry as Partial<Record<string, unknown>> | null;
    if (typeof contact?.handle !== 'string' || typeof contact.phone_number !== 'string') {
      throw notAPayload(path, `"chat_participants"[${index}] needs "handle" and "phone_number" strings`);
    }
    return { handle: contact.handle, phone_number: contact.phone_number };
  });
}

function notAPayload(path: string, why: string): WaImportError {
  return new WaImportError(
    'E_NOT_AN_EXPORT',
    `${path} starts like JSON but is not a ChatImport payload: ${why}`,
    {
      entry: path,
      hint: 'give an export (.zip, folder, .txt) or a payload written by wa-import build',
    },
  );
}
