/**
 * Command lines suggested in hints, quoted so they can be pasted into a shell.
 *
 * @module
 */

/**
 * `--participant "<handle>=+<number>"` for `handle`, in single quotes when it holds a
 * character a shell would read inside double quotes (`"`, `$`, `` ` ``, `\`, `!`).
 *
 * @example
 * ```ts
 * participantFlag('Anna Schmidt'); // '--participant "Anna Schmidt=+<number>"'
 * ```
 */
export function participantFlag(handle: string): string {
  return `--participant ${shellQuote(`${handle}=+<number>`)}`;
}

/**
 * `--self "<handle>"`, quoted like {@link participantFlag}.
 *
 * @example
 * ```ts
 * selfFlag('Shop'); // '--self "Shop"'
 * ```
 */
export function selfFlag(handle: string): string {
  return `--self ${shellQuote(handle)}`;
}

/** Characters a shell treats specially inside double quotes, or the quote itself. */
const SHELL_SPECIAL = /["$`\\!]/u;

function shellQuote(text: string): string {
  return SHELL_SPECIAL.test(text) ? `'${text.replaceAll("'", "'\\''")}'` : `"${text}"`;
}
