import { describe, expect, it } from 'vitest';
import { classifyEntryPath } from '../../src/archive/index.js';

describe('classifyEntryPath', () => {
  it('keeps ordinary files and normalizes their path', () => {
    expect(classifyEntryPath('_chat.txt')).toEqual({ kind: 'file', path: '_chat.txt', name: '_chat.txt' });
    expect(classifyEntryPath('Chat/IMG-20220310-WA0000.jpg')).toEqual({
      kind: 'file',
      path: 'Chat/IMG-20220310-WA0000.jpg',
      name: 'IMG-20220310-WA0000.jpg',
    });
    expect(classifyEntryPath('./Chat//a.opus')).toEqual({
      kind: 'file',
      path: 'Chat/a.opus',
      name: 'a.opus',
    });
  });

  it('reads backslashes as separators (old .NET zips)', () => {
    expect(classifyEntryPath('Chat\\_chat.txt')).toEqual({
      kind: 'file',
      path: 'Chat/_chat.txt',
      name: '_chat.txt',
    });
  });

  it('tells folders apart', () => {
    expect(classifyEntryPath('Chat/')).toEqual({ kind: 'directory', path: 'Chat' });
    expect(classifyEntryPath('./')).toEqual({ kind: 'directory', path: '' });
  });

  it.each([
    ['__MACOSX/._IMG.jpg', 'macOS resource fork folder'],
    ['Chat/__MACOSX/x.txt', 'macOS resource fork folder'],
    ['Chat/.DS_Store', 'macOS folder settings'],
    ['._chat.txt', 'AppleDouble resource fork'],
  ])('marks %s as junk', (name, detail) => {
    expect(classifyEntryPath(name)).toEqual({ kind: 'junk', path: name, detail });
  });

  it.each([
    ['../evil.txt', '".." segment'],
    ['Chat/../../evil.txt', '".." segment'],
    ['..\\..\\evil.txt', '".." segment'],
    ['Chat\\..\\..\\evil.txt', '".." segment'],
    ['/etc/passwd', 'absolute path'],
    ['\\\\server\\share\\x.txt', 'absolute path'],
    ['C:/Windows/x.txt', 'drive letter'],
    ['c:\\x.txt', 'drive letter'],
    ['a\u0000.txt', 'control character in the name'],
  ])('marks %j as unsafe', (name, detail) => {
    expect(classifyEntryPath(name)).toEqual({ kind: 'unsafe', path: name, detail });
  });

  it('does not mistake dots inside names for traversal', () => {
    expect(classifyEntryPath('..hidden/a..b.txt')).toMatchObject({ kind: 'file', name: 'a..b.txt' });
  });
});
