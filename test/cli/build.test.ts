import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { runMain } from '../../src/cli/main.js';
import { buildZip, expectedPayload, JPEG, LRM, tempFolder, writeFiles } from '../build/helpers.js';

const LOG = [
  '10/03/2022, 11:00 - Anna Schmidt: Hello',
  `10/03/2022, 11:02 - Shop: ${LRM}IMG-20220310-WA0000.jpg (file attached)`,
  '10/03/2022, 11:03 - Anna Schmidt: Thanks',
  '',
].join('\n');
const ZIP_NAME = 'WhatsApp Chat with Anna Schmidt.zip';
const PARTICIPANT = 'Anna Schmidt=+49 151 23456789';

function sink(): { stream: Writable; text(): string; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks), text: () => Buffer.concat(chunks).toString('utf8') };
}

let temp: { readonly path: string; remove(): Promise<void> };

beforeEach(async () => {
  temp = await tempFolder();
  await writeFiles(temp.path, {
    [ZIP_NAME]: await buildZip({
      'WhatsApp Chat with Anna Schmidt.txt': LOG,
      'IMG-20220310-WA0000.jpg': JPEG,
    }),
    'contacts.csv': 'name,phone\nAnna Schmidt,+49 151 23456789\n',
  });
});
afterEach(async () => {
  await temp.remove();
});

async function run(args: readonly string[], options: { tty?: boolean; stdin?: Uint8Array } = {}) {
  const stdout = sink();
  const stderr = sink();
  const io: CliIo = {
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {},
    cwd: temp.path,
    stderrIsTTY: options.tty ?? false,
  };
  const status = await runMain(['build', ...args], io);
  return { status, stdout, stderr: stderr.text() };
}

const EXPECTED = expectedPayload({
  chatText: LOG,
  participants: [{ handle: 'Anna Schmidt', phone: '+4915123456789' }],
  offset: 60,
  language: 'en-GB',
  media: [{ name: 'IMG-20220310-WA0000.jpg', mime: 'image/jpeg', bytes: JPEG }],
});

describe('wa-import build', () => {
  /** The export with language, self and participant given, at a UTC offset. */
  const atOffset = (offset: string): string[] => [
    ZIP_NAME,
    '--lang',
    'en-GB',
    '--utc-offset',
    offset,
    '--self',
    'Shop',
    '--participant',
    PARTICIPANT,
  ];

  it('writes the payload to stdout and a summary to stderr', async () => {
    const { status, stdout, stderr } = await run(atOffset('60'));
    expect(stderr).not.toContain('error[');
    expect(status).toBe(0);
    expect(stdout.text()).toBe(EXPECTED);
    expect(stderr.split('\n')).toEqual([
      'Chat log      WhatsApp Chat with Anna Schmidt.txt (export file name: "WhatsApp Chat with Anna Schmidt.txt" is named like an Android (en) chat export); utf-8',
      'Messages      3, 2022-03-10T10:00:00.000Z → 2022-03-10T10:03:00.000Z',
      'Participants  "Anna Schmidt" customer, 2 messages +4915123456789 (from override); "Shop" your side, 1 message',
      'UTC offset    60 min (--utc-offset)',
      'Language      en-GB (--lang)',
      'Media         1 included (18 B, --media referenced); 1 paired (18 B), 0 missing, 0 orphaned (0 B)',
      `Payload       ${Buffer.byteLength(EXPECTED)} bytes (${Buffer.byteLength(EXPECTED)} B) → stdout`,
      '',
    ]);
    expect(stderr).not.toContain('\r');
  });

  it('takes an offset west of UTC as written (--utc-offset -300)', async () => {
    const { status, stdout, stderr } = await run(atOffset('-300'));
    expect(stderr).not.toContain('error[');
    expect(status).toBe(0);
    expect(JSON.parse(stdout.text()).utc_offset_minutes).toBe(-300);
  });

  it('writes a file atomically with -o, the contacts file, and a JSON report', async () => {
    const { status, stdout, stderr } = await run([
      ZIP_NAME,
      '-o',
      'payload.json',
      '--lang',
      'en-GB',
      '--tz',
      'Europe/Berlin',
      '--self',
      'Shop',
      '--contacts',
      'contacts.csv',
      '--report',
      'report.json',
    ]);
    expect(stderr).not.toContain('error[');
    expect(status).toBe(0);
    expect(stdout.bytes().length).toBe(0);
    expect(await readFile(join(temp.path, 'payload.json'), 'utf8')).toBe(EXPECTED);
    expect((await readdir(temp.path)).sort()).toEqual(
      [ZIP_NAME, 'contacts.csv', 'payload.json', 'report.json'].sort(),
    );
    const report = JSON.parse(await readFile(join(temp.path, 'report.json'), 'utf8'));
    expect(report).toMatchObject({
      output: join(temp.path, 'payload.json'),
      customer: 'Anna Schmidt',
      participantSources: [{ handle: 'Anna Schmidt', source: 'contacts' }],
      utcOffsetMinutes: 60,
      utcOffsetSource: 'time-zone',
      payloadBytes: Buffer.byteLength(EXPECTED),
      media: { included: [{ fileName: 'IMG-20220310-WA0000.jpg', mimeType: 'image/jpeg' }] },
    });
  });

  it('shows progress on stderr only when it is a terminal', async () => {
    const args = [
      ZIP_NAME,
      '-o',
      'p.json',
      '--lang',
      'en',
      '--utc-offset',
      '0',
      '--self',
      'Shop',
      '--participant',
      PARTICIPANT,
    ];
    const tty = await run(args, { tty: true });
    expect(tty.status).toBe(0);
    expect(tty.stderr).toMatch(/\rwriting payload {2}100% {2}/u);
  });

  it('reads stdin with -', async () => {
    const { status, stdout } = await run(
      [
        '-',
        '--lang',
        'en-GB',
        '--utc-offset',
        '60',
        '--self',
        'Shop',
        '--participant',
        PARTICIPANT,
        '--media',
        'none',
      ],
      { stdin: new TextEncoder().encode(LOG) },
    );
    expect(status).toBe(0);
    expect(JSON.parse(stdout.text())).toMatchObject({ chat_text: LOG, media_files: [] });
  });

  it.each([
    [['--utc-offset', '0', '--normalize-times'], 'error[E_USAGE]: --normalize-times needs --tz <zone>'],
    [
      ['--utc-offset', '0', '--media', 'some'],
      'error[E_USAGE]: --media takes referenced, all or none, got "some"',
    ],
    [
      ['--utc-offset', '0', '--max-media-bytes', '1e6'],
      'error[E_USAGE]: --max-media-bytes takes a whole number of bytes, got "1e6"',
    ],
    [
      ['--utc-offset', '0', '--participant', 'Anna'],
      'error[E_INVALID_OPTION]: --participant expects "<handle>=<phone>": got "Anna"',
    ],
    [['--utc-offset', '0', '--bogus'], 'error[E_USAGE]: '],
  ])('exits 2 on usage errors: %j', async (args, line) => {
    const { status, stderr, stdout } = await run([ZIP_NAME, ...args]);
    expect(status).toBe(2);
    expect(stderr.startsWith(line)).toBe(true);
    expect(stdout.bytes().length).toBe(0);
  });

  it('exits 1 without an offset: E_NO_UTC_OFFSET with a hint', async () => {
    const { status, stderr } = await run([ZIP_NAME, '--lang', 'en']);
    expect(status).toBe(1);
    const [first, second] = stderr.split('\n');
    expect(first).toMatch(/^error\[E_NO_UTC_OFFSET\]: no UTC offset given/u);
    expect(second).toMatch(/^ {2}hint: pass --tz <zone>/u);
  });

  it('exits 1 for a group chat, leaving no file behind', async () => {
    await writeFiles(temp.path, {
      'group.txt': `${LOG}10/03/2022, 11:04 - Ben: me too\n`,
    });
    const { status, stderr } = await run([
      'group.txt',
      '-o',
      'out.json',
      '--utc-offset',
      '0',
      '--lang',
      'en',
    ]);
    expect(status).toBe(1);
    expect(stderr).toBe(
      'error[E_GROUP_CHAT]: group chats cannot be imported: the log has 3 authors, so it is a group chat\n' +
        '  hint: the inbox imports 1:1 chats only; export the chat with the customer instead\n',
    );
    expect((await readdir(temp.path)).filter((name) => name.includes('out.json'))).toEqual([]);
  });

  it('exits 1 for strict mode with missing media', async () => {
    await writeFiles(temp.path, { 'chat.txt': LOG });
    const { status, stderr } = await run([
      'chat.txt',
      '--utc-offset',
      '0',
      '--lang',
      'en',
      '--self',
      'Shop',
      '--participant',
      PARTICIPANT,
      '--strict',
    ]);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^error\[E_MEDIA_MISSING\]: 1 referenced media file\(s\) are not in the export: "IMG-20220310-WA0000.jpg"/u,
    );
  });

  it('prints its help', async () => {
    const { status, stdout } = await run(['--help']);
    expect(status).toBe(0);
    expect(stdout.text()).toContain('Usage: wa-import build <input> [options]');
  });
});
