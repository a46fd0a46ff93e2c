/**
 * Shared helpers of the submit tests: import bodies (small and large, generated), a recording
 * `sleep`, and a check that no secret leaks into an error.
 */

import { expect } from 'vitest';
import { WaImportError } from '../../src/errors.js';
import type { ChatImport } from '../../src/payload/chat-import.js';

export const chatText =
  '10/03/2022, 11:00 - Customer 1: Message 1\n10/03/2022, 11:00 - Customer 1: Message 2 Line 1\nMessage 2 Line 2';

export function sampleImport(
  overrides: Partial<Record<keyof ChatImport, unknown>> = {},
): Record<string, unknown> {
  return {
    chat_text: chatText,
    chat_participants: [{ handle: 'Customer 1', phone_number: '+44 7700 900123' }],
    utc_offset_minutes: 60,
    device_language_code: 'en-GB',
    media_files: [{ b64_content: 'AA==', mime_type: 'image/jpeg', file_name: 'IMG-20220310-WA0000.jpg' }],
    ...overrides,
  };
}

export interface TestBody {
  readonly size: number;
  readonly body: () => AsyncIterable<Uint8Array>;
  /** How many times the factory was called. */
  readonly calls: () => number;
}

/** A JSON body from a value, yielded in `chunkBytes` pieces. */
export function jsonBody(value: unknown, chunkBytes = 1024): TestBody {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  let calls = 0;
  return {
    size: bytes.length,
    calls: () => calls,
    body: () => {
      calls += 1;
      return (async function* () {
        for (let offset = 0; offset < bytes.length; offset += chunkBytes)
          yield bytes.subarray(offset, offset + chunkBytes);
      })();
    },
  };
}

/**
 * A valid import of about `totalBytes`, generated on the fly: the chat text is padded with a
 * long message, so that nothing large is held in memory.
 */
export function largeBody(totalBytes: number, chunkBytes = 64 * 1024): TestBody {
  const head = Buffer.from(
    '{"chat_text":"10/03/2022, 11:00 - Customer 1: start\\n10/03/2022, 11:01 - Customer 1: ',
    'utf8',
  );
  const tail = Buffer.from(
    '","chat_participants":[{"handle":"Customer 1","phone_number":"+447700900123"}],' +
      '"utc_offset_minutes":60,"device_language_code":"en-GB","media_files":[]}',
    'utf8',
  );
  const fillerBytes = totalBytes - head.length - tail.length;
  const filler = Buffer.alloc(chunkBytes, 'x');
  let calls = 0;
  return {
    size: totalBytes,
    calls: () => calls,
    body: () => {
      calls += 1;
      return (async function* () {
        yield head;
        for (let left = fillerBytes; left > 0; left -= chunkBytes)
          yield filler.subarray(0, Math.min(chunkBytes, left));
        yield tail;
      })();
    },
  };
}

/** A `sleep` that records the requested waits and returns at once. */
export function recordingSleep(): { readonly waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

/** Runs `action`, expects a WaImportError and returns it. */
export async function expectError(action: () => Promise<unknown>): Promise<WaImportError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(WaImportError);
    return error as WaImportError;
  }
  throw new Error('expected the action to fail');
}

/** Asserts that none of `secrets` appears anywhere in the error (message, hint, string form, causes). */
export function expectNoSecrets(error: WaImportError, secrets: readonly string[]): void {
  const texts = [error.message, error.hint ?? '', String(error), error.stack ?? '', JSON.stringify(error)];
  let cause: unknown = error.cause;
  while (cause !== undefined && cause !== null) {
    texts.push(String(cause));
    if (cause instanceof Error) {
      texts.push(cause.message, cause.stack ?? '');
      cause = cause.cause;
    } else {
      cause = undefined;
    }
  }
  for (const secret of secrets) {
    for (const text of texts) expect(text).not.toContain(secret);
  }
}
