/**
 * `--participant "<handle>=<phone>"`: the user's word on a participant's number.
 *
 * @module
 */

import { WaImportError } from '../errors.js';

/**
 * A participant number given by the user.
 *
 * @example
 * ```ts
 * const override: ParticipantOverride = { handle: 'Anna Schmidt', phone: '+49 151 23456789' };
 * ```
 */
export interface ParticipantOverride {
  /** The author as the log prints it. */
  readonly handle: string;
  /** The number, international or national (read with the region). */
  readonly phone: string;
}

/**
 * Parses the value of `--participant`. The handle may itself contain `=` (names can), so the
 * text is split at the last `=`. A missing `=`, handle or number is `E_INVALID_OPTION`.
 *
 * @example
 * ```ts
 * parseParticipantOverride('Anna = Schmidt=+49 151 23456789');
 * // { handle: 'Anna = Schmidt', phone: '+49 151 23456789' }
 * ```
 */
export function parseParticipantOverride(text: string): ParticipantOverride {
  const at = text.lastIndexOf('=');
  const handle = at < 0 ? '' : text.slice(0, at).trim();
  const phone = at < 0 ? '' : text.slice(at + 1).trim();
  if (handle === '' || phone === '') {
    throw new WaImportError(
      'E_INVALID_OPTION',
      `--participant expects "<handle>=<phone>": got ${JSON.stringify(text)}`,
      {
        hint: '--participant "Anna Schmidt=+4915123456789"',
      },
    );
  }
  return { handle, phone };
}
