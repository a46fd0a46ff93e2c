/**
 * wa-import: WhatsApp "Export chat" files → ChatImport payloads for a team inbox.
 *
 * @example
 * ```ts
 * import { parseChatText } from 'wa-import';
 * const { messages, info } = parseChatText(log, { language: 'de-DE', timeZone: 'Europe/Berlin' });
 * ```
 *
 * @module
 */

export {
  type ChatExport,
  type ExportEntry,
  type ExportSource,
  type OpenExportOptions,
  openExport,
} from './archive/index.js';
export {
  type BuildReport,
  type IncludedMedia,
  type LeftOutMedia,
  type MediaReport,
  type MediaSelection,
  type PreparedImport,
  type PrepareOptions,
  prepareChatImport,
  type TimesReport,
  type WriteFromExportOptions,
  writeChatImportFromExport,
} from './build/index.js';
export { ARABIC_COMMA, BOM, LRM, NBSP, NNBSP, normalizeForMatch, RLM, stripMarks } from './chars.js';
export {
  type DelayFault,
  type EmulatorUser,
  type Fault,
  type InboxEmulator,
  type InboxEmulatorOptions,
  type ReceivedImport,
  type ReceivedRequest,
  type ResetFault,
  type StatusFault,
  startInboxEmulator,
} from './emulator/index.js';
export { type ErrorCode, type ErrorDetails, isWaImportError, WaImportError } from './errors.js';
export type { CalendarKind } from './format/calendar.js';
export type { DateOrderSource, ExportOs, HeaderFormat, Refusal, RefusalKind } from './format/detect.js';
export type { DateOrder } from './locales/cldr.js';
export { languageDateOrder } from './locales/cldr.js';
export { LOCALE_TABLES } from './locales/registry.js';
export type { LocaleTable, SystemKind } from './locales/types.js';
export type {
  InferredLanguage,
  InvalidDateLine,
  OffsetChange,
  ParseInfo,
  SkippedLine,
} from './parse/info.js';
export type { Attachment, MediaType, Message, MessageFlags, MessageKind } from './parse/message.js';
export type { ParseOptions } from './parse/options.js';
export { ChatParser } from './parse/parser.js';
export { type ChatSource, type ChatStream, parseChat } from './parse/stream.js';
export { type ParseResult, parseChatText } from './parse/sync.js';
export {
  type Contact,
  type ParticipantOverride,
  parseContactsFile,
  parseParticipantOverride,
} from './participants/index.js';
export type { ChatImport, ChatImportContact, ChatImportMediaFile } from './payload/chat-import.js';
export {
  buildChatImport,
  type ChatImportSource,
  type ChatText,
  chatImportSize,
  type MediaSource,
  type PayloadDigestInput,
  type PayloadDigestOptions,
  payloadDigest,
  type WriteChatImportOptions,
  writeChatImport,
} from './payload/index.js';
export {
  type BodyFactory,
  type BodySource,
  type Chat,
  defaultStateDir,
  type ImportChatRequest,
  InboxClient,
  type InboxClientConfig,
  type InboxClientOptions,
  type InboxCredentials,
  type InboxMessage,
  type InboxUser,
  Ledger,
  type LedgerEntry,
  type LedgerRecord,
  type LedgerStatus,
  normalizeInboxUrl,
  type PasswordCredentials,
  type Person,
  type RefreshTokenCredentials,
  type StateDirEnv,
  type SubmitOnceOptions,
  type SubmitOnceResult,
  submitOnce,
  type Tag,
  type TokenCredentials,
} from './submit/index.js';
