/**
 * Where wa-import keeps its state (the ledger), after the XDG Base Directory rules.
 *
 * @module
 */

import path from 'node:path';

/**
 * The environment variables {@link defaultStateDir} reads.
 *
 * @example
 * ```ts
 * const env: StateDirEnv = { XDG_STATE_HOME: '/var/state' };
 * ```
 */
export interface StateDirEnv {
  readonly XDG_STATE_HOME?: string | undefined;
}

/**
 * The default state directory: `$XDG_STATE_HOME/wa-import` when that is an absolute path (the
 * XDG rules say to ignore a relative one), else `<home>/.local/state/wa-import`. Takes the
 * environment and home directory as arguments so that only the CLI reads `process`.
 *
 * @example
 * ```ts
 * defaultStateDir({ XDG_STATE_HOME: '/var/state' }, '/home/ana'); // '/var/state/wa-import'
 * defaultStateDir({}, '/home/ana'); // '/home/ana/.local/state/wa-import'
 * // in the CLI: defaultStateDir(process.env, os.homedir())
 * ```
 */
export function defaultStateDir(env: StateDirEnv, homedir: string): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(homedir, '.local', 'state');
  return path.join(base, 'wa-import');
}
