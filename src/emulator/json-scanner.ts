/**
 * An incremental JSON parser for request bodies too large to hold: it builds the value as
 * `JSON.parse` would, except that a string longer than `keepChars` becomes a {@link LargeString}
 * summary (length, head, base64 validity, header-line count) instead of being kept.
 *
 * Strict like `JSON.parse`: the same grammar, the same four whitespace characters, no trailing
 * commas, raw control characters rejected inside strings.
 *
 * @module
 */

import { Base64Check } from './base64-check.js';
import { HeaderLineCounter } from './chat-text.js';

/** How many characters of a large string are kept as its head. */
const headChars = 256;
const defaultMaxDepth = 64;
/** Longest number or literal token accepted. */
const maxScalarChars = 512;
const numberPattern = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const hexPattern = /^[0-9a-fA-F]$/;

const quote = 0x22;
const backslash = 0x5c;
const firstPrintable = 0x20;
const simpleEscapes: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const unicodeEscapeDigits = 4;
const hexRadix = 16;

/**
 * What is left of a string too long to keep.
 *
 * @example
 * ```ts
 * if (value instanceof LargeString) console.log(`${value.length} chars, base64: ${value.base64}`);
 * ```
 */
export class LargeString {
  /**
   * @param length - Length in UTF-16 code units, like `String.prototype.length`.
   * @param head - The first characters.
   * @param base64 - Whether the whole string is strict base64.
   * @param headerLines - How many lines look like chat-log message headers.
   */
  constructor(
    readonly length: number,
    readonly head: string,
    readonly base64: boolean,
    readonly headerLines: number,
  ) {}
}

/**
 * The body is not valid JSON.
 *
 * @example
 * ```ts
 * try { scanner.end(); } catch (error) { if (error instanceof JsonSyntaxError) console.log(error.message); }
 * ```
 */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
}

/**
 * Options of {@link JsonScanner}.
 *
 * @example
 * ```ts
 * const options: JsonScannerOptions = {
 *   keepChars: 65_536,
 *   keepWhole: new Set(['chat_text']),
 *   keepWholeChars: 64 * 1024 ** 2,
 *   maxDepth: 32,
 * };
 * ```
 */
export interface JsonScannerOptions {
  /** Strings longer than this become {@link LargeString}s. Default: keep every string. */
  readonly keepChars?: number;
  /** Property names whose string values are kept whole up to `keepWholeChars` (`chat_text`). */
  readonly keepWhole?: ReadonlySet<string>;
  /**
   * Longest {@link JsonScannerOptions.keepWhole} string kept; a longer one becomes a
   * {@link LargeString} too, so memory stays bounded. Default: no limit.
   */
  readonly keepWholeChars?: number;
  /** Deepest nesting accepted. Default 64. */
  readonly maxDepth?: number;
}

type Container =
  | { readonly kind: 'object'; readonly value: Record<string, unknown>; key: string }
  | { readonly kind: 'array'; readonly value: unknown[] };

/** What may come next, outside of a string, number or literal. */
type Expect = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end' | 'eof';

interface Summary {
  length: number;
  head: string;
  readonly base64: Base64Check;
  readonly headers: HeaderLineCounter;
}

/**
 * Parses JSON text pushed in pieces of any size.
 *
 * @example
 * ```ts
 * const scanner = new JsonScanner({ keepChars: 1024 });
 * scanner.push('{"a": [1, tr');
 * scanner.push('ue]}');
 * scanner.end(); // { a: [1, true] }
 * ```
 */
export class JsonScanner {
  readonly #keepChars: number;
  readonly #keepWhole: ReadonlySet<string>;
  readonly #keepWholeChars: number;
  readonly #maxDepth: number;
  #expect: Expect = 'value';
  readonly #stack: Container[] = [];
  #root: unknown;
  #token: 'none' | 'string' | 'number' | 'literal' = 'none';
  #isKey = false;
  /** The current string is a value under a {@link JsonScannerOptions.keepWhole} name. */
  #whole = false;
  #escape: 'none' | 'backslash' | 'unicode' = 'none';
  #unicode = '';
  #parts: string[] = [];
  #partsLength = 0;
  #summary: Summary | undefined;
  #scalar = '';
  #offset = 0;

  constructor(options: JsonScannerOptions = {}) {
    this.#keepChars = options.keepChars ?? Number.POSITIVE_INFINITY;
    this.#keepWhole = options.keepWhole ?? new Set();
    this.#keepWholeChars = options.keepWholeChars ?? Number.POSITIVE_INFINITY;
    this.#maxDepth = options.maxDepth ?? defaultMaxDepth;
  }

  /**
   * Adds the next piece of JSON text.
   *
   * @throws {JsonSyntaxError} as soon as the text cannot be JSON.
   */
  push(text: string): void {
    let index = 0;
    while (index < text.length) {
      if (this.#token === 'string') {
        index = this.#stringStep(text, index);
        continue;
      }
      const code = text.charCodeAt(index);
      if (this.#token !== 'none') {
        if (this.#isScalarChar(code)) {
          this.#scalar += text[index];
          if (this.#scalar.length > maxScalarChars) this.#fail('number or literal too long', index);
          index += 1;
          continue;
        }
        this.#finishScalar(index);
        continue;
      }
      this.#structural(code, text, index);
      index += 1;
    }
    this.#offset += text.length;
  }

  /**
   * Ends the text and returns the value.
   *
   * @throws {JsonSyntaxError} when the text ends early or was not JSON.
   */
  end(): unknown {
    if (this.#token === 'number' || this.#token === 'literal') this.#finishScalar(0);
    if (this.#token === 'string') this.#fail('unterminated string', 0);
    if (this.#expect !== 'eof') this.#fail('unexpected end of JSON input', 0);
    return this.#root;
  }

  #structural(code: number, text: string, index: number): void {
    const char = text[index] ?? '';
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') return;
    const top = this.#stack.at(-1);
    switch (this.#expect) {
      case 'value-or-end':
      case 'value':
        if (char === ']' && this.#expect === 'value-or-end') this.#close(index);
        else this.#startValue(char, index);
        break;
      case 'key-or-end':
      case 'key':
        if (char === '}' && this.#expect === 'key-or-end') this.#close(index);
        else this.#startKey(code, index);
        break;
      case 'colon':
        if (char !== ':') this.#fail(`expected ':', got ${JSON.stringify(char)}`, index);
        this.#expect = 'value';
        break;
      case 'comma-or-end':
        if (char === ',') {
          this.#expect = top?.kind === 'object' ? 'key' : 'value';
        } else if ((char === '}' && top?.kind === 'object') || (char === ']' && top?.kind === 'array')) {
          this.#close(index);
        } else {
          this.#fail(
            `expected ',' or the end of the ${top?.kind ?? 'value'}, got ${JSON.stringify(char)}`,
            index,
          );
        }
        break;
      case 'eof':
        this.#fail(`unexpected ${JSON.stringify(char)} after the end of the value`, index);
    }
  }

  #startValue(char: string, index: number): void {
    if (char === '{' || char === '[') {
      if (this.#stack.length >= this.#maxDepth) this.#fail(`nested deeper than ${this.#maxDepth}`, index);
      this.#stack.push(char === '{' ? { kind: 'object', value: {}, key: '' } : { kind: 'array', value: [] });
      this.#expect = char === '{' ? 'key-or-end' : 'value-or-end';
    } else if (char === '"') {
      this.#startString(false);
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      this.#token = 'number';
      this.#scalar = char;
    } else if (char === 't' || char === 'f' || char === 'n') {
      this.#token = 'literal';
      this.#scalar = char;
    } else {
      this.#fail(`unexpected ${JSON.stringify(char)}`, index);
    }
  }

  #startKey(code: number, index: number): void {
    if (code !== quote)
      this.#fail(`expected a property name, got ${JSON.stringify(String.fromCharCode(code))}`, index);
    this.#startString(true);
  }

  #startString(isKey: boolean): void {
    this.#token = 'string';
    this.#isKey = isKey;
    const top = this.#stack.at(-1);
    this.#whole = !isKey && top?.kind === 'object' && this.#keepWhole.has(top.key);
    this.#parts = [];
    this.#partsLength = 0;
    this.#summary = undefined;
  }

  /** Consumes string content from `index`; returns where to go on. */
  #stringStep(text: string, index: number): number {
    if (this.#escape === 'backslash') {
      const char = text[index] ?? '';
      this.#escape = 'none';
      if (char === 'u') {
        this.#escape = 'unicode';
        this.#unicode = '';
      } else {
        const replacement = simpleEscapes[char];
        if (replacement === undefined) this.#fail(`invalid escape \\${char}`, index);
        this.#append(replacement ?? '');
      }
      return index + 1;
    }
    if (this.#escape === 'unicode') {
      const char = text[index] ?? '';
      if (!hexPattern.test(char)) this.#fail('invalid \\u escape', index);
      this.#unicode += char;
      if (this.#unicode.length === unicodeEscapeDigits) {
        this.#escape = 'none';
        this.#append(String.fromCharCode(Number.parseInt(this.#unicode, hexRadix)));
      }
      return index + 1;
    }
    let end = index;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === quote || code === backslash || code < firstPrintable) break;
      end += 1;
    }
    if (end > index) this.#append(text.slice(index, end));
    if (end === text.length) return end;
    const code = text.charCodeAt(end);
    if (code < firstPrintable) this.#fail('control character in string', end);
    if (code === backslash) {
      this.#escape = 'backslash';
      return end + 1;
    }
    this.#finishString();
    return end + 1;
  }

  #append(piece: string): void {
    if (this.#summary !== undefined) {
      this.#feed(this.#summary, piece);
      return;
    }
    this.#parts.push(piece);
    this.#partsLength += piece.length;
    const limit = this.#whole ? this.#keepWholeChars : this.#keepChars;
    if (!this.#isKey && this.#partsLength > limit) {
      const summary: Summary = {
        length: 0,
        head: '',
        base64: new Base64Check(),
        headers: new HeaderLineCounter(),
      };
      this.#feed(summary, this.#parts.join(''));
      this.#summary = summary;
      this.#parts = [];
    }
  }

  #feed(summary: Summary, piece: string): void {
    summary.length += piece.length;
    if (summary.head.length < headChars) summary.head += piece.slice(0, headChars - summary.head.length);
    summary.base64.push(piece);
    summary.headers.push(piece);
  }

  #finishString(): void {
    const summary = this.#summary;
    const value =
      summary === undefined
        ? this.#parts.join('')
        : new LargeString(summary.length, summary.head, summary.base64.end(), summary.headers.end());
    this.#token = 'none';
    this.#parts = [];
    this.#summary = undefined;
    if (this.#isKey && typeof value === 'string') {
      const top = this.#stack.at(-1);
      if (top?.kind === 'object') top.key = value;
      this.#expect = 'colon';
    } else {
      this.#emit(value);
    }
  }

  #isScalarChar(code: number): boolean {
    const char = String.fromCharCode(code);
    return this.#token === 'number' ? /[0-9+\-.eE]/.test(char) : char >= 'a' && char <= 'z';
  }

  #finishScalar(index: number): void {
    const text = this.#scalar;
    this.#token = 'none';
    this.#scalar = '';
    if (/^[-0-9]/.test(text)) {
      if (!numberPattern.test(text)) this.#fail(`invalid number ${text}`, index);
      this.#emit(Number(text));
    } else if (text === 'true' || text === 'false' || text === 'null') {
      this.#emit(text === 'null' ? null : text === 'true');
    } else {
      this.#fail(`unexpected ${JSON.stringify(text)}`, index);
    }
  }

  #close(index: number): void {
    const done = this.#stack.pop();
    if (done === undefined) this.#fail('unbalanced brackets', index);
    this.#emit(done.value);
  }

  #emit(value: unknown): void {
    const top = this.#stack.at(-1);
    if (top === undefined) {
      this.#root = value;
      this.#expect = 'eof';
      return;
    }
    if (top.kind === 'array') {
      top.value.push(value);
    } else {
      // defineProperty: a "__proto__" key is an ordinary property, as with JSON.parse.
      Object.defineProperty(top.value, top.key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    this.#expect = 'comma-or-end';
  }

  #fail(message: string, index: number): never {
    throw new JsonSyntaxError(`${message} at position ${this.#offset + index}`);
  }
}
