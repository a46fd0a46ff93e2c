/**
 * The local inbox: a real HTTP server on loopback that answers like the get.chat / 360dialog
 * Inbox API's sign-in and import endpoints, validates imports like a strict server, and can be
 * scripted to fail (429, 503, broken connections, stalls) so that clients are tested for real.
 *
 * @module
 */

import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { WaImportError } from '../errors.js';
import type { ChatImport } from '../payload/chat-import.js';
import { isLoopbackHost } from '../submit/index.js';
import { AuthStore, type TokenOwner } from './auth-store.js';
import { buildChat } from './chat-response.js';
import { countHeaderLines, firstAuthor } from './chat-text.js';
import { JsonScanner } from './json-scanner.js';
import type {
  DelayFault,
  Fault,
  InboxEmulator,
  InboxEmulatorOptions,
  ReceivedImport,
  ReceivedRequest,
} from './types.js';
import { checkChatImport, type ValidImport } from './validate-import.js';

const importPath = '/api/v1/chat_import/';
const tokenPath = '/api/v1/auth/token/';
const convertRefreshTokenPath = '/api/v1/auth/convert_refresh_token/';
const defaultMaxBodyBytes = 1024 ** 3;
const defaultMaxStoredBodyBytes = 64 * 1024 ** 2;
/** Largest sign-in body read. */
const maxAuthBodyBytes = 64 * 1024;
/** Strings longer than this in an unstored import are summarized, not kept. */
const scannerKeepChars = 64 * 1024;
const phoneAuthorPattern = /^\+?[\d\s\-()]{6,}$/;

/** A {@link ReceivedRequest} while it is being handled. */
type RequestRecord = { -readonly [Key in keyof ReceivedRequest]: ReceivedRequest[Key] };

interface Context {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly record: RequestRecord;
}

/**
 * Starts an emulated inbox on a loopback address and resolves once it listens.
 *
 * Endpoints: `POST /api/v1/auth/token/` (JSON or form-encoded `username`, `password` → the
 * user's token), `POST /api/v1/auth/convert_refresh_token/` (`refresh_token`,
 * `keep_refresh_token` → a token; the refresh token stops working unless kept), and
 * `POST /api/v1/chat_import/` (`Authorization: Token …`, `Content-Length` required, JSON
 * validated; answers 201 with a `Chat`). The import body is streamed: bodies up to
 * `maxStoredBodyBytes` are kept as parsed JSON, larger ones are validated by a streaming parser
 * and kept as a byte count and SHA-256 only.
 *
 * @throws {WaImportError} `E_INVALID_OPTION` for a host that is not loopback.
 * @example
 * ```ts
 * const emulator = await startInboxEmulator({ users: [{ username: 'bot', password: 'pw' }], faults: [{ status: 503 }] });
 * const client = new InboxClient({ baseUrl: emulator.url, username: 'bot', password: 'pw' }, { sleep: async () => {} });
 * const chat = await client.importChat({ size: bytes.length, body: () => [bytes] });
 * console.log(chat.wa_id, emulator.imports.length); // retried once after the 503
 * await emulator.close();
 * ```
 */
export async function startInboxEmulator(options: InboxEmulatorOptions = {}): Promise<InboxEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)) {
    throw new WaImportError(
      'E_INVALID_OPTION',
      `the inbox emulator listens on loopback only, got host ${host}`,
    );
  }
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const maxStoredBodyBytes = options.maxStoredBodyBytes ?? defaultMaxStoredBodyBytes;
  const now = options.now ?? (() => new Date());
  const auth = new AuthStore(options);
  const faults: Fault[] = [...(options.faults ?? [])];
  const imports: ReceivedImport[] = [];
  const log: RequestRecord[] = [];
  const closing = new AbortController();
  let requests = 0;

  const server = http.createServer((request, response) => {
    requests += 1;
    const record: RequestRecord = {
      method: request.method ?? '',
      path: new URL(request.url ?? '/', 'http://emulator').pathname,
      contentLength: request.headers['content-length'],
      transferEncoding: request.headers['transfer-encoding'],
      bytesReceived: 0,
      status: undefined,
    };
    log.push(record);
    const context: Context = { request, response, record };
    route(context).catch(() => {
      if (!response.headersSent && !response.destroyed)
        reply(context, 500, { detail: 'A server error occurred.' });
      else request.socket.destroy();
    });
  });

  async function route(context: Context): Promise<void> {
    const { path, method } = context.record;
    const known = path === importPath || path === tokenPath || path === convertRefreshTokenPath;
    if (!known) return replyEarly(context, 404, { detail: 'Not found.' });
    if (method !== 'POST')
      return replyEarly(context, 405, { detail: `Method "${method}" not allowed.` }, { Allow: 'POST' });
    if (path === importPath) return handleImport(context);
    return handleSignIn(context, path === tokenPath);
  }

  async function handleSignIn(context: Context, withPassword: boolean): Promise<void> {
    const length = Number(context.request.headers['content-length'] ?? Number.NaN);
    if (length > maxAuthBodyBytes) return replyEarly(context, 413, { detail: 'Request body too large.' });
    const parsed = await readForm(context);
    if (typeof parsed === 'string') return;
    if (parsed instanceof Error) {
      return reply(context, parsed.name === 'unsupported' ? 415 : 400, { detail: parsed.message });
    }
    const missing = (withPassword ? ['username', 'password'] : ['refresh_token']).filter(
      (field) => typeof parsed[field] !== 'string' || parsed[field] === '',
    );
    if (missing.length > 0) {
      return reply(
        context,
        400,
        Object.fromEntries(missing.map((field) => [field, ['This field is required.']])),
      );
    }
    if (withPassword) {
      const token = auth.signIn(String(parsed.username), String(parsed.password));
      if (token === undefined) {
        return reply(context, 400, { non_field_errors: ['Unable to log in with provided credentials.'] });
      }
      return reply(context, 200, { token });
    }
    const keep = parsed.keep_refresh_token === true || parsed.keep_refresh_token === 'true';
    const token = auth.convertRefreshToken(String(parsed.refresh_token), keep);
    if (token === undefined) return reply(context, 401, { detail: 'Invalid refresh token.' });
    return reply(context, 200, { token });
  }

  async function handleImport(context: Context): Promise<void> {
    const { request } = context;
    const fault = faults.shift();
    if (fault !== undefined && 'status' in fault) {
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
      return replyEarly(
        context,
        fault.status,
        fault.body ?? { detail: STATUS_CODES[fault.status] ?? 'Error' },
        headers,
      );
    }
    const owner = authorize(context);
    if (owner === undefined) return;
    const declared = request.headers['content-length'];
    if (declared === undefined) {
      return replyEarly(context, 411, {
        detail: 'A Content-Length header is required; chunked transfer encoding is not accepted.',
      });
    }
    const length = Number(declared);
    if (length > maxBodyBytes) {
      return replyEarly(context, 413, {
        detail: `Request body of ${length} bytes exceeds the limit of ${maxBodyBytes} bytes.`,
      });
    }
    const contentType = request.headers['content-type'] ?? '';
    if (!/^application\/json\s*(?:;|$)/i.test(contentType)) {
      return replyEarly(context, 415, { detail: `Unsupported media type "${contentType}" in request.` });
    }
    if (fault !== undefined && 'kind' in fault) {
      if (fault.kind === 'reset-before-body') return resetAfterFirstChunk(context);
      if (fault.kind === 'delay' && fault.phase === 'before-body' && !(await stall(fault))) return;
    }

    const body = await readImportBody(context, length);
    if (body === undefined) return;
    if (fault !== undefined && 'kind' in fault) {
      if (fault.kind === 'reset-after-body') {
        request.socket.destroy();
        return;
      }
      if (fault.kind === 'delay' && fault.phase !== 'before-body' && !(await stall(fault))) return;
    }
    if (body.syntaxError !== undefined)
      return reply(context, 400, { detail: `JSON parse error - ${body.syntaxError}` });
    const check = checkChatImport(body.data);
    if (!check.ok) return reply(context, 400, check.errors);
    const customer = customerOf(check.value);
    if (customer === undefined) {
      return reply(context, 400, {
        reason:
          "Could not determine the customer's phone number: supply chat_participants with the chat partner's number.",
      });
    }
    const { chatText } = check.value;
    const chat = buildChat({
      waId: customer.waId,
      name: customer.name,
      newMessages: typeof chatText === 'string' ? countHeaderLines(chatText) : chatText.headerLines,
      now: now(),
    });
    imports.push({
      bytes: body.bytes,
      sha256: body.sha256,
      body: body.stored ? (body.data as ChatImport) : undefined,
      user: owner.user,
      mediaFileCount: check.value.mediaFileCount,
      chat,
    });
    return reply(context, 201, chat);
  }

  /** The owner of the request's token, or `undefined` after answering 401. */
  function authorize(context: Context): TokenOwner | undefined {
    const header = context.request.headers.authorization ?? '';
    const match = /^Token\s+(\S+)$/.exec(header);
    const challenge = { 'WWW-Authenticate': 'Token' };
    if (match?.[1] === undefined) {
      replyEarly(context, 401, { detail: 'Authentication credentials were not provided.' }, challenge);
      return undefined;
    }
    const owner = auth.owner(match[1]);
    if (owner === undefined) replyEarly(context, 401, { detail: 'Invalid token.' }, challenge);
    return owner;
  }

  /**
   * Reads the whole import body, hashing it; parses it as it streams unless it is stored.
   * `maxBodyBytes` was checked against `Content-Length`, and Node's HTTP parser never delivers
   * more body bytes than that header declares, so the count cannot exceed the limit here.
   */
  async function readImportBody(
    context: Context,
    length: number,
  ): Promise<
    | { bytes: number; sha256: string; stored: boolean; data: unknown; syntaxError: string | undefined }
    | undefined
  > {
    const stored = length <= maxStoredBodyBytes;
    const hash = createHash('sha256');
    const buffer = stored ? Buffer.allocUnsafe(length) : undefined;
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const scanner = new JsonScanner({ keepChars: scannerKeepChars });
    let bytes = 0;
    let syntaxError: string | undefined;
    try {
      for await (const chunk of context.request as AsyncIterable<Buffer>) {
        context.record.bytesReceived += chunk.length;
        hash.update(chunk);
        if (buffer !== undefined) {
          chunk.copy(buffer, bytes);
        } else if (syntaxError === undefined) {
          try {
            scanner.push(decoder.decode(chunk, { stream: true }));
          } catch (error) {
            syntaxError = errorMessage(error);
          }
        }
        bytes += chunk.length;
      }
    } catch {
      // The client went away mid-body: nothing to answer.
      return undefined;
    }
    let data: unknown;
    if (syntaxError === undefined) {
      try {
        if (buffer === undefined) {
          scanner.push(decoder.decode());
          data = scanner.end();
        } else {
          data = JSON.parse(decoder.decode(buffer));
        }
      } catch (error) {
        syntaxError = errorMessage(error);
      }
    }
    return { bytes, sha256: hash.digest('hex'), stored, data, syntaxError };
  }

  /** Reads a small sign-in body as JSON or form fields. */
  async function readForm(context: Context): Promise<Record<string, unknown> | Error | 'gone'> {
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of context.request as AsyncIterable<Buffer>) {
        context.record.bytesReceived += chunk.length;
        size += chunk.length;
        if (size <= maxAuthBodyBytes) chunks.push(chunk);
      }
    } catch {
      return 'gone';
    }
    if (size > maxAuthBodyBytes) return namedError('invalid', 'Request body too large.');
    const text = Buffer.concat(chunks).toString('utf8');
    const contentType = (context.request.headers['content-type'] ?? '').toLowerCase();
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      return Object.fromEntries(new URLSearchParams(text));
    }
    if (!contentType.startsWith('application/json')) {
      return namedError('unsupported', `Unsupported media type "${contentType}" in request.`);
    }
    try {
      const data: unknown = JSON.parse(text);
      if (typeof data === 'object' && data !== null && !Array.isArray(data))
        return data as Record<string, unknown>;
      return namedError('invalid', 'Invalid data. Expected a dictionary.');
    } catch (error) {
      return namedError('invalid', `JSON parse error - ${errorMessage(error)}`);
    }
  }

  /** Breaks the connection once the first body bytes arrive. */
  function resetAfterFirstChunk(context: Context): Promise<void> {
    return new Promise((resolve) => {
      context.request.once('data', (chunk: Buffer) => {
        context.record.bytesReceived += chunk.length;
        context.request.socket.destroy();
        resolve();
      });
      context.request.once('close', () => resolve());
    });
  }

  /** Waits out a delay fault; false when the emulator closed meanwhile. */
  async function stall(fault: DelayFault): Promise<boolean> {
    try {
      await delay(fault.ms, undefined, { signal: closing.signal });
      return true;
    } catch {
      return false;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${address.port}`,
    imports,
    log,
    get requests() {
      return requests;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** The customer's number and name: the first participant, else a phone-number author. */
function customerOf(value: ValidImport): { waId: string; name: string } | undefined {
  const [first] = value.participants;
  if (first !== undefined) return { waId: first.digits, name: first.handle };
  const head = typeof value.chatText === 'string' ? value.chatText.slice(0, 4096) : value.chatText.head;
  const author = firstAuthor(head);
  if (author === undefined || !phoneAuthorPattern.test(author)) return undefined;
  return { waId: author.replace(/\D/g, ''), name: author };
}

/** Answers with JSON. */
function reply(
  context: Context,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  context.record.status = status;
  context.response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  context.response.end(text);
}

/**
 * Answers before the body was read, then reads and drops the rest of it: closing with unread
 * data would reset the connection, and the client might lose the answer.
 */
function replyEarly(
  context: Context,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  reply(context, status, body, headers);
  context.request.on('data', (chunk: Buffer) => {
    context.record.bytesReceived += chunk.length;
  });
  context.request.on('error', () => undefined);
  context.request.resume();
}

function namedError(name: 'invalid' | 'unsupported', message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
