import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { coalesce } from '../../src/archive/coalesce.js';

async function* from(chunks: readonly Uint8Array[]): AsyncIterable<Uint8Array> {
  yield* chunks;
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of source) out.push(chunk);
  return out;
}

function concat(chunks: readonly Uint8Array[]): number[] {
  return chunks.flatMap((chunk) => [...chunk]);
}

describe('coalesce', () => {
  test.prop(
    [fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 30 }), fc.integer({ min: 1, max: 100 })],
    { numRuns: 500 },
  )('keeps every byte in order, in chunks of at least the minimum but the last', async (chunks, minBytes) => {
    const out = await collect(coalesce(from(chunks), minBytes));
    expect(concat(out)).toEqual(concat(chunks));
    for (const chunk of out.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(minBytes);
    for (const chunk of out) expect(chunk.length).toBeGreaterThan(0);
  });

  it('passes a chunk that is large enough through as it is, without copying', async () => {
    const big = new Uint8Array(300);
    const out = await collect(coalesce(from([big, new Uint8Array(5), new Uint8Array(5)]), 100));
    expect(out[0]).toBe(big);
    expect(out.map((chunk) => chunk.length)).toEqual([300, 10]);
  });

  it('passes errors of the source through', async () => {
    async function* failing(): AsyncIterable<Uint8Array> {
      yield new Uint8Array(3);
      throw new Error('read failed');
    }
    await expect(collect(coalesce(failing(), 100))).rejects.toThrow('read failed');
  });
});
