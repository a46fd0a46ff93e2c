/**
 * The build step's gate: a group chat, or a participant whose number is unknown, stops the
 * import with an error that says what to pass.
 *
 * @module
 */

import { WaImportError } from '../errors.js';
import type { ResolvedParticipants } from './resolve.js';

/**
 * Throws `E_GROUP_CHAT` for a group chat and `E_PARTICIPANT_UNRESOLVED` (hint: the
 * `--participant "<handle>=+<number>"` to pass) when a needed number is unknown.
 *
 * @example
 * ```ts
 * const result = resolveParticipants({ authors: [{ handle: 'Anna', messages: 1 }], groupEvents: false, self: 'Shop' });
 * assertImportable(result); // throws E_PARTICIPANT_UNRESOLVED, hint '… --participant "Anna=+<number>"'
 * ```
 */
export function assertImportable(result: ResolvedParticipants): void {
  if (result.isGroup) {
    throw new WaImportError(
      'E_GROUP_CHAT',
      `group chats cannot be imported: ${result.warnings.at(-1) ?? 'group chat'}`,
      {
        hint: 'the inbox imports 1:1 chats only; export the chat with the customer instead',
      },
    );
  }
  const first = result.unresolved[0];
  if (first !== undefined) {
    const handles = result.unresolved.map((entry) => `"${entry.handle}"`).join(', ');
    throw new WaImportError('E_PARTICIPANT_UNRESOLVED', `no phone number for ${handles}`, {
      hint: result.unresolved.map((entry) => entry.hint).join('; '),
    });
  }
}
