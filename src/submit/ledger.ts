/**
 * The import ledger: a small JSON file that remembers which chats went to which inbox, so that
 * running the same import twice does not duplicate the chat's messages.
 *
 * @module
 */

import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { WaImportError } from '../errors.js';
import { normalizeInboxUrl } from './inbox-url.js';

/** Name of the ledger file inside the state directory. */
const ledgerFileName = 'ledger.json';
/** Format version written into the file. */
const ledgerVersion = 1;
const fileMode = 0o600;
const directoryMode = 0o700;

/**
 * `imported`: the inbox confirmed the import. `uncertain`: the payload was sent but no answer
 * came, so the import may exist.
 *
 * @example
 * ```ts
 * if (entry.status === 'uncertain') console.log('check the inbox before importing again');
 * ```
 */
export type LedgerStatus = 'imported' | 'uncertain';

/**
 * One import the ledger remembers.
 *
 * @example
 * ```ts
 * const entry: LedgerEntry = {
 *   inbox: 'https://acme.inbox.getchat.360dialog.io',
 *   digest: 'sha256:9f2c…',
 *   importedAt: '2024-05-01T12:00:00.000Z',
 *   waId: '447700900123',
 *   chatLabel: 'Ana (+44 7700 900123)',
 *   status: 'imported',
 * };
 * ```
 */
export interface LedgerEntry {
  /** The inbox's normal URL (see {@link normalizeInboxUrl}). */
  readonly inbox: string;
  /** The caller's digest of the chat (text and participants). */
  readonly digest: string;
  /** When the import was sent, ISO 8601 in UTC. */
  readonly importedAt: string;
  /** The customer's number as the inbox returned it; `null` when the outcome is uncertain. */
  readonly waId: string | null;
  /** Who the chat is with, for people reading messages. */
  readonly chatLabel: string;
  readonly status: LedgerStatus;
}

/**
 * What {@link Ledger.record} takes: an entry whose `inbox` may be any spelling of the URL and
 * whose `status` defaults to `imported`.
 *
 * @example
 * ```ts
 * await ledger.record({ inbox: 'https://Acme.example.com/', digest, importedAt, waId: '4477…', chatLabel: 'Ana' });
 * ```
 */
export type LedgerRecord = Omit<LedgerEntry, 'status'> & { readonly status?: LedgerStatus };

/**
 * The ledger file in a state directory (see `defaultStateDir`). A missing file is an empty
 * ledger; a corrupt one is reported, never overwritten. Writes are atomic (temporary file, then
 * rename) and serialized within one `Ledger`.
 *
 * @example
 * ```ts
 * const ledger = new Ledger(defaultStateDir(process.env, os.homedir()));
 * const previous = await ledger.find('https://acme.inbox.getchat.360dialog.io', digest);
 * if (previous === undefined) await ledger.record({ inbox, digest, importedAt, waId, chatLabel });
 * ```
 */
export class Ledger {
  /** Absolute path of the ledger file. */
  readonly path: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(stateDir: string) {
    this.path = path.resolve(stateDir, ledgerFileName);
  }

  /**
   * Every entry, oldest first.
   *
   * @throws {WaImportError} `E_READ_FAILED` when the file cannot be read, `E_LEDGER_CORRUPT` when it is corrupt.
   * @example
   * ```ts
   * for (const entry of await ledger.entries()) console.log(entry.importedAt, entry.chatLabel);
   * ```
   */
  async entries(): Promise<readonly LedgerEntry[]> {
    await this.#queue.catch(() => undefined);
    return this.#read();
  }

  /**
   * The entry for this chat in this inbox, if any.
   *
   * @param inbox - Any spelling of the inbox URL; it is normalized.
   * @throws {WaImportError} `E_LEDGER_CORRUPT` for a corrupt ledger, `E_INVALID_OPTION` for a bad URL.
   * @example
   * ```ts
   * const entry = await ledger.find('https://acme.inbox.getchat.360dialog.io/', digest);
   * ```
   */
  async find(inbox: string, digest: string): Promise<LedgerEntry | undefined> {
    const key = normalizeInboxUrl(inbox);
    return (await this.entries()).find((entry) => entry.inbox === key && entry.digest === digest);
  }

  /**
   * Records an import, replacing an older entry for the same inbox and digest. Returns the entry
   * as stored.
   *
   * @throws {WaImportError} `E_LEDGER_CORRUPT` for a corrupt ledger, `E_WRITE_FAILED` when it cannot
   *   be written.
   * @example
   * ```ts
   * await ledger.record({
   *   inbox: client.inbox,
   *   digest,
   *   importedAt: new Date().toISOString(),
   *   waId: chat.wa_id,
   *   chatLabel: 'Ana',
   * });
   * ```
   */
  record(entry: LedgerRecord): Promise<LedgerEntry> {
    const stored: LedgerEntry = {
      inbox: normalizeInboxUrl(entry.inbox),
      digest: entry.digest,
      importedAt: entry.importedAt,
      waId: entry.waId,
      chatLabel: entry.chatLabel,
      status: entry.status ?? 'imported',
    };
    const problem = entryProblem(stored);
    if (problem !== undefined) {
      return Promise.reject(new WaImportError('E_INVALID_OPTION', `invalid ledger entry: ${problem}`));
    }
    const run = this.#queue
      .catch(() => undefined)
      .then(async () => {
        const kept = (await this.#read()).filter(
          (old) => !(old.inbox === stored.inbox && old.digest === stored.digest),
        );
        await this.#write([...kept, stored]);
        return stored;
      });
    this.#queue = run;
    return run;
  }

  async #read(): Promise<readonly LedgerEntry[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      // No file, or no directory for it yet: an empty ledger (writing it will say what is wrong).
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw new WaImportError('E_READ_FAILED', `could not read the ledger ${this.path}`, { cause: error });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (cause) {
      throw this.#corrupt('not valid JSON', cause);
    }
    if (typeof data !== 'object' || data === null || !('entries' in data) || !Array.isArray(data.entries)) {
      throw this.#corrupt('expected an object with an "entries" list');
    }
    if (!('version' in data) || data.version !== ledgerVersion) {
      throw this.#corrupt(`unknown version, expected ${ledgerVersion}`);
    }
    const entries: LedgerEntry[] = [];
    for (const [index, entry] of (data.entries as unknown[]).entries()) {
      const problem = entryProblem(entry);
      if (problem !== undefined) throw this.#corrupt(`entry ${index + 1}: ${problem}`);
      entries.push(entry as LedgerEntry);
    }
    return entries;
  }

  async #write(entries: readonly LedgerEntry[]): Promise<void> {
    const directory = path.dirname(this.path);
    const temporary = path.join(directory, `.${ledgerFileName}.${randomUUID()}.tmp`);
    const text = `${JSON.stringify({ version: ledgerVersion, entries }, null, 2)}\n`;
    try {
      await mkdir(directory, { recursive: true, mode: directoryMode });
      const handle = await open(temporary, 'wx', fileMode);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw new WaImportError('E_WRITE_FAILED', `could not write the ledger ${this.path}`, { cause: error });
    }
  }

  #corrupt(why: string, cause?: unknown): WaImportError {
    return new WaImportError('E_LEDGER_CORRUPT', `the ledger ${this.path} is corrupt: ${why}`, {
      hint:
        'it records which chats were already imported and is left untouched; repair it, or move it away ' +
        'to start a new one (earlier imports are then no longer detected)',
      ...(cause === undefined ? {} : { cause }),
    });
  }
}

/** Why `value` is not a valid {@link LedgerEntry}, or `undefined` when it is. */
function entryProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const entry = value as Record<string, unknown>;
  for (const field of ['inbox', 'digest', 'importedAt', 'chatLabel'] as const) {
    if (typeof entry[field] !== 'string' || entry[field] === '')
      return `"${field}" must be a non-empty string`;
  }
  if (Number.isNaN(Date.parse(entry.importedAt as string))) return '"importedAt" must be an ISO 8601 date';
  if (entry.waId !== null && typeof entry.waId !== 'string') return '"waId" must be a string or null';
  if (entry.status !== 'imported' && entry.status !== 'uncertain')
    return '"status" must be "imported" or "uncertain"';
  return undefined;
}
