/**
 * The emulator's options, scripted faults and records of what it received.
 *
 * @module
 */

import type { ChatImport } from '../payload/chat-import.js';
import type { Chat } from '../submit/index.js';

/**
 * An integration user the emulator accepts at `POST /api/v1/auth/token/`.
 *
 * @example
 * ```ts
 * const user: EmulatorUser = { username: 'import-bot', password: 'correct horse' };
 * ```
 */
export interface EmulatorUser {
  readonly username: string;
  readonly password: string;
}

/**
 * Answer an import request with this status (and `Retry-After`) before reading its body, the
 * way a rate limiter or a proxy in front of the inbox does.
 *
 * @example
 * ```ts
 * const fault: StatusFault = { status: 429, retryAfter: 1 };
 * ```
 */
export interface StatusFault {
  readonly status: number;
  /** `Retry-After` header: seconds, or an HTTP-date string. */
  readonly retryAfter?: number | string;
  /** JSON body of the answer. Default `{ "detail": <status text> }`. */
  readonly body?: unknown;
}

/**
 * Break the connection of an import request: after its first bytes (`reset-before-body`) or
 * after the whole body without answering (`reset-after-body`).
 *
 * @example
 * ```ts
 * const fault: ResetFault = { kind: 'reset-after-body' };
 * ```
 */
export interface ResetFault {
  readonly kind: 'reset-before-body' | 'reset-after-body';
}

/**
 * Stall an import request for `ms` milliseconds, then handle it normally. `phase` says when:
 * before reading the body (the client's upload stalls) or, by default, after it (the inbox is
 * slow to answer).
 *
 * @example
 * ```ts
 * const fault: DelayFault = { kind: 'delay', ms: 500, phase: 'before-body' };
 * ```
 */
export interface DelayFault {
  readonly kind: 'delay';
  readonly ms: number;
  readonly phase?: 'before-body' | 'after-body';
}

/**
 * A scripted misbehaviour; the emulator takes one per import request, in order, and behaves
 * normally once the list is used up.
 *
 * @example
 * ```ts
 * const faults: Fault[] = [{ status: 503 }, { kind: 'reset-before-body' }];
 * ```
 */
export type Fault = StatusFault | ResetFault | DelayFault;

/**
 * Options of `startInboxEmulator`; all optional.
 *
 * @example
 * ```ts
 * const options: InboxEmulatorOptions = {
 *   tokens: ['t0k3n'],
 *   maxBodyBytes: 10_000_000,
 *   onRequest: (request, received) => console.log(request.path, request.status, received?.chat.wa_id),
 * };
 * ```
 */
export interface InboxEmulatorOptions {
  /** Loopback address to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Port; 0 (the default) picks a free one. */
  readonly port?: number;
  readonly users?: readonly EmulatorUser[];
  /** Tokens accepted as they are. */
  readonly tokens?: readonly string[];
  /** Refresh tokens accepted at `POST /api/v1/auth/convert_refresh_token/`. */
  readonly refreshTokens?: readonly string[];
  /** Largest import body accepted; larger ones get 413. Default 1 GiB. */
  readonly maxBodyBytes?: number;
  /**
   * Largest import body kept as parsed JSON in {@link ReceivedImport.body}. Larger ones are
   * validated as they stream and only summarized. Default 64 MiB; 0 keeps no body (what a
   * long-running inbox wants: memory then stays bounded however many imports come).
   */
  readonly maxStoredBodyBytes?: number;
  /**
   * Longest `chat_text`, in characters, that is parsed with the project's parser to validate the
   * import and count its messages (held in memory while it is). A longer one is only checked for
   * message header lines as it streams, and `last_message` is `null`. Default 64 Mi.
   */
  readonly maxParsedChatTextChars?: number;
  /**
   * Directory where imports persist (`inbox.json`): loaded at start, rewritten atomically after
   * each import, so they survive a restart and a crash mid-write. Bodies are not kept there,
   * only what `GET /api/v1/chats/` lists and the import summaries. One emulator per directory.
   * Default: memory only.
   */
  readonly dataDir?: string;
  readonly faults?: readonly Fault[];
  /** The clock for `Chat` timestamps. Default `() => new Date()`. */
  readonly now?: () => Date;
  /**
   * Called once per request when its exchange is over (answered, or the connection closed),
   * with the import it created if it was an accepted import. For logs; errors it throws are
   * ignored.
   */
  readonly onRequest?: (request: ReceivedRequest, received: ReceivedImport | undefined) => void;
}

/**
 * An import the emulator accepted.
 *
 * @example
 * ```ts
 * const [received] = emulator.imports;
 * console.log(received?.bytes, received?.body?.chat_text);
 * ```
 */
export interface ReceivedImport {
  /** Body length in bytes. */
  readonly bytes: number;
  /** SHA-256 of the body, hex. */
  readonly sha256: string;
  /** The parsed body, when it was at most `maxStoredBodyBytes`. */
  readonly body: ChatImport | undefined;
  /** The user whose token was used (`undefined` for a configured token). */
  readonly user: string | undefined;
  readonly mediaFileCount: number;
  /** When it was accepted, ISO 8601. */
  readonly importedAt: string;
  /** The answer sent. */
  readonly chat: Chat;
}

/**
 * One HTTP request as the emulator saw it, whatever its outcome.
 *
 * @example
 * ```ts
 * for (const request of emulator.log) console.log(request.path, request.contentLength, request.bytesReceived);
 * ```
 */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  /** The `Content-Length` header as sent (`undefined` when absent). */
  readonly contentLength: string | undefined;
  /** The `Transfer-Encoding` header as sent. */
  readonly transferEncoding: string | undefined;
  /** Body bytes read from the connection. */
  readonly bytesReceived: number;
  /** The status answered; `undefined` when the connection was broken or never answered. */
  readonly status: number | undefined;
}

/**
 * A running emulator.
 *
 * @example
 * ```ts
 * const emulator = await startInboxEmulator({ tokens: ['t0k3n'] });
 * try {
 *   // … point an InboxClient at emulator.url …
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export interface InboxEmulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Imports accepted so far, those loaded from `dataDir` first (without `body`). */
  readonly imports: readonly ReceivedImport[];
  /** The data file imports persist in, or `undefined` without `dataDir`. */
  readonly dataFile: string | undefined;
  /** HTTP requests received so far (all endpoints). */
  readonly requests: number;
  /** Every request received so far. */
  readonly log: readonly ReceivedRequest[];
  /** Stops listening and breaks open connections. */
  close(): Promise<void>;
}
