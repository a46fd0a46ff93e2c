/**
 * The shape of one language's table. Locale knowledge lives here as data; the parser compiles
 * every registered table into lookup maps once (see `lexicon.ts`), so adding a language is
 * adding a file to `registry.ts`, never a change to the grammar.
 *
 * Strings are written as WhatsApp prints them, but matched after `normalizeForMatch` (marks
 * removed, NBSP/NNBSP/thin space → space) and case-folded, so tables need no invisible
 * characters. Placeholders in system phrases: `{name}`, `{subject}`, `{number}`, `{n}`; a
 * trailing `…` means "this prefix, then anything".
 *
 * @module
 */

import type { MediaType } from '../parse/message.js';

/** Chat-level events and notices. */
export type SystemKind =
  | 'encryption'
  | 'security-code'
  | 'business'
  | 'group'
  | 'number-change'
  | 'disappearing'
  | 'block'
  | 'contact'
  | 'community'
  | 'meta-ai'
  | 'pinned';

/** A system phrase in one language. */
export interface SystemPhrase {
  /** What the event is. */
  readonly kind: SystemKind;
  /** The phrase, with `{name}`-style placeholders and an optional trailing `…` for a prefix match. */
  readonly phrase: string;
}

/** A meridiem (AM/PM or day-period) word and the 24-hour span it covers, `[from, to)`, wrapping past midnight when `from > to`. */
export interface MeridiemWord {
  readonly word: string;
  readonly from: number;
  readonly to: number;
}

/**
 * Everything WhatsApp prints in one language that the parser must recognize.
 *
 * @example
 * ```ts
 * const xx: LocaleTable = {
 *   language: 'xx',
 *   name: 'Example',
 *   mediaOmitted: ['Media omitted'],
 *   deleted: ['This message was deleted'],
 * };
 * ```
 */
export interface LocaleTable {
  /** Table key, BCP 47: a language (`de`), or language-region where the region prints differently (`pt-PT`). */
  readonly language: string;
  /** English name, for reports and the README. */
  readonly name: string;
  /** iOS attachment tag labels, `<LABEL: file>`. */
  readonly attachedTag?: readonly string[];
  /** iOS attachment tags with the label after the file, `<file LABEL>` (Turkish `eklendi`). */
  readonly attachedTagAfter?: readonly string[];
  /** Android attachment labels, `file (LABEL)`. */
  readonly fileAttached?: readonly string[];
  /** Android without-media placeholders, written without the angle brackets. */
  readonly mediaOmitted?: readonly string[];
  /** iOS typed without-media placeholders (`image omitted`), by media type. */
  readonly mediaOmittedTyped?: Readonly<Partial<Record<MediaType, readonly string[]>>>;
  /** "This message was deleted" (someone else's), and the admin form as a prefix. */
  readonly deleted?: readonly string[];
  /** "You deleted this message". */
  readonly deletedOwn?: readonly string[];
  /** The edited marker appended to the body, written without the angle brackets. */
  readonly edited?: readonly string[];
  /** Page-count phrases of iOS documents, `{n}` standing for the number (`{n} pages`). */
  readonly pages?: readonly string[];
  /** Call placeholders (`Missed voice call`, `Voice call. 12 min` → `Voice call…`). */
  readonly calls?: readonly string[];
  /** Location prefixes before a maps URL (`Location:`), matched case-insensitively. */
  readonly location?: readonly string[];
  /** Live-location placeholders. */
  readonly liveLocation?: readonly string[];
  /** Poll header (`POLL:`). */
  readonly poll?: readonly string[];
  /** "Waiting for this message" placeholders (prefixes). */
  readonly waiting?: readonly string[];
  /** System phrases. */
  readonly system?: readonly SystemPhrase[];
  /**
   * True when the language's regions write dates in different orders (English: month first in
   * the US, day first in the UK), so a log recognized as this language says nothing about its
   * date order.
   */
  readonly dateOrderByRegion?: boolean;
  /** Words some exports print between date and time (fr `à`, fi `klo`). */
  readonly dateTimeJoiners?: readonly string[];
  /** Words printed after the year (bg `г.`, th `BE`; `BE` also marks a Buddhist year). */
  readonly yearSuffixes?: readonly string[];
  /** Meridiem words not in CLDR as Node ships it (older exports, day periods). */
  readonly meridiem?: readonly MeridiemWord[];
}
