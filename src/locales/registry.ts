/**
 * The one list of locale tables. A test checks that this list, the README's coverage table and
 * the fixtures agree.
 *
 * @module
 */

import { af } from './af.js';
import { ar } from './ar.js';
import { bg } from './bg.js';
import { bn } from './bn.js';
import { ca } from './ca.js';
import { cs } from './cs.js';
import { da } from './da.js';
import { de } from './de.js';
import { el } from './el.js';
import { en } from './en.js';
import { es } from './es.js';
import { fa } from './fa.js';
import { fi } from './fi.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { hi } from './hi.js';
import { hr } from './hr.js';
import { hu } from './hu.js';
import { id } from './id.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { ms } from './ms.js';
import { nb } from './nb.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ro } from './ro.js';
import { ru } from './ru.js';
import { sk } from './sk.js';
import { sl } from './sl.js';
import { sv } from './sv.js';
import { th } from './th.js';
import { tr } from './tr.js';
import type { LocaleTable } from './types.js';
import { uk } from './uk.js';
import { ur } from './ur.js';
import { vi } from './vi.js';
import { zh } from './zh.js';
import { zhTW } from './zh-TW.js';

/**
 * Every registered locale table, English first (it wins ties in language evidence).
 *
 * @example
 * ```ts
 * LOCALE_TABLES.map((table) => table.language); // ['en', 'de', 'es', …]
 * ```
 */
// biome-ignore format: a list of table names reads best packed
export const LOCALE_TABLES: readonly LocaleTable[] = [
  en, de, es, fr, pt, it, nl, ru,
  uk, cs, pl, fi, sv, tr, el, he, ar, fa, hi, bn, id, ms, th, vi, zh, zhTW, ja, ko, hu,
  sk, ro, da, nb, hr, bg, sl, ca, af, ur,
];
