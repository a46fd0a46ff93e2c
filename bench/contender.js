/**
 * One benchmark run in its own process, so its peak RSS is its own.
 *
 *   node bench/contender.js <contender> <file> [language] [utcOffsetMinutes] [bytes|chars]
 *
 * Prints one JSON line on stdout: `{ contender, seconds, cpuSeconds, bytes, maxRssKiB, messages, … }`.
 * CPU time counts all threads (GC helpers included), so it can exceed wall time.
 * The clock starts after the modules are loaded (they are not part of the work) and stops once
 * the sink has taken the last record.
 *
 * The sink (last argument):
 * - `bytes` (default): output arrives as UTF-8, as a file or a pipe takes it. Strings written to
 *   it are encoded on the way in, as `fs.WriteStream` encodes them (`decodeStrings`), so each
 *   contender pays for turning its NDJSON into bytes; wa-import writes bytes itself, as
 *   `wa-import parse` does.
 * - `chars`: strings are taken as they are, never encoded, never even joined into one (V8 keeps
 *   a string built of pieces as a tree of them until something reads it). The earlier sessions'
 *   measure, kept for comparison: it leaves out the cost of output, which is not the same for
 *   both (wa-import's records are 2.5x the peer's, and the peer's `JSON.stringify` builds flat
 *   strings where wa-import's joined records are never flattened).
 */

import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseString } from 'whatsapp-chat-parser';
import { FILE_READ_BYTES } from '../dist/archive/file-entry.js';
import { RecordEncoder } from '../dist/cli/record-encoder.js';
import { recordLine } from '../dist/cli/records.js';
import { parseChat } from '../dist/index.js';
import { PUSH_SLICE } from '../dist/parse/stream.js';

/**
 * A Writable that discards what it is given, keeping the stream contract (backpressure, finish).
 * With `bytes`, strings reach `_write` encoded as UTF-8 (Node's `decodeStrings`, as for a file).
 */
class NullSink extends Writable {
  /** Bytes (or, with `chars`, characters) taken. */
  size = 0;

  /** @param {'bytes' | 'chars'} sink */
  constructor(sink) {
    super({ decodeStrings: sink === 'bytes', highWaterMark: 64 * 1024 });
  }

  _write(chunk, _encoding, callback) {
    this.size += chunk.length;
    callback();
  }
}

/** The peer's records are joined into writes of about this many characters (fewer writes than records). */
const PEER_WRITE_CHARS = 16 * 1024;

/** @typedef {{ messages: number, outputSize: number, extra?: Record<string, unknown> }} Outcome */

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
  return { messages: 0, outputSize: 0, extra: { lines } };
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
  return { messages: 0, outputSize: chars, extra: { lines } };
}

/**
 * (b) wa-import: stream the file through `parseChat` and write one NDJSON record per message the
 * way `wa-import parse` does: with the `bytes` sink, UTF-8 bytes straight from the messages
 * (`RecordEncoder`); with `chars`, record strings (`recordLine`, told the text was decoded from
 * bytes), one write per batch.
 *
 * @param {string} file
 * @param {{ language: string, utcOffsetMinutes: number }} options
 * @param {'bytes' | 'chars'} sinkKind
 * @returns {Promise<Outcome>}
 */
async function waImport(file, options, sinkKind) {
  const sink = new NullSink(sinkKind);
  // Read as `wa-import parse` reads a file (its read size), parsed as it parses.
  const chat = parseChat(createReadStream(file, { highWaterMark: FILE_READ_BYTES }), options);
  const encoder = sinkKind === 'bytes' ? new RecordEncoder('ndjson') : null;
  let messages = 0;
  for await (const batch of chat.batches()) {
    messages += batch.length;
    if (encoder !== null) {
      for (const message of batch) encoder.add(message);
      for (const bytes of encoder.take()) {
        if (!sink.write(bytes, () => encoder.release(bytes))) await once(sink, 'drain');
      }
    } else {
      let out = '';
      for (const message of batch) out += recordLine(message, true);
      if (!sink.write(out)) await once(sink, 'drain');
    }
  }
  sink.end();
  await finished(sink);
  const { info } = chat;
  return {
    messages,
    outputSize: sink.size,
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
 * (c) whatsapp-chat-parser: the same work its way, whole file in memory, then NDJSON
 * (`JSON.stringify` of each message), joined into writes of ~16 K characters. Date order is left
 * to its own detection, as wa-import detects its own.
 *
 * @param {string} file
 * @param {unknown} _options
 * @param {'bytes' | 'chars'} sinkKind
 * @returns {Promise<Outcome>}
 */
async function peer(file, _options, sinkKind) {
  const sink = new NullSink(sinkKind);
  const text = await readFile(file, 'utf8');
  const parsed = parseString(text, { parseAttachments: true });
  let out = '';
  for (const message of parsed) {
    out += `${JSON.stringify(message)}\n`;
    if (out.length >= PEER_WRITE_CHARS) {
      if (!sink.write(out)) await once(sink, 'drain');
      out = '';
    }
  }
  if (out !== '') sink.write(out);
  sink.end();
  await finished(sink);
  return {
    messages: parsed.length,
    outputSize: sink.size,
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

const [name, file, language, offset, sinkArg] = process.argv.slice(2);
const sinkKind = sinkArg ?? 'bytes';
const run = CONTENDERS[name];
if (run === undefined || file === undefined || (sinkKind !== 'bytes' && sinkKind !== 'chars')) {
  process.stderr.write(
    `usage: contender.js <${Object.keys(CONTENDERS).join('|')}> <file> [lang] [offset] [bytes|chars]\n`,
  );
  process.exit(2);
}
const { size } = await stat(file);
const started = performance.now();
const cpuStarted = process.cpuUsage();
const outcome = await run(
  file,
  {
    language: language ?? 'en-GB',
    utcOffsetMinutes: Number(offset ?? 0),
  },
  sinkKind,
);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const { maxRSS } = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ contender: name, sink: sinkKind, seconds, cpuSeconds, bytes: size, maxRssKiB: maxRSS, ...outcome })}\n`,
);
