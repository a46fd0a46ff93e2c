/**
 * The one list of locale tables. A test checks that this list, the README's coverage table and
 * the fixtures agree.
 *
 * @module
 */

import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import type { LocaleTable } from './types.js';

/**
 * Every registered locale table, English first (it wins ties in language evidence).
 *
 * @example
 * ```ts
 * LOCALE_TABLES.map((table) => table.language); // ['en', 'de', 'es', …]
 * ```
 */
export const LOCALE_TABLES: readonly LocaleTable[] = [en, de, es, fr, pt, it, nl, ru];
