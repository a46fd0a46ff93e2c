/**
 * How WhatsApp names exported chat files, per language: data, plus one matcher that tells the
 * language and the chat name from a file name.
 *
 * Android names the `.txt` (and the `.zip` around it) in the device language:
 * `WhatsApp Chat with <name>.txt`, `WhatsApp Chat mit <name>.txt`, `与<name>的 WhatsApp 聊天.txt` …
 * iOS names the zip `WhatsApp Chat - <name>.zip` in every language and the log inside `_chat.txt`.
 *
 * @module
 */

import { NBSP, normalizeForMatch } from '../chars.js';

/**
 * How sure we are of a row:
 * - `reference`: listed in the project's export-format reference (§4), from real exports;
 * - `corroborated`: seen in real export file names in at least two independent public sources;
 * - `single-source`: from one older (≈2018) harvest of Android's localized strings, not yet seen
 *   in a real export here; kept because a wrong row can only fail to match.
 */
export type FileNameConfidence = 'reference' | 'corroborated' | 'single-source';

/**
 * One way of naming an exported chat: `prefix + <chat name> + suffix` (+ `.txt` / `.zip`).
 *
 * @example
 * ```ts
 * const row: ChatFileNamePattern = {
 *   language: 'de', platform: 'android', prefix: 'WhatsApp Chat mit ', suffix: '', confidence: 'reference',
 * };
 * ```
 */
export interface ChatFileNamePattern {
  /** BCP 47 language of the device, or `null` when the name is the same in every language (iOS). */
  readonly language: string | null;
  readonly platform: 'android' | 'ios';
  /** Text before the chat name, as WhatsApp writes it (NBSP kept where WhatsApp puts one). */
  readonly prefix: string;
  /** Text after the chat name, before the extension. */
  readonly suffix: string;
  readonly confidence: FileNameConfidence;
  /** Spaces around the chat name and inside the fixed text may be missing (CJK scripts). */
  readonly spacesOptional?: true;
}

/**
 * Every known chat file name, one row per language and variant. Order does not matter: the
 * matcher tries longer fixed texts first, so `Чат WhatsApp с\u00a0контактом ` wins over `Чат WhatsApp с `.
 *
 * @example
 * ```ts
 * CHAT_FILE_NAME_PATTERNS.filter((row) => row.language === 'ru').length; // 2
 * ```
 */
export const CHAT_FILE_NAME_PATTERNS: readonly ChatFileNamePattern[] = Object.freeze([
  // From the export-format reference (§4).
  { language: null, platform: 'ios', prefix: 'WhatsApp Chat - ', suffix: '', confidence: 'reference' },
  { language: 'en', platform: 'android', prefix: 'WhatsApp Chat with ', suffix: '', confidence: 'reference' },
  { language: 'de', platform: 'android', prefix: 'WhatsApp Chat mit ', suffix: '', confidence: 'reference' },
  { language: 'nl', platform: 'android', prefix: 'WhatsApp-chat met ', suffix: '', confidence: 'reference' },
  {
    language: 'es',
    platform: 'android',
    prefix: 'Chat de WhatsApp con ',
    suffix: '',
    confidence: 'reference',
  },
  { language: 'it', platform: 'android', prefix: 'Chat WhatsApp con ', suffix: '', confidence: 'reference' },
  {
    language: 'fr',
    platform: 'android',
    prefix: 'Discussion WhatsApp avec ',
    suffix: '',
    confidence: 'reference',
  },
  {
    language: 'pt',
    platform: 'android',
    prefix: 'Conversa do WhatsApp com ',
    suffix: '',
    confidence: 'reference',
  },
  {
    language: 'ru',
    platform: 'android',
    prefix: `Чат WhatsApp с${NBSP}контактом `,
    suffix: '',
    confidence: 'reference',
  },
  { language: 'ru', platform: 'android', prefix: 'Чат WhatsApp с ', suffix: '', confidence: 'reference' },
  {
    language: 'cs',
    platform: 'android',
    prefix: `Chat WhatsApp s${NBSP}uživatelem `,
    suffix: '',
    confidence: 'reference',
  },
  {
    language: 'zh-CN',
    platform: 'android',
    prefix: '与',
    suffix: '的 WhatsApp 聊天',
    confidence: 'reference',
    spacesOptional: true,
  },
  {
    language: 'zh-TW',
    platform: 'android',
    prefix: '與',
    suffix: '的WhatsApp對話',
    confidence: 'reference',
    spacesOptional: true,
  },
  { language: 'he', platform: 'android', prefix: "צ'אט WhatsApp עם ", suffix: '', confidence: 'reference' },
  // Corroborated: real export file names in two or more independent public sources.
  { language: 'pl', platform: 'android', prefix: 'Czat WhatsApp z ', suffix: '', confidence: 'corroborated' },
  {
    language: 'sv',
    platform: 'android',
    prefix: 'WhatsApp-chatt med ',
    suffix: '',
    confidence: 'corroborated',
  },
  {
    language: 'id',
    platform: 'android',
    prefix: 'Chat WhatsApp dengan ',
    suffix: '',
    confidence: 'corroborated',
  },
  {
    language: 'tr',
    platform: 'android',
    prefix: '',
    suffix: ' ile WhatsApp Sohbeti',
    confidence: 'corroborated',
  },
  { language: 'ar', platform: 'android', prefix: 'دردشة واتساب مع ', suffix: '', confidence: 'corroborated' },
  // Single source: one older harvest of Android strings; not yet seen in a real export here.
  {
    language: 'pt-PT',
    platform: 'android',
    prefix: 'Conversa no WhatsApp com ',
    suffix: '',
    confidence: 'single-source',
  },
  {
    language: 'uk',
    platform: 'android',
    prefix: 'Бесіда WhatsApp з ',
    suffix: '',
    confidence: 'single-source',
  },
  {
    language: 'da',
    platform: 'android',
    prefix: 'WhatsApp chat med ',
    suffix: '',
    confidence: 'single-source',
  },
  {
    language: 'nb',
    platform: 'android',
    prefix: 'WhatsApp-samtale med ',
    suffix: '',
    confidence: 'single-source',
  },
  {
    language: 'el',
    platform: 'android',
    prefix: 'Συνομιλία WhatsApp με ',
    suffix: '',
    confidence: 'single-source',
  },
  {
    language: 'ca',
    platform: 'android',
    prefix: 'Xat de WhatsApp amb ',
    suffix: '',
    confidence: 'single-source',
  },
  {
    language: 'ro',
    platform: 'android',
    prefix: 'Conversație WhatsApp cu ',
    suffix: '',
    confidence: 'single-source',
  },
  {
    language: 'vi',
    platform: 'android',
    prefix: 'Trò chuyện WhatsApp với ',
    suffix: '',
    confidence: 'single-source',
  },
  {
    language: 'th',
    platform: 'android',
    prefix: 'แชท WhatsApp กับ ',
    suffix: '',
    confidence: 'single-source',
  },
  {
    language: 'ms',
    platform: 'android',
    prefix: 'Sembang WhatsApp dengan ',
    suffix: '',
    confidence: 'single-source',
  },
  {
    language: 'hi',
    platform: 'android',
    prefix: '',
    suffix: ' के साथ WhatsApp चैट',
    confidence: 'single-source',
  },
  {
    language: 'ja',
    platform: 'android',
    prefix: '',
    suffix: 'とのWhatsAppチャット',
    confidence: 'single-source',
    spacesOptional: true,
  },
  {
    language: 'ko',
    platform: 'android',
    prefix: '',
    suffix: '님과의 WhatsApp 대화',
    confidence: 'single-source',
    spacesOptional: true,
  },
  {
    language: 'zh-CN',
    platform: 'android',
    prefix: 'WhatsApp 与 ',
    suffix: ' 的对话',
    confidence: 'single-source',
    spacesOptional: true,
  },
  {
    language: 'zh-TW',
    platform: 'android',
    prefix: 'WhatsApp 與 ',
    suffix: ' 的對話',
    confidence: 'single-source',
    spacesOptional: true,
  },
] satisfies ChatFileNamePattern[]);

/**
 * What {@link matchChatFileName} found.
 *
 * @example
 * ```ts
 * const match: ChatFileNameMatch = { language: 'en', platform: 'android', chatName: 'Ana', pattern };
 * ```
 */
export interface ChatFileNameMatch {
  /** Language of the pattern; `null` for the iOS name, which is the same in every language. */
  readonly language: string | null;
  readonly platform: 'android' | 'ios';
  /** The chat name (marks removed, NBSP/NNBSP as plain spaces, trimmed). */
  readonly chatName: string;
  readonly pattern: ChatFileNamePattern;
}

/** `.txt` or `.zip`, any case. */
const EXTENSION = /\.(?:txt|zip)$/iu;
/** ` (1)`, `(12)`: what browsers and file managers append to a duplicate download. */
const DUPLICATE_SUFFIX = /\s*\(\d{1,3}\)$/u;
/** A `%XX` escape: the name was URL-encoded on its way from the web. */
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/u;
const WHITESPACE_RUN = /\s+/gu;

interface CompiledPattern {
  readonly row: ChatFileNamePattern;
  readonly regex: RegExp;
}

const COMPILED: readonly CompiledPattern[] = CHAT_FILE_NAME_PATTERNS.map((row) => ({
  row,
  regex: compile(row),
})).sort(
  (a, b) =>
    b.row.prefix.length + b.row.suffix.length - (a.row.prefix.length + a.row.suffix.length) ||
    CHAT_FILE_NAME_PATTERNS.indexOf(a.row) - CHAT_FILE_NAME_PATTERNS.indexOf(b.row),
);

function compile(row: ChatFileNamePattern): RegExp {
  const part = (text: string): string =>
    normalizeName(text)
      .split(' ')
      .map(escapeRegex)
      .join(row.spacesOptional ? ' ?' : ' ');
  return new RegExp(`^${part(row.prefix)}(.+?)${part(row.suffix)}$`, 'iu');
}

/**
 * Tells the language and the chat name from an export's file name, or `null` when the name is
 * not an export name. Tolerates folders in front, `.txt`/`.zip`, ` (1)` duplicate suffixes,
 * URL-encoding, NBSP/NNBSP or plain spaces, invisible marks and NFD. A chat really named
 * `Team (2)` loses its ` (2)`: it cannot be told from a duplicate download.
 *
 * @example
 * ```ts
 * matchChatFileName('WhatsApp Chat with +49 151 23456789.txt');
 * // { language: 'en', platform: 'android', chatName: '+49 151 23456789', pattern: … }
 * matchChatFileName('Чат WhatsApp с контактом Dmitry S (1).txt')?.chatName; // 'Dmitry S'
 * matchChatFileName('_chat.txt'); // null
 * ```
 */
export function matchChatFileName(fileName: string): ChatFileNameMatch | null {
  const base = fileName.split(/[\\/]/u).at(-1) ?? '';
  let name = normalizeName(decodeUrl(base));
  for (let round = 0; round < 2; round += 1) {
    name = name.replace(EXTENSION, '').replace(DUPLICATE_SUFFIX, '').trim();
  }
  for (const { row, regex } of COMPILED) {
    const chatName = regex.exec(name)?.[1]?.trim();
    if (chatName !== undefined && chatName !== '') {
      return { language: row.language, platform: row.platform, chatName, pattern: row };
    }
  }
  return null;
}

function normalizeName(text: string): string {
  return normalizeForMatch(text.normalize('NFC')).replace(WHITESPACE_RUN, ' ');
}

function decodeUrl(text: string): string {
  if (!PERCENT_ESCAPE.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
