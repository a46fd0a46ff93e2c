/**
 * A header template: the locked format's own header shape, compiled from an example header into
 * a small regex that the parser tries before the full grammar.
 *
 * The full grammar accepts every shape in every position (marks anywhere, any separator, 262
 * meridiem words before or after the time, time first or date first), which makes it several
 * times slower per line than a regex for one shape. Once detection has locked the format, almost
 * every header has exactly the example's skeleton with other digits:
 *
 * ```
 * example  | 10/03/2022, 11:00 -
 * template | ^M*(d{1,4})/(d{1,4})/(d{1,4}),S(d{1,2}):(d{2})S-S
 * ```
 *
 * A template match is a grammar match by construction (the same widths and classes, fewer
 * choices), so it yields the same {@link RawHeader}; a line that misses the template (marks in
 * new places, another digit script, a meridiem where the example had none …) falls back to the
 * full grammar. Correctness never depends on the template, only speed.
 *
 * @module
 */

import { isMarkCode, isSpaceCode, MARK_CLASS, SPACE_CLASS } from '../chars.js';
import type { Lexicon } from '../locales/lexicon.js';
import { toAsciiDigits } from './digits.js';
import type { RawHeader } from './grammar.js';
import { MeridiemReader } from './meridiem-reader.js';

/** A compiled template and what every header it matches shares. */
export interface HeaderTemplate {
  readonly regex: RegExp;
  /** Group number of each part, in `RawHeader` terms. */
  readonly groups: {
    readonly f1: number;
    readonly f2: number;
    readonly f3: number;
    readonly h: number;
    readonly mi: number;
    readonly sec: number;
    readonly meridiem: number;
  };
  /** Whether digits may be of any script (then converted to ASCII). */
  readonly anyDigits: boolean;
  /**
   * The template as a program for a hand-written scanner (ASCII-digit templates only): pairs of
   * (op, argument). The scanner does what the regex does without building match arrays or
   * substrings for the time fields; the regex stays the reference and the fallback.
   */
  readonly program: Int32Array | null;
  /** The program compiled to a function ({@link compileScanner}), or null where that is refused. */
  readonly scan: Scanner | null;
  /** Reads the meridiem word for the scanner (null on a 24-hour clock). */
  readonly meridiemWords: MeridiemReader | null;
  readonly constant: Pick<
    RawHeader,
    'bracket' | 'terminator' | 'timeFirst' | 'separator' | 'dateTail' | 'meridiemBefore'
  >;
}

const DIGIT = /\p{Nd}/u;

/** Scanner ops (see {@link HeaderTemplate.program}). */
const OP_MARKS = 0;
const OP_SPACE = 1;
const OP_LITERAL = 2;
const OP_DIGITS = 3;
const OP_MERIDIEM = 4;
/** Digit roles, by code: the program's argument of a digits op. */
const ROLES = ['f1', 'f2', 'f3', 'h', 'mi', 'sec'] as const;
type Role = (typeof ROLES)[number];
/** Widths of each role, as in the grammar: date fields 1–4 digits, hour 1–2, minutes and seconds 2. */
const ROLE_MIN = [1, 1, 1, 1, 2, 2];
const ROLE_MAX = [4, 4, 4, 2, 2, 2];

/**
 * Compiles the template of an example header, or null when the example's shape is one the
 * template does not handle (era years): the parser then uses the full grammar for every line.
 *
 * @example
 * ```ts
 * const template = compileTemplate('10/03/2022, 11:00 - Anna: hi', header, getLexicon());
 * matchTemplate('11/03/2022, 09:30 - Ben: yo', template)?.fields; // ['11', '03', '2022']
 * ```
 */
export function compileTemplate(
  line: string,
  header: RawHeader,
  lexicon: Pick<Lexicon, 'meridiemSource' | 'meridiemPrinted'>,
): HeaderTemplate | null {
  const { meridiemSource } = lexicon;
  const prefix = line.slice(0, header.restStart);
  if (header.fields.some((field) => !/^\d+$/u.test(field))) return null;
  const meridiemAt = header.meridiem === null ? -1 : prefix.indexOf(header.meridiem);
  let source = `^${MARK_CLASS}*`;
  const ops: number[] = [OP_MARKS, 0];
  let group = 0;
  const digitGroups: number[] = [];
  let meridiemGroup = 0;
  let anyDigits = false;
  let previousMark = false;
  for (let i = 0; i < prefix.length; ) {
    if (i === meridiemAt && header.meridiem !== null) {
      source += `(${meridiemSource})`;
      ops.push(OP_MERIDIEM, 0);
      meridiemGroup = ++group;
      i += header.meridiem.length;
      previousMark = false;
      continue;
    }
    const char = String.fromCodePoint(prefix.codePointAt(i) as number);
    const code = char.codePointAt(0) as number;
    if (isMarkCode(code)) {
      if (!previousMark) {
        source += `${MARK_CLASS}*`;
        ops.push(OP_MARKS, 0);
      }
      previousMark = true;
      i += char.length;
      continue;
    }
    previousMark = false;
    if (isSpaceCode(code)) {
      source += SPACE_CLASS;
      ops.push(OP_SPACE, 0);
      i += 1;
      continue;
    }
    if (DIGIT.test(char)) {
      let end = i;
      while (end < prefix.length && DIGIT.test(String.fromCodePoint(prefix.codePointAt(end) as number))) {
        if ((prefix.codePointAt(end) as number) > 0x7f) anyDigits = true;
        end += String.fromCodePoint(prefix.codePointAt(end) as number).length;
      }
      digitGroups.push(++group);
      ops.push(OP_DIGITS, digitGroups.length - 1);
      source += `(@${digitGroups.length})`; // width filled in below, once the roles are known
      i = end;
      continue;
    }
    source += escapeChar(char);
    for (let unit = 0; unit < char.length; unit++) ops.push(OP_LITERAL, char.charCodeAt(unit));
    if (char === '[') {
      source += `${MARK_CLASS}*`;
      ops.push(OP_MARKS, 0);
      previousMark = true;
    }
    i += char.length;
  }
  const withSeconds = header.second !== null;
  if (digitGroups.length !== (withSeconds ? 6 : 5)) return null;
  // Roles of the digit runs, in printed order.
  const roles = header.timeFirst
    ? ['h', 'mi', ...(withSeconds ? ['sec'] : []), 'f1', 'f2', 'f3']
    : ['f1', 'f2', 'f3', 'h', 'mi', ...(withSeconds ? ['sec'] : [])];
  const digit = anyDigits ? '\\p{Nd}' : '[0-9]';
  const width: Readonly<Record<string, string>> = {
    f1: '{1,4}',
    f2: '{1,4}',
    f3: '{1,4}',
    h: '{1,2}',
    mi: '{2}',
    sec: '{2}',
  };
  const byRole: Record<string, number> = { sec: 0 };
  roles.forEach((role, index) => {
    byRole[role] = digitGroups[index] as number;
    source = source.replace(`(@${index + 1})`, `(${digit}${width[role]})`);
  });
  // Digit ops carry their role code (see ROLES) instead of their printed index.
  const program = anyDigits
    ? null
    : Int32Array.from(
        ops.map((value, index) =>
          index % 2 === 1 && ops[index - 1] === OP_DIGITS ? ROLES.indexOf(roles[value] as Role) : value,
        ),
      );
  const meridiemWords =
    meridiemGroup === 0 ? null : new MeridiemReader(meridiemSource, lexicon.meridiemPrinted);
  return {
    regex: new RegExp(source, 'u'),
    groups: {
      f1: byRole.f1 as number,
      f2: byRole.f2 as number,
      f3: byRole.f3 as number,
      h: byRole.h as number,
      mi: byRole.mi as number,
      sec: byRole.sec as number,
      meridiem: meridiemGroup,
    },
    anyDigits,
    program,
    meridiemWords,
    scan: program === null ? null : compileScanner(program, meridiemWords),
    constant: {
      bracket: header.bracket,
      terminator: header.terminator,
      timeFirst: header.timeFirst,
      separator: header.separator,
      dateTail: header.dateTail,
      meridiemBefore: header.meridiemBefore,
    },
  };
}

/**
 * What the scanner read from a header, as numbers: the parser's hot loop reads these instead of a
 * {@link RawHeader}, so a header costs no allocation. One instance is reused line after line.
 */
export interface ScannedHeader {
  /** The date fields in printed order, as numbers, and how many digits each had (`03` → 3, width 2). */
  f1: number;
  f1Width: number;
  f2: number;
  f2Width: number;
  f3: number;
  f3Width: number;
  hour: number;
  minute: number;
  /** -1 when the format prints no seconds. */
  second: number;
  /** The meridiem word as printed, or null on a 24-hour clock. */
  meridiem: string | null;
  /** Index in the scanned text where the rest (author and body) begins. */
  restStart: number;
}

/**
 * A blank {@link ScannedHeader} to reuse.
 *
 * @example
 * ```ts
 * const scanned = emptyScannedHeader();
 * scanHeaderAt(text, 0, text.indexOf('\n'), template, scanned); // SCAN_MATCHED, fields in `scanned`
 * ```
 */
export function emptyScannedHeader(): ScannedHeader {
  return {
    f1: 0,
    f1Width: 0,
    f2: 0,
    f2Width: 0,
    f3: 0,
    f3Width: 0,
    hour: 0,
    minute: 0,
    second: -1,
    meridiem: null,
    restStart: 0,
  };
}

/** {@link scanHeaderAt}: the line is a header of the template's shape (fields written out). */
export const SCAN_MATCHED = 1;
/** {@link scanHeaderAt}: the line is not a header of the template's shape. */
export const SCAN_MISSED = 0;
/**
 * {@link scanHeaderAt}: only the template's regex can tell (a meridiem word matched but what
 * follows did not: the regex could backtrack into a shorter word of the alternation).
 */
export const SCAN_UNDECIDED = -1;

/** What {@link scanHeaderAt} found. */
export type ScanResult = typeof SCAN_MATCHED | typeof SCAN_MISSED | typeof SCAN_UNDECIDED;

/**
 * Runs a template's scanner over `text[start, end)` — a line inside a larger chunk, so the line
 * need not be cut out first — writing the fields into `out`. Templates without a scanner
 * program (other digit scripts) always answer {@link SCAN_UNDECIDED}.
 *
 * @example
 * ```ts
 * const chunk = 'x\n11/03/2022, 09:30 - Ben: yo\n';
 * const scanned = emptyScannedHeader();
 * scanHeaderAt(chunk, 2, 30, template, scanned); // SCAN_MATCHED
 * scanned.minute; // 30
 * chunk.slice(scanned.restStart, 30); // 'Ben: yo'
 * ```
 */
export function scanHeaderAt(
  text: string,
  start: number,
  end: number,
  template: HeaderTemplate,
  out: ScannedHeader,
): ScanResult {
  const scan = template.scan;
  return scan === null ? interpretHeaderAt(text, start, end, template, out) : scan(text, start, end, out);
}

/**
 * The template's program, interpreted op by op: what {@link compileScanner} compiles, and the
 * scanner where compiling is refused.
 *
 * @example
 * ```ts
 * interpretHeaderAt(chunk, 2, 30, template, scanned) === scanHeaderAt(chunk, 2, 30, template, scanned); // true
 * ```
 */
export function interpretHeaderAt(
  text: string,
  start: number,
  end: number,
  template: HeaderTemplate,
  out: ScannedHeader,
): ScanResult {
  const program = template.program;
  if (program === null) return SCAN_UNDECIDED;
  let i = start;
  let meridiem: string | null = null;
  let second = -1;
  for (let pc = 0; pc < program.length; pc += 2) {
    const op = program[pc] as number;
    const arg = program[pc + 1] as number;
    if (op === OP_MARKS) {
      while (i < end && isMarkCode(text.charCodeAt(i))) i++;
    } else if (op === OP_SPACE) {
      if (i >= end || !isSpaceCode(text.charCodeAt(i)))
        return meridiem === null ? SCAN_MISSED : SCAN_UNDECIDED;
      i++;
    } else if (op === OP_LITERAL) {
      if (i >= end || text.charCodeAt(i) !== arg) return meridiem === null ? SCAN_MISSED : SCAN_UNDECIDED;
      i++;
    } else if (op === OP_DIGITS) {
      const first = i;
      let value = 0;
      while (i < end) {
        const code = text.charCodeAt(i);
        if (code < 0x30 || code > 0x39) break;
        value = value * 10 + (code - 0x30);
        i++;
      }
      const width = i - first;
      if (width < (ROLE_MIN[arg] as number) || width > (ROLE_MAX[arg] as number)) {
        return meridiem === null ? SCAN_MISSED : SCAN_UNDECIDED;
      }
      if (arg === 0) {
        out.f1 = value;
        out.f1Width = width;
      } else if (arg === 1) {
        out.f2 = value;
        out.f2Width = width;
      } else if (arg === 2) {
        out.f3 = value;
        out.f3Width = width;
      } else if (arg === 3) out.hour = value;
      else if (arg === 4) out.minute = value;
      else second = value;
    } else {
      const word = (template.meridiemWords as MeridiemReader).read(text, i);
      // A word running past the line's end is no match here (the regex sees only the line).
      if (word === null || i + word.length > end) return meridiem === null ? SCAN_MISSED : SCAN_UNDECIDED;
      meridiem = word;
      i += word.length;
    }
  }
  out.second = second;
  out.meridiem = meridiem;
  out.restStart = i;
  return SCAN_MATCHED;
}

/**
 * Matches a line against a template; null when it does not fit (the caller then tries the grammar).
 *
 * @example
 * ```ts
 * matchTemplate('11/03/2022, 09:30 - Ben: yo', template)?.hour; // 9
 * ```
 */
export function matchTemplate(line: string, template: HeaderTemplate): RawHeader | null {
  const scanned = emptyScannedHeader();
  const found = scanHeaderAt(line, 0, line.length, template, scanned);
  if (found === SCAN_MISSED) return null;
  if (found === SCAN_UNDECIDED) return matchTemplateRegex(line, template);
  return rawHeaderOf(scanned, template);
}

/**
 * The {@link RawHeader} of a scanned header: the date fields back as the digits printed
 * (ASCII, leading zeros kept), the rest from the template's constants.
 *
 * @example
 * ```ts
 * rawHeaderOf(scanned, template).fields; // ['11', '03', '2022']
 * ```
 */
export function rawHeaderOf(scanned: ScannedHeader, template: HeaderTemplate): RawHeader {
  const c = template.constant;
  return {
    bracket: c.bracket,
    terminator: c.terminator,
    timeFirst: c.timeFirst,
    fields: [
      digitsOf(scanned.f1, scanned.f1Width),
      digitsOf(scanned.f2, scanned.f2Width),
      digitsOf(scanned.f3, scanned.f3Width),
    ],
    separator: c.separator,
    dateTail: c.dateTail,
    hour: scanned.hour,
    minute: scanned.minute,
    second: scanned.second === -1 ? null : scanned.second,
    meridiem: scanned.meridiem,
    meridiemBefore: c.meridiemBefore,
    restStart: scanned.restStart,
  };
}

/**
 * A number written back with the width it was printed in.
 *
 * @example
 * ```ts
 * digitsOf(3, 2); // '03'
 * ```
 */
export function digitsOf(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * The template's regex, run literally: the reference the scanner must agree with.
 *
 * @example
 * ```ts
 * matchTemplateRegex('11/03/2022, 09:30 - Ben: yo', template)?.minute; // 30
 * ```
 */
export function matchTemplateRegex(line: string, template: HeaderTemplate): RawHeader | null {
  const match = template.regex.exec(line);
  if (match === null) return null;
  const g = template.groups;
  const ascii = template.anyDigits ? toAsciiDigits : same;
  const second = g.sec === 0 ? undefined : match[g.sec];
  const meridiem = g.meridiem === 0 ? null : (match[g.meridiem] as string);
  const c = template.constant;
  return {
    bracket: c.bracket,
    terminator: c.terminator,
    timeFirst: c.timeFirst,
    fields: [ascii(match[g.f1] as string), ascii(match[g.f2] as string), ascii(match[g.f3] as string)],
    separator: c.separator,
    dateTail: c.dateTail,
    hour: Number(ascii(match[g.h] as string)),
    minute: Number(ascii(match[g.mi] as string)),
    second: second === undefined ? null : Number(ascii(second)),
    meridiem,
    meridiemBefore: c.meridiemBefore,
    restStart: match[0].length,
  };
}

function same(text: string): string {
  return text;
}

function escapeChar(char: string): string {
  // Syntax characters only: in `u` mode `\-` and other identity escapes are errors.
  return /[\\^$.*+?()[\]{}|/]/u.test(char) ? `\\${char}` : char;
}

/** A template's scanner: {@link scanHeaderAt} for one template. */
export type Scanner = (text: string, start: number, end: number, out: ScannedHeader) => ScanResult;

/**
 * Compiles a scanner program to a function: the ops become straight-line code, with the
 * literals, widths and field names written in. A header costs a fifth of the parse, and the
 * interpreter spends most of that dispatching ops and branching on roles, which compiled code
 * does not do.
 *
 * The source is built only from numbers (character codes, widths) and fixed text, never from the
 * log. Runtimes that forbid compiling code (`new Function` throws) get null, and the parser
 * interprets the program instead ({@link interpretHeaderAt}); a property test holds the two to
 * the same answers.
 *
 * @example
 * ```ts
 * const scan = compileScanner(template.program, template.meridiemWords);
 * scan?.(chunk, 2, 30, scanned); // SCAN_MATCHED
 * ```
 */
export function compileScanner(program: Int32Array, meridiemWords: MeridiemReader | null): Scanner | null {
  const body: string[] = ['let i = start, code = 0, first = 0, value = 0, second = -1, meridiem = null;'];
  let fail = `return ${SCAN_MISSED};`;
  for (let pc = 0; pc < program.length; pc += 2) {
    const op = program[pc] as number;
    const arg = program[pc + 1] as number;
    if (op === OP_MARKS) body.push('while (i < end && isMarkCode(text.charCodeAt(i))) i++;');
    else if (op === OP_SPACE) body.push(`if (i >= end || !isSpaceCode(text.charCodeAt(i))) ${fail}`, 'i++;');
    else if (op === OP_LITERAL) body.push(`if (i >= end || text.charCodeAt(i) !== ${arg}) ${fail}`, 'i++;');
    else if (op === OP_DIGITS) {
      body.push(
        'first = i; value = 0;',
        'while (i < end) { code = text.charCodeAt(i); if (code < 48 || code > 57) break; value = value * 10 + (code - 48); i++; }',
        `if (i - first < ${ROLE_MIN[arg]} || i - first > ${ROLE_MAX[arg]}) ${fail}`,
        DIGIT_STORE[arg] as string,
      );
    } else {
      body.push(
        'meridiem = words.read(text, i);',
        `if (meridiem === null || i + meridiem.length > end) ${fail}`,
        'i += meridiem.length;',
      );
      fail = `return ${SCAN_UNDECIDED};`;
    }
  }
  body.push(`out.second = second; out.meridiem = meridiem; out.restStart = i; return ${SCAN_MATCHED};`);
  try {
    const factory = new Function(
      'isMarkCode',
      'isSpaceCode',
      'words',
      `return function scanTemplate(text, start, end, out) {\n${body.join('\n')}\n};`,
    ) as (mark: typeof isMarkCode, space: typeof isSpaceCode, words: MeridiemReader | null) => Scanner;
    return factory(isMarkCode, isSpaceCode, meridiemWords);
  } catch {
    return null;
  }
}

/** What a digits op stores, by role code (see ROLES). */
const DIGIT_STORE: readonly string[] = [
  'out.f1 = value; out.f1Width = i - first;',
  'out.f2 = value; out.f2Width = i - first;',
  'out.f3 = value; out.f3Width = i - first;',
  'out.hour = value;',
  'out.minute = value;',
  'second = value;',
];
