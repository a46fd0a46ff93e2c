/**
 * A one-line progress display on stderr, redrawn in place: only for terminals (the caller
 * decides), at most once per percent or per redraw interval.
 *
 * @module
 */

import type { Writable } from 'node:stream';
import { formatBytes } from './format-bytes.js';

/** Least time between two redraws. Milliseconds. */
const REDRAW_INTERVAL_MS = 200;

/**
 * A progress line: `update(done, total)` as work goes, `done()` to end the line.
 *
 * @example
 * ```ts
 * const progress = progressLine(io.stderr, 'writing payload');
 * await writeChatImport(source, output, { onProgress: progress.update });
 * progress.done();
 * ```
 */
export interface ProgressLine {
  readonly update: (done: number, total: number) => void;
  readonly done: () => void;
}

/**
 * Creates a progress line on `stream` labelled `label`.
 *
 * @example
 * ```ts
 * const progress = progressLine(io.stderr, 'writing payload');
 * progress.update(512, 1024); // "\rwriting payload  50%  512 B of 1.0 KB"
 * progress.done();
 * ```
 */
export function progressLine(stream: Writable, label: string): ProgressLine {
  let lastPercent = -1;
  let lastDraw = 0;
  let drawn = false;
  const draw = (done: number, total: number): void => {
    const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
    const now = Date.now();
    if (percent === lastPercent || (now - lastDraw < REDRAW_INTERVAL_MS && percent < 100)) return;
    lastPercent = percent;
    lastDraw = now;
    drawn = true;
    stream.write(
      `\r${label}  ${String(percent).padStart(3)}%  ${formatBytes(done)} of ${formatBytes(total)}\u001b[K`,
    );
  };
  return {
    update: draw,
    done: () => {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
