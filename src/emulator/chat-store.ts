/**
 * What the emulator has imported, in memory and, with a data directory, on disk: one JSON file
 * rewritten atomically (temporary file, fsync, rename, fsync of the directory) after each import,
 * so a crash mid-write leaves the previous file as it was. A corrupt file is reported, never
 * overwritten.
 *
 * @module
 */

import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { WaImportError } from '../errors.js';
import type { Chat } from '../submit/index.js';
import type { ReceivedImport } from './types.js';

/** The data file in the data directory. */
export const INBOX_DATA_FILE = 'inbox.json';
const dataVersion = 1;
const fileMode = 0o600;
const directoryMode = 0o700;
/** Temporary files of {@link writeAtomically}: `.inbox.json.<uuid>.tmp`. */
const temporaryPattern = /^\.inbox\.json\.[0-9a-f-]{36}\.tmp$/;

/**
 * The imports of an emulator: those loaded from its data directory, then those it accepts.
 *
 * @example
 * ```ts
 * const store = await ChatStore.open('/tmp/inbox-data');
 * await store.add(received); // on disk before this resolves
 * store.chats(); // one Chat per customer, newest first
 * ```
 */
export class ChatStore {
  /** The data file, or `undefined` when imports are kept in memory only. */
  readonly path: string | undefined;
  /** Every import, oldest first. */
  readonly imports: ReceivedImport[];
  /** How many imports were loaded from the data file. */
  readonly loaded: number;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(file: string | undefined, imports: ReceivedImport[]) {
    this.path = file;
    this.imports = imports;
    this.loaded = imports.length;
  }

  /**
   * Opens the store: without `dataDir` an empty in-memory one; with it, creates the directory if
   * needed, removes temporary files left by a crash, and loads the data file (missing = empty).
   *
   * @throws {WaImportError} `E_READ_FAILED` when the data file cannot be read or is corrupt.
   * @example
   * ```ts
   * const store = await ChatStore.open(undefined); // memory only
   * ```
   */
  static async open(dataDir: string | undefined): Promise<ChatStore> {
    if (dataDir === undefined) return new ChatStore(undefined, []);
    const directory = path.resolve(dataDir);
    const file = path.join(directory, INBOX_DATA_FILE);
    try {
      await mkdir(directory, { recursive: true, mode: directoryMode });
      for (const name of await readdir(directory)) {
        if (temporaryPattern.test(name)) await rm(path.join(directory, name), { force: true });
      }
    } catch (cause) {
      throw new WaImportError('E_READ_FAILED', `could not open the inbox data directory ${directory}`, {
        cause,
      });
    }
    return new ChatStore(file, await load(file));
  }

  /**
   * Adds an accepted import and, with a data directory, writes the file before resolving; when
   * the write fails the import is taken back out and the error is thrown.
   *
   * @throws {WaImportError} `E_WRITE_FAILED` when the data file cannot be written.
   * @example
   * ```ts
   * await store.add(received);
   * ```
   */
  add(received: ReceivedImport): Promise<void> {
    this.imports.push(received);
    const file = this.path;
    if (file === undefined) return Promise.resolve();
    const run = this.#queue
      .catch(() => undefined)
      .then(async () => {
        try {
          await writeAtomically(file, serialize(this.imports));
        } catch (error) {
          const at = this.imports.indexOf(received);
          if (at !== -1) this.imports.splice(at, 1);
          throw error;
        }
      });
    this.#queue = run;
    return run;
  }

  /**
   * Resolves once every write started so far is done (whether it succeeded or not).
   *
   * @example
   * ```ts
   * await store.settled(); // before removing the data directory
   * ```
   */
  async settled(): Promise<void> {
    await this.#queue.catch(() => undefined);
  }

  /**
   * The imported chats as `GET /api/v1/chats/` lists them: one per customer (its latest import),
   * the most recently imported first.
   *
   * @example
   * ```ts
   * const [newest] = store.chats();
   * ```
   */
  chats(): Chat[] {
    const byCustomer = new Map<string, Chat>();
    for (let index = this.imports.length - 1; index >= 0; index -= 1) {
      const { chat } = this.imports[index] as ReceivedImport;
      if (!byCustomer.has(chat.wa_id)) byCustomer.set(chat.wa_id, chat);
    }
    return [...byCustomer.values()];
  }
}

/** The data file's text: the import summaries, without bodies. */
function serialize(imports: readonly ReceivedImport[]): string {
  const stored = imports.map(({ bytes, sha256, user, mediaFileCount, importedAt, chat }) => ({
    bytes,
    sha256,
    ...(user === undefined ? {} : { user }),
    mediaFileCount,
    importedAt,
    chat,
  }));
  return `${JSON.stringify({ version: dataVersion, imports: stored }, null, 2)}\n`;
}

async function load(file: string): Promise<ReceivedImport[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new WaImportError('E_READ_FAILED', `could not read the inbox data file ${file}`, { cause });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw corrupt(file, `not valid JSON (${(cause as Error).message})`, cause);
  }
  if (!isRecord(data) || !Array.isArray(data.imports)) {
    throw corrupt(file, 'expected an object with an "imports" list');
  }
  if (data.version !== dataVersion) throw corrupt(file, `unknown version, expected ${dataVersion}`);
  return data.imports.map((item: unknown, index: number): ReceivedImport => {
    const problem = importProblem(item);
    if (problem !== undefined) throw corrupt(file, `import ${index + 1}: ${problem}`);
    const stored = item as Omit<ReceivedImport, 'body'>;
    return { ...stored, user: stored.user, body: undefined };
  });
}

/** Why `value` is not a stored import summary, or `undefined`. */
function importProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not an object';
  if (!Number.isSafeInteger(value.bytes)) return '"bytes" is not a whole number';
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256))
    return '"sha256" is not a SHA-256';
  if (value.user !== undefined && typeof value.user !== 'string') return '"user" is not a string';
  if (!Number.isSafeInteger(value.mediaFileCount)) return '"mediaFileCount" is not a whole number';
  if (typeof value.importedAt !== 'string') return '"importedAt" is not a string';
  const chat = value.chat;
  if (!isRecord(chat) || typeof chat.wa_id !== 'string' || !isRecord(chat.contact)) {
    return '"chat" is not a Chat with a "wa_id" and a "contact"';
  }
  if (!Number.isSafeInteger(chat.new_messages)) return '"chat.new_messages" is not a whole number';
  return undefined;
}

/**
 * Replaces `file` with `text` so that a reader sees the old content or the new, never a mix:
 * writes a temporary file beside it, flushes it to disk, renames it over `file`, then flushes
 * the directory so the rename itself survives a power cut.
 */
async function writeAtomically(file: string, text: string): Promise<void> {
  const directory = path.dirname(file);
  const temporary = path.join(directory, `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, 'wx', fileMode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new WaImportError('E_WRITE_FAILED', `could not write the inbox data file ${file}`, { cause });
  }
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or flush a directory; the rename is done regardless.
  }
}

function corrupt(file: string, why: string, cause?: unknown): WaImportError {
  return new WaImportError('E_READ_FAILED', `the inbox data file ${file} is corrupt: ${why}`, {
    hint: 'it is left untouched; repair it, or move it away to start with an empty inbox',
    ...(cause === undefined ? {} : { cause }),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
