/**
 * Submitting imports to the inbox: the HTTP client, its retry rules, and the ledger that keeps a
 * chat from being imported twice.
 *
 * @module
 */

export type { Chat, InboxMessage, InboxUser, Person, Tag } from './chat.js';
export type {
  InboxCredentials,
  PasswordCredentials,
  RefreshTokenCredentials,
  TokenCredentials,
} from './credentials.js';
export type { BodyFactory, BodySource } from './http-exchange.js';
export {
  type ImportChatRequest,
  InboxClient,
  type InboxClientConfig,
  type InboxClientOptions,
} from './inbox-client.js';
export {
  endpointUrl,
  isLoopbackHost,
  normalizeInboxUrl,
  type ParseInboxUrlOptions,
  parseInboxUrl,
} from './inbox-url.js';
export { Ledger, type LedgerEntry, type LedgerRecord, type LedgerStatus } from './ledger.js';
export { backoffDelay, parseRetryAfter } from './retry-delay.js';
export { describeErrorBody } from './server-errors.js';
export { defaultStateDir, type StateDirEnv } from './state-dir.js';
export { type SubmitOnceOptions, type SubmitOnceResult, submitOnce } from './submit-once.js';
