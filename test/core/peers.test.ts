/**
 * Each failure seen in peer parsers (shared/reference/peers.md), as a test. Expected values are
 * worked out by hand from the line, not copied from the parser.
 */
import { describe, expect, test } from 'vitest';
import { ChatParser, type Message, parseChat, parseChatText } from '../../src/index.js';

const UTC = { utcOffsetMinutes: 0 } as const;

function one(text: string, options: Parameters<typeof parseChatText>[1] = UTC) {
  const { messages, info } = parseChatText(text, { ...UTC, ...options });
  expect(messages).toHaveLength(1);
  return { message: messages[0] as (typeof messages)[number], info };
}

describe('header grammar and interpretation', () => {
  test('German day period after the time: `11:33 nachm.` is 23:33 and the author is clean', () => {
    const { message } = one('29.01.18, 11:33 nachm. - Alice: x');
    expect(message.localTime).toBe('2018-01-29T23:33:00');
    expect(message.author).toBe('Alice');
    expect(message.text).toBe('x');
  });

  test('`vorm.` and 12 o’clock edge cases', () => {
    const { messages } = parseChatText(
      '29.01.18, 12:05 vorm. - A: midnight\n29.01.18, 12:05 nachm. - A: noon\n29.01.18, 0:24 PM - A: odd hour',
      UTC,
    );
    expect(messages.map((m) => m.localTime)).toEqual([
      '2018-01-29T00:05:00',
      '2018-01-29T12:05:00',
      '2018-01-29T12:24:00',
    ]);
  });

  test('Chinese meridiem before the time: `下午3:04` is 15:04', () => {
    const { message } = one('2024/1/2 下午3:04 - Alice: x');
    expect(message.localTime).toBe('2024-01-02T15:04:00');
    expect(message.author).toBe('Alice');
  });

  test('Korean meridiem before the time with a space: `오전 9:15` / `오후 9:15`', () => {
    const { messages } = parseChatText('2024/1/2 오전 9:15 - A: am\n2024/1/2 오후 9:15 - A: pm', UTC);
    expect(messages.map((m) => m.localTime)).toEqual(['2024-01-02T09:15:00', '2024-01-02T21:15:00']);
  });

  test('Arabic iOS: Arabic-Indic digits, RLM before each slash, Arabic comma, NBSP before `م`', () => {
    const { message, info } = one('[٢٧\u200f/٣\u200f/٢٠٢٢\u060c ٩:٤١:٣٥\u00a0م] Alice: مرحبا');
    expect(message.localTime).toBe('2022-03-27T21:41:35');
    expect(message.author).toBe('Alice');
    expect(message.text).toBe('مرحبا');
    expect(info.format?.os).toBe('ios');
    expect(info.format?.dateOrder).toBe('dmy');
  });

  test('Vietnamese iOS: time before the date', () => {
    const { message, info } = one('[21:41:35, 3/27/22] Dmitry S: Hello World');
    expect(message.localTime).toBe('2022-03-27T21:41:35');
    expect(message.author).toBe('Dmitry S');
    expect(info.format?.timeFirst).toBe(true);
  });

  test('Japanese era year: `3/27/R4` is 2022 (Reiwa 4)', () => {
    const { message, info } = one('[3/27/R4, 21:41:35] Dmitry S: Hello World');
    expect(message.localTime).toBe('2022-03-27T21:41:35');
    expect(info.format?.calendar).toBe('japanese');
  });

  test('Thai Buddhist year: `3/27/2565 BE` is 2022 (2565 − 543)', () => {
    const { message, info } = one('[3/27/2565 BE, 14:56:01] Dmitry S: Hello World');
    expect(message.localTime).toBe('2022-03-27T14:56:01');
    expect(info.format?.calendar).toBe('buddhist');
  });

  test('Finnish `klo` joiner and dot time; French `à`; Hungarian `. ` separators with a trailing dot', () => {
    expect(one('31.5.2019 klo 16.58 - Matti: moi').message.localTime).toBe('2019-05-31T16:58:00');
    expect(one('26/09/2019 à 22:39 - XXX: Salut :)').message).toMatchObject({
      localTime: '2019-09-26T22:39:00',
      author: 'XXX',
      text: 'Salut :)',
    });
    expect(one('2022. 03. 27. 21:41 - Anna: szia').message.localTime).toBe('2022-03-27T21:41:00');
  });

  test('Spanish `p.\u202fm.` with NNBSPs (2024+) and `p.\u00a0m.` with NBSP (≤ 2022)', () => {
    expect(one('16/10/2024, 7:41\u202fp.\u202fm. - Emi: 😊').message.localTime).toBe('2024-10-16T19:41:00');
    expect(one('20/6/2017 8:28 p.\u00a0m. - Michelle: test').message.localTime).toBe('2017-06-20T20:28:00');
  });

  test('legacy iOS: `DATE, TIME: Author: text`', () => {
    const { message, info } = one("13/06/15 10:59:59: Giorgia's Phone: <\u200eaudio omitted>");
    expect(message).toMatchObject({ localTime: '2015-06-13T10:59:59', author: "Giorgia's Phone" });
    expect(message.flags.mediaOmitted).toBe(true);
    expect(info.format?.os).toBe('ios-legacy');
  });

  test('a BOM at the start keeps the first message (string and push paths)', () => {
    const log =
      '\ufeff10/03/2022, 11:00 - Customer 1: Message 1\n10/03/2022, 11:05 - Customer 1: Message 2\n';
    const { messages } = parseChatText(log, { utcOffsetMinutes: 60 });
    expect(messages.map((m) => [m.line, m.author, m.text, m.timestamp])).toEqual([
      [1, 'Customer 1', 'Message 1', '2022-03-10T10:00:00.000Z'],
      [2, 'Customer 1', 'Message 2', '2022-03-10T10:05:00.000Z'],
    ]);
    const parser = new ChatParser({ utcOffsetMinutes: 60 });
    const pushed = [...parser.push(log), ...parser.end()];
    expect(pushed.map((m) => m.text)).toEqual(['Message 1', 'Message 2']);
  });

  test('a BOM on every line (gesis files) is tolerated', () => {
    const { messages } = parseChatText(
      '\ufeff[\ufeff29.01.18, 23:59:03] Carol: a\n\ufeff[29.01.18, 23:59:04] Carol: b',
      UTC,
    );
    expect(messages.map((m) => [m.author, m.text])).toEqual([
      ['Carol', 'a'],
      ['Carol', 'b'],
    ]);
  });

  test('`13/07/2017, 09:12 is when we meet` on its own line is a continuation', () => {
    const { messages } = parseChatText(
      '13/07/2017, 09:10 - Ann: when?\n13/07/2017, 09:12 is when we meet\n13/07/2017, 09:15 - Bob: ok',
      UTC,
    );
    expect(messages.map((m) => [m.author, m.text])).toEqual([
      ['Ann', 'when?\n13/07/2017, 09:12 is when we meet'],
      ['Bob', 'ok'],
    ]);
  });

  test('a pasted header of another shape inside a body is a continuation', () => {
    const { messages } = parseChatText('13/07/2017, 09:10 - Ann: look\n[13/07/2017, 09:12:00] Bob: hi', UTC);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toBe('look\n[13/07/2017, 09:12:00] Bob: hi');
  });

  test('`1/4/23, 7:02 PM` with `language: en-US` is 4 January; without a language the default is reported', () => {
    const withLanguage = one('1/4/23, 7:02\u202fPM - Messages and calls are end-to-end encrypted.', {
      language: 'en-US',
    });
    expect(withLanguage.message.localTime).toBe('2023-01-04T19:02:00');
    expect(withLanguage.info.format?.dateOrderSource).toBe('language');
    const without = one('1/4/23, 7:02\u202fPM - Messages and calls are end-to-end encrypted.');
    expect(without.info.format?.dateOrderSource).toBe('default');
    expect(without.info.format?.dateOrderReason).toMatch(/ambiguous/u);
  });

  test('forcing `dmy` on `3/27/22` counts invalid dates and never rolls over to 2024-03-03', () => {
    const log = '3/26/22, 21:00 - A: one\n3/27/22, 21:41 - A: two\n';
    const { messages, info } = parseChatText(log, { ...UTC, dateOrder: 'dmy' });
    expect(messages).toEqual([]);
    expect(info.invalidDates).toBe(2);
    expect(info.invalidDateLines.map((l) => l.line)).toEqual([1, 2]);
    expect(info.skippedLines).toBe(2);
    // Once a valid header opened a message, an impossible one stays in its text.
    const mixed = parseChatText(`1/3/22, 09:00 - A: first\n${log}`, { ...UTC, dateOrder: 'dmy' });
    expect(mixed.messages).toHaveLength(1);
    expect(mixed.messages[0]?.localTime).toBe('2022-03-01T09:00:00');
    expect(mixed.messages[0]?.text).toBe('first\n3/26/22, 21:00 - A: one\n3/27/22, 21:41 - A: two');
    expect(mixed.info.invalidDates).toBe(2);
    expect(JSON.stringify(mixed.messages)).not.toContain('2024-03-03');
  });

  test('31 February and minute 61 are invalid, not rolled over', () => {
    const { messages, info } = parseChatText('31/02/2022, 10:00 - A: x\n28/02/2022, 10:61 - A: y', UTC);
    expect(messages).toEqual([]);
    expect(info.invalidDates + info.skippedLines).toBeGreaterThanOrEqual(2);
    expect(info.skippedLines).toBe(2);
  });
});

describe('authors', () => {
  test('iOS phone author: LRE/PDF removed, NBSPs kept; push name `~\u202f` removed; colons in names', () => {
    const { messages } = parseChatText(
      [
        '[27/03/2022, 21:41:35] \u202a+44\u00a07700\u00a0900123\u202c: hi',
        '[27/03/2022, 21:41:36] ~\u202fCarolina: 🥺',
        '[27/03/2022, 21:41:37] :abdullahSams:: yo: there',
        '[27/03/2022, 21:41:38] \u202aNirmal Roy: orphan embedding',
      ].join('\r\n'),
      UTC,
    );
    expect(messages.map((m) => [m.author, m.text])).toEqual([
      ['+44\u00a07700\u00a0900123', 'hi'],
      ['Carolina', '🥺'],
      [':abdullahSams:', 'yo: there'],
      ['Nirmal Roy', 'orphan embedding'],
    ]);
  });

  test('authors of one length and first letter stay apart, however they are chunked', async () => {
    const long = `L${'o'.repeat(5000)}ng`;
    const lines = [
      '10/03/2022, 11:00 - Anna: one',
      '10/03/2022, 11:01 - Anne: two',
      '10/03/2022, 11:02 - Anna: three',
      '10/03/2022, 11:03 - Ann: four',
      `10/03/2022, 11:04 - ${long}: five`,
      '10/03/2022, 11:05 - Anne: six',
      `10/03/2022, 11:06 - ${long}: seven`,
      `10/03/2022, 11:07 - ${long.slice(0, -1)}h: eight`,
      '10/03/2022, 11:08 - : nine',
      '10/03/2022, 11:09 - : ten',
    ];
    const text = lines.join('\n');
    const expected = [
      ['Anna', 'one'],
      ['Anne', 'two'],
      ['Anna', 'three'],
      ['Ann', 'four'],
      [long, 'five'],
      ['Anne', 'six'],
      [long, 'seven'],
      [`${long.slice(0, -1)}h`, 'eight'],
      ['', 'nine'],
      ['', 'ten'],
    ];
    const whole = parseChatText(text, UTC);
    expect(whole.messages.map((m) => [m.author, m.text])).toEqual(expected);
    expect([...whole.info.authors]).toEqual([
      ['Anna', 2],
      ['Anne', 2],
      ['Ann', 1],
      [long, 2],
      [`${long.slice(0, -1)}h`, 1],
      ['', 2],
    ]);
    // Cut every 7 characters: authors are then found in chunks other than the one they were first seen in.
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 7) chunks.push(text.slice(i, i + 7));
    const messages: Message[] = [];
    for await (const message of parseChat(chunks, UTC)) messages.push(message);
    expect(messages.map((m) => [m.author, m.text])).toEqual(expected);
  });

  test('multi-line bodies come out the same with LF, CRLF and mixed line ends, however chunked', async () => {
    const lines = [
      '10/03/2022, 11:00 - Ann: one',
      'two',
      '',
      'three',
      '10/03/2022, 11:01 - Ann:',
      'four',
      'five',
    ];
    const expected = [
      ['Ann', 'one\ntwo\n\nthree', 4],
      ['Ann', '\nfour\nfive', 3],
    ];
    const ends = ['\n', '\r\n'];
    for (const mix of [0, 1, 2]) {
      const text = lines.map((line, i) => line + (ends[mix === 2 ? i % 2 : mix] as string)).join('');
      expect(parseChatText(text, UTC).messages.map((m) => [m.author, m.text, m.lineCount])).toEqual(expected);
      for (const size of [1, 5, 13, 40]) {
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
        const messages: Message[] = [];
        for await (const message of parseChat(chunks, UTC)) messages.push(message);
        expect(messages.map((m) => [m.author, m.text, m.lineCount])).toEqual(expected);
      }
    }
  });

  test('an empty body prints `Name:`; it is an authored message, not a system event', () => {
    const { messages, info } = parseChatText(
      '[13/11/2025, 12:25:55\u202fPM] Amazon EG:\n[13/11/2025, 12:26:00\u202fPM] Carol Ann:\nsecond line',
      UTC,
    );
    expect(messages.map((m) => [m.author, m.text, m.system, m.flags.unrecognizedSystem])).toEqual([
      ['Amazon EG', '', false, false],
      ['Carol Ann', '\nsecond line', false, false],
    ]);
    expect(info.unrecognizedSystem).toBe(0);
  });
});

describe('attachments, markers and system messages', () => {
  test('iOS document with a page count', () => {
    const { message } = one(
      '[3/27/22, 21:41:35] A: X.pdf \u2022 \u200e2 pages \u200e<attached: 00000004-X.pdf>',
    );
    expect(message.attachment).toEqual({ fileName: '00000004-X.pdf' });
    expect(message.kind).toBe('attachment');
    expect(message.system).toBe(false);
  });

  test('Android file names with spaces and parentheses; the caption stays in the text', () => {
    const { message } = one('27/03/2022, 21:41 - A: \u200eMy File (1).pdf (file attached)\nMy File (1)');
    expect(message.attachment).toEqual({ fileName: 'My File (1).pdf' });
    expect(message.text).toBe('\u200eMy File (1).pdf (file attached)\nMy File (1)');
  });

  test('localized attachment labels', () => {
    expect(
      one('27/03/2022, 21:41 - A: IMG-20220323-WA0002.jpg (Datei angehängt)').message.attachment,
    ).toEqual({
      fileName: 'IMG-20220323-WA0002.jpg',
    });
    expect(
      one(
        '\u200e[09/01/2025 12:23:17] Salomon: \u200e< pièce jointe : 00000005-PHOTO-2025-01-09-12-23-16.jpg >',
      ).message.attachment,
    ).toEqual({ fileName: '00000005-PHOTO-2025-01-09-12-23-16.jpg' });
  });

  test('iOS encryption notice attributed to the group is a system message', () => {
    const { message, info } = one(
      '[14.08.2024, 21:00:10] Group: \u200eMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
    );
    expect(message.system).toBe(true);
    expect(message.author).toBe('Group');
    expect(info.systemKinds.get('encryption')).toBe(1);
    expect(info.authors.size).toBe(0);
  });

  test('authored placeholders are not system: deleted, missed call', () => {
    const { messages } = parseChatText(
      '[3/18/22, 14:57:01] Elon Musk: \u200eThis message was deleted.\n[3/18/22, 14:58:01] Elon Musk: Missed voice call',
      UTC,
    );
    expect(messages.map((m) => [m.system, m.kind, m.flags.deleted])).toEqual([
      [false, 'deleted', true],
      [false, 'call', false],
    ]);
  });

  test('`<This message was edited>` is flagged and kept in the text', () => {
    const { message, info } = one('27/03/2022, 21:41 - A: see you at 8 <This message was edited>');
    expect(message.flags.edited).toBe(true);
    expect(message.text).toBe('see you at 8 <This message was edited>');
    expect(info.edited).toBe(1);
  });

  test('iOS group events attributed to their actor (`~ Ali: ~ Ali changed …`) are system', () => {
    const { message } = one("[1/2/2024, 9:01:00 AM] ~ Ali: ~ Ali changed this group's icon", {
      language: 'en-US',
    });
    expect(message).toMatchObject({ author: 'Ali', system: true, localTime: '2024-01-02T09:01:00' });
  });

  test('an authorless event whose text holds `": "` stays authorless', () => {
    const { message } = one('27/03/2022, 21:41 - You created group "Team: Sales"');
    expect(message).toMatchObject({ author: null, system: true });
    expect(message.flags.unrecognizedSystem).toBe(false);
  });
});
