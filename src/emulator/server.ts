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
import { type ChatTextCheck, type ParsedChat, parseImportedChat } from './chat-parse.js';
import { buildChat } from './chat-response.js';
import { ChatStore } from './chat-store.js';
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
const chatsPath = '/api/v1/chats/';
/** Page size of `GET /api/v1/chats/` without `limit`, and the largest `limit` honoured. */
const defaultPageSize = 20;
const maxPageSize = 100;
const defaultMaxBodyBytes = 1024 ** 3;
const defaultMaxStoredBodyBytes = 64 * 1024 ** 2;
const defaultMaxParsedChatTextChars = 64 * 1024 ** 2;
/** Largest sign-in body read. */
const maxAuthBodyBytes = 64 * 1024;
/** Strings longer than this in an unstored import are summarized, not kept. */
const scannerKeepChars = 64 * 1024;
/** Characters of a summarized chat text searched for its first author. */
const customerHeadChars = 4096;
/** Hex digits of the body's SHA-256 that name an import (in message ids). */
const importIdChars = 16;
const chatTextField: ReadonlySet<string> = new Set(['chat_text']);
const phoneAuthorPattern = /^\+?[\d\s\-()]{6,}$/;

/** A {@link ReceivedRequest} while it is being handled. */
type RequestRecord = { -readonly [Key in keyof ReceivedRequest]: ReceivedRequest[Key] };

interface Context {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly record: RequestRecord;
  /** The import this request created, once accepted. */
  received: ReceivedImport | undefined;
}

/**
 * Starts an emulated inbox on a loopback address and resolves once it listens.
 *
 * Endpoints: `POST /api/v1/auth/token/` (JSON or form-encoded `username`, `password` → the
 * user's token), `POST /api/v1/auth/convert_refresh_token/` (`refresh_token`,
 * `keep_refresh_token` → a token; the refresh token stops working unless kept),
 * `POST /api/v1/chat_import/` (`Authorization: Token …`, `Content-Length` required, JSON
 * validated; answers 201 with a `Chat`) and `GET /api/v1/chats/` (the imported chats, one per
 * customer, paginated `{count, next, previous, results}` with `limit`/`offset`). The import
 * body is streamed: bodies up to `maxStoredBodyBytes` are kept as parsed JSON, larger ones are
 * validated by a streaming parser and kept as a byte count and SHA-256 only. `chat_text` is
 * parsed with the project's own parser (`device_language_code`, `utc_offset_minutes`): a text
 * that is not a WhatsApp export is refused with 400 and a `reason`, and the answer's
 * `new_messages` and `last_message` come from the parse. With `dataDir`, imports persist.
 *
 * @throws {WaImportError} `E_INVALID_OPTION` for a host that is not loopback; `E_READ_FAILED`
 *   when the data file in `dataDir` cannot be read or is corrupt.
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
  const maxParsedChatTextChars = options.maxParsedChatTextChars ?? defaultMaxParsedChatTextChars;
  const now = options.now ?? (() => new Date());
  const auth = new AuthStore(options);
  const faults: Fault[] = [...(options.faults ?? [])];
  const store = await ChatStore.open(options.dataDir);
  const imports = store.imports;
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
    const context: Context = { request, response, record, received: undefined };
    response.once('close', () => {
      try {
        options.onRequest?.(record, context.received);
      } catch {
        // A listener's failure is the listener's business, never the server's.
      }
    });
    route(context).catch(() => {
      if (!response.headersSent && !response.destroyed)
        reply(context, 500, { detail: 'A server error occurred.' });
      else request.socket.destroy();
    });
  });

  async function route(context: Context): Promise<void> {
    const { path, method } = context.record;
    if (path === chatsPath) {
      if (method !== 'GET')
        return replyEarly(context, 405, { detail: `Method "${method}" not allowed.` }, { Allow: 'GET' });
      return handleChatList(context);
    }
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
    const parsed = await parseChat(check.value);
    if ('reason' in parsed) return reply(context, 400, { reason: parsed.reason });
    if ('fieldErrors' in parsed) return reply(context, 400, parsed.fieldErrors);
    const customer = customerOf(check.value, parsed);
    if (customer === undefined) {
      return reply(context, 400, {
        reason:
          "Could not determine the customer's phone number: supply chat_participants with the chat partner's number.",
      });
    }
    const accepted = now();
    const chat = buildChat({
      waId: customer.waId,
      name: customer.name,
      newMessages: parsed.messages,
      now: accepted,
      lastMessage: parsed.last,
      customerHandle: customer.name,
      importId: body.sha256.slice(0, importIdChars),
    });
    const received: ReceivedImport = {
      bytes: body.bytes,
      sha256: body.sha256,
      body: body.stored ? (body.data as ChatImport) : undefined,
      user: owner.user,
      mediaFileCount: check.value.mediaFileCount,
      importedAt: accepted.toISOString(),
      chat,
    };
    // Closed while parsing: the connection is gone and nothing is written after close().
    if (closing.signal.aborted) return;
    try {
      await store.add(received);
    } catch (error) {
      return reply(context, 500, { detail: `The import could not be saved: ${errorMessage(error)}` });
    }
    context.received = received;
    return reply(context, 201, chat);
  }

  /**
   * Parses `chat_text` with the project's parser, or, for a text longer than
   * `maxParsedChatTextChars` (summarized while streaming), counts its header lines only.
   */
  async function parseChat(value: ValidImport): Promise<ParsedChat | Exclude<ChatTextCheck, { ok: true }>> {
    const { chatText } = value;
    if (typeof chatText === 'string' && chatText.length <= maxParsedChatTextChars) {
      const check = await parseImportedChat(chatText, value);
      return check.ok ? check.value : check;
    }
    const headerLines = typeof chatText === 'string' ? countHeaderLines(chatText) : chatText.headerLines;
    if (headerLines === 0) {
      return {
        ok: false,
        reason: `chat_text is not a WhatsApp export: no message headers found in its ${chatText.length} characters`,
      };
    }
    const head = typeof chatText === 'string' ? chatText.slice(0, customerHeadChars) : chatText.head;
    const author = firstAuthor(head);
    return { messages: headerLines, last: undefined, authors: author === undefined ? [] : [author] };
  }

  /**
   * `GET /api/v1/chats/?limit=&offset=`: the imported chats, one per customer (the latest
   * answer for each), newest first, paginated like the inbox's lists.
   */
  function handleChatList(context: Context): void {
    if (authorize(context) === undefined) return;
    const url = new URL(context.request.url ?? '/', 'http://emulator');
    const limit = pageNumber(url.searchParams.get('limit'), defaultPageSize, 1, maxPageSize);
    const offset = pageNumber(url.searchParams.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
    const chats = store.chats();
    const page = (at: number): string => {
      const next = new URL(url.pathname, `http://${context.request.headers.host ?? 'emulator'}`);
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('offset', String(at));
      return next.href;
    };
    reply(context, 200, {
      count: chats.length,
      next: offset + limit < chats.length ? page(offset + limit) : null,
      previous: offset > 0 ? page(Math.max(0, offset - limit)) : null,
      results: chats.slice(offset, offset + limit),
    });
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
    const scanner = new JsonScanner({
      keepChars: scannerKeepChars,
      keepWhole: chatTextField,
      keepWholeChars: maxParsedChatTextChars,
    });
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
    dataFile: store.path,
    log,
    get requests() {
      return requests;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => store.settled());
      return closed;
    },
  };
}

/** The customer's number and name: the first participant, else the first phone-number author. */
function customerOf(value: ValidImport, parsed: ParsedChat): { waId: string; name: string } | undefined {
  const [first] = value.participants;
  if (first !== undefined) return { waId: first.digits, name: first.handle };
  const author = parsed.authors.find((name) => phoneAuthorPattern.test(name));
  if (author === undefined) return undefined;
  return { waId: author.replace(/\D/g, ''), name: author };
}

/** A whole number query parameter within bounds, else `fallback`. */
function pageNumber(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null || !/^\d{1,15}$/.test(value)) return fallback;
  return Math.min(max, Math.max(min, Number(value)));
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
