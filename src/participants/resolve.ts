/**
 * Who is in a 1:1 chat and what their numbers are: the inbox files an imported chat under the
 * customer's number, and a saved contact appears in the log by name only.
 *
 * Per author, the first source that yields a valid number wins:
 *
 * 1. `override`: `--participant "<handle>=<phone>"`;
 * 2. `contacts`: a contacts file entry of that name (exact, then loosely equal);
 * 3. `handle`: the handle itself is a number (`+44 20 7946 0123`, iOS `\u202a+40\u00a0700…\u202c`);
 * 4. `chat-name`: the export's chat name is a number and exactly one non-self author is left.
 *
 * The customer is the author who is not `self`; with `self` unknown, the one author matching the
 * chat name (by name, or by number). Where that cannot be told, both authors are supplied, as
 * the API allows, and a warning says so.
 *
 * @module
 */

import type { CountryCode } from 'libphonenumber-js/max';
import { WaImportError } from '../errors.js';
import type { ChatImportContact } from '../payload/index.js';
import type { Contact } from './contact.js';
import { participantFlag, selfFlag } from './hints.js';
import { matchByName, nameKey } from './name-key.js';
import type { ParticipantOverride } from './override.js';
import { looksLikePhoneNumber, type PhoneParse, parsePhone } from './phone.js';
import { pickRegion } from './region.js';

/**
 * A human author of the log, as the parser reports it.
 *
 * @example
 * ```ts
 * const author: ChatAuthor = { handle: '+49 151 23456789', messages: 12 };
 * ```
 */
export interface ChatAuthor {
  /** The author as printed, bidi marks and `~ ` removed. */
  readonly handle: string;
  /** How many messages they wrote. */
  readonly messages: number;
}

/**
 * Where a participant's number came from.
 *
 * @example
 * ```ts
 * for (const { handle, source } of result.sources) console.log(`${handle}: from ${source}`);
 * ```
 */
export type ParticipantSource = 'override' | 'contacts' | 'handle' | 'chat-name';

/**
 * What {@link resolveParticipants} reads.
 *
 * @example
 * ```ts
 * const input: ResolveParticipantsInput = {
 *   authors: [{ handle: 'Shop', messages: 4 }, { handle: 'Anna Schmidt', messages: 3 }],
 *   groupEvents: false,
 *   contacts: parseContactsFile(csv, 'contacts.csv'),
 *   self: 'Shop',
 *   language: 'de-DE',
 * };
 * ```
 */
export interface ResolveParticipantsInput {
  /** Human authors (no system lines), cleaned by the parser. */
  readonly authors: readonly ChatAuthor[];
  /** The parser saw group events (created group, added, left …). */
  readonly groupEvents: boolean;
  /** `--participant` values. */
  readonly overrides?: readonly ParticipantOverride[];
  /** Entries of a contacts file. */
  readonly contacts?: readonly Contact[];
  /** The business side's handle (`--self`). */
  readonly self?: string;
  /** The chat name from the export's file name (`+49 151 23456789`, `Anna Schmidt`). */
  readonly chatName?: string;
  /** ISO 3166 alpha-2 region to read national numbers in (`--default-region`). */
  readonly defaultRegion?: string;
  /** Device language, BCP 47; its region is the fallback for national numbers. */
  readonly language?: string;
}

/**
 * An author whose number is needed but unknown.
 *
 * @example
 * ```ts
 * for (const { hint } of result.unresolved) console.error(hint);
 * // no number known for "Anna": pass --participant "Anna=+<number>"
 * ```
 */
export interface UnresolvedParticipant {
  /** The author. */
  readonly handle: string;
  /** Why, and what to pass to fix it. */
  readonly hint: string;
}

/**
 * Outcome of {@link resolveParticipants}.
 *
 * @example
 * ```ts
 * const { participants, customer, warnings }: ResolvedParticipants = resolveParticipants(input);
 * ```
 */
export interface ResolvedParticipants {
  /** What goes into `chat_participants`: the customer, or both authors when unclear (≤ 2). */
  readonly participants: readonly ChatImportContact[];
  /** The customer's handle, when known. */
  readonly customer: string | null;
  /** The business side's handle, given or deduced. */
  readonly self: string | null;
  /** Every author whose number was found, and from where. */
  readonly sources: readonly { readonly handle: string; readonly source: ParticipantSource }[];
  /** Authors whose number is needed but unknown. */
  readonly unresolved: readonly UnresolvedParticipant[];
  /** More than two authors, or group events: the inbox cannot import it. */
  readonly isGroup: boolean;
  /** Things the user should check. */
  readonly warnings: readonly string[];
}

interface Found {
  readonly phone: string;
  readonly source: ParticipantSource;
}

type Lookup = { readonly phone: string } | { readonly reason: string } | undefined;

/** Types that can reach WhatsApp; `undefined` when the metadata cannot tell. */
const MOBILE_TYPES = new Set<string | undefined>(['MOBILE', 'FIXED_LINE_OR_MOBILE', undefined]);

function overridePhone(override: ParticipantOverride, region: CountryCode | undefined): string {
  const parsed = parsePhone(override.phone, region);
  if (parsed.ok) return parsed.e164;
  throw new WaImportError(
    'E_INVALID_PHONE',
    `--participant "${override.handle}": not a valid phone number, got "${override.phone}"`,
    {
      hint:
        parsed.reason === 'needs-region'
          ? 'write it in international form (+ and country code) or give the region, e.g. --default-region DE'
          : 'check the number and write it in international form, e.g. +4915123456789',
    },
  );
}

/** Maps each author to the number of the override naming them; conflicting overrides throw. */
function matchOverrides(
  authors: readonly ChatAuthor[],
  overrides: readonly ParticipantOverride[],
  region: CountryCode | undefined,
  warnings: string[],
): Map<string, string> {
  const phones = overrides.map((override) => overridePhone(override, region));
  const byAuthor = new Map<string, string>();
  overrides.forEach((override, index) => {
    const phone = phones[index] ?? '';
    const matches = matchByName(authors, override.handle, (author) => author.handle);
    if (matches.length === 0)
      warnings.push(`--participant "${override.handle}" matches no author of the chat`);
    for (const author of matches) {
      const earlier = byAuthor.get(author.handle);
      if (earlier !== undefined && earlier !== phone) {
        throw new WaImportError(
          'E_INVALID_OPTION',
          `--participant gives two numbers for "${author.handle}": got ${earlier} and ${phone}`,
        );
      }
      byAuthor.set(author.handle, phone);
    }
  });
  return byAuthor;
}

/** Looks `handle` up in the contacts; a single valid number (or a single mobile one) wins. */
function lookupContacts(
  handle: string,
  contacts: readonly Contact[],
  region: CountryCode | undefined,
  chatPhone: PhoneParse | undefined,
  warnings: string[],
): Lookup {
  const matches = matchByName(contacts, handle, (contact) => contact.name);
  if (matches.length === 0) return undefined;
  const written = matches.flatMap((contact) => contact.phones);
  const valid = new Map<string, string | undefined>();
  for (const phone of written) {
    const parsed = parsePhone(phone, region);
    if (parsed.ok) valid.set(parsed.e164, parsed.type);
  }
  const numbers = [...valid.keys()];
  if (numbers.length === 1 && numbers[0] !== undefined) return { phone: numbers[0] };
  if (numbers.length === 0) {
    return { reason: `the contacts list no valid number for "${handle}" (${written.join(', ')})` };
  }
  if (chatPhone?.ok === true && valid.has(chatPhone.e164)) return { phone: chatPhone.e164 };
  const mobiles = numbers.filter((number) => MOBILE_TYPES.has(valid.get(number)));
  if (mobiles.length === 1 && mobiles[0] !== undefined) {
    warnings.push(
      `the contacts list ${numbers.length} numbers for "${handle}": using the mobile one, ${mobiles[0]}`,
    );
    return { phone: mobiles[0] };
  }
  return { reason: `the contacts list several numbers for "${handle}" (${numbers.join(', ')})` };
}

function handleLookup(handle: string, region: CountryCode | undefined): Lookup {
  if (!looksLikePhoneNumber(handle)) return undefined;
  const parsed = parsePhone(handle, region);
  if (parsed.ok) return { phone: parsed.e164 };
  return {
    reason:
      parsed.reason === 'needs-region'
        ? `"${handle}" looks like a national number and no region is known`
        : `"${handle}" looks like a phone number but is not a valid one`,
  };
}

/**
 * Resolves the chat's participants to E.164 numbers and tells customer from business side.
 * Throws `E_INVALID_PHONE` for an override that is not a valid number, `E_INVALID_OPTION` for
 * an unknown `defaultRegion` or two overrides giving one author different numbers. Everything
 * else is reported in the result; {@link assertImportable} turns it into errors.
 *
 * @example
 * ```ts
 * const result = resolveParticipants({
 *   authors: [{ handle: 'Shop', messages: 3 }, { handle: '+49 151 23456789', messages: 2 }],
 *   groupEvents: false,
 *   self: 'Shop',
 * });
 * result.participants; // [{ handle: '+49 151 23456789', phone_number: '+4915123456789' }]
 * result.customer; // '+49 151 23456789'
 * ```
 */
export function resolveParticipants(input: ResolveParticipantsInput): ResolvedParticipants {
  const warnings: string[] = [];
  const region = pickRegion({
    ...(input.defaultRegion === undefined ? {} : { defaultRegion: input.defaultRegion }),
    ...(input.language === undefined ? {} : { language: input.language }),
  });
  const authors = input.authors;
  const overrides = matchOverrides(authors, input.overrides ?? [], region, warnings);
  if (authors.length > 2 || input.groupEvents) {
    warnings.push(
      input.groupEvents
        ? 'the log shows group events, so it is a group chat'
        : `the log has ${authors.length} authors, so it is a group chat`,
    );
    return {
      participants: [],
      customer: null,
      self: null,
      sources: [],
      unresolved: [],
      isGroup: true,
      warnings,
    };
  }

  let self = input.self === undefined ? undefined : matchByName(authors, input.self, (a) => a.handle)[0];
  if (input.self !== undefined && self === undefined) {
    warnings.push(`--self "${input.self}" matches no author of the chat`);
  }
  const chatName = input.chatName?.trim() === '' ? undefined : input.chatName?.trim();
  const chatPhone =
    chatName !== undefined && looksLikePhoneNumber(chatName) ? parsePhone(chatName, region) : undefined;
  if (chatPhone?.ok === false)
    warnings.push(`the chat name "${chatName}" looks like a number but is not a valid one`);

  const found = new Map<string, Found>();
  const reasons = new Map<string, string>();
  const contacts = input.contacts ?? [];
  for (const { handle } of authors) {
    const override = overrides.get(handle);
    if (override !== undefined) {
      found.set(handle, { phone: override, source: 'override' });
      continue;
    }
    const lookups: [ParticipantSource, () => Lookup][] = [
      ['contacts', () => lookupContacts(handle, contacts, region, chatPhone, warnings)],
      ['handle', () => handleLookup(handle, region)],
    ];
    for (const [source, lookup] of lookups) {
      const result = lookup();
      if (result !== undefined && 'phone' in result) {
        found.set(handle, { phone: result.phone, source });
        break;
      }
      if (result !== undefined) reasons.set(handle, result.reason);
    }
  }

  const pending = authors.filter((author) => author !== self && !found.has(author.handle));
  const only = pending[0];
  if (chatPhone?.ok === true && pending.length === 1 && only !== undefined) {
    const taken = [...found.values()].some((entry) => entry.phone === chatPhone.e164);
    if (!taken) {
      found.set(only.handle, { phone: chatPhone.e164, source: 'chat-name' });
      if (self === undefined) {
        warnings.push(
          `took the number of "${only.handle}" from the chat name "${chatName}": pass ${selfFlag(only.handle)} if that is your side`,
        );
      }
    }
  }

  let customer: ChatAuthor | undefined;
  if (self !== undefined) {
    const others = authors.filter((author) => author !== self);
    customer = others.length === 1 ? others[0] : undefined;
    if (others.length === 0)
      warnings.push(`only your side ("${self.handle}") wrote: the log names no customer`);
  } else if (authors.length > 0) {
    const chatKey = chatName === undefined ? '' : nameKey(chatName);
    const matching = authors.filter(
      (author) =>
        (chatKey !== '' && nameKey(author.handle) === chatKey) ||
        (chatPhone?.ok === true && found.get(author.handle)?.phone === chatPhone.e164),
    );
    if (matching.length === 1) {
      customer = matching[0];
      self = authors.find((author) => author !== customer);
    } else {
      const handles = authors.map((author) => `"${author.handle}"`).join(' and ');
      warnings.push(
        `cannot tell the customer from your side among ${handles}: supplying ${authors.length === 1 ? 'it' : 'both'}; pass --self "<your handle>" to say which is yours`,
      );
    }
  }

  const needed = customer !== undefined ? [customer] : authors.filter((author) => author !== self);
  const participants: ChatImportContact[] = [];
  const unresolved: UnresolvedParticipant[] = [];
  for (const { handle } of needed) {
    const entry = found.get(handle);
    if (entry !== undefined) {
      participants.push({ handle, phone_number: entry.phone });
      continue;
    }
    const why = reasons.get(handle) ?? `no number known for "${handle}"`;
    const orSelf =
      customer === undefined && self === undefined ? `, or ${selfFlag(handle)} if that is your side` : '';
    unresolved.push({ handle, hint: `${why}: pass ${participantFlag(handle)}${orSelf}` });
  }
  const sources = authors.flatMap((author) => {
    const entry = found.get(author.handle);
    return entry === undefined ? [] : [{ handle: author.handle, source: entry.source }];
  });
  return {
    participants,
    customer: customer?.handle ?? null,
    self: self?.handle ?? null,
    sources,
    unresolved,
    isGroup: false,
    warnings,
  };
}
