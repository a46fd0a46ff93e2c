/**
 * The emulator's check of a `ChatImport` body, as strict as a Django REST Framework serializer:
 * required fields, types, ranges, base64, at most two participants. Errors come back in DRF's
 * shape, `{ "field": ["message"] }`, nested per list item.
 *
 * @module
 */

import { isBase64 } from './base64-check.js';
import { LargeString } from './json-scanner.js';

const minUtcOffsetMinutes = -720;
const maxUtcOffsetMinutes = 840;
const maxParticipants = 2;
const languagePattern = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;
const mimePattern = /^[\w.+-]+\/[\w.+-]+$/;
/** Separators people put in phone numbers. */
const phoneSeparators = /[\s\-().\u00a0]/g;
const phonePattern = /^\+?\d{6,15}$/;

const required = 'This field is required.';
const notNull = 'This field may not be null.';
const notBlank = 'This field may not be blank.';

/**
 * A string field's value: the string, or its summary when it was too large to keep.
 *
 * @example
 * ```ts
 * const headerLines = typeof text === 'string' ? countHeaderLines(text) : text.headerLines;
 * ```
 */
export type TextValue = string | LargeString;

/**
 * A participant as the emulator accepted it.
 *
 * @example
 * ```ts
 * const participant: ValidParticipant = { handle: 'Ana', phoneNumber: '+44 7700 900123', digits: '447700900123' };
 * ```
 */
export interface ValidParticipant {
  readonly handle: string;
  readonly phoneNumber: string;
  /** The number's digits, without `+` or separators. */
  readonly digits: string;
}

/**
 * A body that passed the check.
 *
 * @example
 * ```ts
 * const check = checkChatImport(JSON.parse(text));
 * if (check.ok) console.log(check.value.mediaFileCount);
 * ```
 */
export interface ValidImport {
  readonly chatText: TextValue;
  readonly participants: readonly ValidParticipant[];
  readonly utcOffsetMinutes: number;
  readonly deviceLanguageCode: string;
  readonly mediaFileCount: number;
}

/**
 * The outcome of {@link checkChatImport}: the accepted import, or DRF-style errors.
 *
 * @example
 * ```ts
 * const check: ImportCheck = checkChatImport(body);
 * if (!check.ok) response.end(JSON.stringify(check.errors));
 * ```
 */
export type ImportCheck =
  | { readonly ok: true; readonly value: ValidImport }
  | { readonly ok: false; readonly errors: Readonly<Record<string, unknown>> };

/**
 * Checks a parsed `ChatImport` body (from `JSON.parse` or the {@link JsonScanner}).
 *
 * @example
 * ```ts
 * checkChatImport({ utc_offset_minutes: 60 });
 * // { ok: false, errors: { chat_text: ['This field is required.'], … } }
 * ```
 */
export function checkChatImport(data: unknown): ImportCheck {
  if (!isRecord(data)) {
    return {
      ok: false,
      errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonType(data)}.`] },
    };
  }
  const errors: Record<string, unknown> = {};
  const chatText = textField(data, 'chat_text', errors);
  const utcOffsetMinutes = integerField(data, 'utc_offset_minutes', errors);
  const deviceLanguageCode = textField(data, 'device_language_code', errors);
  if (typeof deviceLanguageCode !== 'string' && deviceLanguageCode !== undefined) {
    errors.device_language_code = ['Enter a valid language code.'];
  } else if (deviceLanguageCode !== undefined && !languagePattern.test(deviceLanguageCode)) {
    errors.device_language_code = ['Enter a valid language code.'];
  }
  const mediaFileCount = listField(data, 'media_files', true, errors, checkMediaFile);
  const participants: ValidParticipant[] = [];
  listField(
    data,
    'chat_participants',
    false,
    errors,
    (item) => checkParticipant(item, participants),
    maxParticipants,
  );

  if (
    Object.keys(errors).length > 0 ||
    chatText === undefined ||
    utcOffsetMinutes === undefined ||
    typeof deviceLanguageCode !== 'string' ||
    mediaFileCount === undefined
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: { chatText, participants, utcOffsetMinutes, deviceLanguageCode, mediaFileCount },
  };
}

function textField(
  data: Record<string, unknown>,
  name: string,
  errors: Record<string, unknown>,
): TextValue | undefined {
  const value = data[name];
  const problem = textProblem(value, true);
  if (problem !== undefined) {
    errors[name] = [problem];
    return undefined;
  }
  return value as TextValue;
}

/** Why `value` is not an acceptable non-blank string, or `undefined`. */
function textProblem(value: unknown, isRequired: boolean): string | undefined {
  if (value === undefined) return isRequired ? required : undefined;
  if (value === null) return notNull;
  if (value instanceof LargeString) return undefined;
  if (typeof value !== 'string') return 'Not a valid string.';
  if (value.trim() === '') return notBlank;
  return undefined;
}

function integerField(
  data: Record<string, unknown>,
  name: string,
  errors: Record<string, unknown>,
): number | undefined {
  const value = data[name];
  let problem: string | undefined;
  if (value === undefined) problem = required;
  else if (value === null) problem = notNull;
  else if (typeof value !== 'number' || !Number.isSafeInteger(value))
    problem = 'A valid integer is required.';
  else if (value < minUtcOffsetMinutes)
    problem = `Ensure this value is greater than or equal to ${minUtcOffsetMinutes}.`;
  else if (value > maxUtcOffsetMinutes)
    problem = `Ensure this value is less than or equal to ${maxUtcOffsetMinutes}.`;
  if (problem !== undefined) {
    errors[name] = [problem];
    return undefined;
  }
  return value as number;
}

/**
 * Checks a list field item by item; returns its length when it is acceptable. Item errors go
 * into a list with `{}` for the good items, as DRF reports them.
 */
function listField(
  data: Record<string, unknown>,
  name: string,
  isRequired: boolean,
  errors: Record<string, unknown>,
  checkItem: (item: unknown) => Record<string, unknown> | undefined,
  maxItems = Number.POSITIVE_INFINITY,
): number | undefined {
  const value = data[name];
  if (value === undefined) {
    if (isRequired) errors[name] = [required];
    return isRequired ? undefined : 0;
  }
  if (value === null) {
    errors[name] = [notNull];
    return undefined;
  }
  if (!Array.isArray(value)) {
    errors[name] = [`Expected a list of items but got type "${pythonType(value)}".`];
    return undefined;
  }
  if (value.length > maxItems) {
    errors[name] = [`Ensure this field has no more than ${maxItems} elements.`];
    return undefined;
  }
  const itemErrors = value.map((item) => checkItem(item) ?? {});
  if (itemErrors.some((item) => Object.keys(item).length > 0)) {
    errors[name] = itemErrors;
    return undefined;
  }
  return value.length;
}

function checkMediaFile(item: unknown): Record<string, unknown> | undefined {
  if (!isRecord(item)) {
    return { non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonType(item)}.`] };
  }
  const errors: Record<string, unknown> = {};
  const content = item.b64_content;
  if (content === undefined) errors.b64_content = [required];
  else if (content === null) errors.b64_content = [notNull];
  else if (
    content instanceof LargeString ? !content.base64 : typeof content !== 'string' || !isBase64(content)
  ) {
    errors.b64_content = ['Invalid base64 content.'];
  }
  const mime = item.mime_type;
  const mimeProblem = textProblem(mime, true);
  if (mimeProblem !== undefined) errors.mime_type = [mimeProblem];
  else if (typeof mime !== 'string' || !mimePattern.test(mime))
    errors.mime_type = ['Enter a valid MIME type.'];
  const fileName = item.file_name;
  const fileProblem = textProblem(fileName, true);
  if (fileProblem !== undefined) errors.file_name = [fileProblem];
  else if (typeof fileName !== 'string' || /[/\\\0]/.test(fileName))
    errors.file_name = ['Enter a valid file name.'];
  return Object.keys(errors).length > 0 ? errors : undefined;
}

function checkParticipant(item: unknown, accepted: ValidParticipant[]): Record<string, unknown> | undefined {
  if (!isRecord(item)) {
    return { non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonType(item)}.`] };
  }
  const errors: Record<string, unknown> = {};
  const { handle, phone_number: phoneNumber } = item;
  const handleProblem = textProblem(handle, true);
  if (handleProblem !== undefined) errors.handle = [handleProblem];
  else if (typeof handle !== 'string') errors.handle = ['Ensure this field has no more than 256 characters.'];
  const phoneProblem = textProblem(phoneNumber, true);
  const compact = typeof phoneNumber === 'string' ? phoneNumber.replace(phoneSeparators, '') : '';
  if (phoneProblem !== undefined) errors.phone_number = [phoneProblem];
  else if (!phonePattern.test(compact)) errors.phone_number = ['Enter a valid phone number.'];
  if (Object.keys(errors).length > 0) return errors;
  accepted.push({
    handle: handle as string,
    phoneNumber: phoneNumber as string,
    digits: compact.replace('+', ''),
  });
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LargeString)
  );
}

/** The type name DRF's messages use for a JSON value. */
function pythonType(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string' || value instanceof LargeString) return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}
