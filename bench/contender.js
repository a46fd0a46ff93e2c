/**
 * One benchmark run in its own process, so its peak RSS is its own.
 *
 *   node bench/contender.js <contender> <file> [language] [utcOffsetMinutes]
 *
 * Prints one JSON line on stdout: `{ contender, seconds, cpuSeconds, bytes, maxRssKiB, messages, … }`.
 * CPU time counts all threads (GC helpers included), so it can exceed wall time.
 * The clock starts after the modules are loaded (they are not part of the work) and stops once
 * the sink has taken the last record.
 */

import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseString } from 'whatsapp-chat-parser';
import { FILE_READ_BYTES } from '../dist/archive/file-entry.js';
import { recordLine } from '../dist/cli/records.js';
import { parseChat } from '../dist/index.js';
import { PUSH_SLICE } from '../dist/parse/stream.js';

/** A Writable that discards what it is given, keeping the stream contract (backpressure, finish). */
class NullSink extends Writable {
  chars = 0;

  constructor() {
    super({ decodeStrings: false, highWaterMark: 64 * 1024 });
  }

  _write(chunk, _encoding, callback) {
    this.chars += chunk.length;
    callback();
  }
}

/** @typedef {{ messages: number, outputChars: number, extra?: Record<string, unknown> }} Outcome */

/**
 * (a0) The I/O floor: read the bytes and count newlines, no decoding.
 *
 * @param {string} file
 * @returns {Promise<Outcome>}
 */
async function bareBytes(file) {
  let lines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: FILE_READ_BYTES })) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { messages: 0, outputChars: 0, extra: { lines } };
}

/**
 * (a) The parsing floor: read, decode UTF-8 with one streaming decoder, split into line strings.
 *
 * @param {string} file
 * @returns {Promise<Outcome>}
 */
async function bare(file) {
  const decoder = new TextDecoder('utf-8');
  let partial = '';
  let lines = 0;
  let chars = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: FILE_READ_BYTES })) {
    // Decoded in the slices parseChat decodes in (smaller decodes are faster: they stay in cache).
    for (let at = 0; at < chunk.length; at += PUSH_SLICE) {
      const text = partial + decoder.decode(chunk.subarray(at, at + PUSH_SLICE), { stream: true });
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        chars += text.slice(start, end).length;
        lines++;
        start = end + 1;
      }
      partial = text.slice(start);
    }
  }
  partial += decoder.decode();
  if (partial !== '') lines++;
  return { messages: 0, outputChars: chars, extra: { lines } };
}

/**
 * (b) wa-import: stream the file through `parseChat`, one NDJSON record per message, serialized the way
 * `wa-import parse` does it (`recordLine`: the same bytes as `JSON.stringify` of the record, and `\n`).
 *
 * @param {string} file
 * @param {{ language: string, utcOffsetMinutes: number }} options
 * @returns {Promise<Outcome>}
 */
async function waImport(file, options) {
  const sink = new NullSink();
  // Read as `wa-import parse` reads a file (its read size), parsed as it parses.
  const chat = parseChat(createReadStream(file, { highWaterMark: FILE_READ_BYTES }), options);
  let messages = 0;
  // As `wa-import parse` does it: one write per batch of messages, whose texts (decoded from bytes)
  // are known to be well-formed.
  for await (const batch of chat.batches()) {
    let out = '';
    for (const message of batch) out += recordLine(message, true);
    messages += batch.length;
    if (!sink.write(out)) await once(sink, 'drain');
  }
  sink.end();
  await finished(sink);
  const { info } = chat;
  return {
    messages,
    outputChars: sink.chars,
    extra: {
      lines: info.lines,
      skippedLines: info.skippedLines,
      invalidDates: info.invalidDates,
      systemMessages: info.systemMessages,
      attachments: info.attachments,
      mediaOmitted: info.mediaOmitted,
      dateOrder: info.format?.dateOrder ?? null,
    },
  };
}

/**
 * (c) whatsapp-chat-parser: the same work its way, whole file in memory, then NDJSON.
 * Date order is left to its own detection, as wa-import detects its own.
 *
 * @param {string} file
 * @returns {Promise<Outcome>}
 */
async function peer(file) {
  const sink = new NullSink();
  const text = await readFile(file, 'utf8');
  const parsed = parseString(text, { parseAttachments: true });
  for (const message of parsed) {
    if (!sink.write(`${JSON.stringify(message)}\n`)) await once(sink, 'drain');
  }
  sink.end();
  await finished(sink);
  return {
    messages: parsed.length,
    outputChars: sink.chars,
    extra: {
      systemMessages: parsed.filter((m) => m.author === null).length,
      attachments: parsed.filter((m) => m.attachment !== undefined).length,
    },
  };
}

const CONTENDERS = {
  'bare-bytes': bareBytes,
  bare,
  'wa-import': waImport,
  'whatsapp-chat-parser': peer,
};

const [name, file, language, offset] = process.argv.slice(2);
const run = CONTENDERS[name];
if (run === undefined || file === undefined) {
  process.stderr.write(`usage: contender.js <${Object.keys(CONTENDERS).join('|')}> <file> [lang] [offset]\n`);
  process.exit(2);
}
const { size } = await stat(file);
const started = performance.now();
const cpuStarted = process.cpuUsage();
const outcome = await run(file, {
  language: language ?? 'en-GB',
  utcOffsetMinutes: Number(offset ?? 0),
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const { maxRSS } = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ contender: name, seconds, cpuSeconds, bytes: size, maxRssKiB: maxRSS, ...outcome })}\n`,
);
