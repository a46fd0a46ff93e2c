/**
 * Compiles every registered locale table into the lookups the parser's hot loop uses: exact
 * maps for placeholders, label sets for attachment markers, first-word-indexed system phrases
 * and the meridiem word list. Built once per process (`getLexicon()`), never per line.
 *
 * @module
 */

import { normalizeForMatch } from '../chars.js';
import type { MediaType, MessageKind } from '../parse/message.js';
import { CLDR_MERIDIEM_WORDS } from './cldr-snapshot.js';
import { LOCALE_TABLES } from './registry.js';
import { entrySecondWord } from './second-word.js';
import type { LocaleTable, MeridiemWord, SystemKind } from './types.js';
import { firstWordKey, wordKeyFilter } from './word-key.js';

/** A recognized placeholder body. */
export interface PlaceholderEntry {
  readonly kind: MessageKind;
  readonly mediaType?: MediaType;
  /** True for "You deleted this message" (the exporter's own). */
  readonly own?: boolean;
  readonly languages: readonly string[];
}

/** A compiled system phrase. */
export interface CompiledPhrase {
  readonly kind: SystemKind;
  readonly language: string;
  readonly regex: RegExp;
  /** True when the phrase starts with a `{name}` placeholder (group events about a person). */
  readonly startsWithName: boolean;
  /** Position in table order: when several phrases match, the earliest wins. */
  readonly order: number;
}

/** Everything the parser looks up, compiled from the locale tables. */
export interface Lexicon {
  /** Exact placeholder bodies, keyed by {@link foldKey}. */
  readonly placeholders: ReadonlyMap<string, PlaceholderEntry>;
  /** Placeholder prefixes (`Voice call…`, `This message was deleted by admin…`), folded, indexed by first word. */
  readonly placeholderPrefixes: ReadonlyMap<string, readonly (readonly [string, PlaceholderEntry])[]>;
  /** iOS `<LABEL: file>` labels, folded → languages. */
  readonly attachedTag: ReadonlyMap<string, readonly string[]>;
  /** iOS `<file LABEL>` labels, folded → languages. */
  readonly attachedTagAfter: ReadonlyMap<string, readonly string[]>;
  /** Android `file (LABEL)` labels, folded → languages. */
  readonly fileAttached: ReadonlyMap<string, readonly string[]>;
  /** Edited markers (inside the angle brackets), folded → languages. */
  readonly edited: ReadonlyMap<string, readonly string[]>;
  /** Location prefixes (`location:`, folded, no space before the colon), bucketed by first-word key. */
  readonly location: ReadonlyMap<string, readonly (readonly [string, readonly string[]])[]>;
  /** First-word keys of every exact placeholder and placeholder prefix: a body whose key is not here skips the lookup. */
  readonly placeholderWords: ReadonlySet<string>;
  /**
   * The {@link wordKeyFilter} of every first-word key an index above is keyed by (placeholders,
   * system phrases, locations, polls): bodies it rules out skip all of those lookups.
   */
  readonly wordKeys: Uint8Array;
  /**
   * Per first-word key of the indexes above, the second words their entries can have (see
   * `second-word.ts`), or null where any will do: a body with another second word skips them all.
   */
  readonly secondWords: ReadonlyMap<string, ReadonlySet<string> | null>;
  /** Poll headers (folded, no space before the colon), bucketed by first-word key. */
  readonly poll: ReadonlyMap<string, readonly (readonly [string, readonly string[]])[]>;
  /** Page-count phrase regex source (`\d+ pages|…`), for iOS document lines. */
  readonly pagesSource: string;
  /**
   * The page-count phrases as one anchored, case-insensitive regex over a normalized, ASCII-digit
   * copy of the count (`2 pages`, `ページ数: 2`, `صفحتان 2`): each phrase captures its number.
   */
  readonly pages: RegExp;
  /** System phrases indexed by their folded first word. */
  readonly systemByFirstWord: ReadonlyMap<string, readonly CompiledPhrase[]>;
  /** System phrases that start with a name placeholder. */
  readonly systemNameFirst: readonly CompiledPhrase[];
  /**
   * The name-first phrases indexed by their first all-literal word (`{name} created group …` →
   * `created`), so a body is tested only against phrases whose anchor word it contains. Phrases
   * with no such word (scripts without spaces) are under `''` and always tested.
   */
  readonly systemNameFirstByWord: ReadonlyMap<string, readonly CompiledPhrase[]>;
  /** The {@link wordKeyFilter} of the anchor words above (`''` aside), for `mayHoldWord`. */
  readonly systemNameFirstAnchors: Uint8Array;
  /** Regex source matching any `dateTimeJoiners` word (empty when no table has one). */
  readonly joinerSource: string;
  /** Regex source matching any `yearSuffixes` word (empty when no table has one). */
  readonly yearSuffixSource: string;
  /** Languages whose regions write dates in different orders (`LocaleTable.dateOrderByRegion`). */
  readonly dateOrderByRegion: ReadonlySet<string>;
  /** Meridiem words (as printed, de-duplicated) with their hour masks, keyed by {@link meridiemKey}. */
  readonly meridiem: ReadonlyMap<string, number>;
  /** Regex source matching any meridiem word, longest first, internal spaces flexible. */
  readonly meridiemSource: string;
  /** The words `meridiemSource` is built from: each printed form, lower-cased and upper-cased. */
  readonly meridiemPrinted: readonly string[];
}

const MULTISPACE = / {2,}/gu;

/**
 * The key placeholders and labels are matched by: marks removed, odd spaces made plain,
 * lower-cased, trimmed, trailing dots dropped (iOS adds a period Android leaves out).
 *
 * @example
 * ```ts
 * foldKey('\u200eThis message was deleted.'); // 'this message was deleted'
 * ```
 */
export function foldKey(text: string): string {
  // The regex-free form of `.replace(/ {2,}/g, ' ').trim().toLowerCase().replace(/[.。]+$/u, '')`
  // (a test holds them equal): the classifier folds a line or two per message that has a marker.
  const normalized = normalizeForMatch(text);
  const lower = (normalized.includes('  ') ? normalized.replace(MULTISPACE, ' ') : normalized)
    .trim()
    .toLowerCase();
  let end = lower.length;
  while (end > 0 && isTrailingDot(lower.charCodeAt(end - 1))) end--;
  return end === lower.length ? lower : lower.slice(0, end);
}

/** `.` and the ideographic full stop `。`, which iOS adds at the end of some strings. */
function isTrailingDot(code: number): boolean {
  return code === 0x2e || code === 0x3002;
}

/**
 * The key a meridiem word is looked up by: all spaces removed, `’` read as `'`, lower-cased
 * (`p. m.` = `p.m.`, `’s avonds` = `'s avonds`).
 *
 * @example
 * ```ts
 * meridiemKey('p.\u202fm.'); // 'p.m.'
 * ```
 */
export function meridiemKey(word: string): string {
  return normalizeForMatch(word).replace(/ /gu, '').replace(/’/gu, "'").toLowerCase();
}

let cached: Lexicon | undefined;

/**
 * The compiled lexicon of all registered tables (built on first use).
 *
 * @example
 * ```ts
 * getLexicon().placeholders.get('media omitted'); // { kind: 'media-omitted', languages: ['en'] }
 * ```
 */
export function getLexicon(): Lexicon {
  cached ??= compileLexicon(LOCALE_TABLES);
  return cached;
}

/**
 * Compiles a list of tables into a {@link Lexicon}. Exposed for tests that build one from their own tables.
 *
 * @example
 * ```ts
 * const lexicon = compileLexicon([{ language: 'xx', name: 'Test', deleted: ['gone'] }]);
 * lexicon.placeholders.get('gone')?.kind; // 'deleted'
 * ```
 */
export function compileLexicon(tables: readonly LocaleTable[]): Lexicon {
  const placeholders = new Map<string, PlaceholderEntry>();
  const placeholderPrefixes = new Map<string, [string, PlaceholderEntry][]>();
  const attachedTag = new Map<string, string[]>();
  const attachedTagAfter = new Map<string, string[]>();
  const fileAttached = new Map<string, string[]>();
  const edited = new Map<string, string[]>();
  const location = new Map<string, [string, string[]][]>();
  const poll = new Map<string, [string, string[]][]>();
  const placeholderWords = new Set<string>();
  const dateOrderByRegion = new Set<string>();
  const joiners = new Set<string>();
  const yearSuffixes = new Set<string>();
  const pages = new Set<string>();
  const systemByFirstWord = new Map<string, CompiledPhrase[]>();
  const systemNameFirst: CompiledPhrase[] = [];
  const systemNameFirstByWord = new Map<string, CompiledPhrase[]>();
  const secondWords = new Map<string, Set<string> | null>();
  let phraseCount = 0;
  /** Notes an entry's second word under its first-word key (null: any second word). */
  const addSecond = (first: string, second: string | null) => {
    const known = secondWords.get(first);
    if (known === null) return;
    if (second === null) secondWords.set(first, null);
    else if (known === undefined) secondWords.set(first, new Set([second]));
    else known.add(second);
  };
  const meridiemWords: MeridiemWord[] = [...CLDR_MERIDIEM_WORDS];

  const addLabel = (map: Map<string, string[]>, label: string, language: string) => {
    const key = foldKey(label);
    const list = map.get(key) ?? [];
    if (!list.includes(language)) list.push(language);
    map.set(key, list);
  };
  const addPrefixLabel = (map: Map<string, [string, string[]][]>, label: string, language: string) => {
    const key = colonKey(foldKey(label));
    const bucket = map.get(firstWordKey(key)) ?? [];
    const found = bucket.find(([known]) => known === key);
    if (found === undefined) bucket.push([key, [language]]);
    else if (!found[1].includes(language)) found[1].push(language);
    map.set(firstWordKey(key), bucket);
    // Labels open a line (`location: https://…`): anything may follow them.
    addSecond(firstWordKey(key), null);
  };
  const addPlaceholder = (text: string, entry: Omit<PlaceholderEntry, 'languages'>, language: string) => {
    if (text.endsWith('…')) {
      const prefix = foldKey(text.slice(0, -1));
      placeholderWords.add(firstWordKey(prefix));
      const list = placeholderPrefixes.get(firstWordKey(prefix)) ?? [];
      list.push([prefix, { ...entry, languages: [language] }]);
      placeholderPrefixes.set(firstWordKey(prefix), list);
      addSecond(firstWordKey(prefix), entrySecondWord(prefix, true));
      return;
    }
    const key = foldKey(text);
    placeholderWords.add(firstWordKey(key));
    addSecond(firstWordKey(key), entrySecondWord(key, false));
    const existing = placeholders.get(key);
    if (existing === undefined) placeholders.set(key, { ...entry, languages: [language] });
    else if (!existing.languages.includes(language)) {
      placeholders.set(key, { ...existing, languages: [...existing.languages, language] });
    }
  };

  for (const table of tables) {
    const lang = table.language;
    if (table.dateOrderByRegion === true) dateOrderByRegion.add(lang);
    for (const word of table.dateTimeJoiners ?? []) joiners.add(word);
    for (const word of table.yearSuffixes ?? []) yearSuffixes.add(word);
    for (const label of table.attachedTag ?? []) addLabel(attachedTag, label, lang);
    for (const label of table.attachedTagAfter ?? []) addLabel(attachedTagAfter, label, lang);
    for (const label of table.fileAttached ?? []) addLabel(fileAttached, label, lang);
    for (const label of table.edited ?? []) addLabel(edited, label, lang);
    for (const label of table.location ?? []) addPrefixLabel(location, label, lang);
    for (const label of table.poll ?? []) addPrefixLabel(poll, label, lang);
    for (const text of table.mediaOmitted ?? []) {
      addPlaceholder(text, { kind: 'media-omitted' }, lang);
      addPlaceholder(`<${text}>`, { kind: 'media-omitted' }, lang);
    }
    for (const [mediaType, texts] of Object.entries(table.mediaOmittedTyped ?? {})) {
      for (const text of texts ?? []) {
        const entry = { kind: 'media-omitted', mediaType: mediaType as MediaType } as const;
        addPlaceholder(text, entry, lang);
        addPlaceholder(`<${text}>`, entry, lang); // pre-2018 iOS wrapped them in brackets
      }
    }
    for (const text of table.deleted ?? []) addPlaceholder(text, { kind: 'deleted' }, lang);
    for (const text of table.deletedOwn ?? []) addPlaceholder(text, { kind: 'deleted', own: true }, lang);
    for (const text of table.calls ?? []) addPlaceholder(text, { kind: 'call' }, lang);
    for (const text of table.liveLocation ?? []) addPlaceholder(text, { kind: 'live-location' }, lang);
    for (const text of table.waiting ?? []) addPlaceholder(text, { kind: 'waiting' }, lang);
    for (const phrase of table.pages ?? []) pages.add(phrase);
    for (const phrase of table.system ?? []) {
      const compiled: CompiledPhrase = {
        kind: phrase.kind,
        language: lang,
        regex: compilePhrase(phrase.phrase),
        startsWithName: phrase.phrase.startsWith('{'),
        order: phraseCount++,
      };
      if (compiled.startsWithName) {
        systemNameFirst.push(compiled);
        const anchor = anchorWord(phrase.phrase);
        const bucket = systemNameFirstByWord.get(anchor) ?? [];
        bucket.push(compiled);
        systemNameFirstByWord.set(anchor, bucket);
      } else {
        const key = firstWordKey(phrase.phrase);
        const list = systemByFirstWord.get(key) ?? [];
        list.push(compiled);
        systemByFirstWord.set(key, list);
        const open = phrase.phrase.endsWith('…');
        addSecond(key, entrySecondWord(phraseText(phrase.phrase), open));
      }
    }
    meridiemWords.push(...(table.meridiem ?? []));
  }
  for (const list of placeholderPrefixes.values()) list.sort((a, b) => b[0].length - a[0].length);

  const meridiem = new Map<string, number>();
  for (const { word, from, to } of meridiemWords) {
    const key = meridiemKey(word);
    meridiem.set(key, (meridiem.get(key) ?? 0) | spanMask(from, to));
  }
  const printed = new Set<string>();
  for (const { word } of meridiemWords) {
    printed.add(word);
    printed.add(word.toLowerCase());
    printed.add(word.toUpperCase());
  }

  const pagesSource = [...pages]
    .map((p) =>
      escapeRegex(normalizeForMatch(p))
        .replace('\\{n\\}', '\\d+')
        .replace('{n}', '\\d+')
        .replace(/'/gu, APOSTROPHES),
    )
    .join('|');
  return {
    placeholders,
    placeholderPrefixes,
    attachedTag,
    attachedTagAfter,
    fileAttached,
    edited,
    location,
    poll,
    placeholderWords,
    wordKeys: wordKeyFilter([
      ...placeholderWords,
      ...systemByFirstWord.keys(),
      ...location.keys(),
      ...poll.keys(),
    ]),
    dateOrderByRegion,
    joinerSource: alternation(joiners),
    yearSuffixSource: alternation(yearSuffixes),
    pagesSource,
    pages: new RegExp(`^(?:${pagesSource.replaceAll('\\d+', '(\\d+)')})$`, 'iu'),
    systemByFirstWord,
    secondWords,
    systemNameFirst,
    systemNameFirstByWord,
    systemNameFirstAnchors: wordKeyFilter([...systemNameFirstByWord.keys()].filter((word) => word !== '')),
    meridiem,
    meridiemPrinted: [...printed],
    // Either apostrophe (`'s ochtends`, `’s ochtends`), as in the phrases and page counts.
    meridiemSource: [...printed]
      .sort((a, b) => b.length - a.length)
      .map((w) =>
        escapeRegex(normalizeForMatch(w)).replace(/ /gu, '[ \\u00a0\\u202f]?').replace(/'/gu, APOSTROPHES),
      )
      .join('|'),
  };
}

function spanMask(from: number, to: number): number {
  let mask = 0;
  for (let step = 0; step < 24; step++) {
    const hour = (from + step) % 24;
    if (step > 0 && hour === to % 24) break;
    mask |= 1 << hour;
  }
  return mask;
}

const QUOTES = '["“”„«»「」『』]';
const APOSTROPHES = "['’]";
const NAME = '((?:(?!: ).)+?)';

/** The text of a table phrase its regex is made from: normalized, no `…`, no final period. */
function phraseText(phrase: string): string {
  return normalizeForMatch(phrase.endsWith('…') ? phrase.slice(0, -1) : phrase).replace(/\.$/u, '');
}

/** Turns a table phrase into an anchored, case-insensitive regex over a `normalizeForMatch` copy. */
function compilePhrase(phrase: string): RegExp {
  const prefix = phrase.endsWith('…');
  const body = phraseText(phrase);
  let source = '';
  for (const token of body.split(/(\{[a-z]+\}|")/u)) {
    if (token === '') continue;
    if (token === '{name}' || token === '{number}') source += NAME;
    else if (token === '{subject}') source += '(.*?)';
    else if (token === '{n}') source += '\\d+';
    else if (token === '"') source += ` ?${QUOTES} ?`;
    else source += escapeRegex(token).replace(/'/gu, APOSTROPHES).replace(/ /gu, ' +');
  }
  return new RegExp(`^ *${source}${prefix ? '' : '\\.? *$'}`, 'iu');
}

/** Words as a regex alternation, longest first, internal spaces flexible (NBSP, NNBSP). */
function alternation(words: ReadonlySet<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegex(w).replace(/ /gu, '[ \\u00a0\\u202f]'))
    .join('|');
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

/**
 * Folded label or line with a space before a colon removed (`lokasi :` = `lokasi:`), so labels
 * match whichever spacing a locale prints.
 *
 * @example
 * ```ts
 * colonKey('localisation : https://maps.google.com'); // 'localisation: https://maps.google.com'
 * ```
 */
export function colonKey(folded: string): string {
  return folded.includes(' :') ? folded.replace(/ +:/gu, ':') : folded;
}

const WORD_SPLIT = /[\s"“”„«»「」『』]+/u;

/**
 * The words of a line as the name-first index keys them: folded, split on spaces and quotes.
 *
 * @example
 * ```ts
 * indexWords('\u200eAnna created group “Team”'); // ['anna', 'created', 'group', 'team']
 * ```
 */
export function indexWords(line: string): string[] {
  return normalizeForMatch(line.length > 200 ? line.slice(0, 200) : line)
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((word) => word !== '');
}

/** The first word of a phrase that is wholly literal (no placeholder, no `…`), folded; `''` when none. */
function anchorWord(phrase: string): string {
  for (const word of indexWords(phrase)) {
    if (!word.includes('{') && !word.includes('}') && !word.includes('…') && word.length >= 2) return word;
  }
  return '';
}
