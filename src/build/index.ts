/**
 * The build step, public face: an opened export → the `ChatImport` source to stream, and the
 * report of what was found and decided.
 *
 * @module
 */

export { chatTextOf, type NormalizePlan } from './chat-text.js';
export { deviceLanguage, type LanguageSource, type OffsetSource, payloadOffset } from './device-facts.js';
export { type Findings, judgeParse } from './judge-parse.js';
export {
  type IncludedMedia,
  type LeftOutMedia,
  type MediaReport,
  type PlanMediaOptions,
  planMedia,
} from './media-plan.js';
export { MessageTimes, type TimeShifts } from './message-times.js';
export { type MediaSelection, type PrepareOptions, validatePrepareOptions } from './options.js';
export { type PreparedImport, prepareChatImport } from './prepare.js';
export type { BuildReport, TimesReport } from './report.js';
export { type ChatScan, type ScanChatOptions, scanChat } from './scan-chat.js';
export {
  type WriteFromExportOptions,
  writeChatImportFromExport,
} from './write-from-export.js';
