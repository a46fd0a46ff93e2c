/**
 * Pairs the attachment references of a chat log with the files of the export.
 *
 * @module
 */

import type { ExportEntry } from '../archive/index.js';
import { stripMarks } from '../chars.js';

/**
 * How a reference found its file:
 * - `exact`: same code points;
 * - `unicode`: same after NFC normalization and invisible marks removed (iOS writes names in NFD,
 *   the log in NFC, or the other way round);
 * - `case`: same after that, ignoring letter case (case-insensitive file systems, re-zipping).
 */
export type MediaMatch = 'exact' | 'unicode' | 'case';

/** One reference of the log and the file it names. */
export interface MediaPair {
  /** The file name as the chat log references it. */
  readonly reference: string;
  readonly entry: ExportEntry;
  readonly matchedBy: MediaMatch;
}

/**
 * The outcome of {@link pairMedia}.
 *
 * @example
 * ```ts
 * const { paired, missing, orphans } = pairMedia(['IMG-1.jpg'], chat.mediaEntries);
 * ```
 */
export interface MediaPairing {
  /** One pair per reference *occurrence*, in reference order: a file referenced twice appears twice. */
  readonly paired: readonly MediaPair[];
  /** Referenced names with no file, each once, in order of first reference. */
  readonly missing: readonly string[];
  /** Files no reference names, in the order given. */
  readonly orphans: readonly ExportEntry[];
}

type KeyOf = (name: string) => string;

const unicodeKey: KeyOf = (name) => stripMarks(name).normalize('NFC');
const caseKey: KeyOf = (name) => unicodeKey(name).toLowerCase();

/** The passes, strictest first; a looser pass only sees files no stricter pass took. */
const PASSES: readonly (readonly [MediaMatch, KeyOf])[] = [
  ['exact', (name) => name],
  ['unicode', unicodeKey],
  ['case', caseKey],
];

/**
 * Pairs references with entries by base name: exact, then Unicode-normalized, then ignoring case.
 * Each distinct reference name binds at most one entry and each entry serves at most one distinct
 * name, so a stricter match is never stolen by a looser one. Among equal candidates the first entry
 * in `entries` wins.
 *
 * @example
 * ```ts
 * const { paired, missing } = pairMedia(['Café.jpg', 'x.pdf'], [entryNamed('Cafe\u0301.jpg')]);
 * paired[0]?.matchedBy; // 'unicode'
 * missing; // ['x.pdf']
 * ```
 */
export function pairMedia(references: readonly string[], entries: readonly ExportEntry[]): MediaPairing {
  const names = [...new Set(references)];
  const bound = new Map<string, { readonly entry: ExportEntry; readonly matchedBy: MediaMatch }>();
  const taken = new Set<ExportEntry>();

  for (const [matchedBy, keyOf] of PASSES) {
    const byKey = new Map<string, ExportEntry[]>();
    for (const entry of entries) {
      if (taken.has(entry)) continue;
      const key = keyOf(entry.name);
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [entry]);
      else list.push(entry);
    }
    for (const name of names) {
      if (bound.has(name)) continue;
      const entry = byKey.get(keyOf(name))?.find((candidate) => !taken.has(candidate));
      if (entry === undefined) continue;
      bound.set(name, { entry, matchedBy });
      taken.add(entry);
    }
  }

  const paired: MediaPair[] = [];
  for (const reference of references) {
    const binding = bound.get(reference);
    if (binding !== undefined) paired.push({ reference, entry: binding.entry, matchedBy: binding.matchedBy });
  }
  return {
    paired,
    missing: names.filter((name) => !bound.has(name)),
    orphans: entries.filter((entry) => !taken.has(entry)),
  };
}

/**
 * The pairs with each file once (the first reference to it), for building the media list of a
 * payload: a file referenced twice is uploaded once.
 *
 * @example
 * ```ts
 * const { paired } = pairMedia(['a.jpg', 'a.jpg'], entries);
 * paired.length; // 2
 * uniqueMedia(paired).length; // 1
 * ```
 */
export function uniqueMedia(paired: readonly MediaPair[]): readonly MediaPair[] {
  const seen = new Set<ExportEntry>();
  const unique: MediaPair[] = [];
  for (const pair of paired) {
    if (seen.has(pair.entry)) continue;
    seen.add(pair.entry);
    unique.push(pair);
  }
  return unique;
}
