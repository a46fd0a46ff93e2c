/**
 * A tiny zip writer for tests that need bytes no zip library writes on purpose: zip64 records for
 * small entries, the encrypted flag, sizes that lie, names with `..` or backslashes.
 */

import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  /** Written as is (UTF-8, flag bit 11 set). */
  readonly name: string;
  readonly data: Uint8Array | string;
  /** 0 stored, 8 deflate (default). */
  readonly method?: 0 | 8;
  /** Extra general-purpose flags (bit 0 = encrypted). */
  readonly flags?: number;
  /** Uncompressed size written in the headers instead of the real one. */
  readonly declaredSize?: number;
}

const UTF8_FLAG = 0x0800;
const ZIP64_MARK32 = 0xffffffff;
const ZIP64_MARK16 = 0xffff;

/** Builds a zip archive; with `zip64`, every size and offset goes through the zip64 records. */
export function buildRawZip(
  entries: readonly RawEntry[],
  options: { readonly zip64?: boolean } = {},
): Uint8Array {
  const zip64 = options.zip64 === true;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const size = entry.declaredSize ?? data.byteLength;
    const flags = UTF8_FLAG | (entry.flags ?? 0);
    const crc = crc32(data);

    const localExtra = zip64 ? extra64([size, body.byteLength]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? ZIP64_MARK32 : body.byteLength, 18);
    local.writeUInt32LE(zip64 ? ZIP64_MARK32 : size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    local.writeUInt16LE(localExtra.byteLength, 28);
    locals.push(local, name, localExtra, body);

    const centralExtra = zip64 ? extra64([size, body.byteLength, offset]) : Buffer.alloc(0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(zip64 ? ZIP64_MARK32 : body.byteLength, 20);
    central.writeUInt32LE(zip64 ? ZIP64_MARK32 : size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt16LE(centralExtra.byteLength, 30);
    central.writeUInt32LE(zip64 ? ZIP64_MARK32 : offset, 42);
    centrals.push(central, name, centralExtra);

    offset += local.byteLength + name.byteLength + localExtra.byteLength + body.byteLength;
  }
  const centralDirectory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(centralDirectory.byteLength), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + centralDirectory.byteLength), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? ZIP64_MARK16 : entries.length, 8);
  end.writeUInt16LE(zip64 ? ZIP64_MARK16 : entries.length, 10);
  end.writeUInt32LE(zip64 ? ZIP64_MARK32 : centralDirectory.byteLength, 12);
  end.writeUInt32LE(zip64 ? ZIP64_MARK32 : offset, 16);
  return new Uint8Array(Buffer.concat([...locals, centralDirectory, ...tail, end]));
}

/** A zip64 extended-information extra field holding the given 8-byte values. */
function extra64(values: readonly number[]): Buffer {
  const field = Buffer.alloc(4 + values.length * 8);
  field.writeUInt16LE(0x0001, 0);
  field.writeUInt16LE(values.length * 8, 2);
  for (const [index, value] of values.entries()) field.writeBigUInt64LE(BigInt(value), 4 + index * 8);
  return field;
}
