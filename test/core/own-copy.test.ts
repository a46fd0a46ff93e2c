import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ownCopy } from '../../src/text/own-copy.js';

describe('ownCopy', () => {
  // Whether the copy shares memory with its parent is V8's business and is measured where memory
  // is (`npm run bench:build`, the long text-only chat); here: the copy is the same text.
  test.prop([fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(), fc.nat()])(
    'is the same text as the slice it copies, whatever its length',
    (text, from, to) => {
      const [start, end] = from <= to ? [from, to] : [to, from];
      const slice = text.slice(start % (text.length + 1), end % (text.length + 1));
      expect(ownCopy(slice)).toBe(slice);
    },
  );
});
