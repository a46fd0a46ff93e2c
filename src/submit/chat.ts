/**
 * The inbox's answer to an import: the imported `Chat`, typed after the get.chat / 360dialog
 * Inbox API reference. Field names are the API's, snake_case. Only what the reference names is
 * typed; anything else the server adds is kept but left `unknown`.
 *
 * @module
 */

/**
 * The customer of a chat, as the inbox stores it.
 *
 * @example
 * ```ts
 * const person: Person = {
 *   wa_id: '447700900123',
 *   waba_payload: { profile: { name: 'Ana' }, wa_id: '447700900123' },
 *   initials: 'A',
 *   last_message_timestamp: 1_700_000_000,
 *   resolved: false,
 * };
 * ```
 */
export interface Person {
  /** Phone number as digits without `+`. */
  readonly wa_id: string;
  /** The contact as WhatsApp reported it. */
  readonly waba_payload: { readonly profile: { readonly name: string }; readonly wa_id: string };
  readonly initials: string;
  /** Unix seconds of the contact's last message. */
  readonly last_message_timestamp: number;
  readonly resolved: boolean;
  readonly [field: string]: unknown;
}

/**
 * An inbox user (an agent or an integration user).
 *
 * @example
 * ```ts
 * const user: InboxUser = { id: 3, username: 'import-bot' };
 * ```
 */
export interface InboxUser {
  readonly id: number;
  readonly username: string;
  readonly [field: string]: unknown;
}

/**
 * A tag attached to a chat.
 *
 * @example
 * ```ts
 * const tag: Tag = { id: 1, name: 'imported' };
 * ```
 */
export interface Tag {
  readonly id: number;
  readonly name: string;
  readonly [field: string]: unknown;
}

/**
 * One message as the inbox stores it.
 *
 * @example
 * ```ts
 * const last: InboxMessage | null = chat.last_message;
 * if (last !== null) console.log(last.from_us ? 'sent' : 'received', last.id);
 * ```
 */
export interface InboxMessage {
  readonly id: string;
  readonly waba_payload: unknown;
  readonly waba_statuses: { readonly sent: unknown; readonly delivered: unknown; readonly read: unknown };
  readonly contact: Person;
  readonly from_us: boolean;
  readonly received: boolean;
  readonly sender: InboxUser | null;
  readonly before_time: unknown;
  readonly since_time: unknown;
  readonly customer_wa_id: string;
  readonly tags: readonly Tag[];
  readonly chat_tags: readonly Tag[];
  readonly [field: string]: unknown;
}

/**
 * The chat an import created or extended: the response of `POST /api/v1/chat_import/`.
 *
 * @example
 * ```ts
 * const chat: Chat = await client.importChat({ size, body });
 * console.log(`imported ${chat.new_messages} messages into the chat with +${chat.wa_id}`);
 * ```
 */
export interface Chat {
  readonly contact: Person;
  /** How many messages the import added. */
  readonly new_messages: number;
  /** The customer's phone number as digits without `+`. */
  readonly wa_id: string;
  readonly last_message: InboxMessage | null;
  readonly assigned_to_user: InboxUser | null;
  readonly assigned_group: { readonly id: number; readonly name: string } | null;
  readonly tags: readonly Tag[];
  readonly [field: string]: unknown;
}
