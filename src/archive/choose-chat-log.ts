/**
 * Picks the chat log among the `.txt` files of an export, deterministically, and says why.
 *
 * Rules, strongest first:
 * 1. `_chat.txt`: iOS always names its log so, in every language;
 * 2. a name like a (localized) Android export, `WhatsApp Chat with X.txt`, `Чат WhatsApp с X.txt`;
 * 3. the `.txt` with the most message headers in its first 64 KiB (counter given by the parser);
 *    without a counter, the largest `.txt`.
 * Within the rule that decides, ties go to more headers (or bytes), then to the smaller name, then
 * path, in code-unit order.
 *
 * @module
 */

import { WaImportError } from '../errors.js';
import { matchChatFileName } from '../locales/file-names.js';
import { throwIfAborted } from './abort.js';
import type { ChatLogCandidate, ChatLogChoice, ChatLogRule, ExportEntry } from './types.js';

/** How much of each candidate the header counter sees. Bytes. */
export const HEADER_SAMPLE_BYTES = 64 * 1024;

/** The name iOS gives its chat log inside every export. */
const IOS_CHAT_LOG = '_chat.txt';
const TEXT_EXTENSION = /\.txt$/iu;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;

/** Options of {@link chooseChatLog}. */
export interface ChooseChatLogOptions {
  /** Counts message headers in a decoded sample; see {@link HEADER_SAMPLE_BYTES}. */
  readonly countHeaders?: (sample: string) => number;
  readonly signal?: AbortSignal;
}

/** The chosen log and the report of the choice. */
export interface ChatLogSelection {
  readonly entry: ExportEntry;
  readonly choice: ChatLogChoice;
}

/**
 * Chooses the chat log among `entries`. Throws `E_NO_CHAT_LOG` when there is no `.txt` at all.
 *
 * @example
 * ```ts
 * const { entry, choice } = await chooseChatLog(files, { countHeaders });
 * choice.reason; // 'iOS export: "_chat.txt" is the chat log'
 * ```
 */
export async function chooseChatLog(
  entries: readonly ExportEntry[],
  options: ChooseChatLogOptions = {},
): Promise<ChatLogSelection> {
  const texts = entries.filter((entry) => TEXT_EXTENSION.test(entry.name)).sort(byNameThenPath);
  if (texts.length === 0) {
    const shown = entries
      .slice(0, 5)
      .map((entry) => JSON.stringify(entry.name))
      .join(', ');
    throw new WaImportError(
      'E_NO_CHAT_LOG',
      `no chat log in the export: no .txt file, got ${entries.length} other file${entries.length === 1 ? '' : 's'}${shown === '' ? '' : ` (${shown}${entries.length > 5 ? ', …' : ''})`}`,
      { hint: 'in WhatsApp use "Export chat" and pass the .zip, the unpacked folder or the .txt' },
    );
  }

  const ruled = texts.map((entry) => ({ entry, rule: ruleOf(entry) }));
  const decidingRule: ChatLogRule = ruled.some((item) => item.rule === 'ios-chat-txt')
    ? 'ios-chat-txt'
    : ruled.some((item) => item.rule === 'file-name')
      ? 'file-name'
      : 'most-headers';
  const tier = ruled.filter((item) => item.rule === decidingRule).map((item) => item.entry);

  const counts = new Map<ExportEntry, number>();
  const countHeaders = options.countHeaders;
  if (countHeaders !== undefined && tier.length > 1) {
    for (const entry of tier) {
      throwIfAborted(options.signal, 'choosing the chat log');
      const head = await entry.readHead(HEADER_SAMPLE_BYTES, options.signal);
      counts.set(entry, countHeaders(decodeSample(head)));
    }
  }
  const score = (entry: ExportEntry): number =>
    countHeaders === undefined ? entry.size : (counts.get(entry) ?? Number.NEGATIVE_INFINITY);
  const ranked = [...tier].sort((a, b) => score(b) - score(a) || byNameThenPath(a, b));
  const chosen = ranked[0] as ExportEntry;
  const runnerUp = ranked[1];

  const rule: ChatLogRule =
    decidingRule === 'most-headers' && countHeaders === undefined ? 'largest' : decidingRule;
  const candidates: ChatLogCandidate[] = ruled
    .map(({ entry, rule: own }) => ({
      name: entry.name,
      path: entry.path,
      size: entry.size,
      rule: own,
      headerCount: counts.get(entry) ?? null,
    }))
    .sort((a, b) => compareText(a.path, b.path));

  return {
    entry: chosen,
    choice: {
      name: chosen.name,
      path: chosen.path,
      rule,
      reason: explain(rule, chosen, runnerUp, counts, tier.length, countHeaders !== undefined),
      candidates,
    },
  };
}

function ruleOf(entry: ExportEntry): ChatLogRule {
  if (entry.name.toLowerCase() === IOS_CHAT_LOG) return 'ios-chat-txt';
  if (matchChatFileName(entry.name) !== null) return 'file-name';
  return 'most-headers';
}

function explain(
  rule: ChatLogRule,
  chosen: ExportEntry,
  runnerUp: ExportEntry | undefined,
  counts: ReadonlyMap<ExportEntry, number>,
  tierSize: number,
  counted: boolean,
): string {
  const name = JSON.stringify(chosen.path);
  const tie =
    runnerUp === undefined
      ? ''
      : counted
        ? `; ${counts.get(chosen)} message headers against ${counts.get(runnerUp)} in ${JSON.stringify(runnerUp.path)}`
        : `; ${chosen.size} bytes against ${runnerUp.size} in ${JSON.stringify(runnerUp.path)}`;
  switch (rule) {
    case 'ios-chat-txt':
      return `iOS export: ${name} is the chat log${tierSize > 1 ? ` (one of ${tierSize} "_chat.txt" files${tie})` : ''}`;
    case 'file-name': {
      const match = matchChatFileName(chosen.name);
      const style =
        match === null || match.language === null
          ? 'an iOS'
          : `${match.platform === 'ios' ? 'an iOS' : 'an Android'} (${match.language})`;
      return `export file name: ${name} is named like ${style} chat export${tierSize > 1 ? ` (one of ${tierSize}${tie})` : ''}`;
    }
    case 'most-headers':
      return tierSize > 1
        ? `no file name decides: ${name} has the most message headers in its first 64 KiB${tie}`
        : `no file name decides: ${name} is the only .txt file`;
    case 'largest':
      return tierSize > 1
        ? `no file name decides and no header counter was given: ${name} is the largest .txt file${tie}`
        : `no file name decides: ${name} is the only .txt file`;
    case 'given':
      return `${name} was given as the chat log`;
  }
}

/** Decodes a sample as UTF-8, or as UTF-16 when it starts with a UTF-16 byte order mark. */
function decodeSample(head: Uint8Array): string {
  const encoding =
    head[0] === UTF16LE_BOM[0] && head[1] === UTF16LE_BOM[1]
      ? 'utf-16le'
      : head[0] === UTF16BE_BOM[0] && head[1] === UTF16BE_BOM[1]
        ? 'utf-16be'
        : 'utf-8';
  return new TextDecoder(encoding).decode(head);
}

function byNameThenPath(a: ExportEntry, b: ExportEntry): number {
  return compareText(a.name, b.name) || compareText(a.path, b.path);
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
