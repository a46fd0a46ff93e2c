/**
 * What `submit` prints after an import: a short human summary, or one JSON object with the
 * created chat and the facts (`--json`).
 *
 * @module
 */

import type { Chat, LedgerEntry } from '../submit/index.js';
import { formatBytes } from './format-bytes.js';

/**
 * The facts of one successful submit.
 *
 * @example
 * ```ts
 * const facts: SubmitFacts = { chat, entry, ledgerPath: ledger.path, inbox: client.inbox, input: 'chat.zip',
 *   inputKind: 'export', payloadBytes: 2048, digest, forced: false };
 * ```
 */
export interface SubmitFacts {
  /** The inbox's answer. */
  readonly chat: Chat;
  /** What the ledger recorded. */
  readonly entry: LedgerEntry;
  /** The ledger file. */
  readonly ledgerPath: string;
  /** The inbox's normal URL. */
  readonly inbox: string;
  /** The input as given on the command line. */
  readonly input: string;
  /** Built from an export now, or read from a payload built before. */
  readonly inputKind: 'export' | 'payload';
  readonly payloadBytes: number;
  /** The ledger key of the chat (SHA-256 of its text and participants). */
  readonly digest: string;
  /** Whether `--force` was given. */
  readonly forced: boolean;
}

/**
 * Aligned `label  value` rows for a terminal.
 *
 * @example
 * ```ts
 * await write(io.stdout, renderSubmitSummary(facts));
 * // Imported      into http://127.0.0.1:40123
 * // Customer      +442079460123 (wa_id 442079460123, "Ana")
 * // …
 * ```
 */
export function renderSubmitSummary(facts: SubmitFacts): string {
  const { chat, entry } = facts;
  const name = chat.contact?.waba_payload?.profile?.name;
  const rows: [string, string][] = [
    ['Imported', `into ${facts.inbox}${facts.forced ? ' (--force)' : ''}`],
    ['Customer', `+${chat.wa_id} (wa_id ${chat.wa_id}${typeof name === 'string' ? `, "${name}"` : ''})`],
    ['New messages', String(chat.new_messages)],
    [
      'Payload',
      `${facts.payloadBytes} bytes (${formatBytes(facts.payloadBytes)}) from ${facts.input}` +
        (facts.inputKind === 'payload' ? ' (built before)' : ''),
    ],
    ['Ledger', `${facts.ledgerPath}: recorded ${entry.importedAt} (chat ${facts.digest.slice(0, 12)}…)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`;
}

/**
 * One JSON object: the created chat plus the facts, for scripts.
 *
 * @example
 * ```ts
 * await write(io.stdout, renderSubmitJson(facts));
 * JSON.parse(out).chat.wa_id; // '442079460123'
 * ```
 */
export function renderSubmitJson(facts: SubmitFacts): string {
  return `${JSON.stringify(
    {
      chat: facts.chat,
      inbox: facts.inbox,
      waId: facts.chat.wa_id,
      newMessages: facts.chat.new_messages,
      input: facts.input,
      inputKind: facts.inputKind,
      payloadBytes: facts.payloadBytes,
      digest: facts.digest,
      forced: facts.forced,
      ledger: { path: facts.ledgerPath, entry: facts.entry },
    },
    null,
    2,
  )}\n`;
}
