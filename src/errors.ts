/**
 * The one error class of wa-import, with a code for every way things go wrong.
 *
 * Inside the parser core, problems are *returned* as codes and counted in `info`; only the
 * edges (adapters, archive reader, payload writer, inbox client) throw. The CLI maps a code to
 * an exit status and prints one line, `error[CODE]: message`, never a stack trace.
 *
 * @module
 */

/** Every error code wa-import can report. Grouped by the stage that raises it. */
export type ErrorCode =
  // options and usage
  | 'E_USAGE'
  | 'E_INVALID_OPTION'
  // input and text
  | 'E_INPUT_NOT_FOUND'
  | 'E_READ_FAILED'
  | 'E_NOT_AN_EXPORT'
  | 'E_LINE_TOO_LONG'
  | 'E_MESSAGE_TOO_LARGE'
  | 'E_INVALID_DATE'
  | 'E_DATE_ORDER_CONFLICT'
  | 'E_ABORTED'
  // archives
  | 'E_ZIP_CORRUPT'
  | 'E_ZIP_ENCRYPTED'
  | 'E_ZIP_UNSAFE_PATH'
  | 'E_ZIP_TOO_MANY_ENTRIES'
  | 'E_ZIP_ENTRY_TOO_LARGE'
  | 'E_ZIP_TOO_LARGE'
  | 'E_ZIP_RATIO'
  | 'E_NO_CHAT_LOG'
  // participants, media and payload
  | 'E_GROUP_CHAT'
  | 'E_PARTICIPANT_UNRESOLVED'
  | 'E_INVALID_PHONE'
  | 'E_CONTACTS_FILE'
  | 'E_MEDIA_MISSING'
  | 'E_NO_UTC_OFFSET'
  | 'E_NO_LANGUAGE'
  | 'E_NORMALIZE_TIMES'
  | 'E_WRITE_FAILED'
  // inbox
  | 'E_AUTH'
  | 'E_HTTP_STATUS'
  | 'E_HTTP_BAD_REQUEST'
  | 'E_PAYLOAD_TOO_LARGE'
  | 'E_NETWORK'
  | 'E_TIMEOUT'
  | 'E_UNCERTAIN'
  | 'E_ALREADY_IMPORTED'
  | 'E_LEDGER_CORRUPT'
  | 'E_BODY_SIZE_MISMATCH'
  | 'E_INSECURE_URL';

/** Extra facts an error can carry; the CLI prints `line` when present. */
export interface ErrorDetails {
  /** 1-based line of the chat log the error is about. */
  readonly line?: number;
  /** Name of the archive entry or file the error is about. */
  readonly entry?: string;
  /** A hint on what to do next, printed after the message. */
  readonly hint?: string;
  /** The error that caused this one, for library callers (never printed by the CLI). */
  readonly cause?: unknown;
}

/**
 * An error with a stable {@link ErrorCode}. Messages read "what went wrong: detail, got <value>".
 *
 * @example
 * ```ts
 * import { WaImportError } from 'wa-import';
 * try {
 *   parseChatText('hello', {});
 * } catch (error) {
 *   if (error instanceof WaImportError && error.code === 'E_NOT_AN_EXPORT') console.error(error.message);
 * }
 * ```
 */
export class WaImportError extends Error {
  override readonly name = 'WaImportError';
  readonly code: ErrorCode;
  readonly line: number | undefined;
  readonly entry: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.line = details.line;
    this.entry = details.entry;
    this.hint = details.hint;
  }
}

/**
 * True when `error` is a {@link WaImportError}, optionally with the given code.
 *
 * @example
 * ```ts
 * if (isWaImportError(error, 'E_GROUP_CHAT')) console.log('group chats cannot be imported');
 * ```
 */
export function isWaImportError(error: unknown, code?: ErrorCode): error is WaImportError {
  return error instanceof WaImportError && (code === undefined || error.code === code);
}
