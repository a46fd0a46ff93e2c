/**
 * The inbox client: signs in, posts one import with an exact `Content-Length`, retries only what
 * is safe to retry, and turns every failure into a {@link WaImportError} that never contains a
 * secret.
 *
 * @module
 */

import { STATUS_CODES } from 'node:http';
import { WaImportError } from '../errors.js';
import type { Chat } from './chat.js';
import type { InboxCredentials } from './credentials.js';
import { type BodyFactory, type ExchangeFailure, type ExchangeResponse, exchange } from './http-exchange.js';
import { endpointUrl, normalizeInboxUrl, parseInboxUrl } from './inbox-url.js';
import { redactSecrets } from './redact.js';
import { backoffDelay, parseRetryAfter } from './retry-delay.js';
import { describeErrorBody } from './server-errors.js';
import { abortableSleep } from './sleep.js';

const importPath = '/api/v1/chat_import/';
const tokenPath = '/api/v1/auth/token/';
const convertRefreshTokenPath = '/api/v1/auth/convert_refresh_token/';
/** The cheapest authenticated read: one chat of the chat list. */
const verifyPath = '/api/v1/chats/?limit=1';

const defaultTimeoutMs = 300_000;
const defaultRetries = 4;
const maxRetries = 20;
const defaultMaxRetryWaitMs = 120_000;
const defaultUserAgent = 'wa-import';
/** Largest response body read into memory (a `Chat` is a few kilobytes). */
const maxResponseBytes = 4 * 1024 * 1024;
const bytesPerMegabyte = 1_000_000;
const millisecondsPerSecond = 1_000;
/** Statuses that mean "not now": wait and try again. */
const transientStatuses: ReadonlySet<number> = new Set([429, 502, 503, 504]);
/** Printable ASCII without space: what a token may contain in a header. */
const tokenPattern = /^[\x21-\x7e]+$/;

/**
 * Where the inbox is and how to sign in to it.
 *
 * @example
 * ```ts
 * const config: InboxClientConfig = { baseUrl: 'https://acme.inbox.getchat.360dialog.io', token };
 * ```
 */
export type InboxClientConfig = { readonly baseUrl: string | URL } & InboxCredentials;

/**
 * How the client behaves; every field is optional.
 *
 * @example
 * ```ts
 * const options: InboxClientOptions = { timeoutMs: 60_000, retries: 2, signal: controller.signal };
 * ```
 */
export interface InboxClientOptions {
  /** The longest the inbox may stay silent (connecting, receiving the body, answering). Default 300 000 ms. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt for transient failures (429, 502–504, safe network errors). Default 4. */
  readonly retries?: number;
  /** Aborts everything the client does. */
  readonly signal?: AbortSignal;
  /** Allow plain `http://` to hosts other than loopback. Default `false`. */
  readonly allowInsecure?: boolean;
  /** Longest wait the client accepts from `Retry-After`; a longer one fails at once. Default 120 000 ms. */
  readonly maxRetryWaitMs?: number;
  /** `User-Agent` header. Default `wa-import`. */
  readonly userAgent?: string;
  /** Waits between attempts (injectable for tests). Must reject when `signal` aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter in [0, 1) (injectable for tests). Default `Math.random`. */
  readonly random?: () => number;
  /** The clock, for `Retry-After` dates (injectable for tests). Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * One import to send.
 *
 * @example
 * ```ts
 * const request: ImportChatRequest = {
 *   size: bytes.length,
 *   body: () => [bytes],
 *   chatLabel: '+44 7700 900123',
 *   onProgress: (sent, total) => bar.update(sent / total),
 * };
 * ```
 */
export interface ImportChatRequest {
  /** Exact length of the JSON body in bytes; sent as `Content-Length`. */
  readonly size: number;
  /** Makes the JSON body of a `ChatImport`; called again for each attempt. */
  readonly body: BodyFactory;
  /** Aborts this import (in addition to the client's signal). */
  readonly signal?: AbortSignal;
  /** Called as body bytes are handed to the socket; starts again from 0 on a retry. */
  readonly onProgress?: (sentBytes: number, totalBytes: number) => void;
  /** Who the chat is with (number or handle), named in messages such as `E_UNCERTAIN`. */
  readonly chatLabel?: string;
}

/** What a request is for: decides what is safe to retry and how failures read. */
type Purpose = 'import' | 'sign-in' | 'convert' | 'verify';

interface PostRequest {
  readonly purpose: Purpose;
  /** Default `POST`; `GET` sends no body. */
  readonly method?: 'POST' | 'GET';
  readonly path: `/${string}`;
  readonly contentType: string;
  readonly size: number;
  readonly body: BodyFactory;
  readonly auth?: string;
  readonly signal: AbortSignal | undefined;
  readonly onProgress?: ((sentBytes: number, totalBytes: number) => void) | undefined;
  readonly chatLabel?: string | undefined;
}

/**
 * A client of one inbox (get.chat / 360dialog Inbox API).
 *
 * Retry rules: 429 and 502/503/504 wait (`Retry-After`, else backoff with jitter) and try again,
 * at most `retries` times. A broken connection or a timeout before any answer is retried only
 * when the inbox cannot have received the whole body (the connection was never made, or fewer
 * bytes than `size` were handed to the socket); otherwise the import may exist and the client
 * throws `E_UNCERTAIN` instead of risking a duplicate. A 504 after the whole body was sent is
 * treated the same way: the gateway gave up, the inbox behind it may not have.
 *
 * Secrets (token, password, refresh token) live in private fields and never appear in an
 * error's message, hint or cause.
 *
 * @example
 * ```ts
 * const client = new InboxClient({ baseUrl: 'https://acme.inbox.getchat.360dialog.io', token });
 * const bytes = Buffer.from(JSON.stringify(chatImport));
 * const chat = await client.importChat({ size: bytes.length, body: () => [bytes] });
 * console.log(`${chat.new_messages} messages imported for +${chat.wa_id}`);
 * ```
 */
export class InboxClient {
  /** The inbox's normal URL (see {@link normalizeInboxUrl}); the ledger's key. */
  readonly inbox: string;
  readonly #base: URL;
  readonly #credentials: InboxCredentials;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #maxRetryWaitMs: number;
  readonly #userAgent: string;
  readonly #signal: AbortSignal | undefined;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #random: () => number;
  readonly #now: () => number;
  #token: Promise<string> | undefined;
  #obtainedToken: string | undefined;

  /**
   * @throws {WaImportError} `E_INVALID_OPTION` for a malformed URL, credential or option;
   *   `E_INSECURE_URL` for plain HTTP to a remote host.
   */
  constructor(config: InboxClientConfig, options: InboxClientOptions = {}) {
    this.#base = parseInboxUrl(config.baseUrl, { allowInsecure: options.allowInsecure ?? false });
    this.inbox = normalizeInboxUrl(this.#base);
    this.#credentials = checkCredentials(config);
    this.#timeoutMs = checkInteger('timeoutMs', options.timeoutMs ?? defaultTimeoutMs, 1, 2 ** 31 - 1);
    this.#retries = checkInteger('retries', options.retries ?? defaultRetries, 0, maxRetries);
    this.#maxRetryWaitMs = checkInteger(
      'maxRetryWaitMs',
      options.maxRetryWaitMs ?? defaultMaxRetryWaitMs,
      0,
      2 ** 31 - 1,
    );
    this.#userAgent = options.userAgent ?? defaultUserAgent;
    this.#signal = options.signal;
    this.#sleep = options.sleep ?? abortableSleep;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Checks the credentials now instead of on the first import, so that bad ones show before a
   * large payload is built. A user name and password or a refresh token are exchanged for a
   * token (once; the import reuses it). A ready token is tried on the cheapest authenticated
   * read, `GET /api/v1/chats/?limit=1`; an inbox without that endpoint (404/405) leaves the
   * token to be checked by the import itself.
   *
   * @throws {WaImportError} `E_AUTH` for rejected credentials, `E_NETWORK`/`E_TIMEOUT`/`E_HTTP_STATUS`.
   * @example
   * ```ts
   * await client.authenticate(); // fails fast with E_AUTH for a wrong token
   * ```
   */
  async authenticate(signal?: AbortSignal): Promise<void> {
    const combined = this.#combine(signal);
    const token = await this.#getToken(combined);
    if (!('token' in this.#credentials)) return;
    const response = await this.#post({
      purpose: 'verify',
      method: 'GET',
      path: verifyPath,
      contentType: 'application/json',
      size: 0,
      body: () => [],
      auth: `Token ${token}`,
      signal: combined,
    });
    const { status } = response;
    if ((status >= 200 && status < 300) || status === 404 || status === 405) return;
    if (status === 401 || status === 403) throw this.#tokenRejected(status);
    throw this.#statusError(response, 'verify');
  }

  /**
   * Posts one `ChatImport` body to `POST /api/v1/chat_import/` and returns the imported chat.
   *
   * @throws {WaImportError} `E_HTTP_BAD_REQUEST` (the server's words verbatim), `E_AUTH`,
   *   `E_PAYLOAD_TOO_LARGE`, `E_HTTP_STATUS`, `E_NETWORK`, `E_TIMEOUT`, `E_UNCERTAIN` (the import
   *   may exist: do not retry blindly), `E_ABORTED`, `E_BODY_SIZE_MISMATCH` (body length ≠ `size`).
   * @example
   * ```ts
   * const chat = await client.importChat({
   *   size,
   *   body: () => fs.createReadStream(payloadPath),
   *   chatLabel: '+44 7700 900123',
   * });
   * ```
   */
  async importChat(request: ImportChatRequest): Promise<Chat> {
    const size = checkInteger('size', request.size, 0, Number.MAX_SAFE_INTEGER);
    const signal = this.#combine(request.signal);
    const token = await this.#getToken(signal);
    const response = await this.#post({
      purpose: 'import',
      path: importPath,
      contentType: 'application/json',
      size,
      body: request.body,
      auth: `Token ${token}`,
      signal,
      onProgress: request.onProgress,
      chatLabel: request.chatLabel,
    });
    return this.#importResult(response, size, request.chatLabel);
  }

  /** The token: the configured one, or one obtained once from the credentials. */
  #getToken(signal: AbortSignal | undefined): Promise<string> {
    const credentials = this.#credentials;
    if ('token' in credentials) return Promise.resolve(credentials.token);
    this.#token ??= this.#signIn(credentials, signal).then(
      (token) => {
        this.#obtainedToken = token;
        return token;
      },
      (error: unknown) => {
        this.#token = undefined;
        throw error;
      },
    );
    return this.#token;
  }

  async #signIn(credentials: InboxCredentials, signal: AbortSignal | undefined): Promise<string> {
    const purpose: Purpose = 'username' in credentials ? 'sign-in' : 'convert';
    const payload =
      'username' in credentials
        ? { username: credentials.username, password: credentials.password }
        : {
            refresh_token: 'refreshToken' in credentials ? credentials.refreshToken : '',
            keep_refresh_token: false,
          };
    const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
    const response = await this.#post({
      purpose,
      path: purpose === 'sign-in' ? tokenPath : convertRefreshTokenPath,
      contentType: 'application/json',
      size: bytes.length,
      body: () => [bytes],
      signal,
    });
    const { status } = response;
    if (status === 200 || status === 201) {
      const token = parseJsonObject(response.text)?.token;
      if (typeof token === 'string' && tokenPattern.test(token)) return token;
      throw new WaImportError('E_AUTH', `sign-in failed: the inbox answered HTTP ${status} without a token`, {
        hint: `check that ${this.inbox} is the address of the inbox itself`,
      });
    }
    if (status === 400 || status === 401 || status === 403) {
      const said = this.#describe(response.text);
      const detail = said === '' ? '' : `: ${said}`;
      if (purpose === 'sign-in') {
        const username = 'username' in credentials ? credentials.username : '';
        throw new WaImportError(
          'E_AUTH',
          `sign-in failed: the inbox rejected the user name or password of ${JSON.stringify(this.#redact(username))} (HTTP ${status})${detail}`,
          { hint: 'use an integration user of this inbox (admin panel, group "App integration")' },
        );
      }
      throw new WaImportError(
        'E_AUTH',
        `sign-in failed: the inbox rejected the refresh token (HTTP ${status})${detail}`,
        {
          hint: 'a refresh token works once unless kept; create a new one in the inbox, or use a token',
        },
      );
    }
    throw this.#statusError(response, 'sign-in');
  }

  /** Interprets the answer to an import. */
  #importResult(response: ExchangeResponse, size: number, chatLabel: string | undefined): Chat {
    const { status } = response;
    if (status === 200 || status === 201) {
      const chat = parseJsonObject(response.text);
      if (response.complete && chat !== undefined && typeof chat.wa_id === 'string') return chat as Chat;
      throw this.#uncertainError(
        chatLabel,
        response.complete
          ? `the inbox answered HTTP ${status} but not with a chat`
          : `the inbox answered HTTP ${status} but the connection broke before the answer ended`,
      );
    }
    if (status === 400) {
      const said = this.#describe(response.text);
      throw new WaImportError(
        'E_HTTP_BAD_REQUEST',
        `the inbox rejected the import (HTTP 400)${said === '' ? '' : `: ${said}`}`,
        { hint: 'the server says what is wrong with the request; fix that and run again' },
      );
    }
    if (status === 401 || status === 403) throw this.#tokenRejected(status);
    if (status === 413) {
      const megabytes = (size / bytesPerMegabyte).toFixed(1);
      throw new WaImportError(
        'E_PAYLOAD_TOO_LARGE',
        `the inbox refused the import as too large (HTTP 413): the payload is ${size} bytes (${megabytes} MB)`,
        {
          hint: 'shrink it: leave out large media with --max-media-bytes <bytes>, or send the text only with --media none',
        },
      );
    }
    throw this.#statusError(response, 'import');
  }

  #tokenRejected(status: number): WaImportError {
    return new WaImportError('E_AUTH', `the inbox rejected the token (HTTP ${status})`, {
      hint:
        `check that the token belongs to this inbox (${this.inbox}) and to an integration user ` +
        '(admin panel, group "App integration"), and that it is not a channel API key (D360-API-KEY)',
    });
  }

  /** Posts (or gets) with the retry rules; returns the first non-transient response. */
  async #post(request: PostRequest): Promise<ExchangeResponse> {
    const { signal, size, purpose } = request;
    const url = endpointUrl(this.#base, request.path);
    const headers: Record<string, string> = {
      ...(request.method === 'GET' ? {} : { 'Content-Type': request.contentType }),
      Accept: 'application/json',
      'User-Agent': this.#userAgent,
    };
    if (request.auth !== undefined) headers.Authorization = request.auth;
    // Signing in with a password and reading are idempotent; converting a refresh token and
    // importing are not.
    const idempotent = purpose === 'sign-in' || purpose === 'verify';
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted === true) throw abortedError(purpose, false);
      const outcome = await exchange({
        url,
        method: request.method ?? 'POST',
        headers,
        size,
        body: request.body,
        timeoutMs: this.#timeoutMs,
        maxResponseBytes,
        signal,
        onProgress: request.onProgress,
      });
      const wholeBodySent = outcome.connected && outcome.bytesSent >= size;
      if ((outcome.kind === 'failure' && outcome.reason === 'aborted') || isAborted(signal)) {
        throw abortedError(purpose, wholeBodySent);
      }
      const canRetry = attempt <= this.#retries;
      if (outcome.kind === 'failure') {
        if (wholeBodySent && !idempotent) throw this.#lostAnswerError(purpose, outcome, request.chatLabel);
        if (canRetry) {
          await this.#wait(backoffDelay(attempt - 1, this.#random()), signal, purpose);
          continue;
        }
        throw this.#transportError(outcome, attempt);
      }
      if (!transientStatuses.has(outcome.status)) return outcome;
      if (outcome.status === 504 && wholeBodySent && purpose === 'import') {
        throw this.#uncertainError(
          request.chatLabel,
          'the gateway timed out (HTTP 504) after the whole payload was sent',
        );
      }
      const retryAfterMs = parseRetryAfter(outcome.headers['retry-after'], this.#now());
      const waitMs = retryAfterMs ?? backoffDelay(attempt - 1, this.#random());
      if (waitMs > this.#maxRetryWaitMs) {
        throw new WaImportError(
          'E_HTTP_STATUS',
          `the inbox answered HTTP ${outcome.status} and asked to wait ${Math.ceil(waitMs / millisecondsPerSecond)} s`,
          { hint: 'the inbox is busy; try again later' },
        );
      }
      if (!canRetry) {
        throw new WaImportError(
          'E_HTTP_STATUS',
          `the inbox kept answering HTTP ${outcome.status}${statusText(outcome.status)} (${attempt} attempts)`,
          { hint: 'the inbox is overloaded or down; try again later' },
        );
      }
      await this.#wait(waitMs, signal, purpose);
    }
  }

  async #wait(ms: number, signal: AbortSignal | undefined, purpose: Purpose): Promise<void> {
    try {
      await (signal === undefined ? this.#sleep(ms) : this.#sleep(ms, signal));
    } catch (error) {
      if (isAborted(signal)) throw abortedError(purpose, false);
      throw error;
    }
  }

  /** The whole body was handed over and no answer came: the outcome is unknown. */
  #lostAnswerError(purpose: Purpose, outcome: ExchangeFailure, chatLabel: string | undefined): WaImportError {
    const what =
      outcome.reason === 'timeout'
        ? `the inbox did not answer within ${Math.round(this.#timeoutMs / millisecondsPerSecond)} s after the whole payload was sent`
        : `the connection broke after the whole payload was sent and before the inbox answered (${errorCode(outcome.cause)})`;
    if (purpose === 'convert') {
      return new WaImportError('E_NETWORK', `sign-in failed: ${what.replace('payload', 'request')}`, {
        hint: 'the refresh token may have been used up; create a new one in the inbox, or use a token',
        cause: outcome.cause,
      });
    }
    return this.#uncertainError(chatLabel, what, outcome.cause);
  }

  #uncertainError(chatLabel: string | undefined, what: string, cause?: unknown): WaImportError {
    const chat = chatLabel === undefined || chatLabel === '' ? 'this contact' : this.#redact(chatLabel);
    return new WaImportError(
      'E_UNCERTAIN',
      `the import may or may not have been created: ${what}; check the inbox for the chat with ${chat} before retrying with --force`,
      {
        hint: `open ${this.inbox} and look for the chat with ${chat}`,
        ...(cause === undefined ? {} : { cause }),
      },
    );
  }

  #transportError(outcome: ExchangeFailure, attempts: number): WaImportError {
    const tries = attempts === 1 ? '' : ` (${attempts} attempts)`;
    if (outcome.reason === 'timeout') {
      return new WaImportError(
        'E_TIMEOUT',
        `the inbox at ${this.#base.host} did not respond within ${Math.round(this.#timeoutMs / millisecondsPerSecond)} s${tries}`,
        { hint: 'check the network, or allow more time with a longer timeout', cause: outcome.cause },
      );
    }
    if (!outcome.connected) {
      return new WaImportError(
        'E_NETWORK',
        `could not connect to the inbox at ${this.#base.host}: ${errorCode(outcome.cause)}${tries}`,
        { hint: 'check the inbox URL and the network', cause: outcome.cause },
      );
    }
    return new WaImportError(
      'E_NETWORK',
      `the connection to the inbox at ${this.#base.host} broke before it answered: ${errorCode(outcome.cause)}${tries}`,
      { hint: 'check the network and try again', cause: outcome.cause },
    );
  }

  #statusError(response: ExchangeResponse, purpose: Purpose): WaImportError {
    const { status } = response;
    const doing =
      purpose === 'import' ? 'the import' : purpose === 'verify' ? 'checking the token' : 'sign-in';
    if (status >= 300 && status < 400) {
      const target = redirectTarget(response.headers.location, this.#base);
      return new WaImportError('E_HTTP_STATUS', `${doing} failed: the inbox redirected (HTTP ${status})`, {
        hint:
          target === undefined
            ? 'check the inbox URL'
            : `use the inbox address it points to: ${this.#redact(target)}`,
      });
    }
    const said = this.#describe(response.text);
    return new WaImportError(
      'E_HTTP_STATUS',
      `${doing} failed: the inbox answered HTTP ${status}${statusText(status)}${said === '' ? '' : `: ${said}`}`,
      {
        hint:
          status >= 500
            ? 'the inbox had a problem; try again later'
            : `check that ${this.inbox} is the inbox address`,
      },
    );
  }

  #describe(text: string): string {
    return this.#redact(describeErrorBody(text));
  }

  #redact(text: string): string {
    const credentials = this.#credentials;
    const secrets: string[] = [];
    if ('token' in credentials) secrets.push(credentials.token);
    if ('password' in credentials) secrets.push(credentials.password);
    if ('refreshToken' in credentials) secrets.push(credentials.refreshToken);
    if (this.#obtainedToken !== undefined) secrets.push(this.#obtainedToken);
    return redactSecrets(text, secrets);
  }

  #combine(signal: AbortSignal | undefined): AbortSignal | undefined {
    if (signal === undefined) return this.#signal;
    if (this.#signal === undefined) return signal;
    return AbortSignal.any([this.#signal, signal]);
  }
}

/** Reads `signal.aborted` afresh (a function call keeps the compiler from narrowing it across awaits). */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function abortedError(purpose: Purpose, wholeBodySent: boolean): WaImportError {
  if (purpose === 'import' && wholeBodySent) {
    return new WaImportError('E_ABORTED', 'import aborted after the whole payload was sent', {
      hint: 'the import may have been created; check the inbox before running it again with --force',
    });
  }
  return new WaImportError('E_ABORTED', purpose === 'import' ? 'import aborted' : 'sign-in aborted');
}

function checkCredentials(config: InboxClientConfig): InboxCredentials {
  const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';
  if ('token' in config) {
    if (!nonEmpty(config.token) || !tokenPattern.test(config.token)) {
      throw new WaImportError(
        'E_INVALID_OPTION',
        'invalid token: it must be non-empty, without spaces or control characters',
      );
    }
    return { token: config.token };
  }
  if ('username' in config) {
    if (!nonEmpty(config.username) || !nonEmpty(config.password)) {
      throw new WaImportError(
        'E_INVALID_OPTION',
        'invalid credentials: user name and password must be non-empty',
      );
    }
    return { username: config.username, password: config.password };
  }
  if ('refreshToken' in config && nonEmpty(config.refreshToken)) return { refreshToken: config.refreshToken };
  throw new WaImportError(
    'E_INVALID_OPTION',
    'missing credentials: give a token, a user name and password, or a refresh token',
  );
}

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new WaImportError(
      'E_INVALID_OPTION',
      `invalid ${name}: expected an integer from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** ` (Service Unavailable)` for a status Node knows, else `''`. */
function statusText(status: number): string {
  const text = STATUS_CODES[status];
  return text === undefined ? '' : ` (${text})`;
}

/** Origin and path of a redirect's target (never its query, which may carry anything). */
function redirectTarget(location: string | undefined, base: URL): string | undefined {
  if (location === undefined) return undefined;
  try {
    const target = new URL(location, base);
    return `${target.origin}${target.pathname}`;
  } catch {
    return undefined;
  }
}

/** A system error's code (`ECONNRESET`), else its message. */
function errorCode(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' ? code : error.message;
}
