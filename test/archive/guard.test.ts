import { describe, expect, it } from 'vitest';
import { checkEntryCount, DeclaredSizeBudget, guardBytes } from '../../src/archive/guard.js';
import { DEFAULT_LIMITS, resolveLimits } from '../../src/archive/index.js';
import { WaImportError } from '../../src/errors.js';
import { codeOf, rejection } from './helpers.js';

const MIB = 1024 * 1024;

async function drain(source: AsyncIterable<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of source) bytes += chunk.byteLength;
  return bytes;
}

async function* chunks(sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  for (const size of sizes) yield new Uint8Array(size);
}

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxEntries: 100_000,
      maxEntryBytes: 4 * 1024 ** 3,
      maxTotalBytes: 16 * 1024 ** 3,
      maxCompressionRatio: 200,
      ratioThresholdBytes: MIB,
    });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });

  it('merges overrides', () => {
    expect(resolveLimits({ maxEntries: 10, maxCompressionRatio: 12.5 })).toEqual({
      ...DEFAULT_LIMITS,
      maxEntries: 10,
      maxCompressionRatio: 12.5,
    });
  });

  it.each([
    [{ maxEntries: -1 }, 'invalid archive limit: maxEntries must be a positive integer, got -1'],
    [{ maxEntryBytes: 1.5 }, 'invalid archive limit: maxEntryBytes must be a positive integer, got 1.5'],
    [
      { maxCompressionRatio: 0 },
      'invalid archive limit: maxCompressionRatio must be a positive number, got 0',
    ],
    [{ maxBananas: 1 } as object, 'unknown archive limit: expected one of'],
  ])('rejects %j', (overrides, message) => {
    expect(() => resolveLimits(overrides)).toThrow(message);
    try {
      resolveLimits(overrides);
    } catch (error) {
      expect(codeOf(error)).toBe('E_INVALID_OPTION');
    }
  });
});

describe('declared sizes', () => {
  it('counts entries', () => {
    expect(() => checkEntryCount(3, resolveLimits({ maxEntries: 3 }))).not.toThrow();
    let error: unknown;
    try {
      checkEntryCount(4, resolveLimits({ maxEntries: 3 }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WaImportError);
    expect(error).toMatchObject({
      code: 'E_ZIP_TOO_MANY_ENTRIES',
      message: 'too many entries in the export: the limit is 3, got 4',
    });
  });

  it('rejects a large entry, a bomb ratio and a large total', () => {
    const limits = resolveLimits({ maxEntryBytes: 10 * MIB, maxTotalBytes: 12 * MIB });
    const budget = new DeclaredSizeBudget(limits);
    expect(() =>
      budget.admit({ path: 'big.mp4', declaredBytes: 10 * MIB + 1, compressedBytes: 10 * MIB }),
    ).toThrow('export entry too large: big.mp4 is over the 10485760-byte limit, got 10485761 bytes');
    expect(() => budget.admit({ path: 'bomb.txt', declaredBytes: 2 * MIB, compressedBytes: 10_000 })).toThrow(
      'suspicious compression ratio: bomb.txt inflates more than 200:1, got 210:1 (2097152 bytes from 10000)',
    );
    budget.admit({ path: 'a.jpg', declaredBytes: 8 * MIB, compressedBytes: 8 * MIB });
    expect(budget.totalBytes).toBe(8 * MIB);
    let error: unknown;
    try {
      budget.admit({ path: 'b.jpg', declaredBytes: 5 * MIB, compressedBytes: 5 * MIB });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'E_ZIP_TOO_LARGE', entry: 'b.jpg' });
    expect(budget.totalBytes).toBe(8 * MIB);
  });

  it('lets small entries compress wildly (ratio only above the threshold)', () => {
    const budget = new DeclaredSizeBudget(DEFAULT_LIMITS);
    expect(() => budget.admit({ path: 'zeros.txt', declaredBytes: MIB, compressedBytes: 10 })).not.toThrow();
    expect(() =>
      budget.admit({ path: 'plain.txt', declaredBytes: 100, compressedBytes: null }),
    ).not.toThrow();
  });
});

describe('guardBytes', () => {
  const entry = { path: 'IMG.jpg', declaredBytes: 10, compressedBytes: 10 };

  it('passes every byte of an honest entry through', async () => {
    const guarded = guardBytes(chunks([3, 3, 4]), { entry, origin: 'zip', limits: DEFAULT_LIMITS });
    expect(await drain(guarded)).toBe(10);
  });

  it('stops a zip entry that inflates past its declared size', async () => {
    const guarded = guardBytes(chunks([8, 8, 8]), { entry, origin: 'zip', limits: DEFAULT_LIMITS });
    const error = await rejection(drain(guarded));
    expect(error).toMatchObject({
      code: 'E_ZIP_ENTRY_TOO_LARGE',
      entry: 'IMG.jpg',
      message: 'archive entry larger than its header says: IMG.jpg declares 10 bytes, got at least 16',
    });
  });

  it('reports a short zip entry as corrupt and a changed file as a read failure', async () => {
    const short = guardBytes(chunks([4]), { entry, origin: 'zip', limits: DEFAULT_LIMITS });
    expect(await rejection(drain(short))).toMatchObject({
      code: 'E_ZIP_CORRUPT',
      message: 'archive entry truncated: IMG.jpg declares 10 bytes, got 4',
    });
    const grown = guardBytes(chunks([11]), {
      entry: { ...entry, compressedBytes: null },
      origin: 'file',
      limits: DEFAULT_LIMITS,
    });
    expect(await rejection(drain(grown))).toMatchObject({
      code: 'E_READ_FAILED',
      message: 'file changed while reading: IMG.jpg had 10 bytes, got at least 11',
    });
  });

  it('checks the limits against the bytes actually seen', async () => {
    const big = { path: 'v.mp4', declaredBytes: 100, compressedBytes: 100 };
    const tooLarge = guardBytes(chunks([40, 40]), {
      entry: big,
      origin: 'zip',
      limits: resolveLimits({ maxEntryBytes: 64 }),
    });
    expect(await rejection(drain(tooLarge))).toMatchObject({
      code: 'E_ZIP_ENTRY_TOO_LARGE',
      message: 'export entry too large: v.mp4 is over the 64-byte limit, got at least 80 bytes',
    });
    const bomb = { path: 'b.txt', declaredBytes: 4 * MIB, compressedBytes: 1000 };
    const ratio = guardBytes(chunks([MIB, MIB]), { entry: bomb, origin: 'zip', limits: DEFAULT_LIMITS });
    expect(await rejection(drain(ratio))).toMatchObject({ code: 'E_ZIP_RATIO', entry: 'b.txt' });
  });
});
