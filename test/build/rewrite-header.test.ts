import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../src/locales/lexicon.js';
import { headerGrammar } from '../../src/time/header-grammar.js';
import type { HeaderStyle } from '../../src/time/header-style.js';
import { meridiemCandidates } from '../../src/time/meridiem-switch.js';
import { type RewriteContext, rewriteHeaderLine, type WallClock } from '../../src/time/rewrite-header.js';

const NNBSP = '\u202f';
const RLM = '\u200f';
const ARABIC_COMMA = '\u060c';
const NO_STYLE: HeaderStyle = { day: null, month: null, hour: null, hourZeroBased: null };

function context(order: RewriteContext['order'], style: HeaderStyle = NO_STYLE): RewriteContext {
  return { grammar: headerGrammar(), order, masks: getLexicon().meridiem, style };
}

function wall(year: number, month: number, day: number, hour: number, minute: number, second = 0): WallClock {
  return { year, month, day, hour, minute, second };
}

describe('rewriteHeaderLine', () => {
  it.each([
    [
      'en 12 h, midnight',
      '3/12/22, 11:30 PM - Ann: hi',
      wall(2022, 3, 13, 0, 30),
      'mdy',
      '3/13/22, 12:30 AM - Ann: hi',
    ],
    [
      'en 12 h, noon',
      `3/12/22, 11:45${NNBSP}AM - Ann: hi`,
      wall(2022, 3, 12, 12, 45),
      'mdy',
      `3/12/22, 12:45${NNBSP}PM - Ann: hi`,
    ],
    [
      'iOS seconds',
      '[3/12/22, 11:30:05 PM] Ann: hi',
      wall(2022, 3, 13, 0, 30, 5),
      'mdy',
      '[3/13/22, 12:30:05 AM] Ann: hi',
    ],
    [
      'de old words',
      '26.03.22, 11:30 nachm. - Anna: hallo',
      wall(2022, 3, 27, 0, 30),
      'dmy',
      '27.03.22, 12:30 vorm. - Anna: hallo',
    ],
    [
      'es NNBSP words',
      `26/03/2022, 11:30 p.${NNBSP}m. - Ana: hola`,
      wall(2022, 3, 27, 0, 30),
      'dmy',
      `27/03/2022, 12:30 a.${NNBSP}m. - Ana: hola`,
    ],
    [
      'zh before the time',
      '2022/3/26 下午11:30 - 李雷: 你好',
      wall(2022, 3, 27, 0, 30),
      'ymd',
      '2022/3/27 上午12:30 - 李雷: 你好',
    ],
    [
      'ko',
      '2022. 3. 26. 오후 11:30 - 철수: 안녕',
      wall(2022, 3, 27, 0, 30),
      'ymd',
      '2022. 3. 27. 오전 12:30 - 철수: 안녕',
    ],
    [
      'Arabic-Indic digits, RLM, Arabic comma',
      `[٢٦${RLM}/٣${RLM}/٢٠٢٢${ARABIC_COMMA} ١١:٣٠:٠٠ م] أحمد: مرحبا`,
      wall(2022, 3, 27, 0, 30),
      'dmy',
      `[٢٧${RLM}/٣${RLM}/٢٠٢٢${ARABIC_COMMA} ١٢:٣٠:٠٠ ص] أحمد: مرحبا`,
    ],
    [
      'Buddhist year, New Year',
      '31/12/2565 23:30 - สมชาย: สวัสดี',
      wall(2023, 1, 1, 0, 30),
      'dmy',
      '01/01/2566 00:30 - สมชาย: สวัสดี',
    ],
    [
      'Japanese era year',
      'R4/12/31 23:30 - 太郎: こんにちは',
      wall(2023, 1, 1, 0, 30),
      'ymd',
      'R5/01/01 00:30 - 太郎: こんにちは',
    ],
    ['2-digit year roll', '31/12/22, 23:30 - A: x', wall(2023, 1, 1, 0, 30), 'dmy', '01/01/23, 00:30 - A: x'],
    ['backwards', '01/01/23, 00:30 - A: x', wall(2022, 12, 31, 23, 30), 'dmy', '31/12/22, 23:30 - A: x'],
  ] as const)('%s', (_name, line, target, order, expected) => {
    expect(rewriteHeaderLine(line, target, context(order))).toBe(expected);
  });

  it('pads as the log does when the line itself cannot tell', () => {
    const line = '12/10/2022, 10:30 - A: x';
    const padded = context('dmy', { day: true, month: true, hour: true, hourZeroBased: null });
    const bare = context('dmy', { day: false, month: false, hour: false, hourZeroBased: null });
    expect(rewriteHeaderLine(line, wall(2022, 10, 1, 9, 30), padded)).toBe('01/10/2022, 09:30 - A: x');
    expect(rewriteHeaderLine(line, wall(2022, 10, 1, 9, 30), bare)).toBe('1/10/2022, 9:30 - A: x');
  });

  it('counts a zero-based 12-hour clock as the log does', () => {
    const style: HeaderStyle = { ...NO_STYLE, hourZeroBased: true };
    expect(
      rewriteHeaderLine('2022/03/26 11:30 PM - A: x', wall(2022, 3, 27, 0, 30), context('ymd', style)),
    ).toBe('2022/03/27 0:30 AM - A: x');
  });

  it('returns null for a line that is not a header', () => {
    expect(rewriteHeaderLine('see you at 10:30', wall(2022, 1, 1, 0, 0), context('dmy'))).toBeNull();
  });
});

describe('meridiemCandidates', () => {
  it('keeps the vocabulary, spacing and case of the old word', () => {
    expect(meridiemCandidates('PM', 13, 11)[0]).toBe('AM');
    expect(meridiemCandidates('pm', 13, 11)[0]).toBe('am');
    expect(meridiemCandidates('nachm.', 23, 0)[0]).toBe('vorm.');
    expect(meridiemCandidates(`p.${NNBSP}m.`, 12, 11)[0]).toBe(`a.${NNBSP}m.`);
    expect(meridiemCandidates('下午', 23, 0)[0]).toBe('上午');
  });
});
