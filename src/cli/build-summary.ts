/**
 * The human summary `build` prints on stderr: participants and the customer, media, time,
 * payload size, warnings.
 *
 * @module
 */

import type { BuildReport } from '../build/index.js';
import { formatBytes } from './format-bytes.js';

/**
 * Renders `report` as aligned `label  value` rows, then one `warning:` line per warning.
 *
 * @example
 * ```ts
 * await write(io.stderr, renderBuildSummary(report, 'payload.json'));
 * ```
 */
export function renderBuildSummary(report: BuildReport, output: string): string {
  const rows: [string, string][] = [];
  const { input, media, times } = report;
  rows.push(['Chat log', `${input.chatLog} (${input.chatLogReason}); ${input.encoding}`]);
  rows.push([
    'Messages',
    `${report.messages}, ${report.firstTimestamp ?? '-'} → ${report.lastTimestamp ?? '-'}`,
  ]);
  const sourceOf = new Map(report.participantSources.map((entry) => [entry.handle, entry.source]));
  const people = report.authors.map(({ handle, messages }) => {
    const contact = report.participants.find((p) => p.handle === handle);
    const role =
      handle === report.customer ? 'customer' : handle === report.self ? 'your side' : 'participant';
    const number =
      contact === undefined ? '' : ` ${contact.phone_number} (from ${sourceOf.get(handle) ?? '?'})`;
    return `"${handle}" ${role}, ${messages} ${messages === 1 ? 'message' : 'messages'}${number}`;
  });
  rows.push(['Participants', people.join('; ') || 'none']);
  if (report.customer === null) rows.push(['Customer', 'not told apart: both numbers are supplied']);
  const offsetFrom =
    report.utcOffsetSource === 'time-zone' ? `${report.timeZone} at the last message` : '--utc-offset';
  rows.push(['UTC offset', `${report.utcOffsetMinutes} min (${offsetFrom})`]);
  if (times.offsetChanges > 0) {
    rows.push([
      'DST',
      times.normalizedHeaders > 0
        ? `${times.offsetChanges} change(s) crossed; ${times.normalizedHeaders} header(s) rewritten to UTC offset ${report.utcOffsetMinutes}`
        : `${times.offsetChanges} change(s) crossed; ${times.messagesOff} message(s) off by up to ${times.largestDifferenceMinutes} min`,
    ]);
  }
  rows.push([
    'Language',
    `${report.deviceLanguageCode} (${report.languageSource === 'option' ? '--lang' : 'detected'})`,
  ]);
  rows.push([
    'Media',
    `${media.included.length} included (${formatBytes(media.includedBytes)}, --media ${media.selection}); ` +
      `${media.pairedFiles} paired (${formatBytes(media.pairedBytes)}), ${media.missing.length} missing, ` +
      `${media.orphans.length} orphaned (${formatBytes(media.orphanBytes)})` +
      (media.leftOut.length > 0
        ? `, ${media.leftOut.length} left out (${formatBytes(media.leftOutBytes)})`
        : ''),
  ]);
  rows.push(['Payload', `${report.payloadBytes} bytes (${formatBytes(report.payloadBytes)}) → ${output}`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const table = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
  const warnings = report.warnings.map((warning) => `warning: ${warning}\n`).join('');
  return `${table}\n${warnings}`;
}
