/**
 * `wa-import inspect <input>`: what a user checks before importing.
 *
 * @module
 */

import { parseArgs } from 'node:util';
import type { ChatExport } from '../../archive/index.js';
import type { ParseInfo } from '../../parse/info.js';
import { parseChat } from '../../parse/stream.js';
import { judgeParse } from '../findings.js';
import { openInput } from '../input.js';
import { type CliIo, write } from '../io.js';
import { joinNegativeOffset, PARSE_FLAGS, toParseOptions } from '../parse-options.js';
import { usageError } from '../usage-error.js';

/** Help text of `inspect`. */
export const INSPECT_HELP = `Usage: wa-import inspect <input> [options]

Show what wa-import detects in an export before you import it.

  <input>                 .zip, folder or .txt of an export; - for stdin
  --lang <bcp47>          device language (date-order prior)
  --utc-offset <minutes>  minutes the device was ahead of UTC
  --tz <zone>             IANA zone; lists daylight-saving transitions crossed
  --date-order <order>    force dmy, mdy or ymd
  --assume-year <yyyy>    year of the first message when dates print none (old exports)
  --json                  print the report as JSON
`;

const OS_LABEL = {
  android: 'Android',
  ios: 'iOS',
  'ios-legacy': 'iOS (before 2017)',
  legacy: 'old export, month as a word (before 2014)',
} as const;
const SHAPE = {
  android: 'DATE, TIME - Author: text',
  ios: '[DATE, TIME] Author: text',
  'ios-legacy': 'DATE, TIME: Author: text',
  legacy: 'MONTH DAY, TIME - Author: text',
} as const;

/** The inspect report (`--json` prints exactly this). */
export interface InspectReport {
  readonly input: {
    readonly kind: string;
    readonly chatLog: string;
    readonly choice: string;
    readonly media: number;
  };
  readonly encoding: string;
  readonly lines: number;
  readonly format: {
    readonly os: string;
    readonly header: string;
    readonly example: string;
    readonly exampleLine: number;
    readonly dateOrder: string;
    readonly dateOrderSource: string;
    readonly dateOrderReason: string;
    readonly clock: string;
    readonly meridiemWords: readonly string[];
    readonly calendar: string;
    readonly yearSource: string;
  } | null;
  readonly language: {
    readonly given: string | null;
    /** The top language of the evidence, with its count (markers and system strings it recognized). */
    readonly inferred: { readonly language: string; readonly evidence: number } | null;
    readonly evidence: Readonly<Record<string, number>>;
  };
  readonly timeBasis: string;
  readonly messages: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly systemKinds: Readonly<Record<string, number>>;
  readonly authors: readonly { readonly author: string; readonly messages: number }[];
  readonly firstTimestamp: string | null;
  readonly lastTimestamp: string | null;
  readonly skippedLines: number;
  readonly skipped: readonly { readonly line: number; readonly text: string }[];
  readonly dstTransitions: readonly {
    readonly line: number;
    readonly fromMinutes: number;
    readonly toMinutes: number;
  }[];
  readonly warnings: readonly string[];
  readonly error: { readonly code: string; readonly message: string } | null;
}

/**
 * Runs `inspect`.
 *
 * @example
 * ```ts
 * await inspectCommand(['chat.zip', '--json'], io);
 * ```
 */
export async function inspectCommand(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: joinNegativeOffset(args),
    options: { ...PARSE_FLAGS, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw usageError(`inspect takes one <input>, got ${positionals.length}`);
  const options = toParseOptions(values);
  const chatExport = await openInput(positionals[0], io);
  try {
    const chat = parseChat(await chatExport.chatLog.open(), options);
    for await (const _ of chat) {
      // Drain: the report is built from the counters.
    }
    const { error, warnings } = judgeParse(chat.info, chatExport.chatLogChoice.name);
    const report = buildReport(
      chatExport,
      chat.info,
      chat.encoding,
      options.language ?? null,
      [...chatExport.warnings.map((w) => w.message), ...warnings],
      error,
    );
    await write(io.stdout, values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
    if (error !== null) throw error;
  } finally {
    await chatExport.close();
  }
}

function buildReport(
  chatExport: ChatExport,
  info: ParseInfo,
  encoding: string,
  language: string | null,
  warnings: readonly string[],
  error: { code: string; message: string } | null,
): InspectReport {
  const format = info.format;
  return {
    input: {
      kind: chatExport.kind,
      chatLog: chatExport.chatLogChoice.path,
      choice: chatExport.chatLogChoice.reason,
      media: chatExport.mediaEntries.length,
    },
    encoding,
    lines: info.lines,
    format:
      format === null
        ? null
        : {
            os: format.os,
            header: SHAPE[format.os],
            example: format.example,
            exampleLine: format.exampleLine,
            dateOrder: format.dateOrder,
            dateOrderSource: format.dateOrderSource,
            dateOrderReason: format.dateOrderReason,
            clock: format.clock,
            meridiemWords: format.meridiemWords,
            calendar: format.calendar,
            yearSource: format.yearSource,
          },
    language: {
      given: language,
      inferred:
        info.inferredLanguage === null
          ? null
          : { language: info.inferredLanguage.language, evidence: info.inferredLanguage.evidence },
      evidence: Object.fromEntries(sortedEntries(info.languageEvidence)),
    },
    timeBasis: info.utcAssumed ? 'UTC (no offset or zone given)' : info.timeBasis,
    messages: info.messages,
    counts: {
      system: info.systemMessages,
      attachments: info.attachments,
      mediaOmitted: info.mediaOmitted,
      deleted: info.deleted,
      edited: info.edited,
      unrecognizedSystem: info.unrecognizedSystem,
      invalidDates: info.invalidDates,
    },
    systemKinds: Object.fromEntries(sortedEntries(info.systemKinds)),
    authors: sortedEntries(info.authors).map(([author, messages]) => ({ author, messages })),
    firstTimestamp: info.firstTimestamp,
    lastTimestamp: info.lastTimestamp,
    skippedLines: info.skippedLines,
    skipped: info.skipped.slice(0, 5).map(({ line, text }) => ({ line, text })),
    dstTransitions: info.offsetChanges,
    warnings,
    error: error === null ? null : { code: error.code, message: error.message },
  };
}

function sortedEntries<K>(map: ReadonlyMap<K, number>): [K, number][] {
  return [...map].sort((a, b) => b[1] - a[1]);
}

/**
 * The report for a terminal.
 *
 * @example
 * ```ts
 * process.stdout.write(renderReport(report));
 * ```
 */
export function renderReport(report: InspectReport): string {
  const rows: [string, string][] = [];
  const { format } = report;
  rows.push(['Input', `${report.input.kind}: ${report.input.chatLog} (${report.input.choice})`]);
  rows.push(['Media files', String(report.input.media)]);
  rows.push(['Text', `${report.encoding}, ${report.lines} lines`]);
  if (format === null) rows.push(['Format', 'no WhatsApp headers found']);
  else {
    rows.push(['Format', `${OS_LABEL[format.os as keyof typeof OS_LABEL]}: ${format.header}`]);
    rows.push(['  example', `line ${format.exampleLine}: ${format.example}`]);
    rows.push(['Date order', `${format.dateOrder} (${format.dateOrderSource}: ${format.dateOrderReason})`]);
    rows.push([
      'Clock',
      format.clock === '12h'
        ? `12-hour (${format.meridiemWords.map((w) => JSON.stringify(w)).join(', ')})`
        : '24-hour',
    ]);
    if (format.calendar !== 'gregorian') rows.push(['Calendar', format.calendar]);
    if (format.yearSource === 'assumed')
      rows.push(['Year', 'not printed: --assume-year, next year at each Dec → Jan']);
  }
  const { given, inferred } = report.language;
  const evidence = Object.entries(report.language.evidence)
    .map(([language, n]) => `${language} (${n})`)
    .join(', ');
  const fromLog =
    inferred === null
      ? 'nothing in the log to infer it from'
      : `${inferred.language} (inferred from ${inferred.evidence} markers/system strings${evidence === `${inferred.language} (${inferred.evidence})` ? '' : `; all evidence: ${evidence}`})`;
  rows.push(['Language', given === null ? fromLog : `${given} (given); from the log: ${fromLog}`]);
  rows.push(['Times', report.timeBasis]);
  const c = report.counts;
  rows.push([
    'Messages',
    `${report.messages} (system ${c.system}, attachments ${c.attachments}, media omitted ${c.mediaOmitted}, deleted ${c.deleted}, edited ${c.edited})`,
  ]);
  rows.push(['Authors', report.authors.map((a) => `${a.author} (${a.messages})`).join(', ') || 'none']);
  rows.push(['First message', report.firstTimestamp ?? '-']);
  rows.push(['Last message', report.lastTimestamp ?? '-']);
  rows.push(['Skipped lines', String(report.skippedLines)]);
  if (report.dstTransitions.length > 0) {
    rows.push([
      'DST crossed',
      report.dstTransitions
        .map((t) => `line ${t.line}: ${signed(t.fromMinutes)} → ${signed(t.toMinutes)} min`)
        .join('; '),
    ]);
  }
  for (const warning of report.warnings) rows.push(['Warning', warning]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`;
}

function signed(minutes: number): string {
  return minutes >= 0 ? `+${minutes}` : String(minutes);
}
