/**
 * Participants of a chat: handles to E.164 numbers, contacts files, customer and business side,
 * group check.
 *
 * @module
 */

export { assertImportable } from './assert-importable.js';
export type { Contact } from './contact.js';
export { parseContactsFile } from './contacts-file.js';
export { type ParticipantOverride, parseParticipantOverride } from './override.js';
export { looksLikePhoneNumber, normalizePhoneText, type PhoneParse, parsePhone } from './phone.js';
export { pickRegion, regionFromLanguage } from './region.js';
export {
  type ChatAuthor,
  type ParticipantSource,
  type ResolvedParticipants,
  type ResolveParticipantsInput,
  resolveParticipants,
  type UnresolvedParticipant,
} from './resolve.js';
