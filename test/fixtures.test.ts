/**
 * Fixture exports: every `fixtures/<os>-<locale>-<clock>[-<era>]/` folder holds one chat log
 * (`_chat.txt` on iOS, the localized `WhatsApp Chat with ….txt` on Android), the expected
 * messages written by hand (`expected.json`) and notes on the real shapes each line follows.
 *
 * Each log is parsed three ways with the options in `expected.json` — as text, as one byte
 * buffer through `parseChat` (the decoder), and as bytes in hostile chunk sizes — and must give
 * exactly the expected messages. A second pass drops `language` and records whether the format
 * and date order were still detected; `fixtures/README.md` reports that table, and this test
 * keeps it in sync (`UPDATE_FIXTURES_README=1` rewrites it).
 *
 * A fixture whose `expected.json` has a `knownGap` (a parser limit, described in one line) keeps
 * its hand-written expectation, but its exact comparison is skipped and the table lists it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRecord } from '../src/cli/records.js';
import { type Message, parseChat, parseChatText } from '../src/index.js';
import {
  type Detection,
  detectWithoutLanguage,
  type ExpectedFile,
  FIXTURES_DIR,
  loadFixtures,
  REQUIRED_LOCALES,
  replaceBetween,
  textBetween,
} from './support/fixtures.js';

const README = join(FIXTURES_DIR, 'README.md');
const TABLE_START = '<!-- detection-table:start -->';
const TABLE_END = '<!-- detection-table:end -->';
/** Chunk sizes replayed over the bytes (splits inside multibyte characters and CRLF pairs). */
const CHUNK_PATTERN = [1, 2, 3, 5, 8, 13, 1, 7];

interface DetectionRow extends Detection {
  readonly fixture: string;
  readonly os: string;
  readonly locale: string;
  readonly clock: string;
  readonly era: string;
  readonly knownGap: string | undefined;
}

/** The fields `expected.json` pins down, in the same shape: the output record without `language`. */
function project(message: Message): Record<string, unknown> {
  const { language: _language, ...pinned } = toRecord(message);
  return pinned;
}

function* chunked(bytes: Uint8Array): Generator<Uint8Array> {
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = CHUNK_PATTERN[i % CHUNK_PATTERN.length] as number;
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

async function collect(stream: AsyncIterable<Message>): Promise<Message[]> {
  const messages: Message[] = [];
  for await (const message of stream) messages.push(message);
  return messages;
}

function expectMessages(actual: readonly Message[], expected: ExpectedFile): void {
  const projected = actual.map(project);
  projected.forEach((message, i) => {
    expect(message, `message ${i + 1} (line ${String(expected.messages[i]?.line)})`).toEqual(
      expected.messages[i],
    );
  });
  expect(projected).toHaveLength(expected.messages.length);
}

function renderTable(rows: readonly DetectionRow[]): string {
  const yes = rows.filter((row) => row.formatRight && row.dateOrderRight).length;
  const gaps = rows.filter((row) => row.knownGap !== undefined);
  const lines = [
    `Detected right without \`language\`: **${yes} of ${rows.length}** (${Math.round((100 * yes) / rows.length)}%).`,
    `Parsed exactly with \`language\`: **${rows.length - gaps.length} of ${rows.length}**; known gaps (exact comparison skipped, see each \`expected.json\`): ${gaps.length === 0 ? 'none' : gaps.map((row) => `\`${row.fixture}\``).join(', ')}.`,
    '',
    '| Fixture | Locale | OS | Clock | Era | Exact parse with language | Format (OS, clock) | Date order without language (source) | Detected without language |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| \`${row.fixture}\` | ${row.locale} | ${row.os === 'ios' ? 'iOS' : 'Android'} | ${row.clock} | ${row.era} | ${row.knownGap === undefined ? 'yes' : 'known gap'} | ${row.formatRight ? 'right' : 'wrong'} | ${row.dateOrder} (${row.dateOrderSource === 'language' ? 'language inferred from the log' : row.dateOrderSource})${row.dateOrderRight ? '' : ' — wrong'} | ${row.formatRight && row.dateOrderRight ? 'yes' : 'no'} |`,
    ),
  ];
  return lines.join('\n');
}

const fixtures = loadFixtures();
const detections: DetectionRow[] = [];

describe('fixture exports', () => {
  it('exist for every required locale on both OSes', () => {
    const names = fixtures.map((fixture) => fixture.name);
    for (const locale of REQUIRED_LOCALES) {
      for (const os of ['android', 'ios']) {
        expect(
          names.some((name) => name.startsWith(`${os}-${locale}-`)),
          `${os}-${locale}`,
        ).toBe(true);
      }
    }
    for (const both of ['android-en-GB', 'ios-en-GB', 'android-es-ES', 'ios-es-ES']) {
      expect(
        fixtures.filter((fixture) => fixture.name.startsWith(both)).map((fixture) => fixture.clock),
      ).toEqual(expect.arrayContaining(['12h', '24h']));
    }
  });

  it('mark known gaps with a one-line reason', () => {
    for (const { name, expected } of fixtures) {
      if (expected.knownGap === undefined) continue;
      expect(typeof expected.knownGap, name).toBe('string');
      expect(expected.knownGap.trim().length, name).toBeGreaterThan(20);
      expect(expected.knownGap, name).not.toContain('\n');
    }
  });

  describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (name, fixture) => {
    const { expected } = fixture;
    const text = new TextDecoder().decode(fixture.bytes);
    // A known gap keeps its hand-written expectation but skips the exact comparison.
    const gap = expected.knownGap !== undefined;

    it.skipIf(gap)('parses as text with its options', () => {
      const { messages, info } = parseChatText(text, expected.options);
      expect(info.format).toMatchObject(expected.format);
      expectMessages(messages, expected);
      expect(info.skippedLines).toBe(0);
      expect(info.invalidDates).toBe(0);
      expect(info.unrecognizedSystem).toBe(0);
      // Lossless: every line is in exactly one message.
      const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
      expect(messages.reduce((sum, message) => sum + message.lineCount, 0)).toBe(lines);
    });

    it.skipIf(gap)('parses the bytes through parseChat, whole and in hostile chunks', async () => {
      const whole = parseChat(fixture.bytes, expected.options);
      expectMessages(await collect(whole), expected);
      expect(whole.info.format).toMatchObject(expected.format);
      const pieces = parseChat(chunked(fixture.bytes), expected.options);
      expectMessages(await collect(pieces), expected);
      expect(pieces.info.format).toMatchObject(expected.format);
    });

    it('without language: records detection, and never guesses quietly', () => {
      const detection = detectWithoutLanguage(fixture);
      detections.push({
        fixture: name,
        os: fixture.os,
        locale: fixture.locale,
        clock: fixture.clock,
        era: fixture.era,
        knownGap: expected.knownGap,
        ...detection,
      });
      if (gap) return; // recorded for the table; the gap itself is the finding
      expect(detection.formatRight).toBe(true);
      // A wrong date order is only acceptable when the parser says it had no evidence.
      if (!detection.dateOrderRight) expect(detection.dateOrderSource).toBe('default');
    });
  });

  it('fixtures/README.md reports the detection-without-language table', () => {
    expect(detections).toHaveLength(fixtures.length);
    const table = renderTable([...detections].sort((a, b) => a.fixture.localeCompare(b.fixture)));
    const readme = existsSync(README) ? readFileSync(README, 'utf8') : '';
    const current = textBetween(readme, TABLE_START, TABLE_END);
    const updated = replaceBetween(readme, TABLE_START, TABLE_END, table);
    if (current !== table && process.env.UPDATE_FIXTURES_README === '1' && updated !== null) {
      writeFileSync(README, updated);
      return;
    }
    expect(current, 'run with UPDATE_FIXTURES_README=1 to refresh fixtures/README.md').toBe(table);
  });
});
