import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinNegativeOffset } from '../../src/cli/parse-options.js';
import { type RecordFormat, recordWriter } from '../../src/cli/records.js';
import { parseChatText } from '../../src/parse/sync.js';
import { buildZip, tempFolder, writeFiles } from '../build/helpers.js';
import { runCli } from './helpers.js';

/** A log with what records must carry exactly: emoji, escapes, a multi-line body, an attachment, an event. */
const LOG = [
  '10/03/2022, 11:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
  '10/03/2022, 11:00 - Anna Schmidt 🌸: Hello "there" \\ 😀',
  'second line\tafter a tab',
  '10/03/2022, 11:02 - +49 151 23456789: IMG-20220310-WA0000.jpg (file attached)',
  '10/03/2022, 11:03 - Anna Schmidt 🌸: <Media omitted>',
  '11/03/2022, 23:59 - Anna Schmidt 🌸: Привет, 日本 مرحبا',
  '',
].join('\n');
const OPTIONS = { utcOffsetMinutes: 60, language: 'en-GB' };

/** What `parse` must print: the string records of the same messages. */
function expected(format: RecordFormat, log = LOG): string {
  const writer = recordWriter(format);
  const { messages } = parseChatText(log, OPTIONS);
  return writer.open + messages.map((message, i) => writer.record(message, i === 0)).join('') + writer.close;
}

let temp: { readonly path: string; remove(): Promise<void> };

beforeEach(async () => {
  temp = await tempFolder();
  await writeFiles(temp.path, {
    'chat.txt': LOG,
    'WhatsApp Chat with Anna.zip': await buildZip({ 'WhatsApp Chat with Anna.txt': LOG }),
  });
});
afterEach(async () => {
  await temp.remove();
});

describe('wa-import parse', () => {
  it.each(['ndjson', 'json', 'csv'] as const)(
    'prints every message as a %s record, exactly',
    async (format) => {
      const { status, stdout, stderr } = await runCli(
        ['parse', 'chat.txt', '--utc-offset', '60', '--lang', 'en-GB', '--format', format],
        { cwd: temp.path },
      );
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(stdout).toBe(expected(format));
    },
  );

  it('prints a chat whose records fill many buffers exactly (written again once stdout is done)', async () => {
    // ~10,000 records, ~3.4 MB of NDJSON from ~860 KB read in four chunks: the encoder's 256 KiB
    // buffers come back (stdout calls back between chunks) and are written again.
    const log = LOG.repeat(2000);
    await writeFiles(temp.path, { 'long.txt': log });
    const { status, stdout } = await runCli(['parse', 'long.txt', '--utc-offset', '60', '--lang', 'en-GB'], {
      cwd: temp.path,
    });
    expect(status).toBe(0);
    expect(Buffer.byteLength(stdout)).toBeGreaterThan(3_000_000);
    expect(stdout).toBe(expected('ndjson', log));
  });

  it('reads a zipped export the same way, and its records are JSON', async () => {
    const { status, stdout } = await runCli(
      ['parse', 'WhatsApp Chat with Anna.zip', '--utc-offset', '60', '--lang', 'en-GB'],
      { cwd: temp.path },
    );
    expect(status).toBe(0);
    expect(stdout).toBe(expected('ndjson'));
    const records = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((r) => [r.line, r.timestamp, r.author, r.kind])).toEqual([
      [1, '2022-03-10T10:00:00.000Z', null, 'system'],
      [2, '2022-03-10T10:00:00.000Z', 'Anna Schmidt 🌸', 'text'],
      [4, '2022-03-10T10:02:00.000Z', '+49 151 23456789', 'attachment'],
      [5, '2022-03-10T10:03:00.000Z', 'Anna Schmidt 🌸', 'media-omitted'],
      [6, '2022-03-11T22:59:00.000Z', 'Anna Schmidt 🌸', 'text'],
    ]);
    expect(records[1].text).toBe('Hello "there" \\ 😀\nsecond line\tafter a tab');
  });

  it('takes an offset west of UTC as written (--utc-offset -300), in every command that reads the log', async () => {
    const { status, stdout, stderr } = await runCli(
      ['parse', 'chat.txt', '--utc-offset', '-300', '--lang', 'en-GB'],
      {
        cwd: temp.path,
      },
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout.split('\n')[0] as string).timestamp).toBe('2022-03-10T16:00:00.000Z');
    const inspect = await runCli(
      ['inspect', 'chat.txt', '--utc-offset', '-300', '--lang', 'en-GB', '--json'],
      {
        cwd: temp.path,
      },
    );
    expect(inspect.status).toBe(0);
    expect(JSON.parse(inspect.stdout).firstTimestamp).toBe('2022-03-10T16:00:00.000Z');
    // Not a number: left to the flag parser, which says what is wrong.
    const bad = await runCli(['parse', 'chat.txt', '--utc-offset', '-x'], { cwd: temp.path });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error\[E_USAGE\]: /u);
  });

  it('joins a negative offset to its flag, and nothing after --', () => {
    expect(joinNegativeOffset(['a.txt', '--utc-offset', '-300', '--lang', 'en'])).toEqual([
      'a.txt',
      '--utc-offset=-300',
      '--lang',
      'en',
    ]);
    expect(joinNegativeOffset(['--utc-offset=-60', '--utc-offset', '60'])).toEqual([
      '--utc-offset=-60',
      '--utc-offset',
      '60',
    ]);
    expect(joinNegativeOffset(['--', '--utc-offset', '-300'])).toEqual(['--', '--utc-offset', '-300']);
  });

  it('prints nothing but the error for a file that is no export', async () => {
    await writeFiles(temp.path, { 'notes.txt': 'just some notes\nnothing else\n' });
    const { status, stdout, stderr } = await runCli(['parse', 'notes.txt', '--utc-offset', '0'], {
      cwd: temp.path,
    });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error\[E_NOT_AN_EXPORT\]: /u);
  });
});
