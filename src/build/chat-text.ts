/**
 * `chat_text` as a stream: the chat log decoded afresh on every call (UTF-8, or UTF-16 by BOM;
 * the BOM removed, nothing else changed), optionally with the headers of the messages listed in
 * a {@link TimeShifts} rewritten to the payload's single offset.
 *
 * ```
 * > | 26/03/2022, 23:30 - Ana: before the change     UTC+1; the payload says UTC+2
 * < | 27/03/2022, 00:30 - Ana: before the change     rewritten: read at UTC+2, the same instant
 * > | 27/03/2022, 10:00 - Ana: after                 UTC+2 already: untouched
 * ```
 *
 * @module
 */

import type { ExportEntry } from '../archive/index.js';
import { WaImportError } from '../errors.js';
import type { ChatText } from '../payload/index.js';
import { ChatDecoder } from '../text/decoder.js';
import { LineSplitter } from '../text/lines.js';
import { type RewriteContext, rewriteHeaderLine, type WallClock } from '../time/rewrite-header.js';
import type { TimeShifts } from './message-times.js';

/** Text gathered before it is handed on, in UTF-16 code units. */
const OUTPUT_CHUNK_CHARS = 64 * 1024;
const MINUTE_MS = 60_000;

/**
 * How to rewrite headers: which lines, to which offset, in which format.
 *
 * @example
 * ```ts
 * const plan: NormalizePlan = { shifts: times.shiftsFor(120), offsetMinutes: 120, context };
 * ```
 */
export interface NormalizePlan {
  readonly shifts: TimeShifts;
  /** The payload's `utc_offset_minutes`. */
  readonly offsetMinutes: number;
  readonly context: RewriteContext;
}

function wallAt(epochMs: number, offsetMinutes: number): WallClock {
  const date = new Date(epochMs + offsetMinutes * MINUTE_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

async function* decoded(entry: ExportEntry, signal: AbortSignal | undefined): AsyncGenerator<string> {
  const decoder = new ChatDecoder();
  for await (const chunk of await entry.open(signal)) {
    const text = decoder.decode(chunk);
    if (text !== '') yield text;
  }
  const tail = decoder.flush();
  if (tail !== '') yield tail;
}

async function* normalized(
  entry: ExportEntry,
  plan: NormalizePlan,
  signal: AbortSignal | undefined,
): AsyncGenerator<string> {
  const { lines, epochs } = plan.shifts;
  const splitter = new LineSplitter();
  let lineNumber = 0;
  let next = 0;
  let pending: string[] = [];
  let pendingChars = 0;
  const put = (text: string): void => {
    pending.push(text);
    pendingChars += text.length;
  };
  const take = (): string => {
    const text = pending.join('');
    pending = [];
    pendingChars = 0;
    return text;
  };
  const line = (text: string, terminator: string): void => {
    lineNumber++;
    if (lineNumber !== lines[next]) {
      put(text);
      put(terminator);
      return;
    }
    const target = wallAt(epochs[next] as number, plan.offsetMinutes);
    next++;
    const rewritten = rewriteHeaderLine(text, target, plan.context);
    if (rewritten === null) {
      throw new WaImportError(
        'E_NORMALIZE_TIMES',
        `cannot rewrite the header on line ${lineNumber} to UTC${plan.offsetMinutes >= 0 ? '+' : ''}${plan.offsetMinutes} min: "${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`,
        { line: lineNumber, hint: 'build without --normalize-times, or report this line as a bug' },
      );
    }
    put(rewritten);
    put(terminator);
  };

  for await (const text of decoded(entry, signal)) {
    if (next >= lines.length) {
      // Every header to rewrite is behind us: the rest passes through untouched.
      put(text);
    } else {
      for (const item of splitter.push(text)) line(item.text, item.terminator);
      if (next >= lines.length) for (const item of splitter.end()) put(item.text);
    }
    if (pendingChars >= OUTPUT_CHUNK_CHARS) yield take();
  }
  if (next < lines.length) for (const item of splitter.end()) line(item.text, item.terminator);
  if (next < lines.length) {
    throw new WaImportError(
      'E_NORMALIZE_TIMES',
      `the chat log changed between passes: line ${lines[next]} no longer exists`,
      { hint: 'do not modify the export while it is being imported; run again' },
    );
  }
  if (pendingChars > 0) yield take();
}

/**
 * The chat log as a {@link ChatText} factory: each call opens `entry` again and streams it
 * decoded; with `plan`, the listed header lines are rewritten (`E_NORMALIZE_TIMES` naming the
 * line when one cannot be). Lines are numbered as the parser numbers them (after the BOM, at
 * `\n`), so the first pass's line numbers find the same lines.
 *
 * @example
 * ```ts
 * const chatText = chatTextOf(chatExport.chatLog);
 * for await (const text of chatText()) process.stdout.write(text);
 * ```
 */
export function chatTextOf(entry: ExportEntry, plan?: NormalizePlan, signal?: AbortSignal): ChatText {
  if (plan === undefined || plan.shifts.lines.length === 0) return () => decoded(entry, signal);
  return () => normalized(entry, plan, signal);
}
