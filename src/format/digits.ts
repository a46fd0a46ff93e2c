/**
 * Any decimal digit → ASCII. Exports print dates in the device's digits: Arabic-Indic `٢٧`,
 * Persian `۲۷`, Devanagari `२७`, Bengali `২৭` …
 *
 * Written by hand because no maintained library maps digits without pulling in a whole i18n
 * stack: every Unicode `Nd` block is a run of ten consecutive code points starting at zero,
 * so a digit's value is its distance from the start of its run, modulo 10.
 *
 * @module
 */

const ND = /\p{Nd}/u;
const valueCache = new Map<number, number>();

function digitValue(codePoint: number): number {
  const cached = valueCache.get(codePoint);
  if (cached !== undefined) return cached;
  let start = codePoint;
  while (start > 0 && ND.test(String.fromCodePoint(start - 1))) start--;
  const value = (codePoint - start) % 10;
  valueCache.set(codePoint, value);
  return value;
}

/**
 * Replaces every decimal digit of any script with its ASCII digit; other characters are kept.
 *
 * @example
 * ```ts
 * toAsciiDigits('٢٧/٣/٢٠٢٢'); // '27/3/2022'
 * toAsciiDigits('R4'); // 'R4'
 * ```
 */
export function toAsciiDigits(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    out += code > 0x7f && ND.test(char) ? String(digitValue(code)) : char;
  }
  return out;
}
