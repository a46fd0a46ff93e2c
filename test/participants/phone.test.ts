import { describe, expect, test } from 'vitest';
import { looksLikePhoneNumber, normalizePhoneText, parsePhone } from '../../src/participants/phone.js';
import { pickRegion, regionFromLanguage } from '../../src/participants/region.js';

const LRE = '\u202a';
const PDF = '\u202c';
const NBSP = '\u00a0';
const NB_HYPHEN = '\u2011';

describe('normalizePhoneText', () => {
  test('drops bidi marks and turns NBSP, NNBSP and U+2011 into separators', () => {
    expect(normalizePhoneText(`${LRE}+55${NBSP}61${NBSP}99000${NB_HYPHEN}0001${PDF}`)).toBe(
      '+55 61 99000-0001',
    );
    expect(normalizePhoneText('+49\u202f151\u2009234\u201256789')).toBe('+49 151 234-56789');
  });
});

describe('looksLikePhoneNumber', () => {
  test.each([
    ['+44 20 7946 0018'],
    [`${LRE}+40${NBSP}712${NBSP}345${NBSP}678${PDF}`],
    ['+1 (202) 555-0142'],
    ['0151 23456789'],
    ['+٤٩ ١٥١ ٢٣٤٥٦٧٨٩'],
  ])('%s is shaped like a number', (text) => {
    expect(looksLikePhoneNumber(text)).toBe(true);
  });

  test.each([['Anna Schmidt'], ['Agent 007'], ['1234'], ['+1 202 555 0142 ext 5'], ['']])(
    '%s is not',
    (text) => {
      expect(looksLikePhoneNumber(text)).toBe(false);
    },
  );
});

describe('parsePhone', () => {
  test('reads Android-printed international numbers', () => {
    expect(parsePhone('+44 20 7946 0018')).toMatchObject({ ok: true, e164: '+442079460018' });
    expect(parsePhone('+1 202-555-0142')).toMatchObject({ ok: true, e164: '+12025550142' });
    expect(parsePhone('+49 151 23456789')).toMatchObject({
      ok: true,
      e164: '+4915123456789',
      type: 'MOBILE',
    });
  });

  test('reads iOS-printed numbers with LRE/PDF, NBSP and the non-breaking hyphen', () => {
    expect(parsePhone(`${LRE}+40${NBSP}712${NBSP}345${NBSP}678${PDF}`)).toMatchObject({
      e164: '+40712345678',
    });
    expect(parsePhone(`${LRE}+55${NBSP}61${NBSP}99000${NB_HYPHEN}0001${PDF}`)).toMatchObject({
      e164: '+5561990000001',
    });
    expect(parsePhone(`${LRE}+1${NBSP}(202)${NBSP}555${NB_HYPHEN}0142${PDF}`)).toMatchObject({
      e164: '+12025550142',
    });
  });

  test('reads national numbers only with a region', () => {
    expect(parsePhone('0151 23456789')).toEqual({ ok: false, reason: 'needs-region' });
    expect(parsePhone('0151 23456789', 'DE')).toMatchObject({ ok: true, e164: '+4915123456789' });
    expect(parsePhone('020 7946 0018', 'GB')).toMatchObject({ ok: true, e164: '+442079460018' });
    expect(parsePhone('(202) 555-0142', 'US')).toMatchObject({ ok: true, e164: '+12025550142' });
  });

  test('reads a 00 prefix as + when no region is known', () => {
    expect(parsePhone('0049 151 23456789')).toMatchObject({ ok: true, e164: '+4915123456789' });
  });

  test('refuses numbers the numbering plan does not allow', () => {
    // The UK drama range 07700 900xxx is reserved and not valid in libphonenumber's metadata.
    expect(parsePhone('+44 7700 900123')).toEqual({ ok: false, reason: 'invalid' });
    // Pre-2016 eight-digit Brazilian mobile, as old iOS exports print it.
    expect(parsePhone(`${LRE}+55${NBSP}61${NBSP}9000${NB_HYPHEN}0001${PDF}`)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(parsePhone('+49 151 2345')).toEqual({ ok: false, reason: 'invalid' });
    expect(parsePhone('call +49 151 23456789')).toEqual({ ok: false, reason: 'needs-region' });
  });
});

describe('regions', () => {
  test('the language gives its region when it names one', () => {
    expect(regionFromLanguage('de-DE')).toBe('DE');
    expect(regionFromLanguage('pt-BR')).toBe('BR');
    expect(regionFromLanguage('zh-Hant-TW')).toBe('TW');
    expect(regionFromLanguage('de')).toBeUndefined();
    expect(regionFromLanguage('es-419')).toBeUndefined();
    expect(regionFromLanguage('not a tag')).toBeUndefined();
  });

  test('defaultRegion wins over the language and must be known', () => {
    expect(pickRegion({ defaultRegion: 'gb', language: 'de-DE' })).toBe('GB');
    expect(pickRegion({ language: 'en-US' })).toBe('US');
    expect(pickRegion({})).toBeUndefined();
    expect(() => pickRegion({ defaultRegion: 'XX' })).toThrow(
      expect.objectContaining({
        code: 'E_INVALID_OPTION',
        message: 'region must be an ISO 3166 two-letter country code: got "XX"',
      }),
    );
  });
});
