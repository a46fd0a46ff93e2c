/**
 * `wa-import parse <input>`: messages as NDJSON (default), JSON or CSV on stdout.
 *
 * @module
 */

import { parseArgs } from 'node:util';
import { parseChat } from '../../parse/stream.js';
import { judgeParse } from '../findings.js';
import { openInput } from '../input.js';
import { type CliIo, write } from '../io.js';
import { joinNegativeOffset, PARSE_FLAGS, toParseOptions } from '../parse-options.js';
import { RecordEncoder } from '../record-encoder.js';
import type { RecordFormat } from '../records.js';
import { usageError } from '../usage-error.js';

/** Help text of `parse`. */
export const PARSE_HELP = `Usage: wa-import parse <input> [options]

Parse a WhatsApp chat export and print one record per message.

  <input>                 .zip, folder or .txt of an export; - for stdin
  --lang <bcp47>          device language (date-order prior), e.g. en-US, de
  --utc-offset <minutes>  minutes the device was ahead of UTC (e.g. 60, -300)
  --tz <zone>             IANA zone of the device (e.g. Europe/Berlin); handles DST
  --date-order <order>    force dmy, mdy or ymd
  --assume-year <yyyy>    year of the first message when dates print none (old exports)
  --format <fmt>          ndjson (default), json or csv
`;

/**
 * Runs `parse`.
 *
 * @example
 * ```ts
 * await parseCommand(['chat.txt', '--utc-offset', '60'], io);
 * ```
 */
export async function parseCommand(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: joinNegativeOffset(args),
    options: { ...PARSE_FLAGS, format: { type: 'string', default: 'ndjson' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw usageError(`parse takes one <input>, got ${positionals.length}`);
  const format = values.format;
  if (format !== 'ndjson' && format !== 'json' && format !== 'csv') {
    throw usageError(`--format takes ndjson, json or csv, got "${format}"`);
  }
  const options = toParseOptions(values);
  const chatExport = await openInput(positionals[0], io);
  try {
    const chat = parseChat(await chatExport.chatLog.open(), options);
    // Records go out as bytes made straight from the messages (no record strings to encode).
    const encoder = new RecordEncoder(format as RecordFormat);
    // One write per input chunk's worth of messages (not per message): far fewer awaits.
    for await (const batch of chat.batches()) {
      for (const message of batch) encoder.add(message);
      // Each buffer is written again once stdout is done with it (its write callback).
      for (const bytes of encoder.take()) await write(io.stdout, bytes, () => encoder.release(bytes));
    }
    const { error, warnings } = judgeParse(chat.info, chatExport.chatLogChoice.name);
    if (error !== null) throw error;
    encoder.end();
    for (const bytes of encoder.take()) await write(io.stdout, bytes);
    for (const warning of warnings) await write(io.stderr, `warning: ${warning}\n`);
  } finally {
    await chatExport.close();
  }
}
