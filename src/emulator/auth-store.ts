/**
 * The emulator's accounts: users with passwords, tokens, refresh tokens.
 *
 * @module
 */

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { EmulatorUser } from './types.js';

/** DRF tokens are 40 hex digits: 20 random bytes. */
const tokenBytes = 20;

/**
 * Who a token belongs to: a user name, or `undefined` for a configured token.
 *
 * @example
 * ```ts
 * const owner: TokenOwner | undefined = store.owner(token);
 * ```
 */
export type TokenOwner = { readonly user: string | undefined };

/**
 * Users, tokens and refresh tokens, and the exchanges between them.
 *
 * @example
 * ```ts
 * const store = new AuthStore({ users: [{ username: 'bot', password: 'pw' }] });
 * const token = store.signIn('bot', 'pw'); // 40 hex digits, the same on every sign-in
 * store.owner(token!); // { user: 'bot' }
 * ```
 */
export class AuthStore {
  readonly #passwords = new Map<string, string>();
  readonly #userTokens = new Map<string, string>();
  readonly #tokens = new Map<string, TokenOwner>();
  readonly #refreshTokens = new Map<string, string>();

  constructor(options: {
    readonly users?: readonly EmulatorUser[] | undefined;
    readonly tokens?: readonly string[] | undefined;
    readonly refreshTokens?: readonly string[] | undefined;
  }) {
    for (const user of options.users ?? []) this.#passwords.set(user.username, user.password);
    for (const token of options.tokens ?? []) this.#tokens.set(token, { user: undefined });
    (options.refreshTokens ?? []).forEach((refreshToken, index) => {
      this.#refreshTokens.set(refreshToken, `refresh-user-${index + 1}`);
    });
  }

  /**
   * The user's token (created on the first sign-in), or `undefined` for bad credentials.
   *
   * @example
   * ```ts
   * store.signIn('bot', 'wrong'); // undefined
   * ```
   */
  signIn(username: string, password: string): string | undefined {
    const expected = this.#passwords.get(username);
    if (expected === undefined || !sameText(expected, password)) return undefined;
    return this.#tokenOf(username);
  }

  /**
   * Exchanges a refresh token for its user's token; the refresh token stops working unless
   * `keep`. Returns `undefined` for an unknown refresh token.
   *
   * @example
   * ```ts
   * store.convertRefreshToken('r1', false); // a token; 'r1' now fails
   * ```
   */
  convertRefreshToken(refreshToken: string, keep: boolean): string | undefined {
    const user = this.#refreshTokens.get(refreshToken);
    if (user === undefined) return undefined;
    if (!keep) {
      this.#refreshTokens.delete(refreshToken);
      // The inbox issues a new refresh token; the caller of this endpoint does not see it.
      this.#refreshTokens.set(randomBytes(tokenBytes).toString('hex'), user);
    }
    return this.#tokenOf(user);
  }

  /**
   * Who `token` belongs to, or `undefined` for an unknown token.
   *
   * @example
   * ```ts
   * store.owner('nope'); // undefined
   * ```
   */
  owner(token: string): TokenOwner | undefined {
    return this.#tokens.get(token);
  }

  #tokenOf(user: string): string {
    let token = this.#userTokens.get(user);
    if (token === undefined) {
      token = randomBytes(tokenBytes).toString('hex');
      this.#userTokens.set(user, token);
      this.#tokens.set(token, { user });
    }
    return token;
  }
}

/** Compares without leaking the position of the first difference through timing. */
function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
