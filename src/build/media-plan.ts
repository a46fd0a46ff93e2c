/**
 * Which export files go into `media_files`, under what name and type: the log's references
 * paired with the export's files, the selection (`referenced`, `all`, `none`), the byte cap,
 * and the strict check on missing files.
 *
 * @module
 */

import type { ExportEntry } from '../archive/index.js';
import { WaImportError } from '../errors.js';
import { detectMimeType, type MediaMatch, pairMedia, uniqueMedia } from '../media/index.js';
import type { MediaSource } from '../payload/index.js';
import type { MediaSelection } from './options.js';

/**
 * A file that goes into the payload.
 *
 * @example
 * ```ts
 * const file: IncludedMedia = {
 *   fileName: 'IMG-20220310-WA0000.jpg', path: 'IMG-20220310-WA0000.jpg', size: 48213,
 *   mimeType: 'image/jpeg', matchedBy: 'exact',
 * };
 * ```
 */
export interface IncludedMedia {
  /** `file_name`: the name as the log references it (an orphan's own name). */
  readonly fileName: string;
  /** Where it is in the export. */
  readonly path: string;
  readonly size: number;
  readonly mimeType: string;
  /** How the reference found the file; `orphan` for a file no message references (`all`). */
  readonly matchedBy: MediaMatch | 'orphan';
}

/**
 * A file that could have gone in but was left out, and why:
 * - `max-media-bytes`: it did not fit under the cap;
 * - `duplicate-name`: an orphan with the name of a file already included.
 *
 * @example
 * ```ts
 * const left: LeftOutMedia = { fileName: 'VID-1.mp4', path: 'VID-1.mp4', size: 80_000_000, reason: 'max-media-bytes' };
 * ```
 */
export interface LeftOutMedia {
  readonly fileName: string;
  readonly path: string;
  readonly size: number;
  readonly reason: 'max-media-bytes' | 'duplicate-name';
}

/**
 * The media facts of a build.
 *
 * @example
 * ```ts
 * const { media } = prepared.report;
 * console.log(`${media.included.length} files, ${media.includedBytes} bytes; missing: ${media.missing.join(', ')}`);
 * ```
 */
export interface MediaReport {
  readonly selection: MediaSelection;
  /** The files in `media_files`, in payload order. */
  readonly included: readonly IncludedMedia[];
  readonly includedBytes: number;
  /** Distinct export files some message references. */
  readonly pairedFiles: number;
  readonly pairedBytes: number;
  /** Referenced names with no file in the export, each once. */
  readonly missing: readonly string[];
  /** Export files no message references. */
  readonly orphans: readonly { readonly path: string; readonly size: number }[];
  readonly orphanBytes: number;
  /** Files the selection wanted but the cap or a name clash kept out. */
  readonly leftOut: readonly LeftOutMedia[];
  readonly leftOutBytes: number;
  /** The cap that was applied, if any. */
  readonly maxMediaBytes: number | null;
}

/**
 * Options of {@link planMedia}.
 *
 * @example
 * ```ts
 * const options: PlanMediaOptions = { selection: 'all', maxMediaBytes: 100_000_000, strict: false };
 * ```
 */
export interface PlanMediaOptions {
  readonly selection: MediaSelection;
  readonly maxMediaBytes?: number | undefined;
  readonly strict: boolean;
  readonly signal?: AbortSignal | undefined;
}

/**
 * The media sources of the payload and the report. Throws `E_MEDIA_MISSING` in strict mode
 * when a referenced file is not in the export (unless the selection is `none`).
 *
 * @example
 * ```ts
 * const { media, report, warnings } = await planMedia(scan.references, chatExport.mediaEntries, {
 *   selection: 'referenced',
 *   strict: false,
 * });
 * ```
 */
export async function planMedia(
  references: readonly string[],
  entries: readonly ExportEntry[],
  options: PlanMediaOptions,
): Promise<{ media: MediaSource[]; report: MediaReport; warnings: string[] }> {
  const { selection, strict, signal } = options;
  const pairing = pairMedia(references, entries);
  const paired = uniqueMedia(pairing.paired);
  const warnings: string[] = [];
  const sum = (sizes: readonly { readonly size: number }[]): number => sizes.reduce((n, x) => n + x.size, 0);

  if (pairing.missing.length > 0 && selection !== 'none') {
    const names = pairing.missing.slice(0, 5).map((name) => `"${name}"`);
    const more = pairing.missing.length > 5 ? ` and ${pairing.missing.length - 5} more` : '';
    const what = `${pairing.missing.length} referenced media file(s) are not in the export: ${names.join(', ')}${more}`;
    if (strict) {
      throw new WaImportError('E_MEDIA_MISSING', what, {
        hint: 'export the chat again with "Include media", or drop --strict to import without them',
      });
    }
    warnings.push(what);
  }

  const wanted: { fileName: string; entry: ExportEntry; matchedBy: MediaMatch | 'orphan' }[] = [];
  if (selection !== 'none') {
    for (const pair of paired)
      wanted.push({ fileName: pair.reference, entry: pair.entry, matchedBy: pair.matchedBy });
  }
  if (selection === 'all') {
    for (const entry of pairing.orphans) wanted.push({ fileName: entry.name, entry, matchedBy: 'orphan' });
  } else if (selection === 'referenced' && pairing.orphans.length > 0) {
    warnings.push(
      `${pairing.orphans.length} file(s) in the export are referenced by no message and were left out (${sum(pairing.orphans)} bytes); --media all includes them`,
    );
  }

  const cap = options.maxMediaBytes;
  const names = new Set<string>();
  const chosen: typeof wanted = [];
  const leftOut: LeftOutMedia[] = [];
  let total = 0;
  for (const item of wanted) {
    const { fileName, entry } = item;
    const base = { fileName, path: entry.path, size: entry.size };
    if (names.has(fileName)) leftOut.push({ ...base, reason: 'duplicate-name' });
    else if (cap !== undefined && total + entry.size > cap)
      leftOut.push({ ...base, reason: 'max-media-bytes' });
    else {
      names.add(fileName);
      chosen.push(item);
      total += entry.size;
    }
  }
  const capped = leftOut.filter((item) => item.reason === 'max-media-bytes');
  if (capped.length > 0) {
    warnings.push(
      `${capped.length} media file(s) (${sum(capped)} bytes) left out to stay under --max-media-bytes ${cap}: ${capped
        .slice(0, 5)
        .map((item) => `"${item.fileName}" (${item.size} bytes)`)
        .join(', ')}${capped.length > 5 ? ` and ${capped.length - 5} more` : ''}`,
    );
  }

  const included: IncludedMedia[] = [];
  const media: MediaSource[] = [];
  for (const { fileName, entry, matchedBy } of chosen) {
    const mimeType = await detectMimeType(entry, signal === undefined ? {} : { signal });
    included.push({ fileName, path: entry.path, size: entry.size, mimeType, matchedBy });
    media.push({ fileName, mimeType, size: entry.size, open: (s?: AbortSignal) => entry.open(s) });
  }
  return {
    media,
    warnings,
    report: {
      selection,
      included,
      includedBytes: total,
      pairedFiles: paired.length,
      pairedBytes: sum(paired.map((pair) => pair.entry)),
      missing: pairing.missing,
      orphans: pairing.orphans.map((entry) => ({ path: entry.path, size: entry.size })),
      orphanBytes: sum(pairing.orphans),
      leftOut,
      leftOutBytes: sum(leftOut),
      maxMediaBytes: cap ?? null,
    },
  };
}
