import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileGrammar } from '../../src/format/grammar.js';
import { matchHeader, mayStartDate } from '../../src/format/header.js';
import {
  compileScanner,
  compileTemplate,
  emptyScannedHeader,
  interpretHeaderAt,
  matchTemplate,
  matchTemplateRegex,
  rawHeaderOf,
  SCAN_MATCHED,
  SCAN_MISSED,
  scanHeaderAt,
} from '../../src/format/template.js';
import { getLexicon } from '../../src/locales/lexicon.js';
import { chatArb } from '../support/render.js';

const lexicon = getLexicon();
const grammar = compileGrammar(lexicon.meridiemSource);
const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Every line of every fixture log. */
function fixtureLogs(): { name: string; lines: string[] }[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const folder = join(FIXTURES, entry.name);
      const log = readdirSync(folder).find((file) => file.endsWith('.txt')) as string;
      const text = readFileSync(join(folder, log), 'utf8').replace(/^\ufeff/u, '');
      return { name: entry.name, lines: text.split('\n').map((line) => line.replace(/\r$/u, '')) };
    });
}

/** The template of a log's first header, compiled the way the parser does it. */
function templateOf(lines: readonly string[]) {
  for (const line of lines) {
    const header = matchHeader(line, grammar);
    if (header !== null) return compileTemplate(line, header, lexicon);
  }
  return null;
}

describe('header templates', () => {
  it('give exactly the grammar’s reading on every line of every fixture they match', () => {
    const logs = fixtureLogs();
    expect(logs.length).toBeGreaterThan(0);
    let matched = 0;
    for (const { name, lines } of logs) {
      const template = templateOf(lines);
      if (template === null) {
        // Only era years (R4) are left to the grammar.
        expect(name, 'a fixture without a template').toMatch(/-era$/u);
        continue;
      }
      for (const log of logs) {
        for (const line of log.lines) {
          const fast = matchTemplate(line, template);
          // The hand-written scanner and the template's regex agree on every line, matched or not.
          expect(fast, `${name} scanner on ${log.name}: ${line}`).toEqual(matchTemplateRegex(line, template));
          if (fast === null) continue;
          matched++;
          expect(fast, `${name} template on ${log.name}: ${line}`).toEqual(matchHeader(line, grammar));
        }
      }
    }
    expect(matched).toBeGreaterThan(500);
  });

  test.prop([chatArb({ minMessages: 2, maxMessages: 8 })], { numRuns: 150 })(
    'agree with the grammar on generated chats in every format',
    (chat) => {
      const lines = chat.text.split('\n').map((line) => line.replace(/\r$/u, ''));
      const template = templateOf(lines);
      for (const line of lines) {
        const fast = template === null ? null : matchTemplate(line, template);
        if (template !== null) expect(fast).toEqual(matchTemplateRegex(line, template));
        if (fast !== null) expect(fast).toEqual(matchHeader(line, grammar));
      }
      // The template fits the log it was made from: its own headers take the fast path.
      if (template !== null) expect(lines.some((line) => matchTemplate(line, template) !== null)).toBe(true);
    },
  );

  const logs = fixtureLogs();
  const templated = logs
    .map(({ lines }) => ({ lines, template: templateOf(lines) }))
    .filter((entry) => entry.template !== null);
  const MUTATIONS = [
    '0',
    '7',
    '12',
    '\u200e',
    '\u200f',
    ' ',
    '\u202f',
    '\u00a0',
    ':',
    '/',
    '.',
    '-',
    'AM',
    'PM',
    'p. m.',
    '',
    '[',
    ']',
  ];

  test.prop(
    [
      fc.nat({ max: templated.length - 1 }),
      fc.nat(),
      fc.array(fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 3 }), fc.constantFrom(...MUTATIONS)), {
        maxLength: 3,
      }),
    ],
    { numRuns: 400 },
  )('scanner and regex agree on mutated header lines', (which, lineIndex, edits) => {
    const { lines, template } = templated[which] as {
      lines: string[];
      template: NonNullable<ReturnType<typeof templateOf>>;
    };
    let line = lines[lineIndex % lines.length] as string;
    for (const [at, cut, insert] of edits) line = line.slice(0, at) + insert + line.slice(at + cut);
    expect(matchTemplate(line, template)).toEqual(matchTemplateRegex(line, template));
  });

  // Templates of ASCII digits have a scanner program (other digit scripts go to the regex).
  const programmed = templated.filter((entry) => entry.template?.program != null);

  test.prop(
    [
      fc.nat(),
      fc.nat(),
      fc.array(fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 3 }), fc.constantFrom(...MUTATIONS)), {
        maxLength: 3,
      }),
      fc.string({ maxLength: 6 }),
    ],
    { numRuns: 400 },
  )('compiled scanner and interpreted program agree, fields included', (which, lineIndex, edits, after) => {
    const { lines, template } = programmed[which % programmed.length] as {
      lines: string[];
      template: NonNullable<ReturnType<typeof templateOf>>;
    };
    let line = lines[lineIndex % lines.length] as string;
    for (const [at, cut, insert] of edits) line = line.slice(0, at) + insert + line.slice(at + cut);
    const chunk = `${line}\n${after}`;
    const compiled = emptyScannedHeader();
    const interpreted = emptyScannedHeader();
    expect(template.scan).not.toBeNull();
    const found = scanHeaderAt(chunk, 0, line.length, template, compiled);
    expect(found).toBe(interpretHeaderAt(chunk, 0, line.length, template, interpreted));
    if (found === SCAN_MATCHED) expect(compiled).toEqual(interpreted);
  });

  it('compile a scanner for every fixture template with a program, and interpret it without one', () => {
    expect(programmed.length).toBeGreaterThan(10);
    for (const { lines, template } of programmed) {
      const program = template?.program ?? null;
      if (template === null || program === null) continue;
      expect(typeof compileScanner(program, template.meridiemWords)).toBe('function');
      // Where a runtime refuses to compile code, `scan` is null and the program is interpreted.
      const interpreted = { ...template, scan: null };
      for (const line of lines.slice(0, 20)) {
        expect(matchTemplate(line, interpreted)).toEqual(matchTemplate(line, template));
      }
      expect(lines.some((line) => matchTemplate(line, interpreted) !== null)).toBe(true);
    }
  });

  it('leave era years to the grammar', () => {
    const line = '[3/27/R4, 21:41:35] A: y';
    const header = matchHeader(line, grammar);
    expect(header).not.toBeNull();
    if (header !== null) expect(compileTemplate(line, header, lexicon)).toBeNull();
  });

  it('fall back (no match) on a header shaped differently from the example', () => {
    const example = '10/03/2022, 11:00 - Anna: hi';
    const header = matchHeader(example, grammar);
    const template = header === null ? null : compileTemplate(example, header, lexicon);
    expect(template).not.toBeNull();
    if (template === null) return;
    expect(matchTemplate('\u200e10/03/2022, 11:05 - Anna: hi', template)?.hour).toBe(11);
    expect(matchTemplate('10/03/2022, 1:05 PM - Anna: hi', template)).toBeNull();
    expect(matchTemplate('10.03.2022, 11:05 - Anna: hi', template)).toBeNull();
    expect(matchHeader('10.03.2022, 11:05 - Anna: hi', grammar)?.hour).toBe(11);
  });

  test.prop(
    [
      fc.nat({ max: templated.length - 1 }),
      fc.nat(),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', '2', ' PM', '\u200e', ':', 'x', '12:00 - A: b'),
    ],
    { numRuns: 400 },
  )('scan a line in place inside a chunk exactly as on its own', (which, lineIndex, before, after) => {
    const { lines, template } = templated[which] as {
      lines: string[];
      template: NonNullable<ReturnType<typeof templateOf>>;
    };
    const line = lines[lineIndex % lines.length] as string;
    // The next line's text right after the end must not be read as part of this one.
    const chunk = `${before}\n${line}\n${after}`;
    const start = before.length + 1;
    const scanned = emptyScannedHeader();
    const found = scanHeaderAt(chunk, start, start + line.length, template, scanned);
    const alone = matchTemplate(line, template);
    if (found === SCAN_MATCHED) {
      expect(alone).toEqual({ ...rawHeaderOf(scanned, template), restStart: scanned.restStart - start });
    } else if (found === SCAN_MISSED) expect(alone).toBeNull();
  });
});

describe('mayStartDate', () => {
  it('answers from the first character after marks and a bracket', () => {
    expect(mayStartDate('\u200e[۲۷/۳/۲۲، ۹:۴۱ م] A: hi')).toBe(true);
    expect(mayStartDate('[R4/3/27 21:41] A: hi')).toBe(true);
    expect(mayStartDate('١٠/٣/٢٠٢٢, ١١:٠٠ - A: hi')).toBe(true);
    expect(mayStartDate('Привет, 10/03/2022, 11:00 - A: hi')).toBe(false);
    expect(mayStartDate('😀 10/03/2022')).toBe(false); // an emoji is no digit
    expect(mayStartDate('𝟏𝟎/𝟑/𝟐𝟐, 𝟗:𝟒𝟏 - A: hi')).toBe(true); // digits beyond the BMP are
    expect(mayStartDate('Sure, 10/03/2022')).toBe(false); // S is an era letter, but no digit follows
    expect(mayStartDate('H31/4/30 9:00 - A: hi')).toBe(true);
    expect(mayStartDate('\ud835')).toBe(false); // half a pair
    expect(mayStartDate('\udfcf1')).toBe(false); // a lone low surrogate
    expect(mayStartDate('')).toBe(false);
  });

  const logs = fixtureLogs();
  const lines = logs.flatMap((log) => log.lines);
  test.prop(
    [
      fc.nat({ max: lines.length - 1 }),
      fc.constantFrom('', '\u200e', '\u200f\u202a', '[', 'x', 'Ж', '٣', ' ', '\ufeff'),
      fc.array(
        fc.tuple(
          fc.nat({ max: 12 }),
          fc.nat({ max: 2 }),
          fc.constantFrom('', '٣', 'R', 'S', 'a', '\u200e', '[', '😀', '𝟏', '\ud835'),
        ),
        {
          maxLength: 2,
        },
      ),
    ],
    { numRuns: 500 },
  )('never turns away a line the grammar reads as a date-first header', (index, prefix, edits) => {
    let line = prefix + (lines[index] as string);
    for (const [at, cut, insert] of edits) line = line.slice(0, at) + insert + line.slice(at + cut);
    const header = matchHeader(line, grammar);
    if (header !== null && !header.timeFirst) expect(mayStartDate(line)).toBe(true);
  });
});
