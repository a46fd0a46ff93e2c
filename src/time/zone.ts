/**
 * Wall-clock time → UTC instant, with a fixed offset or an IANA zone. Never the host's zone.
 *
 * Zone offsets come from date-fns-tz's `formatInTimeZone(instant, zone, 'xxx')`, which asks
 * `Intl` for the zone's offset *at an instant* and is exact at transitions whatever the host's
 * `TZ`. Its `getTimezoneOffset` and `fromZonedTime` are not used: near a transition they
 * answer an hour off, and `fromZonedTime` resolves an overlap differently depending on the
 * machine's own zone. Local times that
 * do not exist (spring-forward gap) or exist twice (fall-back overlap) are resolved the way
 * Temporal's `'compatible'` disambiguation does — a gap moves forward by its length, an overlap
 * takes the earlier instant — and reported so the caller can count them.
 *
 * @module
 */

import { createRequire } from 'node:module';

type FormatInTimeZone = typeof import('date-fns-tz').formatInTimeZone;

let loadedFormatInTimeZone: FormatInTimeZone | undefined;

/**
 * date-fns-tz's `formatInTimeZone`, loaded on the first zone lookup: with the date-fns formatting
 * it pulls in, it takes ~200 ms to load, which every fixed-offset parse (and every command that
 * never converts a time) would otherwise pay at start-up. Loaded with `require` (the package's
 * CommonJS build) because zone lookups happen inside the parser's synchronous API.
 */
function formatInTimeZone(...args: Parameters<FormatInTimeZone>): string {
  loadedFormatInTimeZone ??= (
    createRequire(import.meta.url)('date-fns-tz/formatInTimeZone') as {
      formatInTimeZone: FormatInTimeZone;
    }
  ).formatInTimeZone;
  return loadedFormatInTimeZone(...args);
}

/** How a local time mapped onto the zone. */
export type Resolution = 'exact' | 'nonexistent' | 'ambiguous';

/** A resolved instant. */
export interface ResolvedInstant {
  /** Milliseconds since the epoch. */
  readonly epochMs: number;
  /** Offset from UTC in minutes at that instant (ahead of UTC is positive). */
  readonly offsetMinutes: number;
  readonly resolution: Resolution;
}

/** Converts local wall-clock milliseconds (the wall time written as if it were UTC) to instants. */
export interface ZoneResolver {
  /** A label for reports: `UTC+02:00` or the zone name. */
  readonly label: string;
  /**
   * The offset when it never changes (a fixed offset): then `resolve` is plain arithmetic,
   * which callers converting millions of times may do themselves.
   */
  readonly fixedOffsetMinutes?: number;
  resolve(wallMs: number): ResolvedInstant;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * A resolver for a fixed offset (minutes ahead of UTC, as the inbox API defines it).
 *
 * @example
 * ```ts
 * fixedOffset(60).resolve(Date.UTC(2022, 2, 10, 11)).epochMs === Date.UTC(2022, 2, 10, 10); // true
 * ```
 */
export function fixedOffset(offsetMinutes: number): ZoneResolver {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const label = `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return {
    label,
    fixedOffsetMinutes: offsetMinutes,
    resolve: (wallMs) => ({
      epochMs: wallMs - offsetMinutes * MINUTE_MS,
      offsetMinutes,
      resolution: 'exact',
    }),
  };
}

/**
 * Whether `zone` is an IANA zone name this runtime knows.
 *
 * @example
 * ```ts
 * isValidTimeZone('Europe/Berlin'); // true
 * isValidTimeZone('Mars/Olympus'); // false
 * ```
 */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const OFFSET_PATTERN = /^([+-])(\d{2}):(\d{2})$/u;

/** The zone's offset from UTC at an instant, in minutes (ahead of UTC is positive). Host-independent. */
function zoneOffsetMinutes(zone: string, epochMs: number): number {
  const match = OFFSET_PATTERN.exec(formatInTimeZone(epochMs, zone, 'xxx'));
  if (match === null) throw new RangeError(`no UTC offset for ${zone} at ${epochMs}`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A resolver for an IANA zone. Offsets are cached per local hour, so a long chat costs a few
 * `Intl` calls per hour of chat, not per message.
 *
 * @example
 * ```ts
 * const berlin = ianaZone('Europe/Berlin');
 * berlin.resolve(Date.UTC(2022, 2, 27, 2, 30)).resolution; // 'nonexistent' (clocks jump 02:00 → 03:00)
 * ```
 */
export function ianaZone(zone: string): ZoneResolver {
  const offsetAt = (epochMs: number): number => zoneOffsetMinutes(zone, epochMs);
  // Per local hour: the offsets a day either side, and whether the hour is steady (one offset, no
  // transition near it), which is the common case and then needs no further Intl call.
  const cache = new Map<number, { before: number; after: number; steady: boolean }>();
  return {
    label: zone,
    resolve(wallMs) {
      const hourKey = Math.floor(wallMs / HOUR_MS);
      let around = cache.get(hourKey);
      if (around === undefined) {
        const before = offsetAt(wallMs - DAY_MS);
        const after = offsetAt(wallMs + DAY_MS);
        const steady = before === after && offsetAt(hourKey * HOUR_MS - before * MINUTE_MS) === before;
        around = { before, after, steady };
        if (cache.size > 4096) cache.clear();
        cache.set(hourKey, around);
      }
      const { before, after } = around;
      if (around.steady)
        return { epochMs: wallMs - before * MINUTE_MS, offsetMinutes: before, resolution: 'exact' };
      const early = wallMs - before * MINUTE_MS; // read with the offset in force before the transition
      const late = wallMs - after * MINUTE_MS; // read with the offset in force after it
      const earlyOk = offsetAt(early) === before;
      const lateOk = offsetAt(late) === after;
      if (earlyOk && lateOk && early !== late) {
        const first = Math.min(early, late);
        return { epochMs: first, offsetMinutes: first === early ? before : after, resolution: 'ambiguous' };
      }
      if (earlyOk) return { epochMs: early, offsetMinutes: before, resolution: 'exact' };
      if (lateOk) return { epochMs: late, offsetMinutes: after, resolution: 'exact' };
      // In the gap: shift forward by the gap's length (the pre-transition offset lands after it).
      return { epochMs: early, offsetMinutes: offsetAt(early), resolution: 'nonexistent' };
    },
  };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
