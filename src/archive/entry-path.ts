/**
 * Classifies an archive entry name before anything else looks at it: a file to keep, a folder,
 * operating-system junk, or an unsafe name. Pure; never touches the file system.
 *
 * @module
 */

/**
 * The verdict on one entry name.
 * - `file` / `directory`: `path` is normalized (`/` separators, no `.` or empty segments).
 * - `junk` / `unsafe`: `path` is the name as written; `detail` says why.
 */
export type EntryPathVerdict =
  | { readonly kind: 'file'; readonly path: string; readonly name: string }
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 'junk'; readonly path: string; readonly detail: string }
  | { readonly kind: 'unsafe'; readonly path: string; readonly detail: string };

const BACKSLASH = '\\';
/** Below U+0020: the C0 controls. */
const FIRST_PRINTABLE = 0x20;
/** U+007F DELETE. */
const DELETE = 0x7f;
/** `C:` at the start: a Windows drive letter. */
const DRIVE_LETTER = /^[A-Za-z]:/u;
/** macOS Finder writes this folder into zips it makes, full of `._` resource forks. */
const MACOS_RESOURCE_FOLDER = '__MACOSX';
/** macOS Finder folder settings. */
const DS_STORE = '.DS_Store';
/** AppleDouble companion files (`._IMG-0001.jpg`). */
const APPLE_DOUBLE_PREFIX = '._';

/**
 * Classifies one entry name (as decoded from the zip, or a relative path below an export folder).
 * Backslashes count as separators (old .NET zips), so `..\\..\\x` is caught like `../../x`.
 *
 * @example
 * ```ts
 * classifyEntryPath('Chat/_chat.txt'); // { kind: 'file', path: 'Chat/_chat.txt', name: '_chat.txt' }
 * classifyEntryPath('__MACOSX/._a.jpg').kind; // 'junk'
 * classifyEntryPath('..\\evil.txt').kind; // 'unsafe'
 * ```
 */
export function classifyEntryPath(rawName: string): EntryPathVerdict {
  if (hasControlCharacter(rawName)) {
    return { kind: 'unsafe', path: rawName, detail: 'control character in the name' };
  }
  const slashed = rawName.split(BACKSLASH).join('/');
  if (slashed.startsWith('/')) return { kind: 'unsafe', path: rawName, detail: 'absolute path' };
  if (DRIVE_LETTER.test(slashed)) return { kind: 'unsafe', path: rawName, detail: 'drive letter' };
  const rawSegments = slashed.split('/');
  if (rawSegments.includes('..')) return { kind: 'unsafe', path: rawName, detail: '".." segment' };

  const segments = rawSegments.filter((segment) => segment !== '' && segment !== '.');
  const path = segments.join('/');
  const name = segments.at(-1);
  if (name === undefined || slashed.endsWith('/')) return { kind: 'directory', path };
  if (segments.includes(MACOS_RESOURCE_FOLDER)) {
    return { kind: 'junk', path: rawName, detail: 'macOS resource fork folder' };
  }
  if (name === DS_STORE) return { kind: 'junk', path: rawName, detail: 'macOS folder settings' };
  if (name.startsWith(APPLE_DOUBLE_PREFIX)) {
    return { kind: 'junk', path: rawName, detail: 'AppleDouble resource fork' };
  }
  return { kind: 'file', path, name };
}

/**
 * True when `text` holds a C0 control character or DEL: never part of a real file name.
 *
 * @example
 * ```ts
 * hasControlCharacter('a\u0000b'); // true
 * ```
 */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < FIRST_PRINTABLE || code === DELETE) return true;
  }
  return false;
}
