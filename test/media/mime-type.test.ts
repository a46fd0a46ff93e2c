import { describe, expect, it } from 'vitest';
import type { ExportEntry } from '../../src/archive/index.js';
import { openExport } from '../../src/archive/index.js';
import { detectMimeType, SNIFF_BYTES, sniffMimeType } from '../../src/media/index.js';
import { buildZip } from '../archive/helpers.js';

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));
const u32le = (value: number): number[] => [
  value & 0xff,
  (value >> 8) & 0xff,
  (value >> 16) & 0xff,
  (value >>> 24) & 0xff,
];

/** PNG signature and an IHDR chunk header. */
const PNG = new Uint8Array([
  0x89,
  ...ascii('PNG\r\n\x1a\n'),
  0,
  0,
  0,
  13,
  ...ascii('IHDR'),
  0,
  0,
  0,
  1,
  0,
  0,
  0,
  1,
  8,
  6,
  0,
  0,
  0,
]);
/** JPEG SOI + APP0 JFIF. */
const JPEG = new Uint8Array([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0x00,
  0x10,
  ...ascii('JFIF'),
  0,
  1,
  1,
  0,
  0,
  1,
  0,
  1,
  0,
  0,
]);
/** RIFF container holding a lossy WebP (VP8 ) chunk: what WhatsApp stickers are. */
const WEBP = new Uint8Array([
  ...ascii('RIFF'),
  ...u32le(30),
  ...ascii('WEBPVP8 '),
  ...u32le(18),
  ...new Array(18).fill(0),
]);
/** PDF header line. */
const PDF = new Uint8Array(ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'));
/** An Ogg page whose first packet is an OpusHead: a WhatsApp voice note. */
const OGG_OPUS = new Uint8Array([
  ...ascii('OggS'),
  0, // version
  0x02, // header type: beginning of stream
  ...new Array(8).fill(0), // granule position
  ...u32le(0x1234), // serial
  ...u32le(0), // page sequence
  ...u32le(0), // checksum (not verified by sniffing)
  1, // one segment
  19, // of 19 bytes
  ...ascii('OpusHead'),
  1, // version
  1, // channels
  0x38,
  0x01, // pre-skip
  ...u32le(48_000), // input sample rate
  0,
  0, // output gain
  0, // mapping family
]);
const VCARD = new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n');

function entry(name: string, bytes: Uint8Array): ExportEntry & { readonly heads: number[] } {
  const heads: number[] = [];
  return {
    name,
    path: name,
    size: bytes.byteLength,
    heads,
    open: async () =>
      (async function* () {
        yield bytes;
      })(),
    readHead: async (n) => {
      heads.push(n);
      return bytes.subarray(0, n);
    },
  };
}

describe('sniffMimeType', () => {
  it.each([
    ['IMG-20220310-WA0000.png', PNG, 'image/png'],
    ['00000035-PHOTO-2022-03-27-21-41-55.jpg', JPEG, 'image/jpeg'],
    ['STK-20220310-WA0002.webp', WEBP, 'image/webp'],
    ['00000047-Resume.pdf', PDF, 'application/pdf'],
    ['PTT-20220310-WA0001.opus', OGG_OPUS, 'audio/ogg'],
  ])('recognizes %s by its content', async (name, bytes, mimeType) => {
    expect(await sniffMimeType(bytes, name)).toEqual({ mimeType, detectedBy: 'content' });
  });

  it('trusts the content over a wrong extension', async () => {
    expect(await sniffMimeType(PNG, 'photo.jpg')).toEqual({ mimeType: 'image/png', detectedBy: 'content' });
    expect(await sniffMimeType(OGG_OPUS, 'voice')).toEqual({ mimeType: 'audio/ogg', detectedBy: 'content' });
  });

  it('falls back to the extension for text formats content sniffing cannot see', async () => {
    // file-type knows `BEGIN:VCARD`; a card without it only has its extension (mime-types says text/x-vcard).
    expect(await sniffMimeType(VCARD, '00000042-Ana.vcf')).toEqual({
      mimeType: 'text/vcard',
      detectedBy: 'content',
    });
    const headless = new TextEncoder().encode('VERSION:3.0\r\nFN:Ana\r\n');
    expect(await sniffMimeType(headless, 'ANA.VCF')).toEqual({
      mimeType: 'text/vcard',
      detectedBy: 'extension',
    });
    expect(await sniffMimeType(new TextEncoder().encode('hello'), 'Some file.txt')).toEqual({
      mimeType: 'text/plain',
      detectedBy: 'extension',
    });
    expect(await sniffMimeType(new Uint8Array(0), 'PTT-1.opus')).toEqual({
      mimeType: 'audio/ogg',
      detectedBy: 'extension',
    });
  });

  it('ends with application/octet-stream', async () => {
    const noise = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await sniffMimeType(noise, 'blob')).toEqual({
      mimeType: 'application/octet-stream',
      detectedBy: 'fallback',
    });
    expect(await sniffMimeType(noise, 'x.unknownext')).toEqual({
      mimeType: 'application/octet-stream',
      detectedBy: 'fallback',
    });
  });
});

describe('detectMimeType', () => {
  it('reads the first SNIFF_BYTES of the entry', async () => {
    const sticker = entry('STK-1.webp', WEBP);
    expect(await detectMimeType(sticker)).toBe('image/webp');
    expect(sticker.heads).toEqual([SNIFF_BYTES]);
  });

  it('works on real archive entries', async () => {
    const zip = await buildZip({
      '_chat.txt': 'x',
      'PTT-20220310-WA0001.opus': OGG_OPUS,
      'Ana.vcf': VCARD,
      'd.pdf': PDF,
    });
    const chat = await openExport(zip);
    try {
      const types = await Promise.all(
        chat.mediaEntries.map(async (media) => [media.name, await detectMimeType(media)]),
      );
      expect(types).toEqual([
        ['Ana.vcf', 'text/vcard'],
        ['PTT-20220310-WA0001.opus', 'audio/ogg'],
        ['d.pdf', 'application/pdf'],
      ]);
    } finally {
      await chat.close();
    }
  });
});
