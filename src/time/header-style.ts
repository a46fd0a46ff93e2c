/**
 * How a log prints its numbers, learned from its own header lines: whether days, months and
 * hours are zero-padded (`03/07` or `3/7`), and whether a 12-hour clock counts `0:15 PM` or
 * `12:15 PM`. A rewritten header follows the file, not a locale's guess.
 *
 * @module
 */

import { toAsciiDigits } from '../format/digits.js';
import type { RawHeader } from '../format/grammar.js';
import type { DateOrder } from '../locales/cldr.js';
import type { HeaderSpans } from './header-spans.js';

/** `true`: padded (`03`); `false`: not (`3`); `null`: the log never showed a value below 10. */
export type Padding = boolean | null;

/**
 * Padding evidence per slot, and the 12-hour clock's count.
 *
 * @example
 * ```ts
 * const style: HeaderStyle = { day: true, month: true, hour: true, hourZeroBased: null };
 * ```
 */
export interface HeaderStyle {
  readonly day: Padding;
  readonly month: Padding;
  readonly hour: Padding;
  /** `true` when a 12-hour header printed hour `0`, `false` when one printed `12`. */
  readonly hourZeroBased: boolean | null;
}

/** Positions of [year, month, day] among the printed date fields, per order. */
const ORDER_INDEX: Readonly<Record<DateOrder, readonly [number, number, number]>> = {
  dmy: [2, 1, 0],
  mdy: [2, 0, 1],
  ymd: [0, 1, 2],
};

/**
 * The position of the year, month and day among a header's printed date fields.
 *
 * @example
 * ```ts
 * dateFieldIndex('mdy'); // { year: 2, month: 0, day: 1 }
 * ```
 */
export function dateFieldIndex(order: DateOrder): { year: number; month: number; day: number } {
  const [year, month, day] = ORDER_INDEX[order];
  return { year, month, day };
}

/** What a printed field says about padding: `03` → padded, `3` → not, `12` → nothing. */
function paddingOf(printed: string): Padding {
  if (printed.length === 1) return false;
  if (printed.length === 2 && printed.startsWith('0')) return true;
  return null;
}

/**
 * Collects {@link HeaderStyle} evidence from header lines, by printed position (the date order
 * may not be known yet), and reads it out once the order is.
 *
 * @example
 * ```ts
 * const sampler = new HeaderStyleSampler();
 * sampler.observe(line, header, spans);
 * sampler.style('dmy'); // { day: true, month: true, hour: true, hourZeroBased: null }
 * ```
 */
export class HeaderStyleSampler {
  readonly #date: Padding[] = [null, null, null];
  #hour: Padding = null;
  #hourZeroBased: boolean | null = null;
  #observed = 0;

  /** Header lines observed so far. */
  get observed(): number {
    return this.#observed;
  }

  /** Records what one header line shows. The first clear evidence per slot wins. */
  observe(line: string, header: RawHeader, spans: HeaderSpans): void {
    this.#observed++;
    spans.date.forEach((span, index) => {
      this.#date[index] ??= paddingOf(toAsciiDigits(line.slice(span.start, span.end)));
    });
    this.#hour ??= paddingOf(toAsciiDigits(line.slice(spans.hour.start, spans.hour.end)));
    if (header.meridiem !== null && this.#hourZeroBased === null) {
      if (header.hour === 0) this.#hourZeroBased = true;
      else if (header.hour === 12) this.#hourZeroBased = false;
    }
  }

  /** The evidence, mapped to day and month by `order`. */
  style(order: DateOrder): HeaderStyle {
    const index = dateFieldIndex(order);
    return {
      day: this.#date[index.day] ?? null,
      month: this.#date[index.month] ?? null,
      hour: this.#hour,
      hourZeroBased: this.#hourZeroBased,
    };
  }
}
