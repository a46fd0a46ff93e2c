/** Shared helpers for the build and CLI tests: fixture exports built in code, sinks, expectations. */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import JSZip from 'jszip';
import { type ChatExport, openExport } from '../../src/archive/index.js';
import { countHeaderLines } from '../../src/format/count-headers.js';

/** U+202A LEFT-TO-RIGHT EMBEDDING and U+202C POP DIRECTIONAL FORMATTING: iOS wraps phone authors in them. */
export const LRE = '\u202a';
export const PDF = '\u202c';
/** U+200E LEFT-TO-RIGHT MARK: before iOS attachment bodies. */
export const LRM = '\u200e';
/** U+202F NARROW NO-BREAK SPACE: before AM/PM since 2023. */
export const NNBSP = '\u202f';
/** U+FEFF BYTE ORDER MARK. */
export const BOM = '\ufeff';

/** A JPEG start (SOI + APP0 JFIF) and some bytes: file-type says image/jpeg. */
export const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
]);
/** `%PDF-1.4` and a little more: application/pdf. */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');
/** An Ogg page (27-byte header, one segment) whose first packet is an OpusHead: audio/ogg. */
export const OPUS = new Uint8Array([
  ...new TextEncoder().encode('OggS'),
  0x00,
  0x02,
  ...new Array(20).fill(0),
  0x01,
  0x13,
  ...new TextEncoder().encode('OpusHead'),
  0x01,
  0x01,
  0x38,
  0x01,
  0x80,
  0xbb,
  0x00,
  0x00,
  0x00,
  0x00,
  0x00,
]);

/** Builds a zip in memory with jszip; names kept as given (NFD stays NFD). */
export async function buildZip(
  files: Readonly<Record<string, string | Uint8Array>>,
  compression: 'STORE' | 'DEFLATE' = 'DEFLATE',
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression });
}

/** A private temporary folder. */
export async function tempFolder(): Promise<{ readonly path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'wa-import-build-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Writes `files` below `root` (folders created), returns `root`. */
export async function writeFiles(
  root: string,
  files: Readonly<Record<string, string | Uint8Array>>,
): Promise<string> {
  for (const [name, data] of Object.entries(files)) {
    const path = join(root, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  }
  return root;
}

/** Opens an export the way the CLI does (with the header counter). */
export function open(source: string | Uint8Array, name?: string): Promise<ChatExport> {
  return openExport(
    source,
    name === undefined ? { countHeaders: countHeaderLines } : { countHeaders: countHeaderLines, name },
  );
}

/** A writable that keeps every chunk. */
export function collector(): { writable: Writable; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const writable = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { writable, bytes: () => Buffer.concat(chunks) };
}

/** The `ChatImport` a test expects, written out by hand (independent of the library). */
export function expectedPayload(input: {
  chatText: string;
  participants: readonly { handle: string; phone: string }[];
  offset: number;
  language: string;
  media: readonly { name: string; mime: string; bytes: Uint8Array }[];
}): string {
  return JSON.stringify({
    chat_text: input.chatText,
    chat_participants: input.participants.map((p) => ({ handle: p.handle, phone_number: p.phone })),
    utc_offset_minutes: input.offset,
    device_language_code: input.language,
    media_files: input.media.map((m) => ({
      b64_content: Buffer.from(m.bytes).toString('base64'),
      mime_type: m.mime,
      file_name: m.name,
    })),
  });
}
