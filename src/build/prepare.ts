/**
 * The build step: an opened export in, a streamable `ChatImport` source and the report out.
 *
 * ```
 * chat log ──► first pass (parse once: counters, references, times) ──► judge the parse
 *          ──► participants (group check, numbers) ──► offset and language ──► media plan
 *          ──► chat_text factory (decoded again; headers rewritten with normalizeTimes)
 *          ──► exact payload size
 * ```
 *
 * @module
 */

import type { ChatExport } from '../archive/index.js';
import { matchChatFileName } from '../locales/file-names.js';
import { getLexicon } from '../locales/lexicon.js';
import type { ParseOptions } from '../parse/options.js';
import { assertImportable, resolveParticipants } from '../participants/index.js';
import { type ChatImportSource, chatImportSize } from '../payload/index.js';
import { headerGrammar } from '../time/header-grammar.js';
import { chatTextOf, type NormalizePlan } from './chat-text.js';
import { deviceLanguage, payloadOffset } from './device-facts.js';
import { judgeParse } from './judge-parse.js';
import { planMedia } from './media-plan.js';
import { type PrepareOptions, validatePrepareOptions } from './options.js';
import type { BuildReport } from './report.js';
import { scanChat } from './scan-chat.js';

/**
 * A payload ready to be written (as often as needed: every pass re-reads the export) and what
 * the build found. The export must stay open while `source` is used.
 *
 * @example
 * ```ts
 * const { source, report }: PreparedImport = await prepareChatImport(chatExport, { utcOffsetMinutes: 60 });
 * await writeChatImport(source, output, { totalBytes: report.payloadBytes });
 * ```
 */
export interface PreparedImport {
  readonly source: ChatImportSource;
  readonly report: BuildReport;
}

function signed(minutes: number): string {
  return minutes >= 0 ? `+${minutes}` : String(minutes);
}

function chatNameOf(chatExport: ChatExport): string | null {
  const fromLog = matchChatFileName(chatExport.chatLogChoice.name);
  if (fromLog !== null) return fromLog.chatName;
  return chatExport.sourceName === null ? null : (matchChatFileName(chatExport.sourceName)?.chatName ?? null);
}

/**
 * Prepares the `ChatImport` for an opened export. Streams the chat log once through the parser
 * (memory stays flat: counters and attachment references are kept, messages are not), then:
 *
 * - refuses what is not an export or has impossible dates (`E_NOT_AN_EXPORT`,
 *   `E_INVALID_DATE`, `E_DATE_ORDER_CONFLICT`);
 * - resolves the participants and refuses group chats (`E_GROUP_CHAT`) and unknown numbers
 *   (`E_PARTICIPANT_UNRESOLVED`, with the `--participant` to pass);
 * - fixes `utc_offset_minutes` (`E_NO_UTC_OFFSET` without an offset or zone) and
 *   `device_language_code` (`E_NO_LANGUAGE` when none is given or detected);
 * - pairs and selects media, detects their types (`E_MEDIA_MISSING` in strict mode);
 * - measures the exact payload size (one more pass over the log).
 *
 * `chat_text` is the log verbatim, only a BOM removed; with `normalizeTimes`, the headers of the
 * messages the payload's offset does not fit are rewritten to land at their true instant.
 *
 * @example
 * ```ts
 * import { openExport, prepareChatImport, writeChatImport } from 'wa-import';
 *
 * const chatExport = await openExport('WhatsApp Chat with Anna.zip');
 * try {
 *   const { source, report } = await prepareChatImport(chatExport, { timeZone: 'Europe/Berlin', self: 'Shop' });
 *   console.log(report.customer, report.participants, report.warnings);
 *   await writeChatImport(source, createWriteStream('payload.json'), { totalBytes: report.payloadBytes });
 * } finally {
 *   await chatExport.close();
 * }
 * ```
 */
export async function prepareChatImport(
  chatExport: ChatExport,
  options: PrepareOptions = {},
): Promise<PreparedImport> {
  validatePrepareOptions(options);
  const { signal } = options;
  const parse: ParseOptions = {
    language: options.language,
    utcOffsetMinutes: options.utcOffsetMinutes,
    timeZone: options.timeZone,
    dateOrder: options.dateOrder,
    assumeYear: options.assumeYear,
    signal,
  };
  const normalize = options.normalizeTimes === true;
  const scan = await scanChat(chatExport.chatLog, { parse, keepTimes: normalize, signal });
  const { info } = scan;
  const findings = judgeParse(info, chatExport.chatLogChoice.name);
  if (findings.error !== null) throw findings.error;
  const format = info.format;
  if (format === null || scan.style === null) throw new Error('a parse without a format passed judgement');

  const authors = [...info.authors]
    .sort((a, b) => b[1] - a[1])
    .map(([handle, messages]) => ({ handle, messages }));
  const chatName = chatNameOf(chatExport);
  const resolved = resolveParticipants({
    authors,
    groupEvents: info.systemKinds.has('group'),
    ...(options.participants === undefined ? {} : { overrides: options.participants }),
    ...(options.contacts === undefined ? {} : { contacts: options.contacts }),
    ...(options.self === undefined ? {} : { self: options.self }),
    ...(chatName === null ? {} : { chatName }),
    ...(options.defaultRegion === undefined ? {} : { defaultRegion: options.defaultRegion }),
    ...(options.language === undefined ? {} : { language: options.language }),
  });
  assertImportable(resolved);

  const offset = payloadOffset(options, scan.lastWallMs);
  const language = deviceLanguage(options.language, info.languageEvidence);
  const messagesOff = scan.times.messagesOff(offset.minutes);
  const largestDifference = scan.times.largestDifference(offset.minutes);
  const timeWarnings: string[] = [];
  if (messagesOff > 0 && !normalize) {
    timeWarnings.push(
      `the chat crosses a daylight-saving change: ${messagesOff} message(s) will be up to ${largestDifference} minutes off in the inbox, which reads the whole chat at UTC${signed(offset.minutes)}; pass --normalize-times to rewrite their timestamps`,
    );
  }

  const media = await planMedia(scan.references, chatExport.mediaEntries, {
    selection: options.media ?? 'referenced',
    maxMediaBytes: options.maxMediaBytes,
    strict: options.strict === true,
    signal,
  });

  let plan: NormalizePlan | undefined;
  if (normalize) {
    plan = {
      shifts: scan.times.shiftsFor(offset.minutes),
      offsetMinutes: offset.minutes,
      context: {
        grammar: headerGrammar(),
        order: format.dateOrder,
        masks: getLexicon().meridiem,
        style: scan.style,
      },
    };
  }
  const source: ChatImportSource = {
    chatText: chatTextOf(chatExport.chatLog, plan, signal),
    participants: resolved.participants,
    utcOffsetMinutes: offset.minutes,
    deviceLanguageCode: language.code,
    media: media.media,
  };
  const payloadBytes = await chatImportSize(source, signal === undefined ? {} : { signal });

  const report: BuildReport = {
    input: {
      kind: chatExport.kind,
      sourceName: chatExport.sourceName,
      chatLog: chatExport.chatLogChoice.path,
      chatLogRule: chatExport.chatLogChoice.rule,
      chatLogReason: chatExport.chatLogChoice.reason,
      encoding: scan.encoding,
    },
    messages: info.messages,
    firstTimestamp: info.firstTimestamp,
    lastTimestamp: info.lastTimestamp,
    authors,
    chatName,
    participants: resolved.participants,
    participantSources: resolved.sources,
    customer: resolved.customer,
    self: resolved.self,
    utcOffsetMinutes: offset.minutes,
    utcOffsetSource: offset.source,
    timeZone: options.timeZone ?? null,
    deviceLanguageCode: language.code,
    languageSource: language.source,
    times: {
      offsetChanges: info.offsetChanges.length,
      messagesOff,
      largestDifferenceMinutes: largestDifference,
      normalizedHeaders: plan?.shifts.lines.length ?? 0,
    },
    media: media.report,
    payloadBytes,
    warnings: [
      ...chatExport.warnings.map((warning) => warning.message),
      ...findings.warnings,
      ...resolved.warnings,
      ...timeWarnings,
      ...media.warnings,
    ],
  };
  return { source, report };
}
