/**
 * Checks a {@link ChatImportSource} once, before any byte is written: a request the inbox would
 * reject is cheaper to refuse here than after uploading gigabytes of media.
 *
 * @module
 */

import { WaImportError } from '../errors.js';
import type { ChatImportSource } from './source.js';

/**
 * The API allows at most two participants.
 *
 * @example
 * ```ts
 * if (participants.length > MAX_PARTICIPANTS) console.error('group chat');
 * ```
 */
export const MAX_PARTICIPANTS = 2;
/**
 * Earliest zone offset in use (UTC−12:00), in minutes.
 *
 * @example
 * ```ts
 * const ok = offset >= MIN_UTC_OFFSET_MINUTES && offset <= MAX_UTC_OFFSET_MINUTES;
 * ```
 */
export const MIN_UTC_OFFSET_MINUTES = -720;
/**
 * Latest zone offset in use (UTC+14:00), in minutes.
 *
 * @example
 * ```ts
 * const ok = offset >= MIN_UTC_OFFSET_MINUTES && offset <= MAX_UTC_OFFSET_MINUTES;
 * ```
 */
export const MAX_UTC_OFFSET_MINUTES = 840;

/** E.164: `+`, a non-zero country code digit, 15 digits at most. */
const E164 = /^\+[1-9]\d{1,14}$/;

function isLanguageTag(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(code).length === 1;
  } catch {
    return false;
  }
}

/**
 * Throws a {@link WaImportError} when `source` cannot become a valid request: more than two
 * participants (`E_GROUP_CHAT`), a number not in E.164 (`E_INVALID_PHONE`), an offset that is
 * not a whole number of minutes within −720…840 (`E_NO_UTC_OFFSET`), a language code that is
 * not BCP 47 (`E_NO_LANGUAGE`), or a media file without name, MIME type or valid size
 * (`E_INVALID_OPTION`).
 *
 * @example
 * ```ts
 * validateChatImportSource({ ...source, utcOffsetMinutes: 0.5 }); // throws E_NO_UTC_OFFSET
 * ```
 */
export function validateChatImportSource(source: ChatImportSource): void {
  if (source.participants.length > MAX_PARTICIPANTS) {
    throw new WaImportError(
      'E_GROUP_CHAT',
      `too many chat participants: the inbox takes at most ${MAX_PARTICIPANTS}, got ${source.participants.length}`,
      { hint: 'only 1:1 chats can be imported' },
    );
  }
  for (const participant of source.participants) {
    if (!E164.test(participant.phone_number)) {
      throw new WaImportError(
        'E_INVALID_PHONE',
        `phone number of "${participant.handle}" is not E.164: got "${participant.phone_number}"`,
        { hint: 'write it as + and digits only, e.g. +4915123456789' },
      );
    }
  }
  const offset = source.utcOffsetMinutes;
  if (!Number.isInteger(offset) || offset < MIN_UTC_OFFSET_MINUTES || offset > MAX_UTC_OFFSET_MINUTES) {
    throw new WaImportError(
      'E_NO_UTC_OFFSET',
      `utc_offset_minutes must be a whole number from ${MIN_UTC_OFFSET_MINUTES} to ${MAX_UTC_OFFSET_MINUTES}: got ${String(offset)}`,
    );
  }
  if (!isLanguageTag(source.deviceLanguageCode)) {
    throw new WaImportError(
      'E_NO_LANGUAGE',
      `device_language_code is not a BCP 47 language tag: got "${source.deviceLanguageCode}"`,
      { hint: 'give the device language, e.g. en-US, de or pt-BR' },
    );
  }
  for (const media of source.media) {
    if (media.fileName === '' || media.mimeType === '') {
      throw new WaImportError(
        'E_INVALID_OPTION',
        `media file needs a file name and a MIME type: got "${media.fileName}" (${media.mimeType || 'no type'})`,
        { entry: media.fileName },
      );
    }
    if (!Number.isSafeInteger(media.size) || media.size < 0) {
      throw new WaImportError(
        'E_INVALID_OPTION',
        `media file size must be a whole number of bytes: got ${String(media.size)}`,
        { entry: media.fileName },
      );
    }
  }
}
