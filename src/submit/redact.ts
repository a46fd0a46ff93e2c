/**
 * Keeps secrets out of text that may end up in an error message: a server may echo what it was
 * sent, and a message is printed, logged and pasted into bug reports.
 *
 * @module
 */

/** What replaces a secret. */
const redacted = '[redacted]';
/** Secrets shorter than this are not searched for (they would mask ordinary words). */
const minSecretLength = 4;

/**
 * Replaces every occurrence of each secret in `text` with `[redacted]`.
 *
 * @example
 * ```ts
 * redactSecrets('bad token abc123', ['abc123']); // 'bad token [redacted]'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= minSecretLength) result = result.split(secret).join(redacted);
  }
  return result;
}
