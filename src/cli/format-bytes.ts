/**
 * Byte counts for people: `512 B`, `48.2 KB`, `1.26 GB` (decimal units, as file managers show).
 *
 * @module
 */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
const STEP = 1000;

/**
 * Formats a byte count with a decimal unit, about three significant digits above 1 KB.
 *
 * @example
 * ```ts
 * formatBytes(512); // '512 B'
 * formatBytes(48_213); // '48.2 KB'
 * formatBytes(1_262_000_000); // '1.26 GB'
 * ```
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= STEP && unit < UNITS.length - 1) {
    value /= STEP;
    unit++;
  }
  if (unit === 0) return `${bytes} B`;
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
