/**
 * How long to wait before the next attempt: the server's `Retry-After`, else bounded
 * exponential backoff with jitter.
 *
 * @module
 */

/** First backoff step, before jitter. */
const backoffBaseMs = 1_000;
/** No backoff step is longer than this, before jitter. */
const backoffCapMs = 30_000;
const millisecondsPerSecond = 1_000;
/** `Sun, 06 Nov 1994 …`, `Sunday, 06-Nov-94 …`, `Sun Nov  6 …`. */
const httpDateStart = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/**
 * Reads a `Retry-After` header: delay seconds or an HTTP-date. Returns milliseconds from `nowMs`
 * (never negative), or `undefined` when the header is absent or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter('3', Date.now()); // 3000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:58Z')); // 2000
 * parseRetryAfter('soon', Date.now()); // undefined
 * ```
 */
export function parseRetryAfter(
  header: string | readonly string[] | undefined,
  nowMs: number,
): number | undefined {
  const value = (typeof header === 'string' ? header : header?.[0])?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * millisecondsPerSecond;
  // Every HTTP-date form starts with a day name; `Date.parse` alone would take '1.5' or '-1'.
  if (!httpDateStart.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Backoff before retry number `retry` (0 for the first retry): doubling from 1 s, capped at 30 s,
 * with "equal jitter" (between half and all of the step) so that many clients do not retry in
 * step.
 *
 * @param random - A number in [0, 1), e.g. `Math.random()`.
 * @example
 * ```ts
 * backoffDelay(0, 0); // 500
 * backoffDelay(3, 0.999); // ≈ 8000
 * backoffDelay(20, 0.5); // 22500 (capped)
 * ```
 */
export function backoffDelay(retry: number, random: number): number {
  const step = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.min(retry, 30));
  const jitter = Math.min(Math.max(random, 0), 1);
  return Math.round(step / 2 + (step / 2) * jitter);
}
