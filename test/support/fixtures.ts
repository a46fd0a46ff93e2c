/**
 * The fixture exports under `fixtures/`, loaded once for the tests that use them: the exact
 * parse check (`fixtures.test.ts`) and the coverage agreement check (`coverage.test.ts`).
 *
 * A folder is `<os>-<lang>-<REGION>-<clock>[-<era>]/` and holds one `.txt` chat log and its
 * hand-written `expected.json`. A fixture the parser cannot read yet carries a one-line
 * `knownGap` in `expected.json`: its exact comparison is skipped and the READMEs list it.
 *
 * @module
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParseOptions, parseChatText } from '../../src/index.js';
import { LOCALE_TABLES } from '../../src/locales/registry.js';
import type { LocaleTable } from '../../src/locales/types.js';

export const FIXTURES_DIR = join(import.meta.dirname, '..', '..', 'fixtures');

/**
 * The locales issue 3 requires fixtures for, each on Android and iOS. Order is the README's.
 */
// biome-ignore format: a locale list reads best packed
export const REQUIRED_LOCALES: readonly string[] = [
  'en-US', 'en-GB', 'en-IN', 'en-CA', 'en-ZA', 'de-DE', 'fr-FR', 'es-ES', 'es-MX', 'pt-BR', 'pt-PT', 'it-IT',
  'nl-NL', 'ru-RU', 'uk-UA', 'cs-CZ', 'pl-PL', 'fi-FI', 'sv-SE', 'tr-TR', 'el-GR', 'he-IL', 'ar-SA', 'fa-IR',
  'hi-IN', 'bn-BD', 'id-ID', 'ms-MY', 'th-TH', 'vi-VN', 'zh-CN', 'zh-TW', 'ja-JP', 'ko-KR', 'hu-HU',
];

export interface ExpectedFormat {
  readonly os: string;
  readonly dateOrder: string;
  readonly clock: string;
}

export interface ExpectedFile {
  readonly options: ParseOptions;
  readonly format: ExpectedFormat;
  /** Why the parser cannot read this export yet (one line); the exact comparison is skipped. */
  readonly knownGap?: string;
  readonly messages: readonly Record<string, unknown>[];
}

/** What a fixture folder's name says. */
export interface FixtureName {
  readonly os: 'android' | 'ios';
  /** `de-DE`, `zh-TW` … */
  readonly locale: string;
  readonly clock: '12h' | '24h';
  /** `pre2023`, `2023`, `old`, `ambiguous`, `era`, `persian` … or `—`. */
  readonly era: string;
}

export interface Fixture extends FixtureName {
  readonly name: string;
  readonly logFile: string;
  readonly bytes: Uint8Array;
  readonly expected: ExpectedFile;
}

/** Whether the format and date order come out right when the log is parsed without `language`. */
export interface Detection {
  readonly formatRight: boolean;
  readonly dateOrderRight: boolean;
  readonly dateOrder: string;
  readonly dateOrderSource: string;
}

/**
 * `android-en-GB-12h-2023` → its parts.
 *
 * @example
 * ```ts
 * describeName('ios-ja-JP-24h-era'); // { os: 'ios', locale: 'ja-JP', clock: '24h', era: 'era' }
 * ```
 */
export function describeName(name: string): FixtureName {
  const [os = '', lang = '', region = '', clock = '', ...era] = name.split('-');
  if (
    (os !== 'android' && os !== 'ios') ||
    (clock !== '12h' && clock !== '24h') ||
    !/^[A-Z]{2}$/u.test(region)
  ) {
    throw new Error(`${name}: fixture folders are named <os>-<lang>-<REGION>-<12h|24h>[-<era>]`);
  }
  return { os, locale: `${lang}-${region}`, clock, era: era.join('-') || '—' };
}

/** Every fixture folder, sorted by name. */
export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES_DIR, name);
      const logs = readdirSync(dir).filter((file) => file.endsWith('.txt'));
      if (logs.length !== 1) throw new Error(`${name}: expected one .txt chat log, found ${logs.length}`);
      const logFile = logs[0] as string;
      return {
        name,
        ...describeName(name),
        logFile,
        bytes: new Uint8Array(readFileSync(join(dir, logFile))),
        expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedFile,
      };
    });
}

/** The options without `language`. */
export function withoutLanguage(options: ParseOptions): ParseOptions {
  const { language: _language, ...rest } = options;
  return rest;
}

/** Parses a fixture without `language` and compares the detected format with the expected one. */
export function detectWithoutLanguage(fixture: Fixture): Detection {
  const text = new TextDecoder().decode(fixture.bytes);
  const format = parseChatText(text, withoutLanguage(fixture.expected.options)).info.format;
  return {
    formatRight:
      format !== null &&
      format.os === fixture.expected.format.os &&
      format.clock === fixture.expected.format.clock,
    dateOrderRight: format?.dateOrder === fixture.expected.format.dateOrder,
    dateOrder: format?.dateOrder ?? 'none',
    dateOrderSource: format?.dateOrderSource ?? 'none',
  };
}

/**
 * The registered table a locale's strings come from: the exact tag (`zh-TW`), else its
 * language (`pt-PT` → `pt`).
 *
 * @example
 * ```ts
 * tableFor('pt-PT')?.language; // 'pt'
 * ```
 */
export function tableFor(locale: string): LocaleTable | undefined {
  return (
    LOCALE_TABLES.find((table) => table.language === locale) ??
    LOCALE_TABLES.find((table) => table.language === locale.split('-')[0])
  );
}

/** Replaces the text between two marker comments, or returns null when the markers are missing. */
export function replaceBetween(document: string, start: string, end: string, body: string): string | null {
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to === -1 || to < from) return null;
  return `${document.slice(0, from + start.length)}\n${body}\n${document.slice(to)}`;
}

/** The text between two marker comments, trimmed, or null when the markers are missing. */
export function textBetween(document: string, start: string, end: string): string | null {
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to === -1 || to < from) return null;
  return document.slice(from + start.length, to).trim();
}
