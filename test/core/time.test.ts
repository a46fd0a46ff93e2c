import { afterEach, describe, expect, test } from 'vitest';
import { isWaImportError, type ParseOptions, parseChatText, type WaImportError } from '../../src/index.js';

describe('fixed offsets', () => {
  const log = '10/03/2022, 11:00 - Customer 1: Message 1';

  test('the example from the issue: +60 → 10:00 UTC', () => {
    const { messages, info } = parseChatText(log, { utcOffsetMinutes: 60 });
    expect(messages[0]).toMatchObject({
      line: 1,
      timestamp: '2022-03-10T10:00:00.000Z',
      localTime: '2022-03-10T11:00:00',
      author: 'Customer 1',
      text: 'Message 1',
      system: false,
      attachment: null,
    });
    expect(info.timeBasis).toBe('UTC+01:00');
    expect(info.utcAssumed).toBe(false);
  });

  test.each([
    [-330, '2022-03-10T16:30:00.000Z', 'UTC-05:30'],
    [-720, '2022-03-10T23:00:00.000Z', 'UTC-12:00'],
    [345, '2022-03-10T05:15:00.000Z', 'UTC+05:45'],
    [840, '2022-03-09T21:00:00.000Z', 'UTC+14:00'],
  ])('offset %i minutes', (offset, timestamp, label) => {
    const { messages, info } = parseChatText(log, { utcOffsetMinutes: offset });
    expect(messages[0]?.timestamp).toBe(timestamp);
    expect(messages[0]?.localTime).toBe('2022-03-10T11:00:00');
    expect(info.timeBasis).toBe(label);
  });

  test('no offset or zone: read as UTC and flagged', () => {
    const { messages, info } = parseChatText(log);
    expect(messages[0]?.timestamp).toBe('2022-03-10T11:00:00.000Z');
    expect(info.utcAssumed).toBe(true);
  });
});

describe('IANA zone across daylight-saving transitions (Europe/Berlin, 2022)', () => {
  // Spring forward: 27 March 02:00 CET → 03:00 CEST. Fall back: 30 October 03:00 CEST → 02:00 CET.
  const log = [
    '27/03/2022, 01:30 - A: before the gap', // CET (+1) → 00:30Z
    '27/03/2022, 02:30 - A: in the gap', // does not exist → moved forward one hour: 03:30 CEST = 01:30Z
    '27/03/2022, 03:30 - A: after the gap', // CEST (+2) → 01:30Z
    '30/10/2022, 02:30 - A: in the overlap', // exists twice → earlier instant, CEST: 00:30Z
    '30/10/2022, 03:30 - A: after the overlap', // CET (+1) → 02:30Z
    '01/07/2022, 12:00 - A: summer', // out of order on purpose: CEST → 10:00Z
  ].join('\n');
  const options: ParseOptions = { timeZone: 'Europe/Berlin' };

  test('instants, counters and offset changes', () => {
    const { messages, info } = parseChatText(log, options);
    expect(messages.map((m) => m.timestamp)).toEqual([
      '2022-03-27T00:30:00.000Z',
      '2022-03-27T01:30:00.000Z',
      '2022-03-27T01:30:00.000Z',
      '2022-10-30T00:30:00.000Z',
      '2022-10-30T02:30:00.000Z',
      '2022-07-01T10:00:00.000Z',
    ]);
    expect(messages.map((m) => m.localTime.slice(11))).toEqual([
      '01:30:00',
      '02:30:00',
      '03:30:00',
      '02:30:00',
      '03:30:00',
      '12:00:00',
    ]);
    expect(info.nonexistentTimes).toBe(1);
    expect(info.ambiguousTimes).toBe(1);
    expect(info.offsetChanges).toEqual([
      { line: 2, fromMinutes: 60, toMinutes: 120 },
      { line: 5, fromMinutes: 120, toMinutes: 60 },
      { line: 6, fromMinutes: 60, toMinutes: 120 },
    ]);
    expect(info.timeBasis).toBe('Europe/Berlin');
  });

  test('a southern-hemisphere zone with a 30-minute shift (Australia/Lord_Howe)', () => {
    // Lord Howe: +11 in summer, +10:30 in winter; 2022-04-03 02:00 → 01:30 (overlap 01:30–02:00).
    const { messages, info } = parseChatText(
      '03/04/2022, 01:45 - A: overlap\n03/04/2022, 12:00 - A: winter\n13/01/2022, 12:00 - A: summer',
      { timeZone: 'Australia/Lord_Howe' },
    );
    expect(messages.map((m) => m.timestamp)).toEqual([
      '2022-04-02T14:45:00.000Z', // earlier reading, +11:00
      '2022-04-03T01:30:00.000Z', // +10:30
      '2022-01-13T01:00:00.000Z', // +11:00
    ]);
    expect(info.ambiguousTimes).toBe(1);
  });

  describe('never the host zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    test.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/Berlin'])(
      'TZ=%s gives identical results',
      (hostZone) => {
        process.env.TZ = 'UTC';
        const reference = parseChatText(log, options);
        const fixed = parseChatText(log, { utcOffsetMinutes: -300 });
        process.env.TZ = hostZone;
        // The host zone really changed for this process.
        expect(new Date(Date.UTC(2022, 6, 1)).getTimezoneOffset()).toBe(
          {
            UTC: 0,
            'America/New_York': 240,
            'Asia/Kolkata': -330,
            'Australia/Lord_Howe': -630,
            'Europe/Berlin': -120,
          }[hostZone],
        );
        expect(parseChatText(log, options)).toEqual(reference);
        expect(parseChatText(log, { utcOffsetMinutes: -300 })).toEqual(fixed);
        expect(reference.messages[1]?.timestamp).toBe('2022-03-27T01:30:00.000Z');
      },
    );
  });
});

describe('options validation', () => {
  function invalid(options: ParseOptions): WaImportError {
    try {
      parseChatText('', options);
    } catch (error) {
      expect(isWaImportError(error, 'E_INVALID_OPTION')).toBe(true);
      return error as WaImportError;
    }
    throw new Error(`expected E_INVALID_OPTION for ${JSON.stringify(options)}`);
  }

  test('offset and zone together', () => {
    expect(invalid({ utcOffsetMinutes: 60, timeZone: 'Europe/Berlin' }).message).toBe(
      'give either utcOffsetMinutes or timeZone, not both',
    );
  });

  test.each([1.5, -721, 841, Number.NaN])('utcOffsetMinutes %s', (offset) => {
    expect(invalid({ utcOffsetMinutes: offset }).message).toMatch(/^utcOffsetMinutes must be .*, got /u);
  });

  test.each(['Mars/Olympus', '', 'Europe/Berlin '])('timeZone "%s"', (zone) => {
    const error = invalid({ timeZone: zone });
    expect(error.message).toBe(`unknown IANA time zone, got "${zone}"`);
    expect(error.hint).toMatch(/Europe\/Berlin/u);
  });

  test('dateOrder and language', () => {
    expect(invalid({ dateOrder: 'ydm' as never }).message).toBe(
      'dateOrder must be dmy, mdy or ymd, got "ydm"',
    );
    expect(invalid({ language: 'not a tag!' }).message).toMatch(
      /^language must be a BCP 47 tag .*got "not a tag!"$/u,
    );
  });

  test.each([
    ['lookaheadHeaders', 0],
    ['lookaheadChars', -1],
    ['maxLineLength', 2.5],
    ['maxMessageLength', Number.POSITIVE_INFINITY],
  ])('%s = %s', (name, value) => {
    expect(invalid({ [name]: value }).message).toBe(`${name} must be a positive integer, got ${value}`);
  });

  test('valid options pass', () => {
    expect(() => parseChatText('', { timeZone: 'UTC', language: 'pt-BR', dateOrder: 'ymd' })).not.toThrow();
  });
});

describe('hard limits', () => {
  test('a line longer than maxLineLength throws E_LINE_TOO_LONG with the line number', () => {
    let caught: unknown;
    try {
      parseChatText(`10/03/2022, 11:00 - A: ok\n${'x'.repeat(50)}\n`, { maxLineLength: 40 });
    } catch (error) {
      caught = error;
    }
    expect(isWaImportError(caught, 'E_LINE_TOO_LONG')).toBe(true);
    expect((caught as WaImportError).line).toBe(2);
  });

  test('a message longer than maxMessageLength throws E_MESSAGE_TOO_LARGE', () => {
    const log = `10/03/2022, 11:00 - A: start\n${'more text\n'.repeat(20)}`;
    expect(() => parseChatText(log, { maxMessageLength: 100 })).toThrow(/longer than 100 characters/u);
  });
});

describe('day-period words with an apostrophe', () => {
  // Dutch tables write `'s avonds`; a phone may print the typographic `’s avonds`. Both are the
  // same word: 18:00–24:00, so 9:41 in the evening is 21:41.
  test.each(["'", '’'])('reads `9:41 %ss avonds` as 21:41', (apostrophe) => {
    const log = [
      `27-03-2022 9:41 ${apostrophe}s avonds - Ann: hoi`,
      `27-03-2022 10:02 ${apostrophe}s avonds - Bob: doei`,
      `28-03-2022 7:15 ${apostrophe}s ochtends - Ann: goedemorgen`,
    ].join('\n');
    const { messages, info } = parseChatText(log, { utcOffsetMinutes: 0, language: 'nl' });
    expect(info.format?.clock).toBe('12h');
    expect(messages.map((m) => [m.localTime, m.author])).toEqual([
      ['2022-03-27T21:41:00', 'Ann'],
      ['2022-03-27T22:02:00', 'Bob'],
      ['2022-03-28T07:15:00', 'Ann'],
    ]);
  });
});
