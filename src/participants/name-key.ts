/**
 * Loose name comparison for matching a log handle to a contact, `--self` or `--participant`:
 * marks removed, NFKC, case folded, white space collapsed. Accents are kept: `José` and `Jose`
 * may be two people.
 *
 * @module
 */

import { stripMarks } from '../chars.js';

const WHITE_SPACE = /\s+/gu;

/**
 * The comparison key of a name.
 *
 * @example
 * ```ts
 * nameKey(' Anna  SCHMIDT ') === nameKey('anna schmidt'); // true
 * nameKey('Straße') === nameKey('STRASSE'); // true
 * ```
 */
export function nameKey(name: string): string {
  // Upper then lower approximates Unicode case folding (ß → SS → ss).
  return stripMarks(name).normalize('NFKC').replace(WHITE_SPACE, ' ').trim().toUpperCase().toLowerCase();
}

/**
 * The items whose name equals `name` exactly, or, when none does, those equal under
 * {@link nameKey}.
 *
 * @example
 * ```ts
 * matchByName([{ name: 'Anna Schmidt' }], 'anna schmidt', (c) => c.name); // [{ name: 'Anna Schmidt' }]
 * ```
 */
export function matchByName<T>(items: readonly T[], name: string, nameOf: (item: T) => string): readonly T[] {
  const exact = items.filter((item) => nameOf(item) === name);
  if (exact.length > 0) return exact;
  const key = nameKey(name);
  return key === '' ? [] : items.filter((item) => nameKey(nameOf(item)) === key);
}
