/**
 * The `Chat` the emulator answers an import with.
 *
 * @module
 */

import type { Message } from '../parse/message.js';
import type { Chat, InboxMessage, Person } from '../submit/index.js';

const millisecondsPerSecond = 1_000;
const maxInitials = 2;
/** Longest message text echoed in `last_message` (and so kept in the data file). */
const maxEchoedChars = 4_096;

/**
 * What the emulator knows about an accepted import.
 *
 * @example
 * ```ts
 * const facts: ChatFacts = { waId: '447700900123', name: 'Ana', newMessages: 12, now: new Date(), importId: 'a1b2' };
 * ```
 */
export interface ChatFacts {
  /** The customer's number, digits only. */
  readonly waId: string;
  /** The customer's name as the chat shows it. */
  readonly name: string;
  readonly newMessages: number;
  readonly now: Date;
  /** The last message of the import, when the chat text was parsed. */
  readonly lastMessage?: Message | undefined;
  /** The customer's handle in the log: messages by anyone else are `from_us`. */
  readonly customerHandle?: string | undefined;
  /** A short id of the import (hex), the stem of the message ids. */
  readonly importId: string;
}

/**
 * Builds the `Chat` object of the import response.
 *
 * @example
 * ```ts
 * buildChat({ waId: '447700900123', name: 'Ana Lima', newMessages: 3, now: new Date(), importId: 'a1' })
 *   .contact.initials; // 'AL'
 * ```
 */
export function buildChat(facts: ChatFacts): Chat {
  const last = facts.lastMessage;
  const at = last === undefined ? facts.now : new Date(last.timestamp);
  const timestamp = Math.floor(at.getTime() / millisecondsPerSecond);
  const contact: Person = {
    wa_id: facts.waId,
    waba_payload: { profile: { name: facts.name }, wa_id: facts.waId },
    initials: initials(facts.name),
    last_message_timestamp: timestamp,
    resolved: false,
  };
  return {
    contact,
    new_messages: facts.newMessages,
    wa_id: facts.waId,
    last_message: last === undefined ? null : inboxMessage(last, contact, facts, timestamp),
    assigned_to_user: null,
    assigned_group: null,
    tags: [],
  };
}

/**
 * The inbox's record of a parsed message: `waba_payload` shaped like a WhatsApp webhook message
 * (`text` for what people wrote, `system` for chat events), text clipped to {@link maxEchoedChars}.
 */
function inboxMessage(message: Message, contact: Person, facts: ChatFacts, timestamp: number): InboxMessage {
  const fromUs = !message.system && message.author !== null && message.author !== facts.customerHandle;
  const id = `import.${facts.importId}.${message.line}`;
  const body = message.text.length > maxEchoedChars ? message.text.slice(0, maxEchoedChars) : message.text;
  const type = message.system ? 'system' : 'text';
  return {
    id,
    waba_payload: {
      id,
      ...(fromUs ? {} : { from: facts.waId }),
      timestamp: String(timestamp),
      type,
      [type]: { body },
    },
    waba_statuses: { sent: fromUs ? timestamp : null, delivered: null, read: null },
    contact,
    from_us: fromUs,
    received: !fromUs,
    sender: null,
    before_time: null,
    since_time: null,
    customer_wa_id: facts.waId,
    tags: [],
    chat_tags: [],
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
