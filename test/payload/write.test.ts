import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isWaImportError } from '../../src/errors.js';
import { buildChatImport } from '../../src/payload/build.js';
import { chatImportSize } from '../../src/payload/size.js';
import type { ChatImportSource } from '../../src/payload/source.js';
import { writeChatImport } from '../../src/payload/write.js';
import { anyText, collector, cuts, e164, expectedObject, iterate, mediaOf, splitAt } from './helpers.js';

const base = {
  participants: [{ handle: 'Anna Schmidt', phone_number: '+4915123456789' }],
  utcOffsetMinutes: 60,
  deviceLanguageCode: 'de-DE',
} as const;

const mediaArb = fc.record({
  fileName: anyText.filter((name) => name !== ''),
  mimeType: fc.constantFrom('image/jpeg', 'audio/ogg; codecs=opus', 'application/pdf'),
  bytes: fc.uint8Array({ maxLength: 200 }),
  cuts,
});

const sourceArb = fc.record({
  chatText: anyText,
  textCuts: cuts,
  streamed: fc.boolean(),
  participants: fc.array(fc.record({ handle: anyText, phone_number: e164 }), { maxLength: 2 }),
  utcOffsetMinutes: fc.integer({ min: -720, max: 840 }),
  deviceLanguageCode: fc.constantFrom('en-US', 'de', 'pt-BR', 'zh-Hant-TW'),
  media: fc.array(mediaArb, { maxLength: 3 }),
  chunkSize: fc.integer({ min: 1, max: 100 }),
});

type Generated = typeof sourceArb extends fc.Arbitrary<infer T> ? T : never;

function toSource(g: Generated): ChatImportSource {
  const pieces = splitAt(g.chatText, g.textCuts);
  return {
    chatText: g.streamed ? () => iterate(pieces) : g.chatText,
    participants: g.participants,
    utcOffsetMinutes: g.utcOffsetMinutes,
    deviceLanguageCode: g.deviceLanguageCode,
    media: g.media.map((m) => mediaOf(m.fileName, m.mimeType, splitAt(m.bytes, m.cuts))),
  };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('writeChatImport', () => {
  test('writes exactly JSON.stringify of the equivalent object, for any text, bytes and chunking', async () => {
    await fc.assert(
      fc.asyncProperty(sourceArb, async (g) => {
        const source = toSource(g);
        const expected = Buffer.from(JSON.stringify(expectedObject(g.chatText, source, g.media)), 'utf8');
        const out = collector();
        const { bytesWritten } = await writeChatImport(source, out.writable, { chunkSize: g.chunkSize });
        expect(out.bytes().equals(expected)).toBe(true);
        expect(bytesWritten).toBe(expected.length);
        expect(await chatImportSize(source)).toBe(expected.length);
        expect(Buffer.from(JSON.stringify(await buildChatImport(source))).equals(expected)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  test('keeps the key order of ChatImport', async () => {
    const out = collector();
    await writeChatImport(
      { ...base, chatText: 'hi', media: [mediaOf('a.jpg', 'image/jpeg', [Uint8Array.of(1)])] },
      out.writable,
    );
    expect(out.bytes().toString('utf8')).toBe(
      '{"chat_text":"hi","chat_participants":[{"handle":"Anna Schmidt","phone_number":"+4915123456789"}],' +
        '"utc_offset_minutes":60,"device_language_code":"de-DE",' +
        '"media_files":[{"b64_content":"AQ==","mime_type":"image/jpeg","file_name":"a.jpg"}]}',
    );
  });

  test('writes only the API keys of a participant, in the API order', async () => {
    const contact = { phone_number: '+4915123456789', extra: 1, handle: 'Anna' };
    const out = collector();
    await writeChatImport({ ...base, participants: [contact], chatText: '', media: [] }, out.writable);
    expect(out.bytes().toString()).toContain('[{"handle":"Anna","phone_number":"+4915123456789"}]');
  });

  test('waits for drain when write() returns false (slow writable, tiny highWaterMark)', async () => {
    const out = collector({ highWaterMark: 1, delayMs: 1 });
    let refused = 0;
    let writesWhileBuffered = 0;
    const write = out.writable.write.bind(out.writable);
    out.writable.write = ((chunk: Buffer) => {
      if (out.writable.writableLength > 0) writesWhileBuffered += 1;
      const ready = write(chunk);
      if (!ready) refused += 1;
      return ready;
    }) as typeof out.writable.write;
    const text = 'line with "quotes" and \u2028\n'.repeat(200);
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => i % 251);
    const source: ChatImportSource = {
      ...base,
      chatText: text,
      media: [mediaOf('doc.pdf', 'application/pdf', splitAt(bytes, [1000, 2001, 3500]))],
    };
    await writeChatImport(source, out.writable, { chunkSize: 512 });
    expect(refused).toBeGreaterThan(10);
    expect(writesWhileBuffered).toBe(0);
    const expected = JSON.stringify(
      expectedObject(text, source, [{ fileName: 'doc.pdf', mimeType: 'application/pdf', bytes }]),
    );
    expect(out.bytes().toString('utf8')).toBe(expected);
  });

  test('reports progress up to the exact total', async () => {
    const source: ChatImportSource = { ...base, chatText: 'é'.repeat(1000), media: [] };
    const calls: [number, number][] = [];
    const out = collector();
    await writeChatImport(source, out.writable, {
      chunkSize: 100,
      onProgress: (done, total) => calls.push([done, total]),
    });
    const total = await chatImportSize(source);
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.at(-1)).toEqual([total, total]);
    expect(calls.every(([, t]) => t === total)).toBe(true);
    expect(calls.every(([done], i) => i === 0 || done > (calls[i - 1]?.[0] ?? 0))).toBe(true);
  });

  test('a media file shorter than its size is E_WRITE_FAILED naming the file', async () => {
    const source: ChatImportSource = {
      ...base,
      chatText: 'x',
      media: [mediaOf('IMG-20220310-WA0000.jpg', 'image/jpeg', [Uint8Array.of(1, 2, 3)], 4)],
    };
    const error = await caught(writeChatImport(source, collector().writable));
    expect(isWaImportError(error, 'E_WRITE_FAILED')).toBe(true);
    expect(error).toMatchObject({ entry: 'IMG-20220310-WA0000.jpg' });
    expect((error as Error).message).toBe(
      'media file "IMG-20220310-WA0000.jpg" changed while writing: expected 4 bytes, got 3',
    );
  });

  test('a media file longer than its size fails before the extra bytes are written', async () => {
    const source: ChatImportSource = {
      ...base,
      chatText: 'x',
      media: [
        mediaOf('b.bin', 'application/octet-stream', [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)], 3),
      ],
    };
    const out = collector();
    const error = await caught(writeChatImport(source, out.writable, { chunkSize: 1 }));
    expect(isWaImportError(error, 'E_WRITE_FAILED')).toBe(true);
    expect((error as Error).message).toContain('"b.bin"');
    expect(out.bytes().toString()).toContain('"b64_content":"AQID');
    expect(out.bytes().toString()).not.toContain('BAUG');
  });

  test('a chat text that changes between the measuring and the writing pass is E_WRITE_FAILED', async () => {
    let pass = 0;
    const source: ChatImportSource = {
      ...base,
      chatText: () => iterate([pass++ === 0 ? 'short' : 'longer text']),
      media: [],
    };
    const totalBytes = await chatImportSize(source);
    const error = await caught(writeChatImport(source, collector().writable, { totalBytes }));
    expect(isWaImportError(error, 'E_WRITE_FAILED')).toBe(true);
    expect((error as Error).message).toContain(`longer than the ${totalBytes} bytes announced`);
  });

  test('a shorter chat text on the second pass is E_WRITE_FAILED too', async () => {
    let pass = 0;
    const source: ChatImportSource = {
      ...base,
      chatText: () => iterate([pass++ === 0 ? 'longer' : 'x']),
      media: [],
    };
    const totalBytes = await chatImportSize(source);
    const error = await caught(writeChatImport(source, collector().writable, { totalBytes }));
    expect(isWaImportError(error, 'E_WRITE_FAILED')).toBe(true);
    expect((error as Error).message).toContain(`not the ${totalBytes} announced`);
  });

  test('an aborted signal stops the writer with E_ABORTED and closes the media stream', async () => {
    const controller = new AbortController();
    let closed = false;
    let opened: AbortSignal | undefined;
    const source: ChatImportSource = {
      ...base,
      chatText: 'x',
      media: [
        {
          fileName: 'v.mp4',
          mimeType: 'video/mp4',
          size: 30,
          open: (signal) => {
            opened = signal;
            return (async function* () {
              try {
                for (let i = 0; i < 10; i += 1) {
                  if (i === 2) controller.abort();
                  yield Uint8Array.of(1, 2, 3);
                }
              } finally {
                closed = true;
              }
            })();
          },
        },
      ],
    };
    const error = await caught(writeChatImport(source, collector().writable, { signal: controller.signal }));
    expect(isWaImportError(error, 'E_ABORTED')).toBe(true);
    expect(closed).toBe(true);
    expect(opened).toBe(controller.signal);
  });

  test('a failing writable is E_WRITE_FAILED', async () => {
    const writable = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        callback(new Error('disk full'));
      },
    });
    const error = await caught(
      writeChatImport({ ...base, chatText: 'a'.repeat(1000), media: [] }, writable, { chunkSize: 10 }),
    );
    expect(isWaImportError(error, 'E_WRITE_FAILED')).toBe(true);
  });

  test('a destroyed writable is E_WRITE_FAILED', async () => {
    const out = collector();
    out.writable.destroy();
    const error = await caught(writeChatImport({ ...base, chatText: 'a', media: [] }, out.writable));
    expect(isWaImportError(error, 'E_WRITE_FAILED')).toBe(true);
  });

  test('leaves the writable open with end: false', async () => {
    const out = collector();
    await writeChatImport({ ...base, chatText: 'a', media: [] }, out.writable, { end: false });
    expect(out.writable.writableEnded).toBe(false);
    const done = collector();
    await writeChatImport({ ...base, chatText: 'a', media: [] }, done.writable);
    expect(done.writable.writableFinished).toBe(true);
  });

  test('validates the source before writing anything', async () => {
    const out = collector();
    const error = await caught(
      writeChatImport({ ...base, chatText: 'a', media: [], utcOffsetMinutes: 90.5 }, out.writable),
    );
    expect(isWaImportError(error, 'E_NO_UTC_OFFSET')).toBe(true);
    expect(out.chunks).toHaveLength(0);
  });

  test('a media stream of strings is E_READ_FAILED', async () => {
    const media = {
      fileName: 't.txt',
      mimeType: 'text/plain',
      size: 2,
      open: () => iterate(['hi'] as unknown as Uint8Array[]),
    };
    const error = await caught(
      writeChatImport({ ...base, chatText: '', media: [media] }, collector().writable),
    );
    expect(isWaImportError(error, 'E_READ_FAILED')).toBe(true);
  });

  test('streams real files into a real file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wa-import-payload-'));
    try {
      const mediaPath = join(dir, 'PTT-20240101-WA0001.opus');
      const logPath = join(dir, '_chat.txt');
      const bytes = randomBytes(100_003);
      const log = '[01.01.24, 10:00:00] Anna: \u200e<attached: PTT-20240101-WA0001.opus>\r\n'.repeat(500);
      await writeFile(mediaPath, bytes);
      await writeFile(logPath, log, 'utf8');
      const source: ChatImportSource = {
        ...base,
        chatText: () => createReadStream(logPath, { encoding: 'utf8', highWaterMark: 1000 }),
        media: [
          {
            fileName: 'PTT-20240101-WA0001.opus',
            mimeType: 'audio/ogg',
            size: (await stat(mediaPath)).size,
            open: (signal) =>
              createReadStream(mediaPath, {
                highWaterMark: 4099,
                ...(signal === undefined ? {} : { signal }),
              }),
          },
        ],
      };
      const outPath = join(dir, 'body.json');
      const totalBytes = await chatImportSize(source);
      const { bytesWritten } = await writeChatImport(source, createWriteStream(outPath), { totalBytes });
      const written = await readFile(outPath);
      expect(bytesWritten).toBe(totalBytes);
      expect(written.length).toBe(totalBytes);
      const body = JSON.parse(written.toString('utf8'));
      expect(body.chat_text).toBe(log);
      expect(Buffer.from(body.media_files[0].b64_content, 'base64').equals(bytes)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
