/**
 * The MIME type of a media file: by content first (file-type reads magic bytes), then by file
 * extension (mime-types), then `application/octet-stream`.
 *
 * @module
 */

import { fileTypeFromBuffer } from 'file-type';
import { lookup } from 'mime-types';
import type { ExportEntry } from '../archive/index.js';

/** How many leading bytes content sniffing looks at (what file-type needs for its longest checks). Bytes. */
export const SNIFF_BYTES = 4100;

/** The type for bytes nothing recognizes. */
export const FALLBACK_MIME_TYPE = 'application/octet-stream';

/**
 * Extension types that beat the mime-types database, where the database keeps an old name:
 * `.vcf` is `text/x-vcard` there, `text/vcard` since RFC 6350.
 */
const EXTENSION_OVERRIDES: Readonly<Record<string, string>> = Object.freeze({
  vcf: 'text/vcard',
  vcard: 'text/vcard',
});

/** Which step decided: the content, the extension, or neither. */
export type MimeTypeSource = 'content' | 'extension' | 'fallback';

/**
 * A detected type and how it was found.
 *
 * @example
 * ```ts
 * const detected: MimeTypeDetection = { mimeType: 'image/webp', detectedBy: 'content' };
 * ```
 */
export interface MimeTypeDetection {
  /** A bare `type/subtype` (parameters such as `; codecs=opus` dropped). */
  readonly mimeType: string;
  readonly detectedBy: MimeTypeSource;
}

/**
 * Detects the type of `head` (the first bytes of a file) named `fileName`.
 *
 * @example
 * ```ts
 * await sniffMimeType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'x.bin');
 * // { mimeType: 'application/pdf', detectedBy: 'content' }
 * await sniffMimeType(new TextEncoder().encode('BEGIN:VCARD'), 'Ana.vcf');
 * // { mimeType: 'text/vcard', detectedBy: 'extension' }
 * ```
 */
export async function sniffMimeType(head: Uint8Array, fileName: string): Promise<MimeTypeDetection> {
  const sniffed = head.byteLength === 0 ? undefined : await fileTypeFromBuffer(head);
  if (sniffed !== undefined) return { mimeType: bare(sniffed.mime), detectedBy: 'content' };
  const extension = fileName.includes('.') ? (fileName.split('.').at(-1) ?? '').toLowerCase() : '';
  const byExtension = EXTENSION_OVERRIDES[extension] ?? (extension === '' ? false : lookup(extension));
  if (byExtension !== false) return { mimeType: bare(byExtension), detectedBy: 'extension' };
  return { mimeType: FALLBACK_MIME_TYPE, detectedBy: 'fallback' };
}

/**
 * The MIME type of an export entry, read from its first {@link SNIFF_BYTES} bytes.
 *
 * @example
 * ```ts
 * for (const { entry } of uniqueMedia(paired)) {
 *   const mimeType = await detectMimeType(entry); // 'audio/ogg' for PTT-20220310-WA0001.opus
 * }
 * ```
 */
export async function detectMimeType(
  entry: Pick<ExportEntry, 'name' | 'readHead'>,
  options: { readonly signal?: AbortSignal } = {},
): Promise<string> {
  const head = await entry.readHead(SNIFF_BYTES, options.signal);
  return (await sniffMimeType(head, entry.name)).mimeType;
}

function bare(mimeType: string): string {
  return (mimeType.split(';')[0] ?? mimeType).trim().toLowerCase();
}
