/**
 * The build step in one call: prepare, then stream the payload to a writable.
 *
 * @module
 */

import type { Writable } from 'node:stream';
import type { ChatExport } from '../archive/index.js';
import { type WriteChatImportOptions, writeChatImport } from '../payload/index.js';
import type { PrepareOptions } from './options.js';
import { prepareChatImport } from './prepare.js';
import type { BuildReport } from './report.js';

/**
 * Options of {@link writeChatImportFromExport}: the build options plus the writer's.
 *
 * @example
 * ```ts
 * const options: WriteFromExportOptions = { timeZone: 'Europe/Berlin', onProgress: (done, total) => {} };
 * ```
 */
export interface WriteFromExportOptions extends PrepareOptions {
  readonly onProgress?: WriteChatImportOptions['onProgress'];
  /** End the writable when done (default true). */
  readonly end?: boolean;
}

/**
 * Prepares the import of `chatExport` ({@link prepareChatImport}) and writes the request body to
 * `writable` with its exact length checked. Resolves with the report and the bytes written.
 *
 * @example
 * ```ts
 * const chatExport = await openExport('WhatsApp Chat with Anna.zip');
 * try {
 *   const { report } = await writeChatImportFromExport(chatExport, createWriteStream('payload.json'), {
 *     utcOffsetMinutes: 60,
 *   });
 *   console.log(report.payloadBytes);
 * } finally {
 *   await chatExport.close();
 * }
 * ```
 */
export async function writeChatImportFromExport(
  chatExport: ChatExport,
  writable: Writable,
  options: WriteFromExportOptions,
): Promise<{ readonly report: BuildReport; readonly bytesWritten: number }> {
  const { report, source } = await prepareChatImport(chatExport, options);
  const { bytesWritten } = await writeChatImport(source, writable, {
    totalBytes: report.payloadBytes,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.end === undefined ? {} : { end: options.end }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { report, bytesWritten };
}
