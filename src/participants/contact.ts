/**
 * A contact as read from a contacts file: a display name and the numbers filed under it.
 *
 * @module
 */

/**
 * One contact. Phones are kept as written; they are parsed when a handle is matched.
 *
 * @example
 * ```ts
 * const contact: Contact = { name: 'Anna Schmidt', phones: ['+49 151 23456789'] };
 * ```
 */
export interface Contact {
  /** Display name, as the phone would show it in a chat log. */
  readonly name: string;
  /** Numbers as written in the file, at least one. */
  readonly phones: readonly string[];
}
