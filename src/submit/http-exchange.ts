/**
 * One HTTP request/response over `node:http` / `node:https`, with the facts the retry rules need:
 * whether the connection was made, how many body bytes were handed to the socket, whether a
 * response started. The body goes out with an exact `Content-Length`, never chunked.
 *
 * Internal to `submit/`: {@link InboxClient} is the public face.
 *
 * @module
 */

import type { IncomingHttpHeaders } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import { WaImportError } from '../errors.js';

/**
 * Something a request body can be read from: an async (or plain) iterable of bytes, or a Node
 * readable stream (string chunks are encoded as UTF-8).
 *
 * @example
 * ```ts
 * const fromFile: BodySource = fs.createReadStream('payload.json');
 * const inMemory: BodySource = [Buffer.from('{"chat_text":"…"}')];
 * ```
 */
export type BodySource = AsyncIterable<Uint8Array> | Iterable<Uint8Array> | NodeJS.ReadableStream;

/**
 * Makes a fresh body for each attempt: an HTTP body cannot be rewound, so a retry calls the
 * factory again.
 *
 * @example
 * ```ts
 * const body: BodyFactory = () => fs.createReadStream('payload.json');
 * ```
 */
export type BodyFactory = () => BodySource;

/**
 * What {@link exchange} needs.
 *
 * @example
 * ```ts
 * const request: ExchangeRequest = { url, headers: {}, size: 2, body: () => [Buffer.from('{}')], timeoutMs: 5_000, maxResponseBytes: 65_536 };
 * ```
 */
export interface ExchangeRequest {
  readonly url: URL;
  /** `POST` (the default) sends the body; `GET` sends none (`size` must be 0). */
  readonly method?: 'POST' | 'GET';
  /** Request headers; `Content-Length` is added from `size`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Exact body length in bytes. */
  readonly size: number;
  readonly body: BodyFactory;
  /** The longest the exchange may go without progress (connecting, sending or receiving). */
  readonly timeoutMs: number;
  /** Largest response body kept; the rest is read and dropped. */
  readonly maxResponseBytes: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((sentBytes: number, totalBytes: number) => void) | undefined;
}

/**
 * Facts about the request side of an exchange.
 *
 * @example
 * ```ts
 * const mayHaveArrived = (facts: ExchangeFacts, size: number) => facts.connected && facts.bytesSent >= size;
 * ```
 */
export interface ExchangeFacts {
  /** The TCP (and TLS) connection was established: the server may have seen bytes. */
  readonly connected: boolean;
  /** Body bytes handed to the socket (an upper bound of what the server received). */
  readonly bytesSent: number;
}

/**
 * A response arrived (its body possibly cut off).
 *
 * @example
 * ```ts
 * if (outcome.kind === 'response' && outcome.complete) console.log(outcome.status, outcome.text);
 * ```
 */
export interface ExchangeResponse extends ExchangeFacts {
  readonly kind: 'response';
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The response body as text (at most `maxResponseBytes`). */
  readonly text: string;
  /** False when the connection broke before the response body ended. */
  readonly complete: boolean;
}

/**
 * No response arrived.
 *
 * @example
 * ```ts
 * if (outcome.kind === 'failure' && outcome.reason === 'timeout') console.log('no answer in time');
 * ```
 */
export interface ExchangeFailure extends ExchangeFacts {
  readonly kind: 'failure';
  readonly reason: 'network' | 'timeout' | 'aborted';
  /** The underlying error (a Node system error; never carries request headers). */
  readonly cause: Error;
}

/**
 * The outcome of one exchange.
 *
 * @example
 * ```ts
 * const outcome: ExchangeOutcome = await exchange(request);
 * ```
 */
export type ExchangeOutcome = ExchangeResponse | ExchangeFailure;

/**
 * Sends one POST (or a bodiless GET) and waits for its response. Resolves with a response or a
 * transport failure;
 * rejects only for a body that does not match `size` or cannot be read.
 *
 * @example
 * ```ts
 * const outcome = await exchange({
 *   url: new URL('http://127.0.0.1:8080/api/v1/auth/token/'),
 *   headers: { 'Content-Type': 'application/json' },
 *   size: bytes.length,
 *   body: () => [bytes],
 *   timeoutMs: 30_000,
 *   maxResponseBytes: 1 << 20,
 * });
 * if (outcome.kind === 'response') console.log(outcome.status);
 * ```
 */
export function exchange(request: ExchangeRequest): Promise<ExchangeOutcome> {
  return new Promise<ExchangeOutcome>((resolve, reject) => {
    const { url, size, timeoutMs, signal, onProgress } = request;
    const transport = url.protocol === 'https:' ? https : http;
    let connected = false;
    let bytesSent = 0;
    let settled = false;
    let responded = false;
    let failure: ExchangeFailure['reason'] | undefined;
    let timer: NodeJS.Timeout | undefined;

    const method = request.method ?? 'POST';
    const outgoing = transport.request(url, {
      method,
      headers: method === 'GET' ? request.headers : { ...request.headers, 'Content-Length': String(size) },
      // A fresh connection per attempt: a half-sent request leaves its connection unusable.
      agent: false,
    });

    const settle = (outcome: ExchangeOutcome | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (outcome instanceof Error) {
        outgoing.destroy();
        reject(outcome);
      } else {
        resolve(outcome);
      }
    };
    const touch = (): void => {
      clearTimeout(timer);
      if (!settled) timer = setTimeout(onTimeout, timeoutMs);
    };
    const onTimeout = (): void => {
      failure ??= 'timeout';
      outgoing.destroy(new Error(`no progress for ${timeoutMs} ms`));
    };
    const onAbort = (): void => {
      failure ??= 'aborted';
      outgoing.destroy(new Error('aborted'));
    };

    touch();
    if (signal?.aborted === true) {
      onAbort();
    } else {
      signal?.addEventListener('abort', onAbort, { once: true });
    }

    outgoing.on('socket', (socket) => {
      const event = url.protocol === 'https:' ? 'secureConnect' : 'connect';
      socket.once(event, () => {
        connected = true;
        touch();
      });
    });

    // Errors after a response started are the response side's business; the listener stays so
    // that a late error is never unhandled.
    outgoing.on('error', (error: Error) => {
      if (responded) return;
      settle({ kind: 'failure', reason: failure ?? 'network', cause: error, connected, bytesSent });
    });

    outgoing.on('response', (response) => {
      responded = true;
      touch();
      const chunks: Buffer[] = [];
      let kept = 0;
      const finish = (complete: boolean): void => {
        const text = Buffer.concat(chunks).toString('utf8');
        settle({
          kind: 'response',
          status: response.statusCode ?? 0,
          headers: response.headers,
          text,
          complete,
          connected: true,
          bytesSent,
        });
        // A response before the whole body was sent (413, 429 …) leaves the request unfinished.
        outgoing.destroy();
      };
      response.on('data', (chunk: Buffer) => {
        touch();
        if (kept < request.maxResponseBytes) {
          const slice = chunk.subarray(0, request.maxResponseBytes - kept);
          chunks.push(slice);
          kept += slice.length;
        }
      });
      response.on('end', () => finish(true));
      response.on('error', () => finish(false));
      response.on('aborted', () => finish(false));
      response.on('close', () => finish(response.complete));
    });

    if (method === 'GET') outgoing.end();
    else void pump();

    async function pump(): Promise<void> {
      try {
        const source = request.body() as AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>;
        for await (const chunk of source) {
          if (settled || responded || outgoing.destroyed) return;
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          if (bytesSent + bytes.length > size) throw sizeMismatch(size, `more than ${size}`);
          const flushed = outgoing.write(bytes, () => touch());
          bytesSent += bytes.length;
          onProgress?.(bytesSent, size);
          if (!flushed) await drained(outgoing);
        }
        if (settled || responded || outgoing.destroyed) return;
        if (bytesSent !== size) throw sizeMismatch(size, String(bytesSent));
        outgoing.end();
      } catch (error) {
        if (settled) return;
        settle(
          error instanceof WaImportError
            ? error
            : new WaImportError('E_READ_FAILED', 'could not read the import payload', { cause: error }),
        );
      }
    }
  });
}

/** Waits until the request can take more bytes, or is gone. */
function drained(outgoing: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      outgoing.off('drain', done);
      outgoing.off('close', done);
      resolve();
    };
    outgoing.on('drain', done);
    outgoing.on('close', done);
  });
}

function sizeMismatch(size: number, got: string): WaImportError {
  return new WaImportError(
    'E_BODY_SIZE_MISMATCH',
    `import payload size mismatch: expected exactly ${size} bytes, got ${got}`,
    { hint: 'the body must yield exactly `size` bytes on every call of its factory' },
  );
}
