/**
 * One import, at most once per chat and inbox: consult the ledger, import, record.
 *
 * @module
 */

import { isWaImportError, WaImportError } from '../errors.js';
import type { Chat } from './chat.js';
import type { BodyFactory } from './http-exchange.js';
import type { InboxClient } from './inbox-client.js';
import type { Ledger, LedgerEntry } from './ledger.js';

/**
 * What {@link submitOnce} needs.
 *
 * @example
 * ```ts
 * const options: SubmitOnceOptions = { client, ledger, digest, chatLabel: 'Ana', size, body: () => [bytes] };
 * ```
 */
export interface SubmitOnceOptions {
  readonly client: InboxClient;
  readonly ledger: Ledger;
  /** The caller's digest of the chat (SHA-256 of chat text and participants). */
  readonly digest: string;
  /** Who the chat is with (number or handle), shown in messages and stored in the ledger. */
  readonly chatLabel: string;
  /** Exact byte length of the `ChatImport` JSON body. */
  readonly size: number;
  /** Makes the body; called again for each attempt. */
  readonly body: BodyFactory;
  /** The inbox key; defaults to `client.inbox`. */
  readonly inbox?: string;
  /** Import even if the ledger has this chat already. Default `false`. */
  readonly force?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (sentBytes: number, totalBytes: number) => void;
  /** The clock for `importedAt` (injectable for tests). Default `() => new Date()`. */
  readonly now?: () => Date;
}

/**
 * The outcome of a successful {@link submitOnce}.
 *
 * @example
 * ```ts
 * const { chat, entry } = await submitOnce(options);
 * console.log(`${chat.new_messages} messages, recorded at ${entry.importedAt}`);
 * ```
 */
export interface SubmitOnceResult {
  readonly chat: Chat;
  readonly entry: LedgerEntry;
}

/**
 * Imports a chat unless the ledger says it was already imported into this inbox, then records
 * it. An `E_UNCERTAIN` failure is recorded too (status `uncertain`), so that a re-run asks for
 * `--force` instead of risking a duplicate.
 *
 * @throws {WaImportError} `E_ALREADY_IMPORTED` when the ledger has the chat and `force` is not
 *   set; `E_READ_FAILED` for a corrupt ledger; `E_WRITE_FAILED` when the import succeeded but the
 *   ledger could not be updated; any error of {@link InboxClient.importChat}.
 * @example
 * ```ts
 * const ledger = new Ledger(defaultStateDir(process.env, os.homedir()));
 * const { chat } = await submitOnce({
 *   client,
 *   ledger,
 *   digest,
 *   chatLabel: 'Ana (+44 7700 900123)',
 *   size: bytes.length,
 *   body: () => [bytes],
 *   force: argv.force,
 * });
 * ```
 */
export async function submitOnce(options: SubmitOnceOptions): Promise<SubmitOnceResult> {
  const { client, ledger, digest, chatLabel } = options;
  const inbox = options.inbox ?? client.inbox;
  const now = options.now ?? (() => new Date());
  const previous = await ledger.find(inbox, digest);
  if (previous !== undefined && options.force !== true) throw alreadyImported(previous);

  const importedAt = now().toISOString();
  let chat: Chat;
  try {
    chat = await client.importChat({
      size: options.size,
      body: options.body,
      chatLabel,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
  } catch (error) {
    if (isWaImportError(error, 'E_UNCERTAIN')) {
      // Best effort: the error the user sees is the import's, not the ledger's.
      await ledger
        .record({ inbox, digest, importedAt, waId: null, chatLabel, status: 'uncertain' })
        .catch(() => undefined);
    }
    throw error;
  }
  try {
    const entry = await ledger.record({
      inbox,
      digest,
      importedAt,
      waId: chat.wa_id,
      chatLabel,
      status: 'imported',
    });
    return { chat, entry };
  } catch (error) {
    throw new WaImportError(
      'E_WRITE_FAILED',
      `the chat was imported (wa_id ${chat.wa_id}, ${chat.new_messages} new messages) but the ledger could not be updated`,
      { hint: `fix ${ledger.path}; until then a re-run will not know this chat was imported`, cause: error },
    );
  }
}

function alreadyImported(entry: LedgerEntry): WaImportError {
  const when = `${entry.importedAt.slice(0, 16).replace('T', ' ')} UTC`;
  if (entry.status === 'uncertain') {
    return new WaImportError(
      'E_ALREADY_IMPORTED',
      `an import of this chat on ${when} ended without an answer and may have been created; ` +
        `check the inbox for the chat with ${entry.chatLabel}, then use --force to import again`,
      { hint: `inbox: ${entry.inbox}` },
    );
  }
  return new WaImportError(
    'E_ALREADY_IMPORTED',
    `already imported on ${when} (wa_id ${entry.waId ?? 'unknown'}, chat with ${entry.chatLabel}); use --force to import again`,
    { hint: 'importing again may duplicate the messages in the inbox' },
  );
}
