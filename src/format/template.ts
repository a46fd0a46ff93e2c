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

import { MARK_CLASS, SPACE_CLASS } from '../chars.js';
import { toAsciiDigits } from './digits.js';
import type { RawHeader } from './grammar.js';

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
  /** Sticky matcher for the meridiem word, used by the scanner. */
  readonly meridiemAt: RegExp | null;
  readonly constant: Pick<
    RawHeader,
    'bracket' | 'terminator' | 'timeFirst' | 'separator' | 'dateTail' | 'meridiemBefore'
  >;
}

const MARKS = new Set([
  0x200e, 0x200f, 0xfeff, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);
const SPACES = new Set([0x20, 0xa0, 0x202f, 0x2009]);
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
 * const template = compileTemplate('10/03/2022, 11:00 - Anna: hi', header, 'AM|PM');
 * matchTemplate('11/03/2022, 09:30 - Ben: yo', template)?.fields; // ['11', '03', '2022']
 * ```
 */
export function compileTemplate(
  line: string,
  header: RawHeader,
  meridiemSource: string,
): HeaderTemplate | null {
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
    if (MARKS.has(code)) {
      if (!previousMark) {
        source += `${MARK_CLASS}*`;
        ops.push(OP_MARKS, 0);
      }
      previousMark = true;
      i += char.length;
      continue;
    }
    previousMark = false;
    if (SPACES.has(code)) {
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
    // Digit ops carry their role code (see ROLES) instead of their printed index.
    program: anyDigits
      ? null
      : Int32Array.from(
          ops.map((value, index) =>
            index % 2 === 1 && ops[index - 1] === OP_DIGITS ? ROLES.indexOf(roles[value] as Role) : value,
          ),
        ),
    meridiemAt: meridiemGroup === 0 ? null : new RegExp(`(?:${meridiemSource})`, 'uy'),
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
 * Matches a line against a template; null when it does not fit (the caller then tries the grammar).
 *
 * @example
 * ```ts
 * matchTemplate('11/03/2022, 09:30 - Ben: yo', template)?.hour; // 9
 * ```
 */
export function matchTemplate(line: string, template: HeaderTemplate): RawHeader | null {
  if (template.program !== null) {
    const scanned = scanTemplate(line, template, template.program);
    if (scanned !== undefined) return scanned;
  }
  return matchTemplateRegex(line, template);
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

/**
 * Runs a template program over a line. Returns the header, null when the line does not fit, or
 * undefined when only the regex can tell (a meridiem word matched but what follows did not:
 * the regex could backtrack into a shorter word of the alternation).
 */
function scanTemplate(
  line: string,
  template: HeaderTemplate,
  program: Int32Array,
): RawHeader | null | undefined {
  const length = line.length;
  let i = 0;
  let meridiem: string | null = null;
  let f1 = '';
  let f2 = '';
  let f3 = '';
  let hour = 0;
  let minute = 0;
  let second: number | null = null;
  for (let pc = 0; pc < program.length; pc += 2) {
    const op = program[pc] as number;
    const arg = program[pc + 1] as number;
    if (op === OP_MARKS) {
      while (i < length && MARKS.has(line.charCodeAt(i))) i++;
    } else if (op === OP_SPACE) {
      if (i >= length || !SPACES.has(line.charCodeAt(i))) return meridiem === null ? null : undefined;
      i++;
    } else if (op === OP_LITERAL) {
      if (line.charCodeAt(i) !== arg) return meridiem === null ? null : undefined;
      i++;
    } else if (op === OP_DIGITS) {
      const start = i;
      let value = 0;
      while (i < length) {
        const code = line.charCodeAt(i);
        if (code < 0x30 || code > 0x39) break;
        value = value * 10 + (code - 0x30);
        i++;
      }
      const width = i - start;
      if (width < (ROLE_MIN[arg] as number) || width > (ROLE_MAX[arg] as number)) {
        return meridiem === null ? null : undefined;
      }
      if (arg === 0) f1 = line.slice(start, i);
      else if (arg === 1) f2 = line.slice(start, i);
      else if (arg === 2) f3 = line.slice(start, i);
      else if (arg === 3) hour = value;
      else if (arg === 4) minute = value;
      else second = value;
    } else {
      const sticky = template.meridiemAt as RegExp;
      sticky.lastIndex = i;
      const word = sticky.exec(line);
      if (word === null) return null;
      meridiem = word[0];
      i += meridiem.length;
    }
  }
  const c = template.constant;
  return {
    bracket: c.bracket,
    terminator: c.terminator,
    timeFirst: c.timeFirst,
    fields: [f1, f2, f3],
    separator: c.separator,
    dateTail: c.dateTail,
    hour,
    minute,
    second,
    meridiem,
    meridiemBefore: c.meridiemBefore,
    restStart: i,
  };
}

function same(text: string): string {
  return text;
}

function escapeChar(char: string): string {
  // Syntax characters only: in `u` mode `\-` and other identity escapes are errors.
  return /[\\^$.*+?()[\]{}|/]/u.test(char) ? `\\${char}` : char;
}
