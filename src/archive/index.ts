/**
 * The archive stage, public face: open a WhatsApp export (zip, folder, `.txt`, bytes or stream),
 * pick its chat log, list its media files, and guard against hostile archives.
 *
 * @module
 */

export { HEADER_SAMPLE_BYTES } from './choose-chat-log.js';
export { classifyEntryPath, type EntryPathVerdict } from './entry-path.js';
export { type ArchiveLimits, DEFAULT_LIMITS, resolveLimits } from './guard.js';
export { openExport } from './open-export.js';
export type {
  ChatExport,
  ChatLogCandidate,
  ChatLogChoice,
  ChatLogRule,
  ExportEntry,
  ExportKind,
  ExportSource,
  ExportWarning,
  ExportWarningKind,
  OpenExportOptions,
  SkippedEntry,
  SkipReason,
} from './types.js';
