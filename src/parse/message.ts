/**
 * The record the parser produces for each message of a chat log.
 *
 * @module
 */

/**
 * What a message is, beyond its text. Recognized from the locale tables, so the same kinds
 * come out whatever the device language.
 */
export type MessageKind =
  /** Ordinary text (including text with a caption-less attachment reference). */
  | 'text'
  /** Refers to a media file or document that was exported with the chat. */
  | 'attachment'
  /** A media placeholder from an export *without* media (`<Media omitted>`, `image omitted`). */
  | 'media-omitted'
  /** "This message was deleted" / "You deleted this message". */
  | 'deleted'
  /** A missed or made voice/video call. */
  | 'call'
  /** A shared location or venue. */
  | 'location'
  /** A live location share. */
  | 'live-location'
  /** A poll with its options on the following lines. */
  | 'poll'
  /** A literal `null` body (view-once media and other unsupported types on Android). */
  | 'null'
  /** "Waiting for this message". */
  | 'waiting'
  /** A chat-level event or notice (encryption, group events, security code …). */
  | 'system';

/** Media type of an iOS typed placeholder (`image omitted`, `video omitted` …). */
export type MediaType =
  | 'image'
  | 'video'
  | 'audio'
  | 'sticker'
  | 'gif'
  | 'contact'
  | 'document'
  | 'video-note';

/** Yes/no facts about a message. */
export interface MessageFlags {
  /** The body ends with the localized "<This message was edited>" marker (kept in `text`). */
  readonly edited: boolean;
  /** The body is a media placeholder of an export without media. */
  readonly mediaOmitted: boolean;
  /** The message was deleted (by its author, by you, or by an admin). */
  readonly deleted: boolean;
  /** The header was matched but its author could not be told from its body (authorless line on a system-free form). */
  readonly unrecognizedSystem: boolean;
}

/** An attachment reference found in the body. */
export interface Attachment {
  /** File name exactly as the log references it (marks removed, nothing else). */
  readonly fileName: string;
}

/**
 * One message of the chat.
 *
 * @example
 * ```ts
 * const message: Message = {
 *   line: 1,
 *   timestamp: '2022-03-10T10:00:00.000Z',
 *   timestampMs: Date.UTC(2022, 2, 10, 10),
 *   localTime: '2022-03-10T11:00:00',
 *   localTimeMs: Date.UTC(2022, 2, 10, 11),
 *   author: 'Customer 1',
 *   text: 'Message 1',
 *   system: false,
 *   attachment: null,
 *   kind: 'text',
 *   flags: { edited: false, mediaOmitted: false, deleted: false, unrecognizedSystem: false },
 *   lineCount: 1,
 * };
 * ```
 */
export interface Message {
  /** 1-based line number of the message's header line in the log. */
  readonly line: number;
  /** The instant in UTC, ISO 8601 with milliseconds and `Z`. */
  readonly timestamp: string;
  /** The same instant in milliseconds since the epoch: `Date.parse(timestamp)`, without parsing. */
  readonly timestampMs: number;
  /** The wall-clock time as printed in the log, ISO 8601 without zone (`2022-03-10T11:00:00`). */
  readonly localTime: string;
  /**
   * The same wall-clock time in milliseconds, read as if it were UTC: `Date.parse(localTime + 'Z')`.
   * `localTimeMs - timestampMs` is the device's offset from UTC at that message, in milliseconds.
   */
  readonly localTimeMs: number;
  /** Display name with bidi/format controls and the `~ ` non-contact prefix removed; `null` for authorless events. */
  readonly author: string | null;
  /** The body exactly as in the log, lines joined with `\n`. */
  readonly text: string;
  /** True for authorless events and for chat-level notices that iOS attributes to a contact or group. */
  readonly system: boolean;
  /** The file the message references, or `null`. */
  readonly attachment: Attachment | null;
  /** What the message is. */
  readonly kind: MessageKind;
  /**
   * Media type of an omitted-media placeholder, when the placeholder says; `contact` also for
   * an attached contact card (`.vcf`).
   */
  readonly mediaType?: MediaType;
  /** Page count of an iOS document (`CV.pdf • 2 pages <attached: …>`), when the log prints one. */
  readonly pages?: number;
  /** Yes/no facts about the message. */
  readonly flags: MessageFlags;
  /** Number of log lines the message spans (header line included). */
  readonly lineCount: number;
  /** Language (table key) whose marker or system phrase recognized this message, when one did. */
  readonly language?: string;
  /** The exact source text, line terminators included; only with the `raw` option. */
  readonly raw?: string;
}
