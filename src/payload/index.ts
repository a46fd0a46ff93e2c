/**
 * The request body of the inbox's chat import: types, exact size, streamed writer, in-memory
 * builder and the de-duplication digest.
 *
 * @module
 */

export { type BuildChatImportOptions, buildChatImport } from './build.js';
export type { ChatImport, ChatImportContact, ChatImportMediaFile } from './chat-import.js';
export { type PayloadDigestInput, type PayloadDigestOptions, payloadDigest } from './digest.js';
export { type ChatImportSizeOptions, chatImportSize } from './size.js';
export type { ChatImportSource, ChatText, MediaSource } from './source.js';
export {
  MAX_PARTICIPANTS,
  MAX_UTC_OFFSET_MINUTES,
  MIN_UTC_OFFSET_MINUTES,
  validateChatImportSource,
} from './validate-source.js';
export { type WriteChatImportOptions, type WriteChatImportResult, writeChatImport } from './write.js';
