/**
 * What a build found and decided, for people (the CLI's summary) and machines (`--report`).
 *
 * @module
 */

import type { ChatLogRule, ExportKind } from '../archive/index.js';
import type { ChatAuthor, ParticipantSource } from '../participants/index.js';
import type { ChatImportContact } from '../payload/index.js';
import type { TextEncodingName } from '../text/decoder.js';
import type { LanguageSource, OffsetSource } from './device-facts.js';
import type { MediaReport } from './media-plan.js';

/**
 * How the build handled time: the daylight-saving changes the chat crosses and what became of
 * the messages the payload's single offset does not fit.
 *
 * @example
 * ```ts
 * const times: TimesReport = { offsetChanges: 1, messagesOff: 40, largestDifferenceMinutes: 60, normalizedHeaders: 40 };
 * ```
 */
export interface TimesReport {
  /** Offset changes between consecutive messages (with a time zone). */
  readonly offsetChanges: number;
  /** Messages whose local time, read with the payload's offset, is not their instant. */
  readonly messagesOff: number;
  /** The most such a message is off by, in minutes. */
  readonly largestDifferenceMinutes: number;
  /** Header lines rewritten by normalize-times (0 without it). */
  readonly normalizedHeaders: number;
}

/**
 * The facts of one build.
 *
 * @example
 * ```ts
 * const { report } = await prepareChatImport(chatExport, { timeZone: 'Europe/Berlin' });
 * console.log(report.customer, report.participants, report.media.included.length, report.payloadBytes);
 * ```
 */
export interface BuildReport {
  readonly input: {
    readonly kind: ExportKind;
    readonly sourceName: string | null;
    /** Path of the chat log inside the export. */
    readonly chatLog: string;
    readonly chatLogRule: ChatLogRule;
    readonly chatLogReason: string;
    readonly encoding: TextEncodingName;
  };
  readonly messages: number;
  readonly firstTimestamp: string | null;
  readonly lastTimestamp: string | null;
  /** Human authors and their message counts, most active first. */
  readonly authors: readonly ChatAuthor[];
  /** The chat name from the export's file name, when it has one. */
  readonly chatName: string | null;
  /** `chat_participants`. */
  readonly participants: readonly ChatImportContact[];
  /** Where each known number came from. */
  readonly participantSources: readonly { readonly handle: string; readonly source: ParticipantSource }[];
  /** The customer's handle, when it could be told. */
  readonly customer: string | null;
  /** The business side's handle, given or deduced. */
  readonly self: string | null;
  readonly utcOffsetMinutes: number;
  readonly utcOffsetSource: OffsetSource;
  readonly timeZone: string | null;
  readonly deviceLanguageCode: string;
  readonly languageSource: LanguageSource;
  readonly times: TimesReport;
  readonly media: MediaReport;
  /** Exact length of the request body in bytes. */
  readonly payloadBytes: number;
  /** Everything the user should check, one sentence each. */
  readonly warnings: readonly string[];
}
