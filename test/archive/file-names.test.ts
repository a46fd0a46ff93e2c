import { describe, expect, it } from 'vitest';
import { CHAT_FILE_NAME_PATTERNS, matchChatFileName } from '../../src/locales/file-names.js';

const NBSP = '\u00a0';
const LRM = '\u200e';

describe('CHAT_FILE_NAME_PATTERNS', () => {
  it.each(
    CHAT_FILE_NAME_PATTERNS.map(
      (row) => [`${row.language ?? 'ios'}: ${row.prefix}…${row.suffix}`, row] as const,
    ),
  )('matches its own rows (%s)', (_label, row) => {
    for (const extension of ['.txt', '.zip', '']) {
      const match = matchChatFileName(`${row.prefix}Ana Silva${row.suffix}${extension}`);
      expect(match).toMatchObject({ language: row.language, platform: row.platform, chatName: 'Ana Silva' });
    }
  });

  it('covers the languages of the reference and marks how sure each row is', () => {
    const languages = new Set(CHAT_FILE_NAME_PATTERNS.map((row) => row.language));
    for (const language of [
      'en',
      'de',
      'nl',
      'es',
      'it',
      'fr',
      'pt',
      'ru',
      'cs',
      'zh-CN',
      'zh-TW',
      'he',
      null,
    ]) {
      expect(languages.has(language)).toBe(true);
    }
    expect(CHAT_FILE_NAME_PATTERNS.filter((row) => row.confidence === 'reference')).toHaveLength(14);
    expect(Object.isFrozen(CHAT_FILE_NAME_PATTERNS)).toBe(true);
  });
});

describe('matchChatFileName', () => {
  it.each([
    ['WhatsApp Chat with +49 151 23456789.txt', 'en', '+49 151 23456789'],
    ['WhatsApp Chat mit Oma.txt', 'de', 'Oma'],
    ['WhatsApp-chat met Dmitry S.txt', 'nl', 'Dmitry S'],
    ['Chat de WhatsApp con Emi.txt', 'es', 'Emi'],
    ['Chat WhatsApp con Giorgia.txt', 'it', 'Giorgia'],
    ['Discussion WhatsApp avec Salomon.txt', 'fr', 'Salomon'],
    ['Conversa do WhatsApp com Franklin.zip', 'pt', 'Franklin'],
    [`Чат WhatsApp с${NBSP}контактом Dmitry S RU Android.txt`, 'ru', 'Dmitry S RU Android'],
    ['Чат WhatsApp с контактом Dmitry S.txt', 'ru', 'Dmitry S'],
    ['Чат WhatsApp с Петр П (И В).txt', 'ru', 'Петр П (И В)'],
    [`Chat WhatsApp s${NBSP}uživatelem Dmitry S CZ Android.txt`, 'cs', 'Dmitry S CZ Android'],
    ['与Alice的 WhatsApp 聊天.txt', 'zh-CN', 'Alice'],
    ['与Alice的WhatsApp聊天.txt', 'zh-CN', 'Alice'],
    ['與小明的WhatsApp對話.txt', 'zh-TW', '小明'],
    ["צ'אט WhatsApp עם דני.txt", 'he', 'דני'],
    ['Czat WhatsApp z Mama.txt', 'pl', 'Mama'],
    ['Balkız ile WhatsApp Sohbeti.txt', 'tr', 'Balkız'],
    ['WhatsApp Chat - Elon Musk (RU).zip', null, 'Elon Musk (RU)'],
  ])('reads %j', (fileName, language, chatName) => {
    expect(matchChatFileName(fileName)).toMatchObject({ language, chatName });
  });

  it('tolerates duplicate suffixes, URL-encoding, folders, marks, NFD and spacing variants', () => {
    expect(matchChatFileName('WhatsApp Chat with Ana (1).txt')?.chatName).toBe('Ana');
    expect(matchChatFileName('WhatsApp Chat with Ana(12).zip')?.chatName).toBe('Ana');
    expect(matchChatFileName('WhatsApp%20Chat%20with%20Marek%20%C5%A0t%C3%ADpek.txt')?.chatName).toBe(
      'Marek Štípek',
    );
    expect(matchChatFileName('exports/2024\\WhatsApp Chat with Bo.txt')?.chatName).toBe('Bo');
    expect(matchChatFileName(`${LRM}WhatsApp Chat with ${LRM}Bo.txt`)?.chatName).toBe('Bo');
    expect(matchChatFileName(`WhatsApp${NBSP}Chat with\u202fBo.TXT`)?.chatName).toBe('Bo');
    expect(matchChatFileName('WhatsApp Chat with Marek S\u030ctípek.txt')?.chatName).toBe('Marek Štípek');
    expect(matchChatFileName('Чат WhatsApp с контактом Dmitry S (1).txt')).toMatchObject({
      language: 'ru',
      chatName: 'Dmitry S',
    });
    // A broken escape is left as it is instead of throwing.
    expect(matchChatFileName('WhatsApp Chat with Bo %E0%A4.txt')?.chatName).toBe('Bo %E0%A4');
  });

  it('prefers the longer fixed text (ru "с контактом" over "с")', () => {
    expect(matchChatFileName(`Чат WhatsApp с${NBSP}контактом Bo.txt`)?.pattern.prefix).toBe(
      `Чат WhatsApp с${NBSP}контактом `,
    );
  });

  it.each([
    '_chat.txt',
    'IMG-20220310-WA0000.jpg',
    'WhatsApp Chat with .txt',
    'WhatsApp Chat with (1).txt',
    'My WhatsApp Chat with Bo.txt',
    'notes.txt',
  ])('does not match %j', (fileName) => {
    expect(matchChatFileName(fileName)).toBeNull();
  });
});
