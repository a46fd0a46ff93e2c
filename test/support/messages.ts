/**
 * Arbitrary messages for the record serializers' tests: every optional field present or absent,
 * author, text and file names of any code units, times as the parser makes them (the strings and
 * their millisecond fields agree) or, now and then, without usable millisecond fields (`NaN`), as
 * a message built by hand might be.
 *
 * @module
 */

import { fc } from '@fast-check/vitest';
import type { Message } from '../../src/parse/message.js';

const flagsArb = fc.record({
  edited: fc.boolean(),
  mediaOmitted: fc.boolean(),
  deleted: fc.boolean(),
  unrecognizedSystem: fc.boolean(),
});

const dateArb = fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true });

/** An instant: the ISO string and its milliseconds (or NaN: not given). */
const timestampArb = fc.tuple(dateArb, fc.boolean()).map(([date, known]) => ({
  timestamp: date.toISOString(),
  timestampMs: known ? date.getTime() : Number.NaN,
}));

/** A wall time: the ISO string without zone and its milliseconds read as UTC (or NaN). */
const localTimeArb = fc.tuple(dateArb, fc.boolean()).map(([date, known]) => {
  const localTime = date.toISOString().slice(0, 19);
  return { localTime, localTimeMs: known ? Date.parse(`${localTime}Z`) : Number.NaN };
});

/**
 * Messages as records see them; `kind`, `mediaType` and `language` from the parser's own values
 * (the serializers write them unescaped).
 *
 * @example
 * ```ts
 * test.prop([messageArb])('…', (message) => { … });
 * ```
 */
export const messageArb: fc.Arbitrary<Message> = fc
  .record({
    line: fc.nat(),
    time: timestampArb,
    local: localTimeArb,
    author: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
    text: fc.string({ unit: 'binary' }),
    system: fc.boolean(),
    attachment: fc.option(fc.record({ fileName: fc.string({ unit: 'binary' }) }), { nil: null }),
    kind: fc.constantFrom('text', 'attachment', 'system', 'deleted'),
    flags: flagsArb,
    // Small counts take cached record endings, larger ones are written out.
    lineCount: fc.oneof(fc.nat({ max: 70 }), fc.nat()),
    mediaType: fc.option(fc.constantFrom('image', 'video'), { nil: undefined }),
    language: fc.option(fc.constantFrom('en', 'zh-TW'), { nil: undefined }),
  })
  .map(({ time, local, mediaType, language, ...rest }) => ({
    ...rest,
    ...time,
    ...local,
    ...(mediaType !== undefined ? { mediaType } : {}),
    ...(language !== undefined ? { language } : {}),
  })) as fc.Arbitrary<Message>;
