/**
 * Inbox base URLs: parsing, the plain-HTTP guard, and the normal form used as a ledger key.
 *
 * @module
 */

import { WaImportError } from '../errors.js';

/** First octet of the IPv4 loopback block 127.0.0.0/8. */
const loopbackFirstOctet = '127';

/**
 * True when `hostname` (as `URL.hostname` gives it) names this machine: `localhost`,
 * 127.0.0.0/8 or `::1`.
 *
 * @example
 * ```ts
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('[::1]'); // true
 * isLoopbackHost('inbox.example.com'); // false
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const octets = host.split('.');
  return (
    octets.length === 4 &&
    octets[0] === loopbackFirstOctet &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

/**
 * Options of {@link parseInboxUrl}.
 *
 * @example
 * ```ts
 * parseInboxUrl('http://inbox.lan:8080', { allowInsecure: true } satisfies ParseInboxUrlOptions);
 * ```
 */
export interface ParseInboxUrlOptions {
  /** Allow plain `http://` to hosts other than loopback. Default `false`. */
  readonly allowInsecure?: boolean;
}

/**
 * Parses and checks an inbox base URL: `http:` or `https:`, no user name or password in it, no
 * query or fragment, and plain HTTP only to loopback hosts unless `allowInsecure`.
 *
 * @throws {WaImportError} `E_INVALID_OPTION` for a malformed URL, `E_INSECURE_URL` for plain HTTP
 *   to a remote host.
 * @example
 * ```ts
 * const url = parseInboxUrl('https://acme.inbox.getchat.360dialog.io/');
 * parseInboxUrl('http://127.0.0.1:8080'); // fine: loopback
 * parseInboxUrl('http://inbox.example.com'); // throws E_INSECURE_URL
 * ```
 */
export function parseInboxUrl(baseUrl: string | URL, options: ParseInboxUrlOptions = {}): URL {
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch (cause) {
    throw new WaImportError('E_INVALID_OPTION', 'invalid inbox URL: not an absolute URL', {
      hint: 'give the inbox address, e.g. https://acme.inbox.getchat.360dialog.io',
      cause,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WaImportError('E_INVALID_OPTION', `invalid inbox URL: unsupported scheme, got ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    // Never echo the URL: the password in it is a secret.
    throw new WaImportError(
      'E_INVALID_OPTION',
      'invalid inbox URL: it must not contain a user name or password',
      {
        hint: 'pass the credentials separately (token, or username and password)',
      },
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new WaImportError('E_INVALID_OPTION', 'invalid inbox URL: it must not have a query or fragment', {
      hint: 'give only the inbox address, e.g. https://acme.inbox.getchat.360dialog.io',
    });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && options.allowInsecure !== true) {
    throw new WaImportError(
      'E_INSECURE_URL',
      `refusing plain HTTP to ${url.host}: the token and the chat would travel unencrypted`,
      { hint: 'use https://, or allow insecure HTTP explicitly (only on a network you trust)' },
    );
  }
  return url;
}

/**
 * The normal form of an inbox URL: scheme, lower-case host, port (default ports dropped) and
 * path without trailing slashes. Two spellings of the same inbox give the same string, so it
 * serves as the ledger key.
 *
 * @throws {WaImportError} `E_INVALID_OPTION` for a malformed URL.
 * @example
 * ```ts
 * normalizeInboxUrl('HTTPS://Acme.Inbox.Example.com:443/'); // 'https://acme.inbox.example.com'
 * normalizeInboxUrl('http://127.0.0.1:8080/inbox/'); // 'http://127.0.0.1:8080/inbox'
 * ```
 */
export function normalizeInboxUrl(baseUrl: string | URL): string {
  const url = parseInboxUrl(baseUrl, { allowInsecure: true });
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host.toLowerCase()}${path}`;
}

/**
 * The URL of an API endpoint below an inbox base URL, keeping any path prefix of the base.
 *
 * @example
 * ```ts
 * endpointUrl(new URL('https://acme.example.com/'), '/api/v1/chat_import/').href;
 * // 'https://acme.example.com/api/v1/chat_import/'
 * ```
 */
export function endpointUrl(base: URL, path: `/${string}`): URL {
  return new URL(`${base.pathname.replace(/\/+$/, '')}${path}`, base);
}
