/** Shared helpers of the CLI tests: in-memory streams and a runner around `runMain`. */

import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { runMain } from '../../src/cli/main.js';

/** A writable that keeps everything written; `onText` sees the text as it grows. */
export function sink(onText?: (text: string) => void): { stream: Writable; text(): string } {
  const chunks: Buffer[] = [];
  const text = () => Buffer.concat(chunks).toString('utf8');
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      onText?.(text());
      callback();
    },
  });
  return { stream, text };
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly tty?: boolean;
  readonly signal?: AbortSignal;
  readonly onStdout?: (text: string) => void;
}

export interface RunResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with in-memory streams. */
export async function runCli(argv: readonly string[], options: RunOptions): Promise<RunResult> {
  const stdout = sink(options.onStdout);
  const stderr = sink();
  const io: CliIo = {
    stdin: Readable.from([]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {},
    cwd: options.cwd,
    stderrIsTTY: options.tty ?? false,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  const status = await runMain(argv, io);
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}
