/**
 * Text that looks like a chat log but is not a WhatsApp export: recognized so it can be
 * refused with a hint instead of half-parsed. Tried only when the header grammar found nothing.
 *
 * ```
 * > | 01.04.2015 - 16:00:27; ME: text          WhatsApp Viewer (a desktop tool that reads the phone's database)
 *                           ^ `; ` after the seconds: no WhatsApp export prints it
 * ```
 *
 * @module
 */

import { MARK_CLASS, SPACE_CLASS } from '../chars.js';

const M = `${MARK_CLASS}*`;
const S = SPACE_CLASS;
const VIEWER = new RegExp(
  `^${M}\\p{Nd}{1,2}[./-]\\p{Nd}{1,2}[./-]\\p{Nd}{4}${S}-${S}\\p{Nd}{1,2}:\\p{Nd}{2}:\\p{Nd}{2};${S}`,
  'u',
);

/**
 * True for a line of WhatsApp Viewer output (`dd.MM.yyyy - HH:mm:ss; Name: text`).
 *
 * @example
 * ```ts
 * isViewerLine('01.04.2015 - 16:00:27; ME: hello'); // true
 * isViewerLine('01.04.2015, 16:00 - Ann: hello'); // false
 * ```
 */
export function isViewerLine(line: string): boolean {
  return VIEWER.test(line);
}
