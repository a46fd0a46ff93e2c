/**
 * The upload body straight from an export: the payload writer pushes into a pipe, the inbox
 * client pulls from it. Nothing is staged on disk and nothing large is held in memory.
 *
 * @module
 */

import { PassThrough } from 'node:stream';
import type { ChatImportSource } from '../payload/index.js';
import { writeChatImport } from '../payload/index.js';
import type { BodyFactory } from '../submit/index.js';

/** Bytes the pipe buffers between the writer and the socket. */
const pipeHighWaterMark = 256 * 1024;

/**
 * A body factory that writes `source` afresh for each attempt (every pass re-reads the export).
 * When the client stops reading early (the inbox answered 413 before the body ended, or the
 * connection broke), the writer is aborted and the pipe destroyed, so nothing is left running.
 *
 * @example
 * ```ts
 * const chat = await client.importChat({ size: report.payloadBytes, body: exportBody(source, report.payloadBytes) });
 * ```
 */
export function exportBody(source: ChatImportSource, totalBytes: number, signal?: AbortSignal): BodyFactory {
  return () => pipeFrom(source, totalBytes, signal);
}

async function* pipeFrom(
  source: ChatImportSource,
  totalBytes: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  const stop = new AbortController();
  const writerSignal = signal === undefined ? stop.signal : AbortSignal.any([signal, stop.signal]);
  const pipe = new PassThrough({ highWaterMark: pipeHighWaterMark });
  const writing = writeChatImport(source, pipe, { totalBytes, signal: writerSignal }).catch(
    (error: unknown) => {
      // The reader sees the writer's error (E_READ_FAILED of the export, E_ABORTED …).
      if (!stop.signal.aborted) pipe.destroy(error as Error);
    },
  );
  try {
    for await (const chunk of pipe as AsyncIterable<Buffer>) yield chunk;
  } finally {
    stop.abort();
    pipe.destroy();
    await writing;
  }
}
