import { describe, expect, test } from 'vitest';
import { WaImportError } from '../../src/errors.js';
import { assertImportable } from '../../src/participants/assert-importable.js';
import { parseParticipantOverride } from '../../src/participants/override.js';
import { type ResolveParticipantsInput, resolveParticipants } from '../../src/participants/resolve.js';

const LRE = '\u202a';
const PDF = '\u202c';
const NBSP = '\u00a0';
const NB_HYPHEN = '\u2011';

const author = (handle: string, messages = 3) => ({ handle, messages });
const resolve = (input: Partial<ResolveParticipantsInput> & Pick<ResolveParticipantsInput, 'authors'>) =>
  resolveParticipants({ groupEvents: false, ...input });

function errorOf(run: () => unknown): WaImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof WaImportError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('resolveParticipants: sources', () => {
  test('a handle that is an Android-printed number resolves itself', () => {
    const result = resolve({ authors: [author('Shop'), author('+44 20 7946 0018')], self: 'Shop' });
    expect(result.participants).toEqual([{ handle: '+44 20 7946 0018', phone_number: '+442079460018' }]);
    expect(result.customer).toBe('+44 20 7946 0018');
    expect(result.self).toBe('Shop');
    expect(result.sources).toEqual([{ handle: '+44 20 7946 0018', source: 'handle' }]);
    expect(result.unresolved).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  test('an iOS-printed handle (LRE, NBSP, U+2011, PDF) resolves after normalising', () => {
    const handle = `${LRE}+1${NBSP}(202)${NBSP}555${NB_HYPHEN}0142${PDF}`;
    const result = resolve({ authors: [author('Shop'), author(handle)], self: 'Shop' });
    expect(result.participants).toEqual([{ handle, phone_number: '+12025550142' }]);
  });

  test('an override wins over contacts and the handle', () => {
    const result = resolve({
      authors: [author('Shop'), author('+49 151 23456789')],
      self: 'Shop',
      overrides: [parseParticipantOverride('+49 151 23456789=+49 160 1234567')],
      contacts: [{ name: '+49 151 23456789', phones: ['+1 202-555-0142'] }],
    });
    expect(result.participants).toEqual([{ handle: '+49 151 23456789', phone_number: '+491601234567' }]);
    expect(result.sources).toEqual([{ handle: '+49 151 23456789', source: 'override' }]);
  });

  test('contacts match by name exactly, then ignoring case, width and spacing', () => {
    const contacts = [
      { name: 'anna  SCHMIDT', phones: ['0151 23456789'] },
      { name: 'Bob', phones: ['+1 202-555-0142'] },
    ];
    const result = resolve({
      authors: [author('Shop'), author('Anna Schmidt')],
      self: 'Shop',
      contacts,
      language: 'de-DE',
    });
    expect(result.participants).toEqual([{ handle: 'Anna Schmidt', phone_number: '+4915123456789' }]);
    expect(result.sources).toEqual([{ handle: 'Anna Schmidt', source: 'contacts' }]);
  });

  test('national numbers use defaultRegion before the language region', () => {
    const contacts = [{ name: 'Anna', phones: ['020 7946 0018'] }];
    const gb = resolve({
      authors: [author('Shop'), author('Anna')],
      self: 'Shop',
      contacts,
      defaultRegion: 'GB',
      language: 'de-DE',
    });
    expect(gb.participants[0]?.phone_number).toBe('+442079460018');
    const none = resolve({
      authors: [author('Shop'), author('Anna')],
      self: 'Shop',
      contacts,
      language: 'de',
    });
    expect(none.participants).toEqual([]);
    expect(none.unresolved[0]?.hint).toBe(
      'the contacts list no valid number for "Anna" (020 7946 0018): pass --participant "Anna=+<number>"',
    );
  });

  test('a contact with several numbers: the one matching the chat name, else the only mobile', () => {
    const contacts = [{ name: 'Anna', phones: ['+49 30 12345678', '+49 151 23456789', '+49 160 1234567'] }];
    const byChat = resolve({
      authors: [author('Shop'), author('Anna')],
      self: 'Shop',
      contacts,
      chatName: '+49 160 1234567',
    });
    expect(byChat.participants[0]?.phone_number).toBe('+491601234567');
    const mobile = resolve({
      authors: [author('Shop'), author('Anna')],
      self: 'Shop',
      contacts: [{ name: 'Anna', phones: ['+49 30 12345678', '+49 151 23456789'] }],
    });
    expect(mobile.participants[0]?.phone_number).toBe('+4915123456789');
    expect(mobile.warnings).toEqual([
      'the contacts list 2 numbers for "Anna": using the mobile one, +4915123456789',
    ]);
    const unclear = resolve({ authors: [author('Shop'), author('Anna')], self: 'Shop', contacts });
    expect(unclear.unresolved[0]?.hint).toContain(
      'several numbers for "Anna" (+493012345678, +4915123456789, +491601234567)',
    );
  });

  test('the chat name gives the number of the one non-self author left', () => {
    const result = resolve({
      authors: [author('Shop'), author('Anna')],
      self: 'Shop',
      chatName: '+49 151 23456789',
    });
    expect(result.participants).toEqual([{ handle: 'Anna', phone_number: '+4915123456789' }]);
    expect(result.sources).toEqual([{ handle: 'Anna', source: 'chat-name' }]);
    expect(result.warnings).toEqual([]);
  });

  test('the chat name is not given to an author when another author already has that number', () => {
    const result = resolve({
      authors: [author('Shop'), author('+49 151 23456789')],
      chatName: '+49 151 23456789',
    });
    expect(result.customer).toBe('+49 151 23456789');
    expect(result.self).toBe('Shop');
    expect(result.participants).toEqual([{ handle: '+49 151 23456789', phone_number: '+4915123456789' }]);
    expect(result.unresolved).toEqual([]);
  });
});

describe('resolveParticipants: customer and self', () => {
  test('without self, the author matching the chat name by name is the customer', () => {
    const result = resolve({
      authors: [author('+44 20 7946 0018'), author('Anna Schmidt')],
      chatName: 'anna schmidt',
      contacts: [{ name: 'Anna Schmidt', phones: ['+49 151 23456789'] }],
    });
    expect(result.customer).toBe('Anna Schmidt');
    expect(result.self).toBe('+44 20 7946 0018');
    expect(result.participants).toEqual([{ handle: 'Anna Schmidt', phone_number: '+4915123456789' }]);
  });

  test('without self or a matching chat name, both are supplied with a warning', () => {
    const result = resolve({
      authors: [author('Shop'), author('+44 20 7946 0018')],
      chatName: 'Something else',
      contacts: [{ name: 'Shop', phones: ['+1 202-555-0142'] }],
    });
    expect(result.customer).toBeNull();
    expect(result.self).toBeNull();
    expect(result.participants).toEqual([
      { handle: 'Shop', phone_number: '+12025550142' },
      { handle: '+44 20 7946 0018', phone_number: '+442079460018' },
    ]);
    expect(result.warnings).toEqual([
      'cannot tell the customer from your side among "Shop" and "+44 20 7946 0018": supplying both; pass --self "<your handle>" to say which is yours',
    ]);
  });

  test('an ambiguous unresolved author gets a hint naming --participant and --self', () => {
    const result = resolve({ authors: [author('Shop'), author('+44 20 7946 0018')] });
    expect(result.unresolved).toEqual([
      {
        handle: 'Shop',
        hint: 'no number known for "Shop": pass --participant "Shop=+<number>", or --self "Shop" if that is your side',
      },
    ]);
  });

  test('self matches loosely; an unknown self is a warning', () => {
    const loose = resolve({ authors: [author('My Shop'), author('+44 20 7946 0018')], self: 'my shop' });
    expect(loose.self).toBe('My Shop');
    expect(loose.customer).toBe('+44 20 7946 0018');
    const unknown = resolve({
      authors: [author('My Shop'), author('+44 20 7946 0018')],
      self: 'Other',
      chatName: '+44 20 7946 0018',
    });
    expect(unknown.warnings).toContain('--self "Other" matches no author of the chat');
    expect(unknown.customer).toBe('+44 20 7946 0018');
  });

  test('only the business side wrote: no customer, nothing unresolved', () => {
    const result = resolve({ authors: [author('Shop')], self: 'Shop' });
    expect(result.customer).toBeNull();
    expect(result.participants).toEqual([]);
    expect(result.unresolved).toEqual([]);
    expect(result.warnings).toEqual(['only your side ("Shop") wrote: the log names no customer']);
  });

  test('one unknown author with a number as chat name gets it, with a warning', () => {
    const result = resolve({ authors: [author('Anna')], chatName: '+49 151 23456789' });
    expect(result.participants).toEqual([{ handle: 'Anna', phone_number: '+4915123456789' }]);
    expect(result.customer).toBe('Anna');
    expect(result.warnings).toEqual([
      'took the number of "Anna" from the chat name "+49 151 23456789": pass --self "Anna" if that is your side',
    ]);
  });

  test('no authors at all: nothing to supply', () => {
    const result = resolve({ authors: [], chatName: '+49 151 23456789' });
    expect(result).toMatchObject({
      participants: [],
      customer: null,
      unresolved: [],
      isGroup: false,
      warnings: [],
    });
  });
});

describe('resolveParticipants: groups and errors', () => {
  test('three authors or group events make a group', () => {
    const three = resolve({ authors: [author('A'), author('B'), author('C')] });
    expect(three.isGroup).toBe(true);
    expect(three.participants).toEqual([]);
    const events = resolve({ authors: [author('A'), author('+44 20 7946 0018')], groupEvents: true });
    expect(events.isGroup).toBe(true);
    expect(errorOf(() => assertImportable(events)).code).toBe('E_GROUP_CHAT');
  });

  test('an invalid override number is E_INVALID_PHONE with the value', () => {
    const error = errorOf(() =>
      resolve({ authors: [author('Anna')], overrides: [{ handle: 'Anna', phone: '+44 7700 900123' }] }),
    );
    expect(error.code).toBe('E_INVALID_PHONE');
    expect(error.message).toBe('--participant "Anna": not a valid phone number, got "+44 7700 900123"');
    const national = errorOf(() =>
      resolve({ authors: [author('Anna')], overrides: [{ handle: 'Anna', phone: '0151 23456789' }] }),
    );
    expect(national.hint).toContain('--default-region');
  });

  test('two numbers for one author is E_INVALID_OPTION; an unused override is a warning', () => {
    const error = errorOf(() =>
      resolve({
        authors: [author('Anna')],
        overrides: [
          { handle: 'Anna', phone: '+49 151 23456789' },
          { handle: 'anna', phone: '+49 160 1234567' },
        ],
      }),
    );
    expect(error.code).toBe('E_INVALID_OPTION');
    const unused = resolve({
      authors: [author('Anna')],
      self: 'Anna',
      overrides: [{ handle: 'Bob', phone: '+1 202 555 0142' }],
    });
    expect(unused.warnings).toContain('--participant "Bob" matches no author of the chat');
  });

  test('an invalid number as handle says so in the hint', () => {
    const result = resolve({ authors: [author('Shop'), author('+44 7700 900123')], self: 'Shop' });
    expect(result.unresolved).toEqual([
      {
        handle: '+44 7700 900123',
        hint: '"+44 7700 900123" looks like a phone number but is not a valid one: pass --participant "+44 7700 900123=+<number>"',
      },
    ]);
  });

  test('assertImportable names the flag to pass, quoting handles for the shell', () => {
    const result = resolve({ authors: [author('Shop'), author('Thandi "Twin" T')], self: 'Shop' });
    const error = errorOf(() => assertImportable(result));
    expect(error.code).toBe('E_PARTICIPANT_UNRESOLVED');
    expect(error.message).toBe('no phone number for "Thandi "Twin" T"');
    expect(error.hint).toBe(
      `no number known for "Thandi "Twin" T": pass --participant 'Thandi "Twin" T=+<number>'`,
    );
    const fixed = resolve({
      authors: [author('Shop'), author('Thandi "Twin" T')],
      self: 'Shop',
      overrides: [parseParticipantOverride('Thandi "Twin" T=+44 20 7946 0018')],
    });
    expect(() => assertImportable(fixed)).not.toThrow();
  });
});

describe('parseParticipantOverride', () => {
  test('splits at the last =', () => {
    expect(parseParticipantOverride(' A=B = +49 151 23456789 ')).toEqual({
      handle: 'A=B',
      phone: '+49 151 23456789',
    });
  });

  test('rejects a value without handle or number', () => {
    for (const text of ['Anna', '=+49 151 23456789', 'Anna=']) {
      expect(errorOf(() => parseParticipantOverride(text)).code).toBe('E_INVALID_OPTION');
    }
  });
});
