import { describe, expect, test } from 'vitest';
import { WaImportError } from '../../src/errors.js';
import type { ChatImportSource } from '../../src/payload/source.js';
import { validateChatImportSource } from '../../src/payload/validate-source.js';
import { mediaOf } from './helpers.js';

const valid: ChatImportSource = {
  chatText: 'x',
  participants: [{ handle: 'Anna', phone_number: '+4915123456789' }],
  utcOffsetMinutes: -420,
  deviceLanguageCode: 'en-US',
  media: [],
};

function codeOf(source: ChatImportSource): string | undefined {
  try {
    validateChatImportSource(source);
    return undefined;
  } catch (error) {
    return error instanceof WaImportError ? error.code : 'not a WaImportError';
  }
}

describe('validateChatImportSource', () => {
  test('accepts a valid source and the offset limits', () => {
    expect(codeOf(valid)).toBeUndefined();
    expect(codeOf({ ...valid, utcOffsetMinutes: -720 })).toBeUndefined();
    expect(codeOf({ ...valid, utcOffsetMinutes: 840 })).toBeUndefined();
    expect(codeOf({ ...valid, deviceLanguageCode: 'pt-BR' })).toBeUndefined();
  });

  test('rejects more than two participants as a group chat', () => {
    const three = ['+4915123456789', '+12025550123', '+442079460123'].map((phone_number, i) => ({
      handle: `P${i}`,
      phone_number,
    }));
    expect(codeOf({ ...valid, participants: three })).toBe('E_GROUP_CHAT');
  });

  test('rejects a number that is not E.164', () => {
    expect(() =>
      validateChatImportSource({
        ...valid,
        participants: [{ handle: 'Anna', phone_number: '+49 151 23456789' }],
      }),
    ).toThrow('phone number of "Anna" is not E.164: got "+49 151 23456789"');
    expect(codeOf({ ...valid, participants: [{ handle: 'A', phone_number: '015123456789' }] })).toBe(
      'E_INVALID_PHONE',
    );
  });

  test('rejects an offset that is fractional, out of range or not a number', () => {
    for (const utcOffsetMinutes of [30.5, -721, 841, Number.NaN]) {
      expect(codeOf({ ...valid, utcOffsetMinutes })).toBe('E_NO_UTC_OFFSET');
    }
  });

  test('rejects a language code that is not BCP 47', () => {
    for (const deviceLanguageCode of ['', 'en_US', 'not a tag']) {
      expect(codeOf({ ...valid, deviceLanguageCode })).toBe('E_NO_LANGUAGE');
    }
  });

  test('rejects media without a name or type, or with a bad size', () => {
    expect(codeOf({ ...valid, media: [mediaOf('', 'image/jpeg', [])] })).toBe('E_INVALID_OPTION');
    expect(codeOf({ ...valid, media: [mediaOf('a.jpg', '', [])] })).toBe('E_INVALID_OPTION');
    expect(codeOf({ ...valid, media: [mediaOf('a.jpg', 'image/jpeg', [], -1)] })).toBe('E_INVALID_OPTION');
    expect(codeOf({ ...valid, media: [mediaOf('a.jpg', 'image/jpeg', [], 1.5)] })).toBe('E_INVALID_OPTION');
  });
});
