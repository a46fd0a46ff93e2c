/**
 * `wa-import build <input>`: the `ChatImport` request body, written to a file (atomically) or
 * stdout, with a summary on stderr and an optional JSON report.
 *
 * @module
 */

import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { type BuildReport, prepareChatImport } from '../../build/index.js';
import { WaImportError } from '../../errors.js';
import { type ChatImportSource, writeChatImport } from '../../payload/index.js';
import { BUILD_FLAGS, BUILD_FLAGS_HELP, toPrepareOptions } from '../build-flags.js';
import { renderBuildSummary } from '../build-summary.js';
import { openInput } from '../input.js';
import { type CliIo, write } from '../io.js';
import { joinNegativeOffset } from '../parse-options.js';
import { progressLine } from '../progress.js';
import { usageError } from '../usage-error.js';

/** Help text of `build`. */
export const BUILD_HELP = `Usage: wa-import build <input> [options]

Build the inbox's ChatImport request body (POST /api/v1/chat_import/) from an export.

  <input>                     .zip, folder or .txt of an export; - for stdin
  -o, --output <file>         write the payload to <file> (atomically); - or none: stdout
${BUILD_FLAGS_HELP}  --report <file>             write the build report as JSON
`;

const BUILD_COMMAND_FLAGS = {
  ...BUILD_FLAGS,
  output: { type: 'string', short: 'o' },
  report: { type: 'string' },
} as const;

const STDOUT = '-';

/** Writes the payload to a temporary file beside `path`, then renames it into place. */
async function writeAtomically(path: string, writeTo: (stream: Writable) => Promise<unknown>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  try {
    await writeTo(stream);
    await rename(temp, path);
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    if (error instanceof WaImportError) throw error;
    throw new WaImportError('E_WRITE_FAILED', `cannot write the payload to ${path}`, {
      entry: path,
      cause: error,
    });
  }
}

async function writePayload(
  source: ChatImportSource,
  report: BuildReport,
  output: string,
  io: CliIo,
): Promise<void> {
  const progress = io.stderrIsTTY ? progressLine(io.stderr, 'writing payload') : undefined;
  const options = {
    totalBytes: report.payloadBytes,
    ...(progress === undefined ? {} : { onProgress: progress.update }),
  };
  try {
    if (output === STDOUT) await writeChatImport(source, io.stdout, { ...options, end: false });
    else await writeAtomically(resolve(io.cwd, output), (stream) => writeChatImport(source, stream, options));
  } finally {
    progress?.done();
  }
}

/**
 * Runs `build`.
 *
 * @example
 * ```ts
 * await buildCommand(['chat.zip', '--tz', 'Europe/Berlin', '-o', 'payload.json'], io);
 * ```
 */
export async function buildCommand(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: joinNegativeOffset(args),
    options: BUILD_COMMAND_FLAGS,
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw usageError(`build takes one <input>, got ${positionals.length}`);
  const options = await toPrepareOptions(values, io);
  const output = values.output ?? STDOUT;

  const chatExport = await openInput(positionals[0], io);
  try {
    const { source, report } = await prepareChatImport(chatExport, options);
    await writePayload(source, report, output, io);
    if (values.report !== undefined) {
      const json = { output: output === STDOUT ? 'stdout' : resolve(io.cwd, output), ...report };
      await writeFile(resolve(io.cwd, values.report), `${JSON.stringify(json, null, 2)}\n`);
    }
    await write(io.stderr, renderBuildSummary(report, output === STDOUT ? 'stdout' : output));
  } finally {
    await chatExport.close();
  }
}
