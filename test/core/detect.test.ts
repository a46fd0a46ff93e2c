import { describe, expect, test } from 'vitest';
import { parseChatText } from '../../src/index.js';

function lines(dates: readonly string[], author = 'Dmitry S'): string {
  return dates
    .map((date, i) => `${date}, 14:${String(10 + i).padStart(2, '0')} - ${author}: Hello ${i}`)
    .join('\n');
}

describe('date order detection, by source', () => {
  test('override: an explicit dateOrder wins over evidence and says so', () => {
    const { info } = parseChatText(lines(['01/02/22', '02/02/22']), { dateOrder: 'mdy', language: 'de' });
    expect(info.format?.dateOrder).toBe('mdy');
    expect(info.format?.dateOrderSource).toBe('override');
    expect(info.format?.dateOrderReason).toBe('set explicitly (mdy)');
  });

  test('evidence: a field above 12 rules the other orders out, naming the line', () => {
    const { info } = parseChatText(lines(['01/02/2022', '02/02/2022', '13/02/2022']));
    expect(info.format?.dateOrder).toBe('dmy');
    expect(info.format?.dateOrderSource).toBe('evidence');
    expect(info.format?.dateOrderReason).toMatch(/^only dmy gives real dates \(line 3: 13\/02\/2022\)$/u);
  });

  test('evidence: dd.mm.yy read year-first would change the year every day', () => {
    // 13.08.21 … 16.08.21 is also a real date year-first (2013-08-21 …), but then the "year" changes daily.
    const { info, messages } = parseChatText(lines(['13.08.21', '14.08.21', '15.08.21', '16.08.21']));
    expect(info.format?.dateOrder).toBe('dmy');
    expect(info.format?.dateOrderSource).toBe('evidence');
    expect(info.format?.dateOrderReason).toMatch(/day change more often than the year \(day 3, year 0/u);
    expect(messages[3]?.localTime).toBe('2021-08-16T14:13:00');
    // Too few changes to tell: still reported as the default.
    expect(parseChatText(lines(['13.08.21', '14.08.21'])).info.format?.dateOrderSource).toBe('default');
  });

  test('evidence: the order under which dates move forward', () => {
    // dmy: 5 Mar, 9 Mar, 2 Apr, 6 Apr, 3 May, 7 May (forward). mdy: May 3, Sep 3, Feb 4 (back), Jun 4, Mar 5 (back), Jul 5.
    const { messages, info } = parseChatText(
      lines(['05/03/22', '09/03/22', '02/04/22', '06/04/22', '03/05/22', '07/05/22']),
    );
    expect(info.format?.dateOrder).toBe('dmy');
    expect(info.format?.dateOrderSource).toBe('evidence');
    expect(info.format?.dateOrderReason).toMatch(/move forward as dmy/u);
    expect(messages[2]?.localTime).toBe('2022-04-02T14:12:00');
  });

  test('evidence: the field that changes more often is the day', () => {
    // As mdy: 8–12 March (second field changes 4 times); as dmy: 3 Aug … 3 Dec, also forward.
    const { info } = parseChatText(lines(['03/08/22', '03/09/22', '03/10/22', '03/11/22', '03/12/22']));
    expect(info.format?.dateOrder).toBe('mdy');
    expect(info.format?.dateOrderSource).toBe('evidence');
    expect(info.format?.dateOrderReason).toMatch(/second field changes most \(4 vs 0\)/u);
  });

  test('the encryption notice dated after the lines below it does not break DMY detection', () => {
    // dmy: 10 Apr (notice), 5 Mar, 9 Mar, 2 Apr, 6 Apr, 3 May, 7 May → one jump back (the notice).
    // mdy: Oct 4, May 3, Sep 3, Feb 4, Jun 4, Mar 5, Jul 5 → three jumps back.
    const notice =
      '10/04/22, 13:31 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.';
    const { messages, info } = parseChatText(
      `${notice}\n${lines(['05/03/22', '09/03/22', '02/04/22', '06/04/22', '03/05/22', '07/05/22'])}`,
    );
    expect(info.format?.dateOrder).toBe('dmy');
    expect(info.format?.dateOrderSource).toBe('evidence');
    expect(messages[0]).toMatchObject({ system: true, author: null, localTime: '2022-04-10T13:31:00' });
    // The real fixture's shape: notice on 23 March, messages from 18 March.
    const fixture = parseChatText(
      `23/03/2022, 13:31 - ${notice.slice(19)}\n18/03/2022, 14:56 - Dmitry S: Hello\n18/03/2022, 14:57 - Elon: Hi`,
    );
    expect(fixture.info.format?.dateOrder).toBe('dmy');
    expect(fixture.messages.map((m) => m.localTime)).toEqual([
      '2022-03-23T13:31:00',
      '2022-03-18T14:56:00',
      '2022-03-18T14:57:00',
    ]);
  });

  test('language: the device language decides an ambiguous chat', () => {
    const de = parseChatText(lines(['01/02/22', '02/02/22']), { language: 'de-DE' });
    expect(de.info.format?.dateOrder).toBe('dmy');
    expect(de.info.format?.dateOrderSource).toBe('language');
    expect(de.info.format?.dateOrderReason).toMatch(/device language de-DE writes dmy/u);
    const us = parseChatText(lines(['01/02/22', '02/02/22']), { language: 'en-US' });
    expect(us.info.format?.dateOrder).toBe('mdy');
    expect(us.messages[0]?.localTime).toBe('2022-01-02T14:10:00');
  });

  test('language: inferred from the log’s strings when none is given (English gives none)', () => {
    const { info } = parseChatText(
      '01/02/22, 14:56 - Dmitry S: Diese Nachricht wurde gelöscht\n02/02/22, 14:57 - Dmitry S: <Medien ausgeschlossen>',
    );
    expect(info.format?.dateOrderSource).toBe('language');
    expect(info.format?.dateOrderReason).toMatch(/inferred from the log de/u);
    const english = parseChatText(
      '01/02/22, 14:56 - Dmitry S: This message was deleted\n02/02/22, 14:57 - Dmitry S: <Media omitted>',
    );
    expect(english.info.format?.dateOrderSource).toBe('default');
  });

  test('default: ambiguous and no language, reported as such', () => {
    const { info } = parseChatText(lines(['01/02/22', '02/02/22']));
    expect(info.format?.dateOrder).toBe('dmy');
    expect(info.format?.dateOrderSource).toBe('default');
    expect(info.format?.dateOrderReason).toMatch(
      /^dates are ambiguous \(.*\) and no language was given; assumed dmy$/u,
    );
  });

  test('a year-first `. ` shape with a trailing dot defaults to ymd', () => {
    const { info, messages } = parseChatText('22. 3. 7. 21:41 - A: x');
    expect(info.format?.dateOrder).toBe('ymd');
    expect(info.format?.dateOrderSource).toBe('default');
    expect(messages[0]?.localTime).toBe('2022-03-07T21:41:00');
  });
});

describe('format detection', () => {
  test('reports OS, clock, meridiem position and an example line', () => {
    const { info } = parseChatText('hello\n2024/1/2 下午3:04 - Alice: x\n2024/1/3 上午9:00 - Bob: y');
    expect(info.format).toMatchObject({
      os: 'android',
      clock: '12h',
      meridiemBefore: true,
      seconds: false,
      example: '2024/1/2 下午3:04 - Alice: x',
      exampleLine: 2,
    });
    expect([...(info.format?.meridiemWords ?? [])].sort()).toEqual(['上午', '下午']);
  });

  test('copy-pasted messages (brackets without seconds) are refused, not parsed', () => {
    const { messages, info } = parseChatText('[10:35, 7/12/2017] Name: text\n[10:36, 7/12/2017] Name: more');
    expect(messages).toEqual([]);
    expect(info.refusal).toMatchObject({ refused: 'copy-paste', line: 1 });
    expect(info.skippedLines).toBe(2);
    expect(info.skipped.every((s) => s.reason === 'no-export-format')).toBe(true);
  });

  test('text with no header at all: every line skipped, no format', () => {
    const { messages, info } = parseChatText('just\nsome text\n');
    expect(messages).toEqual([]);
    expect(info.format).toBeNull();
    expect(info.lines).toBe(2);
    expect(info.skippedLines).toBe(2);
  });

  test('continuation lines before the first header of a truncated export are counted', () => {
    const { messages, info } = parseChatText('…cut off\nsecond\n13/07/2017, 09:10 - Ann: hi');
    expect(messages).toHaveLength(1);
    expect(info.skipped).toEqual([
      { line: 1, text: '…cut off', reason: 'before-first-header' },
      { line: 2, text: 'second', reason: 'before-first-header' },
    ]);
  });

  test('the format locks after lookaheadHeaders and later headers still parse', () => {
    const log = lines(['01/02/22', '02/02/22', '13/02/22']);
    const { messages, info } = parseChatText(log, { lookaheadHeaders: 1 });
    // After one header, 01/02/22 is ambiguous → default dmy; 13/02/22 is consistent with it.
    expect(info.format?.dateOrderSource).toBe('default');
    expect(messages.map((m) => m.localTime.slice(0, 10))).toEqual(['2022-02-01', '2022-02-02', '2022-02-13']);
  });
});
