/**
 * The `Chat` the emulator answers an import with.
 *
 * @module
 */

import type { Chat } from '../submit/index.js';

const millisecondsPerSecond = 1_000;
const maxInitials = 2;

/**
 * What the emulator knows about an accepted import.
 *
 * @example
 * ```ts
 * const facts: ChatFacts = { waId: '447700900123', name: 'Ana', newMessages: 12, now: new Date() };
 * ```
 */
export interface ChatFacts {
  /** The customer's number, digits only. */
  readonly waId: string;
  /** The customer's name as the chat shows it. */
  readonly name: string;
  readonly newMessages: number;
  readonly now: Date;
}

/**
 * Builds the `Chat` object of the import response.
 *
 * @example
 * ```ts
 * buildChat({ waId: '447700900123', name: 'Ana Lima', newMessages: 3, now: new Date() }).contact.initials; // 'AL'
 * ```
 */
export function buildChat(facts: ChatFacts): Chat {
  const timestamp = Math.floor(facts.now.getTime() / millisecondsPerSecond);
  return {
    contact: {
      wa_id: facts.waId,
      waba_payload: { profile: { name: facts.name }, wa_id: facts.waId },
      initials: initials(facts.name),
      last_message_timestamp: timestamp,
      resolved: false,
    },
    new_messages: facts.newMessages,
    wa_id: facts.waId,
    last_message: null,
    assigned_to_user: null,
    assigned_group: null,
    tags: [],
  };
}

/** Up to two upper-case initials of a name (`'Ana Lima'` → `'AL'`). */
function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => [...word.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '')
    .filter((letter) => letter !== '');
  return letters.slice(0, maxInitials).join('').toUpperCase();
}
