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
 * Replaces every occurrence of each secret in `text` with `[redacted]`, also in its
 * URL-encoded and JSON-escaped spellings (a server may echo either).
 *
 * @example
 * ```ts
 * redactSecrets('bad token abc123', ['abc123']); // 'bad token [redacted]'
 * redactSecrets('?p=a%2Fb%3Dc', ['a/b=c']); // '?p=[redacted]'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < minSecretLength) continue;
    const spellings = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
    for (const spelling of spellings) result = result.split(spelling).join(redacted);
  }
  return result;
}
