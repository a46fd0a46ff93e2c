/**
 * Opening a command's `<input>`: a path (zip, folder, `.txt`) or `-` for stdin.
 *
 * @module
 */

import { resolve } from 'node:path';
import { type ChatExport, openExport } from '../archive/index.js';
import { countHeaderLines } from '../format/count-headers.js';
import type { CliIo } from './io.js';
import { usageError } from './usage-error.js';

/**
 * Opens the input named on the command line.
 *
 * @example
 * ```ts
 * const chatExport = await openInput('WhatsApp Chat with Anna.zip', io);
 * try { … } finally { await chatExport.close(); }
 * ```
 */
export async function openInput(
  input: string | undefined,
  io: CliIo,
  signal?: AbortSignal,
): Promise<ChatExport> {
  if (input === undefined || input === '')
    throw usageError('missing <input>: give a .zip, a folder, a .txt, or - for stdin');
  const common = { countHeaders: countHeaderLines, ...(signal !== undefined ? { signal } : {}) };
  if (input === '-') return openExport(io.stdin as AsyncIterable<Uint8Array>, { ...common, name: 'stdin' });
  return openExport(resolve(io.cwd, input), common);
}
