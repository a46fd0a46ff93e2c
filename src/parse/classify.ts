/**
 * What a message body is: attachment, omitted media, deleted, edited, call, location, poll,
 * system notice … All knowledge comes from the compiled locale tables; this file only knows
 * *where* WhatsApp puts each marker.
 *
 * ```
 * > | IMG-20220323-WA0002.jpg (file attached)        Android: file, then (LABEL), first line
 * > | ‎<attached: 00000035-PHOTO-2022-03-27.jpg>      iOS: <LABEL: file>, end of the body
 * > | CV.pdf • ‎2 pages ‎<attached: 00000047-CV.pdf>   iOS document: title, pages, tag
 * > | Hello there <This message was edited>          edited marker: end of the body
 * ```
 *
 * @module
 */

import { BULLET, isWhiteSpaceCode, LRM, normalizeForMatch, RLM, stripMarks } from '../chars.js';
import { toAsciiDigits } from '../format/digits.js';
import {
  type CompiledPhrase,
  colonKey,
  foldKey,
  indexWords,
  type Lexicon,
  type PlaceholderEntry,
} from '../locales/lexicon.js';
import type { SystemKind } from '../locales/types.js';
import { firstWordKey, lookupWordKey, mayHoldWord, NO_WORD_KEY } from '../locales/word-key.js';
import { ownCopy } from '../text/own-copy.js';
import type { Attachment, MediaType, MessageKind } from './message.js';

/** The classification of one body. */
export interface Classification {
  readonly kind: MessageKind;
  readonly attachment: Attachment | null;
  readonly mediaType: MediaType | undefined;
  readonly edited: boolean;
  readonly deleted: boolean;
  readonly mediaOmitted: boolean;
  /** Page count of an iOS document (`CV.pdf • 2 pages <attached: …>`), when printed. */
  readonly pages: number | undefined;
  /** Languages whose strings matched. */
  readonly languages: readonly string[];
}

/** A system phrase match. */
export interface SystemMatch {
  readonly kind: SystemKind;
  readonly language: string;
}

const NONE: readonly string[] = [];
const LINE_BREAK = /[ \t]*\r?\n[ \t]*/gu;
const MAX_PLACEHOLDER_LENGTH = 200;
/**
 * A shared venue (language-independent): iOS `Name (Address): https://foursquare.com/v/…` on one
 * line, Android name, address and URL on three lines (reference §2.3).
 */
const FOURSQUARE_VENUE = /^(?:[^\n]+\): |[^\n]+\n[^\n]+\n)https:\/\/foursquare\.com\/v\/\S+$/u;

/**
 * Tests a single line against the system phrases. `allowNameFirst` admits phrases that begin
 * with a person (`{name} left`): safe on authorless lines and iOS notice bodies that open with
 * a mark, too loose for ordinary authored text.
 *
 * @example
 * ```ts
 * matchSystem('\u200eMessages and calls are end-to-end encrypted.', getLexicon(), false)?.kind; // 'encryption'
 * ```
 */
export function matchSystem(
  line: string,
  lexicon: Lexicon,
  allowNameFirst: boolean,
  word: string = lookupWordKey(line, lexicon.wordKeys),
): SystemMatch | null {
  if (line.length > 600) return null;
  const candidates = lexicon.systemByFirstWord.get(word);
  if (candidates === undefined && !allowNameFirst) return null;
  const text = normalizeForMatch(line);
  for (const phrase of candidates ?? []) {
    if (phrase.regex.test(text)) return { kind: phrase.kind, language: phrase.language };
  }
  if (!allowNameFirst) return null;
  const unanchored = lexicon.systemNameFirstByWord.get('');
  // No anchor word on the line, and no phrase without one: no name-first phrase can match.
  if (unanchored !== undefined || mayHoldWord(text, lexicon.systemNameFirstAnchors)) {
    // Only the phrases anchored on a word this line contains (plus the unanchored few), in table order.
    const found: CompiledPhrase[] = [...(unanchored ?? [])];
    for (const word of indexWords(text)) {
      const bucket = lexicon.systemNameFirstByWord.get(word);
      if (bucket !== undefined) for (const phrase of bucket) if (!found.includes(phrase)) found.push(phrase);
    }
    found.sort((a, b) => a.order - b.order);
    for (const phrase of found) {
      if (phrase.regex.test(text)) return { kind: phrase.kind, language: phrase.language };
    }
  }
  return null;
}

/**
 * True when a body opens with an LRM/RLM, as iOS notices and placeholders do.
 *
 * @example
 * ```ts
 * startsWithMark('\u200eimage omitted'); // true
 * ```
 */
export function startsWithMark(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === LRM.charCodeAt(0) || first === RLM.charCodeAt(0);
}

/**
 * Classifies a message body (the text after `Author: `, continuation lines joined by `\n`).
 * `bodyWord` is the body's {@link lookupWordKey} and `newline` the index of its first `\n`
 * (-1: none) when the caller has them already.
 *
 * @example
 * ```ts
 * classifyBody('IMG-20220323-WA0002.jpg (file attached)\nNice view', getLexicon()).attachment;
 * // { fileName: 'IMG-20220323-WA0002.jpg' }
 * ```
 */
export function classifyBody(
  body: string,
  lexicon: Lexicon,
  bodyWord?: string,
  newline: number = body.indexOf('\n'),
): Classification {
  if (bodyWord === NO_WORD_KEY && isPlainText(body, newline)) return PLAIN_TEXT;
  const firstLine = newline === -1 ? body : body.slice(0, newline);
  const languages: string[] = [];
  let edited = false;
  let text = body;

  // Edited marker: `… <This message was edited>` at the very end.
  if (body.endsWith('>')) {
    const open = body.lastIndexOf('<');
    if (open !== -1) {
      const found = lexicon.edited.get(foldKey(body.slice(open + 1, -1)));
      if (found !== undefined) {
        edited = true;
        languages.push(...found);
        text = body.slice(0, open).trimEnd();
      }
    }
  }
  const head = newline === -1 || text.length < firstLine.length ? text : firstLine;

  // Exact placeholders (deleted, omitted, calls …) on the first line, then prefixes, then the iOS
  // `title ‎document omitted` form where the placeholder follows the last LRM.
  // The first-word key of the head is the body's (it stops at the first line break), unless the
  // edited marker was cut off a one-line body.
  const word = bodyWord !== undefined && text === body ? bodyWord : lookupWordKey(head, lexicon.wordKeys);
  const placeholder = lookupPlaceholder(head, word, lexicon);
  if (placeholder !== undefined) {
    languages.push(...placeholder.languages);
    const pages = placeholder.mediaType === 'document' ? pageCount(head, lexicon) : undefined;
    return result(placeholder.kind, null, placeholder.mediaType, edited, languages, pages);
  }

  const attachment = findAttachment(text, head, lexicon, languages);
  if (attachment !== undefined) {
    const mediaType = attachment !== null && VCARD.test(attachment.fileName) ? 'contact' : undefined;
    return result('attachment', attachment, mediaType, edited, languages, pageCount(text, lexicon));
  }

  if (head.includes('://')) {
    const bucket = lexicon.location.get(word);
    const line = bucket === undefined ? '' : colonKey(foldKey(head));
    for (const [label, found] of bucket ?? []) {
      if (line.startsWith(label)) {
        languages.push(...found);
        return result('location', null, undefined, edited, languages);
      }
    }
  }
  if (text.includes(FOURSQUARE_PATH) && FOURSQUARE_VENUE.test(stripMarks(text).trim()))
    return result('location', null, undefined, edited, languages);
  const polls = lexicon.poll.get(word);
  if (polls !== undefined) {
    const line = colonKey(foldKey(head));
    const poll = polls.find(([label]) => label === line);
    if (poll !== undefined) {
      languages.push(...poll[1]);
      return result('poll', null, undefined, edited, languages);
    }
  }
  if (text === 'null') return result('null', null, undefined, edited, languages);
  return edited ? result('text', null, undefined, edited, languages) : PLAIN_TEXT;
}

/**
 * True when a body whose first word opens no table entry (its key is {@link NO_WORD_KEY}) can
 * hold no other marker either: the shortcut for the common message. Each test stands for a
 * step of {@link classifyBody} that could find something:
 *
 * - the body ends in `>`: an edited marker, an iOS `<attached: …>` tag;
 * - the first line ends in `)` or `>`: an Android `file (file attached)`, a pre-2018 omitted tag;
 * - either ends in white space: those steps trim first, so leave it to them;
 * - an LRM after the first character of the first line: iOS `title ‎document omitted`;
 * - `://` in the first line: a location; `foursquare.com/v/` anywhere: a shared venue;
 * - the body `null`.
 */
function isPlainText(body: string, newline: number): boolean {
  const last = body.charCodeAt(body.length - 1);
  if (body.length === 0 || last === GREATER_THAN || isWhiteSpaceCode(last)) return false;
  if (newline !== -1) {
    const headLast = body.charCodeAt(newline - 1);
    if (
      newline === 0 ||
      headLast === GREATER_THAN ||
      headLast === CLOSING_PARENTHESIS ||
      isWhiteSpaceCode(headLast)
    )
      return false;
  } else if (last === CLOSING_PARENTHESIS) return false;
  // Most bodies hold none of the three: one native regex scan says so.
  if (!MAYBE_MARKED.test(body)) return body !== 'null';
  const headEnd = newline === -1 ? body.length : newline;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === LRM_CODE) {
      if (i > 0 && i < headEnd) return false;
    } else if (code === COLON) {
      if (i < headEnd && body.charCodeAt(i + 1) === SLASH && body.charCodeAt(i + 2) === SLASH) return false;
    } else if (code === SLASH && body.charCodeAt(i + 1) === LOWER_V && body.charCodeAt(i + 2) === SLASH) {
      if (body.includes(FOURSQUARE_PATH)) return false;
    }
  }
  return body !== 'null';
}

/** Where an LRM, a `://` or a `/v/` (of `foursquare.com/v/`) is, the body needs a closer look. */
const MAYBE_MARKED = /\u200e|:\/\/|\/v\//u;
const LRM_CODE = 0x200e;
const COLON = 0x3a;
const SLASH = 0x2f;
const LOWER_V = 0x76;
const FOURSQUARE_PATH = 'foursquare.com/v/';
const GREATER_THAN = 0x3e;
const CLOSING_PARENTHESIS = 0x29;

/** The answer for most messages, shared rather than allocated per message. */
const PLAIN_TEXT: Classification = {
  kind: 'text',
  attachment: null,
  mediaType: undefined,
  edited: false,
  deleted: false,
  mediaOmitted: false,
  pages: undefined,
  languages: NONE,
};

/** A contact card: iOS `00000042-Name.vcf`, Android `Name.vcf`. */
const VCARD = /\.vcf$/iu;
/** Longest title-and-count segment looked at for a page count. */
const MAX_PAGES_SEGMENT = 80;

/**
 * The page count of an iOS document line, read between the last bullet and the tag or
 * placeholder, in the locale's words and digits:
 *
 * ```
 * > | CV.pdf • ‎2 pages ‎<attached: 00000047-CV.pdf>
 * > | 契約書.pdf • ‎ページ数: 2 ‎<添付ファイル: 00000003-契約書.pdf>
 * > | عقد.pdf • ‏صفحتان ٢ ‏<المُرفق: 00000004-عقد.pdf>
 * > | CV.pdf • ‎2 pages ‎document omitted
 *              ^ segment: from the bullet to `<`, or to the mark before the placeholder
 * ```
 */
function pageCount(text: string, lexicon: Lexicon): number | undefined {
  const bullet = text.lastIndexOf(BULLET);
  if (bullet === -1) return undefined;
  let segment = text.slice(bullet + 1);
  const tag = segment.indexOf('<');
  if (tag !== -1) segment = segment.slice(0, tag);
  else {
    const mark = Math.max(segment.lastIndexOf(LRM), segment.lastIndexOf(RLM));
    if (mark <= 0 || stripMarks(segment.slice(0, mark)).trim() === '') return undefined;
    segment = segment.slice(0, mark);
  }
  if (segment.length > MAX_PAGES_SEGMENT) return undefined;
  const match = lexicon.pages.exec(toAsciiDigits(normalizeForMatch(segment)).trim());
  if (match === null) return undefined;
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return Number(match[i]);
  return undefined;
}

function lookupPlaceholder(head: string, word: string, lexicon: Lexicon): PlaceholderEntry | undefined {
  if (head.length > MAX_PLACEHOLDER_LENGTH) return undefined;
  // Most bodies start with a word no placeholder starts with: skip the folding entirely.
  if (!lexicon.placeholderWords.has(word) && !word.startsWith('<')) return omittedAfterMark(head, lexicon);
  const key = foldKey(head);
  const exact = lexicon.placeholders.get(key);
  if (exact !== undefined) return exact;
  if (key.startsWith('<') && key.endsWith('>')) {
    const inner = lexicon.placeholders.get(foldKey(key.slice(1, -1)));
    if (inner !== undefined) return inner;
  }
  for (const [prefix, entry] of lexicon.placeholderPrefixes.get(firstWordKey(key)) ?? []) {
    if (key.startsWith(prefix)) return entry;
  }
  return omittedAfterMark(head, lexicon);
}

/**
 * iOS `title ‎document omitted`: the placeholder follows the last LRM; before 2018 it was
 * bracketed after the title, `title • ‎1 page <‎document omitted>`.
 */
function omittedAfterMark(head: string, lexicon: Lexicon): PlaceholderEntry | undefined {
  if (head.endsWith('>')) {
    const open = head.lastIndexOf('<');
    if (open > 0) {
      const bracketed = lexicon.placeholders.get(foldKey(head.slice(open)));
      if (bracketed?.kind === 'media-omitted') return bracketed;
    }
  }
  const lastMark = head.lastIndexOf(LRM);
  if (lastMark <= 0) return undefined;
  const tail = lexicon.placeholders.get(foldKey(head.slice(lastMark + 1)));
  return tail?.kind === 'media-omitted' ? tail : undefined;
}

function findAttachment(
  text: string,
  head: string,
  lexicon: Lexicon,
  languages: string[],
): Attachment | null | undefined {
  // iOS: `<LABEL: file>` (or `<file LABEL>`, or pre-2018 `file <attached>`) closing the body.
  const trimmed = text.trimEnd();
  if (trimmed.endsWith('>')) {
    const open = trimmed.lastIndexOf('<');
    if (open !== -1) {
      const inner = stripMarks(trimmed.slice(open + 1, -1));
      const colon = inner.search(/[:：]/u);
      if (colon !== -1) {
        const found = lexicon.attachedTag.get(foldKey(inner.slice(0, colon)));
        if (found !== undefined) {
          languages.push(...found);
          // A long name may be broken over lines (`<attached: 00000012-Very long` / `name.pdf>`):
          // the break stands for the space it replaced.
          return attachmentOf(
            inner
              .slice(colon + 1)
              .trim()
              .replace(LINE_BREAK, ' '),
          );
        }
      }
      const space = inner.trimEnd().lastIndexOf(' ');
      if (space !== -1) {
        const found = lexicon.attachedTagAfter.get(foldKey(inner.slice(space + 1)));
        if (found !== undefined) {
          languages.push(...found);
          return attachmentOf(inner.slice(0, space).trim());
        }
      }
      const bare = lexicon.attachedTag.get(foldKey(inner));
      if (bare !== undefined) {
        languages.push(...bare);
        return attachmentOf(stripMarks(trimmed.slice(0, open)).trim());
      }
    }
  }
  // Android: `file (LABEL)` on the first line; the caption follows on the next lines.
  const line = head.trimEnd();
  if (line.endsWith(')')) {
    const open = line.lastIndexOf('(');
    if (open !== -1) {
      const found = lexicon.fileAttached.get(foldKey(line.slice(open + 1, -1)));
      if (found !== undefined) {
        languages.push(...found);
        return attachmentOf(stripMarks(line.slice(0, open)).trim());
      }
    }
  }
  return undefined;
}

/**
 * The attachment of a marker's file name (`null` when the marker names none). The name is an
 * own copy: callers keep attachment names (media pairing keeps them all), and a slice would keep
 * its whole chunk of the log alive (see `text/own-copy.ts`).
 */
function attachmentOf(fileName: string): Attachment | null {
  return fileName === '' ? null : { fileName: ownCopy(fileName) };
}

function result(
  kind: MessageKind,
  attachment: Attachment | null,
  mediaType: MediaType | undefined,
  edited: boolean,
  languages: readonly string[],
  pages?: number,
): Classification {
  return {
    kind,
    attachment,
    mediaType,
    edited,
    deleted: kind === 'deleted',
    mediaOmitted: kind === 'media-omitted',
    pages,
    languages: languages.length === 0 ? NONE : languages,
  };
}
