/**
 * The device language inferred from the log's markers and system strings: `info.inferredLanguage`
 * and how `inspect` reports it (`language: de (inferred from 4 markers/system strings)`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type InspectReport, renderReport } from '../../src/cli/commands/inspect.js';
import { parseChatText } from '../../src/index.js';
import { runCli } from '../cli/helpers.js';

const GERMAN = [
  '23.03.22, 13:31 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp. Tippe, um mehr zu erfahren.',
  '23.03.22, 13:32 - Anna: Hallo',
  '23.03.22, 13:33 - Anna: <Medien ausgeschlossen>',
  '23.03.22, 13:34 - Ben: Diese Nachricht wurde gelöscht',
  '23.03.22, 13:35 - Ben: IMG-20220323-WA0002.jpg (Datei angehängt)',
  '23.03.22, 13:36 - Ben: Bis morgen',
].join('\n');

describe('inferred device language', () => {
  it('is the top language of the evidence, with its count and the total', () => {
    const { info } = parseChatText(GERMAN, { utcOffsetMinutes: 60 });
    expect(info.inferredLanguage).toEqual({ language: 'de', evidence: 4, total: 4 });
    expect(info.languageEvidence.get('de')).toBe(4);
  });

  it('is null when nothing in the log names a language', () => {
    const { info } = parseChatText('10/03/2022, 11:00 - Ann: hi\n10/03/2022, 11:01 - Bob: yo', {});
    expect(info.inferredLanguage).toBeNull();
  });

  it('is the same when --lang is given (the log is the evidence, not the flag)', () => {
    const { info } = parseChatText(GERMAN, { language: 'de-AT', utcOffsetMinutes: 60 });
    expect(info.inferredLanguage?.language).toBe('de');
  });
});

describe('inspect report', () => {
  const base: InspectReport = {
    input: { kind: 'text', chatLog: 'chat.txt', choice: 'the only .txt', media: 0 },
    encoding: 'utf-8',
    lines: 6,
    format: null,
    language: { given: null, inferred: { language: 'de', evidence: 42 }, evidence: { de: 42 } },
    timeBasis: 'UTC',
    messages: 6,
    counts: { system: 0, attachments: 0, mediaOmitted: 0, deleted: 0, edited: 0 },
    systemKinds: {},
    authors: [],
    firstTimestamp: null,
    lastTimestamp: null,
    skippedLines: 0,
    skipped: [],
    dstTransitions: [],
    warnings: [],
    error: null,
  };
  const languageRow = (report: InspectReport) =>
    renderReport(report)
      .split('\n')
      .find((line) => line.startsWith('Language'));

  it('renders the inferred language with its evidence count', () => {
    expect(languageRow(base)).toMatch(/^Language +de \(inferred from 42 markers\/system strings\)$/u);
  });

  it('lists the other languages seen, the flag when given, and says when there is no evidence', () => {
    expect(
      languageRow({
        ...base,
        language: { given: 'de-DE', inferred: { language: 'de', evidence: 42 }, evidence: { de: 42, en: 3 } },
      }),
    ).toMatch(
      /Language +de-DE \(given\); from the log: de \(inferred from 42 markers\/system strings; all evidence: de \(42\), en \(3\)\)$/u,
    );
    expect(languageRow({ ...base, language: { given: null, inferred: null, evidence: {} } })).toMatch(
      /Language +nothing in the log to infer it from$/u,
    );
  });

  it('wa-import inspect prints it for a real log, and the Persian calendar and month-name formats', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'wa-inspect-'));
    writeFileSync(join(cwd, 'chat.txt'), `${GERMAN}\n`);
    const german = await runCli(['inspect', 'chat.txt', '--utc-offset', '60'], { cwd });
    expect(german.status).toBe(0);
    expect(german.stdout).toMatch(/^Language +de \(inferred from 4 markers\/system strings\)$/mu);

    writeFileSync(
      join(cwd, 'persian.txt'),
      '۱۴۰۲/۱۰/۲۵, ۱۸:۴۷ - سارا: سلام\n۱۴۰۲/۱۰/۲۶, ۸:۳۳ - مینا: صبح بخیر\n',
    );
    const persian = await runCli(['inspect', 'persian.txt', '--json'], { cwd });
    expect(JSON.parse(persian.stdout).format).toMatchObject({ calendar: 'persian', dateOrder: 'ymd' });

    writeFileSync(join(cwd, 'old.txt'), 'Mar 5, 8:11 PM - Ann: hi\nMar 5, 8:12 PM - Bob: yo\n');
    const refused = await runCli(['inspect', 'old.txt'], { cwd });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      'error[E_INVALID_DATE]: old.txt is an old export whose dates print no year',
    );
    expect(refused.stderr).toContain('hint: pass --assume-year <yyyy>');
    const old = await runCli(['inspect', 'old.txt', '--assume-year', '2013'], { cwd });
    expect(old.status).toBe(0);
    expect(old.stdout).toMatch(
      /^Format +old export, month as a word \(before 2014\): MONTH DAY, TIME - Author: text$/mu,
    );
    expect(old.stdout).toMatch(/^First message +2013-03-05T20:11:00\.000Z$/mu);
  });
});
