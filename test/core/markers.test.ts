/**
 * Body markers (reference §2): attachments old and new, documents with page counts, contact
 * cards, calls, polls, locations, live locations and `null` bodies — hand-written cases first,
 * then every string the locale tables hold, per language.
 */
import { describe, expect, it } from 'vitest';
import { LRM, RLM } from '../../src/chars.js';
import { type Message, parseChatText } from '../../src/index.js';
import { LOCALE_TABLES } from '../../src/locales/registry.js';

const UTC = { utcOffsetMinutes: 0 } as const;
const IOS = '[3/27/22, 21:41:55] Ann: ';
const ANDROID = '27/03/2022, 21:41 - Ann: ';

/** The one message of a body after a header. */
function body(text: string, header = IOS): Message {
  const { messages } = parseChatText(`${header}${text}`, UTC);
  expect(messages).toHaveLength(1);
  return messages[0] as Message;
}

describe('attachments', () => {
  it('pre-2018 iOS: the file name first, then `<‎attached>`', () => {
    const message = body(`2015-08-04-PHOTO-00004762.jpg <${LRM}attached>`);
    expect(message).toMatchObject({
      kind: 'attachment',
      attachment: { fileName: '2015-08-04-PHOTO-00004762.jpg' },
      language: 'en',
    });
    // With the legacy iOS header of the same years.
    const legacy = body(`2015-08-04-PHOTO-00004762.jpg <${LRM}attached>`, '8/4/15, 10:12:55 PM: Ann: ');
    expect(legacy.attachment).toEqual({ fileName: '2015-08-04-PHOTO-00004762.jpg' });
  });

  it('iOS: a file name broken over lines is joined', () => {
    const { messages } = parseChatText(
      `${IOS}${LRM}<attached: 00000012-Very long\nname.pdf>\n[3/27/22, 21:42:00] Bob: ok`,
      UTC,
    );
    expect(messages[0]).toMatchObject({
      kind: 'attachment',
      attachment: { fileName: '00000012-Very long name.pdf' },
      lineCount: 2,
      text: `${LRM}<attached: 00000012-Very long\nname.pdf>`,
    });
  });

  it('iOS: an empty `<attached: >` is an attachment without a file', () => {
    expect(body(`${LRM}<attached: >`)).toMatchObject({ kind: 'attachment', attachment: null });
  });

  it('Android document: the title repeated on the next line is a caption, the name is the file', () => {
    const message = body(
      `${LRM}Angebot 2024 (final).v2.pdf (file attached)\nAngebot 2024 (final).v2`,
      ANDROID,
    );
    expect(message).toMatchObject({
      kind: 'attachment',
      attachment: { fileName: 'Angebot 2024 (final).v2.pdf' },
      lineCount: 2,
    });
  });

  it('contact cards: a `.vcf` attachment has mediaType contact (iOS and Android)', () => {
    expect(body(`${LRM}<attached: 00000042-Tony Stark.vcf>`)).toMatchObject({
      kind: 'attachment',
      attachment: { fileName: '00000042-Tony Stark.vcf' },
      mediaType: 'contact',
    });
    expect(body(`${LRM}Alex.VCF (soubor byl přiložen)`, ANDROID)).toMatchObject({
      attachment: { fileName: 'Alex.VCF' },
      mediaType: 'contact',
      language: 'cs',
    });
    expect(body(`${LRM}<attached: 00000043-PHOTO-2022-03-27-21-41-55.jpg>`).mediaType).toBeUndefined();
  });
});

describe('iOS document page counts', () => {
  it('reads `Title • ‎2 pages ‎<attached: …>` and the singular', () => {
    expect(body(`Resume.pdf • ${LRM}2 pages ${LRM}<attached: 00000047-Resume.pdf>`)).toMatchObject({
      kind: 'attachment',
      attachment: { fileName: '00000047-Resume.pdf' },
      pages: 2,
    });
    expect(body(`V--- SEGA RS.pdf • 14 pages <attached: 00000002-RS.pdf>`).pages).toBe(14);
    expect(body(`CV.pdf • ${LRM}1 page ${LRM}<attached: 00000048-CV.pdf>`).pages).toBe(1);
  });

  it('reads a count whose word has an apostrophe in either spelling (`pagina’s`)', () => {
    for (const apostrophe of ["'", '’']) {
      expect(
        body(`Offerte.pdf • ${LRM}3 pagina${apostrophe}s ${LRM}<bijgevoegd: 00000051-Offerte.pdf>`),
      ).toMatchObject({ kind: 'attachment', pages: 3, language: 'nl' });
    }
  });

  it('reads the count on omitted documents, current and pre-2018', () => {
    expect(body(`Resume.pdf • ${LRM}2 pages ${LRM}document omitted`)).toMatchObject({
      kind: 'media-omitted',
      mediaType: 'document',
      pages: 2,
    });
    expect(body(`Rückzahlung China.pdf • ${LRM}1 page <${LRM}document omitted>`)).toMatchObject({
      kind: 'media-omitted',
      mediaType: 'document',
      pages: 1,
    });
  });

  it('reads Japanese `ページ数: 2` (number after the word) and Arabic `صفحتان 2` with Arabic-Indic digits', () => {
    expect(body(`契約書.pdf • ${LRM}ページ数: 2 ${LRM}<添付ファイル: 00000003-契約書.pdf>`)).toMatchObject({
      attachment: { fileName: '00000003-契約書.pdf' },
      pages: 2,
      language: 'ja',
    });
    const arabic = `عقد.pdf • ${RLM}صفحتان \u0662 ${RLM}<المُرفق: 00000004-عقد.pdf>`;
    expect(body(arabic)).toMatchObject({ attachment: { fileName: '00000004-عقد.pdf' }, pages: 2 });
  });

  it('has no page count without one, or when the words after the bullet are not a count', () => {
    expect(body(`Some file.txt ${LRM}<attached: 00000046-Some file.txt>`).pages).toBeUndefined();
    expect(body(`Plan • draft ${LRM}<attached: 00000049-Plan.pdf>`).pages).toBeUndefined();
    expect(body('Agenda • 2 pages of notes').pages).toBeUndefined();
  });

  const withPages = LOCALE_TABLES.filter((table) => (table.pages ?? []).length > 0);
  it.each(withPages.map((table) => [table.language, table] as const))(
    '%s: every page phrase of the table',
    (_, table) => {
      const label = table.attachedTag?.[0] ?? 'attached';
      for (const phrase of table.pages ?? []) {
        const count = phrase.replace('{n}', '3');
        const message = body(`Doc.pdf • ${LRM}${count} ${LRM}<${label}: 00000047-Doc.pdf>`);
        expect(message.pages, `${table.language}: ${count}`).toBe(3);
        expect(message.attachment, count).toEqual({ fileName: '00000047-Doc.pdf' });
      }
    },
  );
});

describe('calls, polls, locations, live locations, null', () => {
  it('English: missed calls, a poll with options, a location, a live location, a null body', () => {
    expect(body('Missed voice call', ANDROID)).toMatchObject({ kind: 'call', language: 'en' });
    expect(body(`${LRM}Missed video call`)).toMatchObject({ kind: 'call' });
    expect(body('Voice call. 12 min', ANDROID).kind).toBe('call');
    const poll = body('POLL:\nWhich day?\nOPTION: Monday (2 votes)\nOPTION: Friday (1 vote)', ANDROID);
    expect(poll).toMatchObject({ kind: 'poll', lineCount: 4, attachment: null });
    expect(body(`${LRM}Location: https://maps.google.com/?q=51.5021456,-0.127397`).kind).toBe('location');
    expect(body('location: https://maps.google.com/?q=51.5,-0.12', ANDROID).kind).toBe('location');
    expect(body('live location shared', ANDROID).kind).toBe('live-location');
    // View-once media and other unsupported types are exported as a literal `null` (Android).
    expect(body('null', ANDROID)).toMatchObject({ kind: 'null', attachment: null, system: false });
  });

  it('a text that merely mentions a marker word stays text', () => {
    expect(body('the poll: who comes?', ANDROID).kind).toBe('text');
    expect(body('null and void', ANDROID).kind).toBe('text');
    expect(body('Missed voice call again?', ANDROID).kind).toBe('text');
  });

  const tables = LOCALE_TABLES;
  it.each(tables.filter((t) => (t.calls ?? []).length > 0).map((t) => [t.language, t] as const))(
    '%s: every call string is a call',
    (_, table) => {
      for (const call of table.calls ?? []) {
        const text = call.endsWith('…') ? `${call.slice(0, -1)}. 3 min` : call;
        expect(body(text, ANDROID).kind, text).toBe('call');
      }
    },
  );

  it.each(tables.filter((t) => (t.poll ?? []).length > 0).map((t) => [t.language, t] as const))(
    '%s: a poll opens with the table’s header',
    (_, table) => {
      for (const label of table.poll ?? []) {
        const message = body(`${label}\n?\nOPTION: A (1)\nOPTION: B (0)`, ANDROID);
        expect(message.kind, label).toBe('poll');
        expect(message.lineCount).toBe(4);
      }
    },
  );

  it.each(tables.filter((t) => (t.location ?? []).length > 0).map((t) => [t.language, t] as const))(
    '%s: every location prefix before a maps link is a location',
    (_, table) => {
      for (const label of table.location ?? []) {
        const text = `${label} https://maps.google.com/?q=-8.4475246,115.5904475`;
        expect(body(text, ANDROID).kind, text).toBe('location');
        expect(body(`${LRM}${text}`).kind, text).toBe('location');
      }
    },
  );

  it.each(tables.filter((t) => (t.liveLocation ?? []).length > 0).map((t) => [t.language, t] as const))(
    '%s: every live-location string is a live location',
    (_, table) => {
      for (const text of table.liveLocation ?? [])
        expect(body(text, ANDROID).kind, text).toBe('live-location');
    },
  );
});

describe('system phrases with a typographic apostrophe', () => {
  // Tables write `You're`; phones may print `You’re`. Both must find the phrase (the regexes
  // always accepted both; the first-word index must too).
  it.each(["'", '’'])('recognizes `You%sre now an admin`, authorless and attributed', (apostrophe) => {
    const text = `You${apostrophe}re now an admin`;
    const { messages, info } = parseChatText(
      `27/03/2022, 21:41 - ${text}\n27/03/2022, 21:42 - Ann: ${LRM}${text}\n`,
      UTC,
    );
    // The second is a notice iOS attributes to a contact: its body opens with a mark.
    expect(messages.map((m) => [m.author, m.system, m.kind, m.flags.unrecognizedSystem, m.language])).toEqual(
      [
        [null, true, 'system', false, 'en'],
        ['Ann', true, 'system', false, 'en'],
      ],
    );
    expect(info.systemKinds.get('group')).toBe(2);
    expect(info.unrecognizedSystem).toBe(0);
  });
});
