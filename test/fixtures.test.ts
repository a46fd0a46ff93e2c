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
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Message, type ParseOptions, parseChat, parseChatText } from '../src/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const README = join(FIXTURES, 'README.md');
const TABLE_START = '<!-- detection-table:start -->';
const TABLE_END = '<!-- detection-table:end -->';
/** Chunk sizes replayed over the bytes (splits inside multibyte characters and CRLF pairs). */
const CHUNK_PATTERN = [1, 2, 3, 5, 8, 13, 1, 7];

interface ExpectedFormat {
  readonly os: string;
  readonly dateOrder: string;
  readonly clock: string;
}

interface ExpectedFile {
  readonly options: ParseOptions;
  readonly format: ExpectedFormat;
  readonly messages: readonly Record<string, unknown>[];
}

interface Fixture {
  readonly name: string;
  readonly logFile: string;
  readonly bytes: Uint8Array;
  readonly expected: ExpectedFile;
}

interface Detection {
  readonly fixture: string;
  readonly os: string;
  readonly locale: string;
  readonly clock: string;
  readonly era: string;
  readonly formatRight: boolean;
  readonly dateOrderRight: boolean;
  readonly dateOrder: string;
  readonly dateOrderSource: string;
}

function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, name);
      const logs = readdirSync(dir).filter((file) => file.endsWith('.txt'));
      if (logs.length !== 1) throw new Error(`${name}: expected one .txt chat log, found ${logs.length}`);
      const logFile = logs[0] as string;
      return {
        name,
        logFile,
        bytes: new Uint8Array(readFileSync(join(dir, logFile))),
        expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedFile,
      };
    });
}

/** The fields `expected.json` pins down, in the same shape. */
function project(message: Message): Record<string, unknown> {
  return {
    line: message.line,
    timestamp: message.timestamp,
    localTime: message.localTime,
    author: message.author,
    text: message.text,
    system: message.system,
    attachment: message.attachment,
    kind: message.kind,
    ...(message.mediaType !== undefined ? { mediaType: message.mediaType } : {}),
    flags: { ...message.flags },
    lineCount: message.lineCount,
  };
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

function withoutLanguage(options: ParseOptions): ParseOptions {
  const { language: _language, ...rest } = options;
  return rest;
}

/** `android-en-GB-12h-2023` → its parts. */
function describeName(name: string): Pick<Detection, 'os' | 'locale' | 'clock' | 'era'> {
  const [os = '', lang = '', region = '', clock = '', ...era] = name.split('-');
  return { os, locale: `${lang}-${region}`, clock, era: era.join('-') || '—' };
}

function renderTable(rows: readonly Detection[]): string {
  const yes = rows.filter((row) => row.formatRight && row.dateOrderRight).length;
  const lines = [
    `Detected right without \`language\`: **${yes} of ${rows.length}** (${Math.round((100 * yes) / rows.length)}%).`,
    '',
    '| Fixture | Locale | OS | Clock | Era | Format (OS, clock) | Date order without language (source) | Detected without language |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| \`${row.fixture}\` | ${row.locale} | ${row.os === 'ios' ? 'iOS' : 'Android'} | ${row.clock} | ${row.era} | ${row.formatRight ? 'right' : 'wrong'} | ${row.dateOrder} (${row.dateOrderSource === 'language' ? 'language inferred from the log' : row.dateOrderSource})${row.dateOrderRight ? '' : ' — wrong'} | ${row.formatRight && row.dateOrderRight ? 'yes' : 'no'} |`,
    ),
  ];
  return lines.join('\n');
}

const fixtures = loadFixtures();
const detections: Detection[] = [];

describe('fixture exports', () => {
  it('exist for every required locale on both OSes', () => {
    const names = fixtures.map((fixture) => fixture.name);
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'es-ES', 'fr-FR', 'pt-BR', 'it-IT', 'nl-NL', 'ru-RU']) {
      for (const os of ['android', 'ios']) {
        expect(
          names.some((name) => name.startsWith(`${os}-${locale}-`)),
          `${os}-${locale}`,
        ).toBe(true);
      }
    }
    for (const both of ['android-en-GB', 'ios-en-GB', 'android-es-ES', 'ios-es-ES']) {
      expect(names.filter((name) => name.startsWith(both)).map((name) => describeName(name).clock)).toEqual(
        expect.arrayContaining(['12h', '24h']),
      );
    }
  });

  describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (name, fixture) => {
    const { expected } = fixture;
    const text = new TextDecoder().decode(fixture.bytes);

    it('parses as text with its options', () => {
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

    it('parses the bytes through parseChat, whole and in hostile chunks', async () => {
      const whole = parseChat(fixture.bytes, expected.options);
      expectMessages(await collect(whole), expected);
      expect(whole.info.format).toMatchObject(expected.format);
      const pieces = parseChat(chunked(fixture.bytes), expected.options);
      expectMessages(await collect(pieces), expected);
      expect(pieces.info.format).toMatchObject(expected.format);
    });

    it('without language: records detection, and never guesses quietly', () => {
      const { info } = parseChatText(text, withoutLanguage(expected.options));
      const format = info.format;
      const formatRight =
        format !== null && format.os === expected.format.os && format.clock === expected.format.clock;
      const dateOrderRight = format?.dateOrder === expected.format.dateOrder;
      detections.push({
        fixture: name,
        ...describeName(name),
        formatRight,
        dateOrderRight,
        dateOrder: format?.dateOrder ?? 'none',
        dateOrderSource: format?.dateOrderSource ?? 'none',
      });
      expect(formatRight).toBe(true);
      // A wrong date order is only acceptable when the parser says it had no evidence.
      if (!dateOrderRight) expect(format?.dateOrderSource).toBe('default');
    });
  });

  it('fixtures/README.md reports the detection-without-language table', () => {
    expect(detections).toHaveLength(fixtures.length);
    const table = renderTable([...detections].sort((a, b) => a.fixture.localeCompare(b.fixture)));
    const readme = existsSync(README) ? readFileSync(README, 'utf8') : '';
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    const current = start === -1 || end === -1 ? null : readme.slice(start + TABLE_START.length, end).trim();
    if (current !== table && process.env.UPDATE_FIXTURES_README === '1' && start !== -1 && end !== -1) {
      writeFileSync(README, `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`);
      return;
    }
    expect(current, 'run with UPDATE_FIXTURES_README=1 to refresh fixtures/README.md').toBe(table);
  });
});
