/**
 * The inbox's import request (`POST /api/v1/chat_import/`), as the get.chat / 360dialog Inbox
 * API defines it. Field names are the API's, snake_case.
 *
 * @module
 */

/** A participant of the chat: the handle as the log prints it and its E.164 number. */
export interface ChatImportContact {
  /** The author exactly as the log shows it, minus bidi/format controls and the `~ ` prefix. */
  readonly handle: string;
  /** E.164 with a leading `+` (`+447700900123`). */
  readonly phone_number: string;
}

/** One media file of the export. */
export interface ChatImportMediaFile {
  /** Base64 of the file's bytes. */
  readonly b64_content: string;
  /** MIME type, from the content first, then the extension. */
  readonly mime_type: string;
  /** File name exactly as the chat log references it. */
  readonly file_name: string;
}

/**
 * The request body of `POST /api/v1/chat_import/`.
 *
 * @example
 * ```ts
 * const body: ChatImport = {
 *   chat_text: '10/03/2022, 11:00 - Customer 1: Message 1',
 *   chat_participants: [{ handle: 'Customer 1', phone_number: '+447700900123' }],
 *   utc_offset_minutes: 60,
 *   device_language_code: 'en-GB',
 *   media_files: [],
 * };
 * ```
 */
export interface ChatImport {
  /** The chat log verbatim (only a BOM removed). */
  readonly chat_text: string;
  /** At most two participants. */
  readonly chat_participants: readonly ChatImportContact[];
  /** Minutes the device's zone is ahead of UTC (negative in the Americas). */
  readonly utc_offset_minutes: number;
  /** Device language, BCP 47 (`en-US`, `de`, `pt-BR`). */
  readonly device_language_code: string;
  /** The media files, possibly none. */
  readonly media_files: readonly ChatImportMediaFile[];
}
