/**
 * The request body as an ordered list of parts: literal JSON between the two streamed kinds of
 * content, the chat log and each media file's base64. Sizing, writing and building all walk
 * this one list, so they cannot disagree on a byte.
 *
 * ```
 * {"chat_text":"  ⟨chat log, escaped⟩  ","chat_participants":[…],"utc_offset_minutes":60,
 * "device_language_code":"de","media_files":[{"b64_content":"  ⟨file 0, base64⟩
 * ","mime_type":"image/jpeg","file_name":"IMG-….jpg"}]}
 * ```
 *
 * Key order follows `ChatImport` (`chat-import.ts`): chat_text, chat_participants (handle,
 * phone_number), utc_offset_minutes, device_language_code, media_files (b64_content,
 * mime_type, file_name).
 *
 * @module
 */

import type { ChatImportContact } from './chat-import.js';
import type { ChatImportSource, MediaSource } from './source.js';

/**
 * One part of the body: literal JSON text, the escaped chat log, or one media file's base64.
 *
 * @example
 * ```ts
 * for (const part of payloadLayout(source)) if (part.kind === 'media') console.log(part.media.fileName);
 * ```
 */
export type PayloadPart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'chat-text' }
  | { readonly kind: 'media'; readonly media: MediaSource };

/** A contact with exactly the API's keys in the API's order, whatever the input object holds. */
function contactJson(contact: ChatImportContact): ChatImportContact {
  return { handle: contact.handle, phone_number: contact.phone_number };
}

/**
 * Lists the parts of the body for `source`, in writing order. Adjacent literals are merged.
 *
 * @example
 * ```ts
 * payloadLayout({ chatText: 'hi', participants: [], utcOffsetMinutes: 0, deviceLanguageCode: 'en', media: [] });
 * // [{ kind: 'literal', text: '{"chat_text":"' }, { kind: 'chat-text' },
 * //  { kind: 'literal', text: '","chat_participants":[],"utc_offset_minutes":0,"device_language_code":"en","media_files":[]}' }]
 * ```
 */
export function payloadLayout(source: ChatImportSource): readonly PayloadPart[] {
  const parts: PayloadPart[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') parts.push({ kind: 'literal', text: literal });
    literal = '';
  };
  literal += '{"chat_text":"';
  flush();
  parts.push({ kind: 'chat-text' });
  literal += `","chat_participants":${JSON.stringify(source.participants.map(contactJson))}`;
  literal += `,"utc_offset_minutes":${JSON.stringify(source.utcOffsetMinutes)}`;
  literal += `,"device_language_code":${JSON.stringify(source.deviceLanguageCode)}`;
  literal += ',"media_files":[';
  source.media.forEach((media, index) => {
    literal += `${index === 0 ? '' : ','}{"b64_content":"`;
    flush();
    parts.push({ kind: 'media', media });
    literal += `","mime_type":${JSON.stringify(media.mimeType)},"file_name":${JSON.stringify(media.fileName)}}`;
  });
  literal += ']}';
  flush();
  return parts;
}
