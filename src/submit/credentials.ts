/**
 * The three ways to sign in to an inbox. Every call to the inbox carries
 * `Authorization: Token <token>`; the two other forms are exchanged for a token once, lazily.
 *
 * @module
 */

/**
 * A ready token of an integration user (`Authorization: Token <token>`).
 *
 * @example
 * ```ts
 * const credentials: TokenCredentials = { token: 'a3f9…' };
 * ```
 */
export interface TokenCredentials {
  readonly token: string;
}

/**
 * An integration user's name and password, exchanged at `POST /api/v1/auth/token/`.
 *
 * @example
 * ```ts
 * const credentials: PasswordCredentials = { username: 'import-bot', password: secretFromPrompt };
 * ```
 */
export interface PasswordCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * A refresh token, exchanged at `POST /api/v1/auth/convert_refresh_token/`. The inbox resets the
 * refresh token on the exchange, so it works once.
 *
 * @example
 * ```ts
 * const credentials: RefreshTokenCredentials = { refreshToken: 'r-7c1e…' };
 * ```
 */
export interface RefreshTokenCredentials {
  readonly refreshToken: string;
}

/**
 * Any of the three sign-in forms.
 *
 * @example
 * ```ts
 * const credentials: InboxCredentials = token ? { token } : { username, password };
 * ```
 */
export type InboxCredentials = TokenCredentials | PasswordCredentials | RefreshTokenCredentials;
