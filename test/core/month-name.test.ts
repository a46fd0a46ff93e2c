/**
 * Old exports with the month as a word (reference §1.2, "Legacy and other platforms") and the
 * inputs that are refused rather than half-parsed (§6 pitfall 12): WhatsApp Viewer output,
 * copy-pasted messages, and month-name logs without a year when no `assumeYear` is given.
 */
import { describe, expect, it } from 'vitest';
import { judgeParse } from '../../src/build/judge-parse.js';
import { toParseOptions } from '../../src/cli/parse-options.js';
import { compileMonthNameGrammar, matchMonthName } from '../../src/format/month-name.js';
import { ChatParser, type Message, parseChatText } from '../../src/index.js';
import { getLexicon } from '../../src/locales/lexicon.js';

const UTC = { utcOffsetMinutes: 0 } as const;
const grammar = compileMonthNameGrammar(getLexicon().meridiemSource);

function pushByChar(text: string, options: ConstructorParameters<typeof ChatParser>[0]): Message[] {
  const parser = new ChatParser(options);
  const out: Message[] = [];
  for (const char of text) out.push(...parser.push(char));
  out.push(...parser.end());
  return out;
}

describe('month-name header matcher', () => {
  it('takes the three legacy shapes apart', () => {
    expect(matchMonthName('Mar 5, 8:11 PM - Ann: hi', grammar)).toMatchObject({
      year: null,
      month: 3,
      day: 5,
      hour: 8,
      minute: 11,
      meridiem: 'PM',
      monthFirst: true,
      timeFirst: false,
    });
    expect(matchMonthName('19:23, 28 Aug 2013 - Tanay Gahlot: hi', grammar)).toMatchObject({
      year: 2013,
      month: 8,
      day: 28,
      hour: 19,
      minute: 23,
      meridiem: null,
      monthFirst: false,
      timeFirst: true,
    });
    expect(matchMonthName('18 Mar 12:14 - Shaggy changed the subject to “The horde”', grammar)).toMatchObject(
      {
        year: null,
        month: 3,
        day: 18,
        hour: 12,
        minute: 14,
        monthFirst: false,
        timeFirst: false,
        restStart: '18 Mar 12:14 - '.length,
      },
    );
  });

  it('knows month words of other languages from CLDR (short and long, format and stand-alone)', () => {
    expect(matchMonthName('5. März, 20:11 - Anna: hallo', grammar)?.month).toBe(3);
    expect(matchMonthName('5 janv., 20:11 - Anne: salut', grammar)?.month).toBe(1);
    expect(matchMonthName('5 марта, 20:11 - Аня: привет', grammar)?.month).toBe(3);
    expect(matchMonthName('5 September 2013, 20:11 - Ann: hi', grammar)?.month).toBe(9);
    expect(matchMonthName('Sept 5, 8:11 PM - Ann: hi', grammar)?.month).toBe(9); // en-GB short form
  });

  it('rejects words that are no month, and reads a word two languages disagree on only with a language', () => {
    expect(matchMonthName('Fun 5, 8:11 PM - Ann: hi', grammar)).toBeNull();
    expect(matchMonthName('5 Mar - Ann: hi', grammar)).toBeNull();
    // `lip` abbreviates lipanj (June) in Croatian and lipiec (July) in Polish.
    expect(matchMonthName('5 lip 2013, 20:11 - Ana: bok', grammar)).toBeNull();
    expect(matchMonthName('5 lip 2013, 20:11 - Ana: bok', grammar, undefined, 'hr-HR')?.month).toBe(6);
    expect(matchMonthName('5 lip 2013, 20:11 - Ana: ahoj', grammar, undefined, 'pl')?.month).toBe(7);
  });
});

describe('month-name exports', () => {
  const yearless = [
    'Mar 5, 8:11 PM - Ann: hi',
    'a second line',
    'Mar 5, 8:12 PM - Bob: yo',
    'Dec 31, 11:59 PM - Ann: late',
    'Jan 1, 12:01 AM - Bob: happy new year',
  ].join('\n');

  it('without assumeYear: refused as missing-year, no message, and the CLI error says to pass --assume-year', () => {
    const { messages, info } = parseChatText(yearless, UTC);
    expect(messages).toEqual([]);
    expect(info.format).toBeNull();
    expect(info.refusal).toEqual({ refused: 'missing-year', example: 'Mar 5, 8:11 PM - Ann: hi', line: 1 });
    const { error } = judgeParse(info, 'chat.txt');
    expect(error?.code).toBe('E_INVALID_DATE');
    expect(error?.message).toBe(
      'chat.txt is an old export whose dates print no year, so no message can be dated: line 1 "Mar 5, 8:11 PM - Ann: hi"',
    );
    expect(error?.hint).toContain('--assume-year');
  });

  it('with assumeYear: dates in that year, rolling into the next at Dec → Jan', () => {
    const { messages, info } = parseChatText(yearless, { ...UTC, assumeYear: 2013 });
    expect(messages.map((m) => [m.line, m.localTime, m.author, m.text])).toEqual([
      [1, '2013-03-05T20:11:00', 'Ann', 'hi\na second line'],
      [3, '2013-03-05T20:12:00', 'Bob', 'yo'],
      [4, '2013-12-31T23:59:00', 'Ann', 'late'],
      [5, '2014-01-01T00:01:00', 'Bob', 'happy new year'],
    ]);
    expect(info.format).toMatchObject({
      os: 'legacy',
      dateOrder: 'mdy',
      dateOrderSource: 'evidence',
      clock: '12h',
      yearSource: 'assumed',
      calendar: 'gregorian',
    });
    expect(judgeParse(info, 'chat.txt').error).toBeNull();
  });

  it('does not roll the year over for a small step back (an out-of-order notice)', () => {
    const { messages } = parseChatText(
      '18 Mar 12:14 - Shaggy changed the subject to “The horde”\n16 Mar 09:00 - Ann: earlier\n2 Feb 10:00 - Ann: next year',
      { ...UTC, assumeYear: 2012 },
    );
    expect(messages.map((m) => m.localTime)).toEqual([
      '2012-03-18T12:14:00',
      '2012-03-16T09:00:00',
      '2012-02-02T10:00:00',
    ]);
    expect(messages[0]).toMatchObject({ author: null, system: true, kind: 'system' });
  });

  it('reads printed years without assumeYear (time first, `19:23, 28 Aug 2013 - `)', () => {
    const log =
      '19:23, 28 Aug 2013 - Tanay Gahlot: Viresh changed the subject\n19:24, 28 Aug 2013 - Viresh: hi\n';
    const { messages, info } = parseChatText(log, UTC);
    expect(messages.map((m) => [m.localTime, m.author])).toEqual([
      ['2013-08-28T19:23:00', 'Tanay Gahlot'],
      ['2013-08-28T19:24:00', 'Viresh'],
    ]);
    expect(info.format).toMatchObject({
      os: 'legacy',
      timeFirst: true,
      dateOrder: 'dmy',
      yearSource: 'printed',
    });
  });

  it('counts an impossible day as an invalid date and keeps the line in the previous message', () => {
    const { messages, info } = parseChatText('Feb 28, 9:00 AM - Ann: a\nFeb 30, 9:00 AM - Ann: b', {
      ...UTC,
      assumeYear: 2013,
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toBe('a\nFeb 30, 9:00 AM - Ann: b');
    expect(info.invalidDates).toBe(1);
  });

  it('rolls the year over once, whatever invalid lines come between', () => {
    const { messages, info } = parseChatText(
      'Dec 31, 11:59 PM - Ann: a\nJan 32, 0:01 AM - Ann: not a date\nJan 1, 0:02 AM - Ann: b\nJan 3, 9:00 AM - Ann: c',
      { ...UTC, assumeYear: 2013 },
    );
    expect(messages.map((m) => m.localTime)).toEqual([
      '2013-12-31T23:59:00',
      '2014-01-01T00:02:00',
      '2014-01-03T09:00:00',
    ]);
    expect(info.invalidDates).toBe(1);
  });

  it('gives the same messages pushed one character at a time', () => {
    const options = { ...UTC, assumeYear: 2013 };
    expect(pushByChar(yearless, options)).toEqual(parseChatText(yearless, options).messages);
  });

  it('never replaces the main grammar: a numeric export with a month-name line in a body is unchanged', () => {
    const { messages, info } = parseChatText(
      '10/03/2022, 11:00 - Ann: see\nMar 5, 8:11 PM - Bob: quoted',
      UTC,
    );
    expect(info.format?.os).toBe('android');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.lineCount).toBe(2);
  });

  it('validates assumeYear once, and maps --assume-year', () => {
    expect(() => new ChatParser({ assumeYear: 13 })).toThrow(/assumeYear must be a 4-digit year/u);
    expect(() => new ChatParser({ assumeYear: 2013.5 })).toThrow(/assumeYear/u);
    expect(toParseOptions({ 'assume-year': '2013' })).toEqual({ assumeYear: 2013 });
    expect(() => toParseOptions({ 'assume-year': '13' })).toThrow(/--assume-year takes a 4-digit year/u);
  });
});

describe('refused inputs', () => {
  it('WhatsApp Viewer output: refused as viewer, E_NOT_AN_EXPORT with a hint', () => {
    const log = '01.04.2015 - 16:00:27; ME: text\n01.04.2015 - 16:00:29; Bob: yo\n';
    const { messages, info } = parseChatText(log, UTC);
    expect(messages).toEqual([]);
    expect(info.refusal).toEqual({ refused: 'viewer', example: '01.04.2015 - 16:00:27; ME: text', line: 1 });
    const { error } = judgeParse(info, 'chat.txt');
    expect(error?.code).toBe('E_NOT_AN_EXPORT');
    expect(error?.message).toBe(
      'chat.txt looks like the output of WhatsApp Viewer (a third-party tool), not a WhatsApp export: line 1 "01.04.2015 - 16:00:27; ME: text"',
    );
    expect(error?.hint).toContain('Export chat');
  });

  it('copy-paste output is still refused with its own message', () => {
    const { info } = parseChatText('[10:35, 7/12/2017] Ann: hi\n[10:36, 7/12/2017] Bob: yo', UTC);
    expect(info.refusal?.refused).toBe('copy-paste');
    const { error } = judgeParse(info, 'chat.txt');
    expect(error?.code).toBe('E_NOT_AN_EXPORT');
    expect(error?.message).toContain('copied with "Copy"');
  });

  it('plain text with no headers is still "no headers found"', () => {
    const { info } = parseChatText('hello\nworld', UTC);
    expect(info.refusal).toBeNull();
    expect(judgeParse(info, 'notes.txt').error?.message).toContain('no WhatsApp message headers found');
  });
});
