/**
 * Counters and findings of a parse: what `inspect` shows and what callers check before
 * trusting the output. Every skipped line is counted here.
 *
 * @module
 */

import type { HeaderFormat, Refusal } from '../format/detect.js';
import type { SystemKind } from '../locales/types.js';

/** A line the parser could not place in a message, kept for the report. */
export interface SkippedLine {
  readonly line: number;
  readonly text: string;
  readonly reason: 'before-first-header' | 'no-export-format';
  /** The exact source text, terminator included; only with the `raw` option. */
  readonly raw?: string;
}

/** A header-shaped line whose date or time cannot exist under the locked format. */
export interface InvalidDateLine {
  readonly line: number;
  readonly text: string;
}

/** A change of UTC offset between two consecutive messages (a daylight-saving transition). */
export interface OffsetChange {
  readonly line: number;
  readonly fromMinutes: number;
  readonly toMinutes: number;
}

/**
 * The device language as the log itself shows it: the language whose markers and system
 * strings recognized the most messages.
 */
export interface InferredLanguage {
  /** Locale table key (`de`, `pt-PT` …). */
  readonly language: string;
  /** Messages recognized through this language's markers and system strings. */
  readonly evidence: number;
  /** Messages recognized through any language's strings. */
  readonly total: number;
}

/**
 * What a parse found, updated as it goes.
 *
 * @example
 * ```ts
 * const { info } = parseChatText(text, { language: 'en-GB' });
 * console.log(info.messages, info.skippedLines, info.format?.dateOrder);
 * ```
 */
export interface ParseInfo {
  /** Lines read. */
  lines: number;
  /** Messages produced. */
  messages: number;
  systemMessages: number;
  attachments: number;
  mediaOmitted: number;
  deleted: number;
  edited: number;
  /** Authorless lines whose text matched no known system phrase. */
  unrecognizedSystem: number;
  /** Lines in no message (counted; the first {@link MAX_SAMPLES} are kept in `skipped`). */
  skippedLines: number;
  skipped: SkippedLine[];
  /** Header-shaped lines with an impossible date, kept as text of the previous message. */
  invalidDates: number;
  invalidDateLines: InvalidDateLine[];
  /** Local times in a daylight-saving gap (moved forward) and overlap (earlier instant taken). */
  nonexistentTimes: number;
  ambiguousTimes: number;
  /** UTC offset changes crossed (only with a time zone). */
  offsetChanges: OffsetChange[];
  /** The locked format, once detected; null before, or when the input has no headers. */
  format: HeaderFormat | null;
  /** Set when the input looks like something other than an export (copy-pasted messages). */
  refusal: Refusal | null;
  /** Message counts per author (human messages only). */
  authors: Map<string, number>;
  /** System messages per kind. */
  systemKinds: Map<SystemKind | 'unrecognized', number>;
  /** Messages recognized through each language's strings. */
  languageEvidence: Map<string, number>;
  /** The top language of `languageEvidence` with its count; set when the parse ends, null without evidence. */
  inferredLanguage: InferredLanguage | null;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  /** True when no offset or zone was given and times were read as UTC. */
  utcAssumed: boolean;
  /** The offset or zone times were converted with. */
  timeBasis: string;
}

/** How many skipped / invalid lines are kept as samples (all are counted). */
export const MAX_SAMPLES = 1000;

/**
 * A fresh, empty info object.
 *
 * @example
 * ```ts
 * emptyInfo('UTC+01:00', false).messages; // 0
 * ```
 */
export function emptyInfo(timeBasis: string, utcAssumed: boolean): ParseInfo {
  return {
    lines: 0,
    messages: 0,
    systemMessages: 0,
    attachments: 0,
    mediaOmitted: 0,
    deleted: 0,
    edited: 0,
    unrecognizedSystem: 0,
    skippedLines: 0,
    skipped: [],
    invalidDates: 0,
    invalidDateLines: [],
    nonexistentTimes: 0,
    ambiguousTimes: 0,
    offsetChanges: [],
    format: null,
    refusal: null,
    authors: new Map(),
    systemKinds: new Map(),
    languageEvidence: new Map(),
    inferredLanguage: null,
    firstTimestamp: null,
    lastTimestamp: null,
    utcAssumed,
    timeBasis,
  };
}
