/**
 * The first pass's memory of *when* each message was: per message only its header line, its
 * instant and its effective offset, in typed arrays (14 bytes a message, and only when times are
 * to be normalized), plus a count of messages per effective offset (always).
 *
 * The *effective* offset of a message is its printed wall time minus its instant. It equals the
 * zone's offset except in a spring-forward gap, where the parser moves the time forward: such a
 * line, read with the zone's offset, would land an hour early, so it counts as off too.
 *
 * @module
 */

/**
 * The header lines to rewrite and the instant each must land at, in line order.
 *
 * @example
 * ```ts
 * const shifts: TimeShifts = { lines: Uint32Array.of(1, 2), epochs: Float64Array.of(1648339200000, 1648339260000) };
 * ```
 */
export interface TimeShifts {
  /** 1-based header line numbers, ascending. */
  readonly lines: Uint32Array;
  /** The message's instant, milliseconds since the epoch, same index as `lines`. */
  readonly epochs: Float64Array;
}

const MINUTE_MS = 60_000;
const INITIAL_CAPACITY = 1024;

/**
 * Collects message times during the first pass.
 *
 * @example
 * ```ts
 * const times = new MessageTimes(true);
 * times.add(1, Date.UTC(2022, 2, 27, 0, 30), Date.UTC(2022, 2, 26, 23, 30)); // line, wall, instant
 * times.messagesOff(120); // 1: read at UTC+2 it would be an hour early
 * ```
 */
export class MessageTimes {
  readonly #keep: boolean;
  #lines = new Uint32Array(0);
  #epochs = new Float64Array(0);
  #offsets = new Int16Array(0);
  #length = 0;
  readonly #counts = new Map<number, number>();

  /** `keep`: remember each message (for normalizing), not only the counts per offset. */
  constructor(keep: boolean) {
    this.#keep = keep;
  }

  /** Records one message: its header line, its wall time (as if UTC) and its instant, in ms. */
  add(line: number, wallMs: number, epochMs: number): void {
    const offset = Math.round((wallMs - epochMs) / MINUTE_MS);
    this.#counts.set(offset, (this.#counts.get(offset) ?? 0) + 1);
    if (!this.#keep) return;
    if (this.#length === this.#lines.length) this.#grow();
    this.#lines[this.#length] = line;
    this.#epochs[this.#length] = epochMs;
    this.#offsets[this.#length] = offset;
    this.#length++;
  }

  /**
   * Counts one message at `offset` minutes without its times: for a parse with a fixed offset,
   * where every message is at that offset (and nothing is kept to normalize).
   */
  count(offset: number): void {
    this.#counts.set(offset, (this.#counts.get(offset) ?? 0) + 1);
  }

  /** Messages whose effective offset is not `offset`: off in the inbox when it applies `offset`. */
  messagesOff(offset: number): number {
    let off = 0;
    for (const [minutes, count] of this.#counts) if (minutes !== offset) off += count;
    return off;
  }

  /** The largest difference, in minutes, between `offset` and a message's effective offset. */
  largestDifference(offset: number): number {
    let most = 0;
    for (const minutes of this.#counts.keys()) most = Math.max(most, Math.abs(minutes - offset));
    return most;
  }

  /** The messages to rewrite for `offset` (empty unless constructed with `keep`). */
  shiftsFor(offset: number): TimeShifts {
    let count = 0;
    for (let i = 0; i < this.#length; i++) if (this.#offsets[i] !== offset) count++;
    const lines = new Uint32Array(count);
    const epochs = new Float64Array(count);
    let at = 0;
    for (let i = 0; i < this.#length; i++) {
      if (this.#offsets[i] === offset) continue;
      lines[at] = this.#lines[i] as number;
      epochs[at] = this.#epochs[i] as number;
      at++;
    }
    return { lines, epochs };
  }

  #grow(): void {
    const capacity = Math.max(INITIAL_CAPACITY, this.#lines.length * 2);
    const lines = new Uint32Array(capacity);
    const epochs = new Float64Array(capacity);
    const offsets = new Int16Array(capacity);
    lines.set(this.#lines);
    epochs.set(this.#epochs);
    offsets.set(this.#offsets);
    this.#lines = lines;
    this.#epochs = epochs;
    this.#offsets = offsets;
  }
}
