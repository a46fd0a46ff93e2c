/**
 * A random-chat generator and an export renderer for property tests.
 *
 * Written independently of the parser: nothing here imports `src/format` or `src/parse`. The
 * renderer prints a chat the way WhatsApp would (Android, iOS or legacy iOS header, a locale's
 * date shape and clock, invisible marks where real exports put them) and returns, beside the
 * text, what a correct parser must read back — built by hand from the chat, not by parsing.
 *
 * @module
 */

import fc from 'fast-check';

// Invisible characters, named (no magic characters).
export const LRM = '\u200e';
export const RLM = '\u200f';
export const NBSP = '\u00a0';
export const NNBSP = '\u202f';
export const LRE = '\u202a';
export const PDF = '\u202c';
export const BOM = '\ufeff';
export const LINE_SEPARATOR = '\u2028';
export const ARABIC_COMMA = '\u060c';
export const BULLET = '\u2022';

export type Os = 'android' | 'ios' | 'legacy';
export type Order = 'dmy' | 'mdy' | 'ymd';

/** A 12-hour clock: the two words, where they go and the space between them and the time. */
export interface Clock12 {
  readonly am: string;
  readonly pm: string;
  readonly before: boolean;
  readonly gap: string;
}

/** Everything that decides how a header is printed. */
export interface RenderFormat {
  readonly os: Os;
  readonly order: Order;
  /** Date separator; `. ` is the sk/hr/hu shape. */
  readonly separator: '/' | '.' | '-' | '. ';
  readonly trailingDot: boolean;
  readonly fourDigitYear: boolean;
  readonly pad: boolean;
  readonly joiner: string;
  readonly timeSeparator: ':' | '.';
  readonly clock: Clock12 | null;
  /** Arabic-Indic digits with an RLM before each date separator (Arabic iOS). */
  readonly arabic: boolean;
  /** iOS Vietnamese: time before the date. */
  readonly timeFirst: boolean;
  /** Line terminator between records. */
  readonly eol: '\n' | '\r\n';
  /** Line terminator inside multi-line bodies (iOS: LF inside, CRLF between records). */
  readonly innerEol: '\n' | '\r\n';
  /** Put an LRM before the header of lines whose body starts with one (iOS media/system lines). */
  readonly lrmLead: boolean;
}

/** A wall-clock time. */
export interface Wall {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** An author: how the log prints the name, and the display name a parser must return. */
export interface Author {
  readonly printed: string;
  readonly expected: string;
}

/** What the parser must read back for one message. */
export interface ExpectedMessage {
  readonly wall: Wall;
  readonly localTime: string;
  readonly author: string | null;
  readonly text: string;
  readonly system: boolean;
  readonly attachment: string | null;
  readonly edited: boolean;
  readonly deleted: boolean;
  readonly mediaOmitted: boolean;
  /** Lines the message spans in the rendered text. */
  readonly lineCount: number;
}

/** A rendered chat: the text, the expectation and the options a caller must pass. */
export interface RenderedChat {
  readonly text: string;
  readonly format: RenderFormat;
  readonly messages: readonly ExpectedMessage[];
  /** Date orders under which every printed date exists (computed here, independently). */
  readonly viableOrders: readonly Order[];
  /** `dateOrder` or `language` when the chat is ambiguous by construction, else nothing. */
  readonly options: { readonly dateOrder?: Order; readonly language?: string };
}

// ---------------------------------------------------------------------------------------------
// Message content

/** A body kind, before rendering. */
type BodySpec =
  | { readonly kind: 'text'; readonly lines: readonly string[]; readonly edited: boolean }
  | {
      readonly kind: 'attachment';
      readonly file: string;
      readonly label: string;
      readonly caption: readonly string[];
    }
  | { readonly kind: 'document'; readonly title: string; readonly file: string; readonly pages: string }
  | { readonly kind: 'deleted'; readonly text: string }
  | { readonly kind: 'omitted'; readonly text: string }
  | { readonly kind: 'system'; readonly text: string; readonly attributed: boolean };

interface MessageSpec {
  readonly wall: Wall;
  readonly author: Author;
  readonly body: BodySpec;
}

/**
 * Authors as exports print them. `expected` is written by hand: bidi embeddings and the `~ `
 * push-name prefix removed, NBSPs inside iOS phone numbers kept.
 */
export const AUTHORS: readonly Author[] = [
  { printed: 'Alice', expected: 'Alice' },
  { printed: 'Bob Smith', expected: 'Bob Smith' },
  { printed: 'José Ñúñez', expected: 'José Ñúñez' },
  { printed: '🔱Anubis☣️', expected: '🔱Anubis☣️' },
  { printed: 'John Doe 🤓', expected: 'John Doe 🤓' },
  { printed: '🤓', expected: '🤓' },
  { printed: ':abdullahSams:', expected: ':abdullahSams:' },
  { printed: "Giorgia's Phone", expected: "Giorgia's Phone" },
  { printed: 'Петр П (И В)', expected: 'Петр П (И В)' },
  { printed: '-Mihlali Dzingwa', expected: '-Mihlali Dzingwa' },
  { printed: 'Thandi "Twin" T', expected: 'Thandi "Twin" T' },
  { printed: '+44 7700 900123', expected: '+44 7700 900123' },
  { printed: '+7 999 999-99-99', expected: '+7 999 999-99-99' },
  {
    printed: `${LRE}+44${NBSP}7700${NBSP}900123${PDF}`,
    expected: `+44${NBSP}7700${NBSP}900123`,
  },
  {
    printed: `${LRE}+55${NBSP}61${NBSP}9000\u20110001${PDF}`,
    expected: `+55${NBSP}61${NBSP}9000\u20110001`,
  },
  { printed: `~${NNBSP}Carolina`, expected: 'Carolina' },
  { printed: '~ YSL', expected: 'YSL' },
];

/** Words of ordinary text: none is a placeholder, marker or system phrase in any table. */
const WORDS: readonly string[] = [
  'hello',
  'world',
  'ok',
  'see you',
  'tomorrow?',
  'café',
  'naïve',
  'Straße',
  '€5',
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  '日本語',
  'مرحبا',
  'שלום',
  'a:b',
  'note: this',
  '10:30',
  '3/4',
  '<3',
  '(yes)',
  '—',
  `x${LINE_SEPARATOR}y`,
  `wide${NNBSP}gap`,
  `@\u2068Eurico Max\u2069`,
  '"quoted"',
];

const wordsArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));

/** Edited markers per language (inside the angle brackets). */
const EDITED: readonly string[] = [
  'This message was edited',
  'Diese Nachricht wurde bearbeitet',
  'Este mensaje fue editado',
  'Ce message a été modifié',
  'Questo messaggio è stato modificato',
];

/** Android `(LABEL)` attachment labels. */
const ANDROID_LABELS: readonly string[] = [
  'file attached',
  'Datei angehängt',
  'archivo adjunto',
  'fichier joint',
  'arquivo anexado',
  'file allegato',
  'bestand bijgevoegd',
  'файл добавлен',
];

/** iOS `<LABEL: file>` attachment labels. */
const IOS_LABELS: readonly string[] = [
  'attached',
  'Anhang',
  'adjunto',
  'allegato',
  'bijgevoegd',
  'прикреплено',
];

const ANDROID_FILES: readonly string[] = [
  'IMG-20220323-WA0002.jpg',
  'PTT-20220323-WA0000.opus',
  'STK-20220323-WA0003.webp',
  'My File (1).pdf',
  'Rückzahlung China.pdf',
  '4f2680f1db95a8454775cc2eefc95bfc.jpg',
  'Alex.vcf',
];

const IOS_FILES: readonly string[] = [
  '00000035-PHOTO-2022-03-27-21-41-55.jpg',
  '00000042-TR.vcf',
  '00000046-Some file.txt',
  '00000012-AUDIO-2022-03-27-21-41-55.opus',
];

const DELETED: readonly string[] = [
  'This message was deleted',
  'Diese Nachricht wurde gelöscht',
  'Se eliminó este mensaje',
];
const OMITTED_ANDROID: readonly string[] = [
  '<Media omitted>',
  '<Medien ausgeschlossen>',
  '<Media weggelaten>',
];
const OMITTED_IOS: readonly string[] = [
  `${LRM}image omitted`,
  `${LRM}video omitted`,
  `${LRM}Bild weggelassen`,
];

/** Authorless system events (Android and legacy iOS), without their leading marks. */
const SYSTEM_AUTHORLESS: readonly string[] = [
  'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
  'You created group "Team: Sales"',
  '+44 7700 900123 left',
  'Alice added Bob Smith',
  "You changed this group's icon",
  'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Tippe, um mehr zu erfahren.',
  'Du hast die Gruppe "Familie" erstellt.',
];

/** iOS group events: authorless, body opens with an LRM. */
const SYSTEM_IOS_AUTHORLESS: readonly string[] = [
  `${LRM}You created group “Group Chat”`,
  `${LRM}Tony Stark joined using this group's invite link`,
  `${LRM}${LRE}+90${NBSP}500${NBSP}000${NBSP}00${NBSP}01${PDF} left`,
];

/** iOS notices attributed to the chat: `Author: ‎notice` with `system: true`. */
const SYSTEM_IOS_ATTRIBUTED: readonly string[] = [
  `${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
  `${LRM}${LRM}Your security code with Elon changed. ${LRM}Tap to learn more.`,
  `${LRM}This business uses a secure service from Meta to manage this chat. Tap to learn more.`,
];

/** A continuation line that looks like the start of a header but has no terminator. */
function fakeHeaderLine(format: RenderFormat, wall: Wall): string {
  return `${renderStamp(format, wall)} is when we meet`;
}

function bodySpecArb(os: Os): fc.Arbitrary<BodySpec> {
  const text = fc.record({
    kind: fc.constant('text' as const),
    lines: fc.array(fc.oneof({ weight: 5, arbitrary: wordsArb }, { weight: 1, arbitrary: fc.constant('') }), {
      minLength: 1,
      maxLength: 4,
    }),
    edited: fc.boolean(),
  });
  const attachment =
    os === 'android'
      ? fc.record({
          kind: fc.constant('attachment' as const),
          file: fc.constantFrom(...ANDROID_FILES),
          label: fc.constantFrom(...ANDROID_LABELS),
          caption: fc.array(wordsArb, { maxLength: 2 }),
        })
      : fc.record({
          kind: fc.constant('attachment' as const),
          file: fc.constantFrom(...IOS_FILES),
          label: fc.constantFrom(...IOS_LABELS),
          caption: fc.array(wordsArb, { maxLength: 1 }),
        });
  const document = fc.record({
    kind: fc.constant('document' as const),
    title: fc.constantFrom('X.pdf', 'Resume-Dmitry-Starkov.pdf', 'V--- SEGA RS.pdf'),
    file: fc.constantFrom('00000004-X.pdf', '00000047-Resume.pdf'),
    pages: fc.constantFrom('2 pages', '1 page', '14 Seiten'),
  });
  const deleted = fc.record({
    kind: fc.constant('deleted' as const),
    text: fc.constantFrom(...DELETED).map((t) => (os === 'android' ? t : `${LRM}${t}.`)),
  });
  const omitted = fc.record({
    kind: fc.constant('omitted' as const),
    text: fc.constantFrom(...(os === 'android' ? OMITTED_ANDROID : OMITTED_IOS)),
  });
  const system =
    os === 'ios'
      ? fc.oneof(
          fc.record({
            kind: fc.constant('system' as const),
            text: fc.constantFrom(...SYSTEM_IOS_AUTHORLESS),
            attributed: fc.constant(false),
          }),
          fc.record({
            kind: fc.constant('system' as const),
            text: fc.constantFrom(...SYSTEM_IOS_ATTRIBUTED),
            attributed: fc.constant(true),
          }),
        )
      : fc.record({
          kind: fc.constant('system' as const),
          text: fc.constantFrom(...SYSTEM_AUTHORLESS).map((t) => (os === 'legacy' ? `${LRM}${t}` : t)),
          attributed: fc.constant(false),
        });
  const documents = os === 'ios' ? [{ weight: 1, arbitrary: document as fc.Arbitrary<BodySpec> }] : [];
  return fc.oneof(
    { weight: 8, arbitrary: text as fc.Arbitrary<BodySpec> },
    { weight: 2, arbitrary: attachment as fc.Arbitrary<BodySpec> },
    ...documents,
    { weight: 1, arbitrary: deleted as fc.Arbitrary<BodySpec> },
    { weight: 1, arbitrary: omitted as fc.Arbitrary<BodySpec> },
    { weight: 2, arbitrary: system as fc.Arbitrary<BodySpec> },
  );
}

// ---------------------------------------------------------------------------------------------
// Formats

const CLOCKS_12: readonly Clock12[] = [
  { am: 'AM', pm: 'PM', before: false, gap: ' ' }, // before 2023
  { am: 'AM', pm: 'PM', before: false, gap: NNBSP }, // 2023+
  { am: 'am', pm: 'pm', before: false, gap: NNBSP },
  { am: 'am', pm: 'pm', before: false, gap: ' ' },
  { am: `a.${NBSP}m.`, pm: `p.${NBSP}m.`, before: false, gap: ' ' }, // es ≤ 2022
  { am: `a.${NNBSP}m.`, pm: `p.${NNBSP}m.`, before: false, gap: NNBSP }, // es 2024+
  { am: 'vorm.', pm: 'nachm.', before: false, gap: ' ' }, // de, old CLDR
  { am: '上午', pm: '下午', before: true, gap: '' }, // zh
  { am: '오전', pm: '오후', before: true, gap: ' ' }, // ko
  { am: 'ص', pm: 'م', before: false, gap: NBSP }, // ar
];

/** Random header formats, within what real exports combine. */
export const formatArb: fc.Arbitrary<RenderFormat> = fc
  .record({
    os: fc.constantFrom<Os>('android', 'ios', 'legacy'),
    order: fc.constantFrom<Order>('dmy', 'mdy', 'ymd'),
    separator: fc.constantFrom<RenderFormat['separator']>('/', '.', '-', '. '),
    trailingDot: fc.boolean(),
    fourDigitYear: fc.boolean(),
    pad: fc.boolean(),
    joiner: fc.constantFrom(', ', ' ', ' à ', ' klo ', `${ARABIC_COMMA} `),
    timeSeparator: fc.constantFrom<':' | '.'>(':', ':', '.'),
    clock: fc.option(fc.constantFrom(...CLOCKS_12), { freq: 2 }),
    arabic: fc.boolean(),
    timeFirst: fc.boolean(),
    eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    innerLf: fc.boolean(),
    lrmLead: fc.boolean(),
  })
  .map((f): RenderFormat => {
    const arabic = f.arabic && f.separator === '/' && f.os === 'ios';
    return {
      os: f.os,
      order: f.order,
      separator: arabic ? '/' : f.separator,
      trailingDot: f.separator === '. ' && f.trailingDot,
      fourDigitYear: f.fourDigitYear,
      pad: f.pad,
      // The legacy `: ` terminator after a `.` time would read `16.58.00: `; keep legacy on `:`.
      joiner: arabic ? `${ARABIC_COMMA} ` : f.joiner === `${ARABIC_COMMA} ` ? ', ' : f.joiner,
      // Time-first (vi) prints `21:41:35`; a `.` time there would read as a date (`00.00.00, 13.01.10`).
      timeSeparator: f.os === 'legacy' || (f.timeFirst && f.os === 'ios') ? ':' : f.timeSeparator,
      clock: arabic ? (CLOCKS_12[9] as Clock12) : f.clock,
      arabic,
      timeFirst: f.timeFirst && f.os === 'ios' && !arabic,
      eol: f.eol,
      innerEol: f.innerLf ? '\n' : f.eol,
      lrmLead: f.lrmLead && f.os !== 'legacy',
    };
  });

// ---------------------------------------------------------------------------------------------
// Rendering

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

function digits(format: RenderFormat, text: string): string {
  return format.arabic ? text.replace(/[0-9]/gu, (d) => ARABIC_DIGITS[Number(d)] as string) : text;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** The printed date, e.g. `27/03/2022`, `2022. 3. 27.`, `٢٧‏/٣‏/٢٠٢٢`. */
export function renderDate(format: RenderFormat, wall: Wall): string {
  const year = format.fourDigitYear ? String(wall.year) : two(wall.year % 100);
  const month = format.pad ? two(wall.month) : String(wall.month);
  const day = format.pad ? two(wall.day) : String(wall.day);
  const fields =
    format.order === 'dmy'
      ? [day, month, year]
      : format.order === 'mdy'
        ? [month, day, year]
        : [year, month, day];
  const separator = format.arabic ? `${RLM}/` : format.separator;
  return digits(format, fields.join(separator) + (format.trailingDot ? '.' : ''));
}

/** The printed time, e.g. `21:41`, `9:41:35 PM`, `下午9:41`. */
export function renderTime(format: RenderFormat, wall: Wall): string {
  const seconds = format.os !== 'android';
  const clock = format.clock;
  const hour =
    clock === null ? (format.pad ? two(wall.hour) : String(wall.hour)) : String(wall.hour % 12 || 12);
  const sep = format.timeSeparator;
  let time = `${hour}${sep}${two(wall.minute)}${seconds ? `${sep}${two(wall.second)}` : ''}`;
  time = digits(format, time);
  if (clock !== null) {
    const word = wall.hour < 12 ? clock.am : clock.pm;
    time = clock.before ? `${word}${clock.gap}${time}` : `${time}${clock.gap}${word}`;
  }
  return time;
}

function renderStamp(format: RenderFormat, wall: Wall): string {
  const date = renderDate(format, wall);
  const time = renderTime(format, wall);
  // Time-first (vi) always joins with a comma.
  return format.timeFirst ? `${time}, ${date}` : `${date}${format.joiner}${time}`;
}

/** The header up to the author: `[stamp] `, `stamp - ` or `stamp: `. */
function renderHeader(format: RenderFormat, wall: Wall, lead: boolean): string {
  const stamp = renderStamp(format, wall);
  const mark = lead && format.lrmLead ? LRM : '';
  if (format.os === 'ios') return `${mark}[${stamp}] `;
  if (format.os === 'android') return `${mark}${stamp} - `;
  return `${stamp}: `;
}

export function localIso(wall: Wall): string {
  return `${wall.year}-${two(wall.month)}-${two(wall.day)}T${two(wall.hour)}:${two(wall.minute)}:${two(wall.second)}`;
}

interface RenderedBody {
  /** Body lines; the first one follows the header. */
  readonly lines: readonly string[];
  readonly author: string | null;
  readonly printedAuthor: string | null;
  readonly system: boolean;
  readonly attachment: string | null;
  readonly edited: boolean;
  readonly deleted: boolean;
  readonly mediaOmitted: boolean;
}

function renderBody(format: RenderFormat, spec: MessageSpec, fakeWall: Wall): RenderedBody {
  const { author, body } = spec;
  const base = {
    author: author.expected,
    printedAuthor: author.printed,
    system: false,
    attachment: null,
    edited: false,
    deleted: false,
    mediaOmitted: false,
  };
  switch (body.kind) {
    case 'text': {
      const lines = body.lines.map((line) => (line === 'FAKE' ? fakeHeaderLine(format, fakeWall) : line));
      if (body.edited) {
        const last = lines.length - 1;
        lines[last] = `${lines[last]} <${EDITED[last % EDITED.length]}>`;
      }
      // A first line that is empty would leave `Author: ` with a trailing space only; keep it, it is real.
      return { ...base, lines, edited: body.edited };
    }
    case 'attachment': {
      if (format.os === 'android') {
        const lead = body.file.startsWith('P') ? LRM : '';
        return {
          ...base,
          lines: [`${lead}${body.file} (${body.label})`, ...body.caption],
          attachment: body.file,
        };
      }
      const tag = `${LRM}<${body.label}: ${body.file}>`;
      const lines = body.caption.length === 0 ? [tag] : [`${body.caption[0]} ${tag}`];
      return { ...base, lines, attachment: body.file };
    }
    case 'document':
      return {
        ...base,
        lines: [`${body.title} ${BULLET} ${LRM}${body.pages} ${LRM}<attached: ${body.file}>`],
        attachment: body.file,
      };
    case 'deleted':
      return { ...base, lines: [body.text], deleted: true };
    case 'omitted':
      return { ...base, lines: [body.text], mediaOmitted: true };
    case 'system':
      return body.attributed
        ? { ...base, lines: [body.text], system: true }
        : { ...base, lines: [body.text], author: null, printedAuthor: null, system: true };
  }
}

function startsWithLrm(text: string): boolean {
  return text.startsWith(LRM);
}

/**
 * Renders a chat in a format; returns the log text and what must be read back.
 *
 * @example
 * ```ts
 * const chat = render(format, specs);
 * expect(parseChatText(chat.text, chat.options).messages.map(pick)).toEqual(chat.messages);
 * ```
 */
function render(
  format: RenderFormat,
  specs: readonly MessageSpec[],
  fakeHeaders: readonly boolean[],
): RenderedChat {
  let text = '';
  const messages: ExpectedMessage[] = [];
  specs.forEach((spec, index) => {
    const fake = fakeHeaders[index] === true && spec.body.kind === 'text';
    const withFake: MessageSpec = fake
      ? {
          ...spec,
          body: {
            ...(spec.body as Extract<BodySpec, { kind: 'text' }>),
            lines: [...(spec.body as Extract<BodySpec, { kind: 'text' }>).lines, 'FAKE'],
          },
        }
      : spec;
    const body = renderBody(format, withFake, spec.wall);
    const [first = '', ...more] = body.lines;
    const header = renderHeader(format, spec.wall, startsWithLrm(first));
    // An empty first line prints as `Name:` with no space after the colon.
    const authorPart = body.printedAuthor === null ? '' : `${body.printedAuthor}:${first === '' ? '' : ' '}`;
    text += header + authorPart + first;
    for (const line of more) text += format.innerEol + line;
    text += format.eol;
    messages.push({
      wall: spec.wall,
      localTime: localIso(spec.wall),
      author: body.author,
      text: body.lines.join('\n'),
      system: body.system,
      attachment: body.attachment,
      edited: body.edited,
      deleted: body.deleted,
      mediaOmitted: body.mediaOmitted,
      lineCount: body.lines.length,
    });
  });
  const viable = viableOrders(
    format,
    specs.map((s) => s.wall),
  );
  return { text, format, messages, viableOrders: viable, options: {} };
}

// ---------------------------------------------------------------------------------------------
// Date-order viability (independent of the parser's interpretation code)

function daysIn(year: number, month: number): number {
  return [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1] as number;
}

/** The date orders under which every printed date of the chat is a real date. */
export function viableOrders(format: RenderFormat, walls: readonly Wall[]): Order[] {
  const printed = walls.map((wall) => {
    const year = format.fourDigitYear ? String(wall.year) : two(wall.year % 100);
    const month = String(wall.month);
    const day = String(wall.day);
    return format.order === 'dmy'
      ? [day, month, year]
      : format.order === 'mdy'
        ? [month, day, year]
        : [year, month, day];
  });
  const positions: Record<Order, readonly [number, number, number]> = {
    dmy: [2, 1, 0],
    mdy: [2, 0, 1],
    ymd: [0, 1, 2],
  };
  return (['dmy', 'mdy', 'ymd'] as const).filter((order) =>
    printed.every((fields) => {
      const [yi, mi, di] = positions[order];
      const yearField = fields[yi] as string;
      const monthField = fields[mi] as string;
      const dayField = fields[di] as string;
      if (monthField.length > 2 || dayField.length > 2) return false;
      // Two-digit years: 20xx up to 50, above that a Thai Buddhist short year (65 → 2565 BE → 2022).
      const n = Number(yearField);
      const year = yearField.length === 4 ? n : n <= 50 ? 2000 + n : 2500 + n - 543;
      const month = Number(monthField);
      const day = Number(dayField);
      return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Chats

const MINUTE_MS = 60_000;

/** Wall times: first day of month ≥ 13 (a decisive date), then forward in steps of minutes to days. */
function wallsArb(count: number, withSeconds: boolean): fc.Arbitrary<Wall[]> {
  return fc
    .record({
      year: fc.integer({ min: 2010, max: 2029 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 13, max: 28 }),
      minuteOfDay: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      steps: fc.array(fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 3 * 24 * 60 })), {
        minLength: count,
        maxLength: count,
      }),
      seconds: fc.array(fc.integer({ min: 0, max: 59 }), { minLength: count, maxLength: count }),
    })
    .map(({ year, month, day, minuteOfDay, steps, seconds }) => {
      let ms = Date.UTC(year, month - 1, day) + minuteOfDay * MINUTE_MS;
      return steps.map((step, i) => {
        if (i > 0) ms += step * MINUTE_MS;
        const d = new Date(ms);
        return {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
          second: withSeconds ? (seconds[i] as number) : 0,
        };
      });
    });
}

const LANGUAGE_FOR: Record<Order, string> = { dmy: 'en-GB', mdy: 'en-US', ymd: 'zh-CN' };

export interface ChatArbOptions {
  readonly minMessages?: number;
  readonly maxMessages?: number;
  /** Restrict the formats (e.g. a fixed format for chunking tests). */
  readonly format?: fc.Arbitrary<RenderFormat>;
}

/**
 * Random chats, rendered. When more than one date order fits every printed date, the chat
 * carries `dateOrder` or the matching `language` in `options` (chosen at random).
 */
export function chatArb(options: ChatArbOptions = {}): fc.Arbitrary<RenderedChat> {
  const { minMessages = 1, maxMessages = 12 } = options;
  return (options.format ?? formatArb).chain((format) =>
    fc.integer({ min: minMessages, max: maxMessages }).chain((count) =>
      fc
        .record({
          walls: wallsArb(count, format.os !== 'android'),
          authors: fc.array(fc.constantFrom(...AUTHORS), { minLength: count, maxLength: count }),
          bodies: fc.array(bodySpecArb(format.os), { minLength: count, maxLength: count }),
          fakes: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
          useLanguage: fc.boolean(),
        })
        .map(({ walls, authors, bodies, fakes, useLanguage }) => {
          const specs = walls.map((wall, i) => ({
            wall,
            author: authors[i] as Author,
            body: bodies[i] as BodySpec,
          }));
          const chat = render(format, specs, fakes);
          if (chat.viableOrders.length <= 1) return chat;
          return {
            ...chat,
            options: useLanguage ? { language: LANGUAGE_FOR[format.order] } : { dateOrder: format.order },
          };
        }),
    ),
  );
}
