/**
 * Where `submit` gets the inbox credentials: the environment, never a plain argument (command
 * lines end up in shell history and in every user's process list).
 *
 * @module
 */

import type { InboxCredentials } from '../submit/index.js';
import { usageError } from './usage-error.js';

/**
 * A ready token of an integration user.
 *
 * @example
 * ```ts
 * const token = io.env[TOKEN_ENV]; // WA_IMPORT_TOKEN
 * ```
 */
export const TOKEN_ENV = 'WA_IMPORT_TOKEN';
/**
 * The password of `--username`.
 *
 * @example
 * ```ts
 * const password = io.env[PASSWORD_ENV]; // WA_IMPORT_PASSWORD
 * ```
 */
export const PASSWORD_ENV = 'WA_IMPORT_PASSWORD';
/**
 * A refresh token, exchanged once for a token (read when neither of the others is set).
 *
 * @example
 * ```ts
 * const refreshToken = io.env[REFRESH_TOKEN_ENV]; // WA_IMPORT_REFRESH_TOKEN
 * ```
 */
export const REFRESH_TOKEN_ENV = 'WA_IMPORT_REFRESH_TOKEN';

/** Flags that would put a secret on the command line, and the variable to use instead. */
const SECRET_FLAGS: Readonly<Record<string, string>> = {
  '--token': TOKEN_ENV,
  '--password': PASSWORD_ENV,
  '--refresh-token': REFRESH_TOKEN_ENV,
};

/**
 * Refuses `--token`, `--password` and `--refresh-token` (also as `--flag=value`) before the
 * arguments are parsed, with a usage error that says why and what to do instead. The value is
 * never echoed.
 *
 * @throws {WaImportError} `E_USAGE`.
 * @example
 * ```ts
 * rejectSecretFlags(['chat.zip', '--token', 'abc']); // throws: --token is not accepted …
 * ```
 */
export function rejectSecretFlags(args: readonly string[]): void {
  for (const arg of args) {
    if (arg === '--') return;
    const name = arg.split('=', 1)[0] ?? arg;
    const variable = SECRET_FLAGS[name];
    if (variable !== undefined) {
      throw usageError(
        `${name} is not accepted: a secret on the command line ends up in the shell history and the process list`,
        `set ${variable} in the environment instead (e.g. read -rs ${variable} && export ${variable})`,
      );
    }
  }
}

/**
 * The credentials from the environment: with `username`, the password in `WA_IMPORT_PASSWORD`;
 * else `WA_IMPORT_TOKEN`; else `WA_IMPORT_REFRESH_TOKEN`. Empty variables count as unset.
 *
 * @throws {WaImportError} `E_USAGE` when none is set (or `--username` lacks its password).
 * @example
 * ```ts
 * credentialsFromEnv({ WA_IMPORT_TOKEN: 'a3f9…' }, undefined); // { token: 'a3f9…' }
 * credentialsFromEnv({ WA_IMPORT_PASSWORD: 'pw' }, 'import-bot'); // { username: 'import-bot', password: 'pw' }
 * ```
 */
export function credentialsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  username: string | undefined,
): InboxCredentials {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  if (username !== undefined) {
    const password = read(PASSWORD_ENV);
    if (password === undefined) {
      throw usageError(
        `--username needs the password in ${PASSWORD_ENV}`,
        `set ${PASSWORD_ENV} in the environment (it is never taken from an argument)`,
      );
    }
    return { username, password };
  }
  const token = read(TOKEN_ENV);
  if (token !== undefined) return { token };
  const refreshToken = read(REFRESH_TOKEN_ENV);
  if (refreshToken !== undefined) return { refreshToken };
  throw usageError(
    'missing inbox credentials',
    `set ${TOKEN_ENV} (an integration user's token), or pass --username and set ${PASSWORD_ENV}, or set ${REFRESH_TOKEN_ENV}`,
  );
}
