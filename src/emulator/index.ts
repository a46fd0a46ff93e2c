/**
 * The local inbox emulator: an HTTP server on loopback that behaves like the inbox's sign-in and
 * import endpoints, for demos, dry runs and tests.
 *
 * @module
 */

export { LargeString } from './json-scanner.js';
export { startInboxEmulator } from './server.js';
export type {
  DelayFault,
  EmulatorUser,
  Fault,
  InboxEmulator,
  InboxEmulatorOptions,
  ReceivedImport,
  ReceivedRequest,
  ResetFault,
  StatusFault,
} from './types.js';
export {
  checkChatImport,
  type ImportCheck,
  type TextValue,
  type ValidImport,
  type ValidParticipant,
} from './validate-import.js';
