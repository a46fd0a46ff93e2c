/**
 * A fingerprint of what makes two imports the same chat: its log and its participants. The
 * inbox does not de-duplicate a repeated import, so a ledger keyed by this digest can.
 *
 * Device facts (UTC offset, language) and media are left out on purpose: importing the same
 * log again with another offset would still duplicate every message.
 *
 * @module
 */

import { createHash } from 'node:crypto';
import type { ChatImportContact } from './chat-import.js';
import { chatTextSlices } from './chat-text.js';
import { createJsonStringEscaper } from './json-string.js';
import type { ChatText } from './source.js';

/** Version tag hashed first, so a change of this serialization changes every digest. */
const DIGEST_VERSION = 'wa-import/payload-digest/v1';

/**
 * What {@link payloadDigest} reads (a `ChatImportSource` fits).
 *
 * @example
 * ```ts
 * const input: PayloadDigestInput = { chatText: log, participants: [{ handle: 'Anna', phone_number: '+4915123456789' }] };
 * ```
 */
export interface PayloadDigestInput {
  /** The chat log, as sent. */
  readonly chatText: ChatText;
  /** The participants, in any order. */
  readonly participants: readonly ChatImportContact[];
}

/**
 * Options of {@link payloadDigest}.
 *
 * @example
 * ```ts
 * await payloadDigest(source, { signal: controller.signal });
 * ```
 */
export interface PayloadDigestOptions {
  /** Stops with `E_ABORTED`. */
  readonly signal?: AbortSignal;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * SHA-256 (lowercase hex) over a stable serialization of the chat log and the participants:
 * `JSON.stringify({ v, chat_text, chat_participants })` with the participants sorted by phone
 * number, then handle (code-unit order, independent of locale), and only their two API keys.
 * The log is streamed and escaped like the payload, so lone surrogates count too and the
 * result does not depend on chunking.
 *
 * @example
 * ```ts
 * const digest = await payloadDigest({
 *   chatText: '10/03/2022, 11:00 - Anna: hi',
 *   participants: [{ handle: 'Anna', phone_number: '+4915123456789' }],
 * });
 * digest.length; // 64
 * ```
 */
export async function payloadDigest(
  input: PayloadDigestInput,
  options: PayloadDigestOptions = {},
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`{"v":${JSON.stringify(DIGEST_VERSION)},"chat_text":"`, 'utf8');
  const escaper = createJsonStringEscaper();
  for await (const slice of chatTextSlices(input.chatText, options.signal))
    hash.update(escaper.push(slice), 'utf8');
  hash.update(escaper.end(), 'utf8');
  const participants = input.participants
    .map((contact) => ({ handle: contact.handle, phone_number: contact.phone_number }))
    .sort((a, b) => compareCodeUnits(a.phone_number, b.phone_number) || compareCodeUnits(a.handle, b.handle));
  hash.update(`","chat_participants":${JSON.stringify(participants)}}`, 'utf8');
  return hash.digest('hex');
}
