/**
 * The generator covers every registered locale: random chats rendered in each table language's
 * own CLDR date/time format (from `Intl`, on Android and iOS, 24 h and 12 h, plain space or
 * NNBSP before the meridiem) with that table's markers, parsed back exactly.
 */
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { LOCALE_TABLES } from '../../src/locales/registry.js';
import type { LocaleTable } from '../../src/locales/types.js';
import { parseChatText } from '../../src/parse/sync.js';

const LRM = '\u200e';
const LRE = '\u202a';
const PDF = '\u202c';
const NNBSP = '\u202f';

/** The CLDR locale whose formats a table's language prints (tables are keyed by language). */
function cldrLocale(table: LocaleTable): string {
  return table.language === 'zh' ? 'zh-CN' : table.language;
}

/** Bulgarian 12-hour time prints `9:41 ч. pm`, a shape no export has been seen with: left out. */
function clocks(table: LocaleTable): readonly boolean[] {
  return table.language === 'bg' ? [false] : [false, true];
}

type Os = 'android' | 'ios';

interface Body {
  readonly text: string;
  readonly kind: string;
  readonly fileName: string | null;
  readonly edited: boolean;
}

function bodies(table: LocaleTable, os: Os): fc.Arbitrary<Body> {
  const words = fc.array(
    fc.constantFrom('hello', 'order', 'tomorrow', 'thanks', 'price', '42', '🙂', 'ok?'),
    {
      minLength: 1,
      maxLength: 5,
    },
  );
  const text = words.map((w): Body => ({ text: w.join(' '), kind: 'text', fileName: null, edited: false }));
  const options: fc.Arbitrary<Body>[] = [text];
  const android = table.fileAttached ?? [];
  const tags = table.attachedTag ?? [];
  const tagsAfter = table.attachedTagAfter ?? [];
  if (os === 'android' && android.length > 0) {
    options.push(
      fc.constantFrom(...android).map((label) => ({
        text: `${LRM}IMG-20240327-WA0007.jpg (${label})`,
        kind: 'attachment',
        fileName: 'IMG-20240327-WA0007.jpg',
        edited: false,
      })),
    );
  }
  const file = '00000012-PHOTO-2024-03-27-21-41-35.jpg';
  if (os === 'ios' && tags.length > 0) {
    options.push(
      fc.constantFrom(...tags).map((label) => ({
        text: `${LRM}<${label}: ${file}>`,
        kind: 'attachment',
        fileName: file,
        edited: false,
      })),
    );
  }
  if (os === 'ios' && tagsAfter.length > 0) {
    options.push(
      fc.constantFrom(...tagsAfter).map((label) => ({
        text: `${LRM}<${file} ${label}>`,
        kind: 'attachment',
        fileName: file,
        edited: false,
      })),
    );
  }
  const omitted =
    os === 'android'
      ? (table.mediaOmitted ?? []).map((t) => `<${t}>`)
      : (table.mediaOmittedTyped?.image ?? []).map((t) => `${LRM}${t}`);
  if (omitted.length > 0) {
    options.push(
      fc
        .constantFrom(...omitted)
        .map((t) => ({ text: t, kind: 'media-omitted', fileName: null, edited: false })),
    );
  }
  const deleted = (table.deleted ?? []).filter((t) => !t.endsWith('…'));
  if (deleted.length > 0) {
    options.push(
      fc.constantFrom(...deleted).map((t) => ({
        text: os === 'ios' ? `${LRM}${t}.` : t,
        kind: 'deleted',
        fileName: null,
        edited: false,
      })),
    );
  }
  const edited = table.edited ?? [];
  if (edited.length > 0) {
    options.push(
      fc.tuple(words, fc.constantFrom(...edited)).map(([w, marker]) => ({
        text: `${w.join(' ')} <${marker}>`,
        kind: 'text',
        fileName: null,
        edited: true,
      })),
    );
  }
  return fc.oneof(...options);
}

const AUTHORS = [
  { printed: 'Anna Schmidt', expected: 'Anna Schmidt' },
  { printed: 'Bike Shop 🚲', expected: 'Bike Shop 🚲' },
];
const IOS_PHONE = {
  printed: `${LRE}+49\u00a0151\u00a023456789${PDF}`,
  expected: '+49\u00a0151\u00a023456789',
};
const ANDROID_PHONE = { printed: '+49 151 23456789', expected: '+49 151 23456789' };

/** Renders an instant the way the locale prints it; NNBSP next to the meridiem when asked. */
function stamp(locale: string, os: Os, hour12: boolean, nnbsp: boolean, at: Date): string {
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: os === 'ios' ? 'medium' : 'short',
    // `hour12: false` gives h24 (`24:00`) in some locales; exports print h23.
    ...(hour12 ? { hour12: true } : { hourCycle: 'h23' as const }),
    timeZone: 'UTC',
  });
  const parts = format.formatToParts(at);
  return parts
    .map((part, i) => {
      const nextToPeriod = parts[i + 1]?.type === 'dayPeriod' || parts[i - 1]?.type === 'dayPeriod';
      return nnbsp && part.type === 'literal' && nextToPeriod ? part.value.replace(/ /gu, NNBSP) : part.value;
    })
    .join('');
}

const instants = fc
  .array(fc.integer({ min: Date.UTC(2024, 0, 13), max: Date.UTC(2024, 10, 28) }), {
    minLength: 2,
    maxLength: 8,
  })
  // Exports are chronological (detection relies on it), so the instants are sorted.
  .map((times) =>
    times.sort((a, b) => a - b).map((t) => new Date(Math.floor(t / 60_000) * 60_000 + (t % 60) * 1000)),
  );

describe('every registered locale, generated in its own CLDR format', () => {
  for (const table of LOCALE_TABLES) {
    const locale = cldrLocale(table);
    it(`${table.language}: parse(render(chat)) returns the chat`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom<Os>('android', 'ios'),
          fc.constantFrom(...clocks(table)),
          fc.boolean(),
          instants,
          fc.context(),
          (os, hour12, nnbsp, times, ctx) => {
            const phone = os === 'ios' ? IOS_PHONE : ANDROID_PHONE;
            const messages = fc.sample(fc.tuple(fc.constantFrom(...AUTHORS, phone), bodies(table, os)), {
              numRuns: times.length,
              seed: times[0]?.getTime() ?? 1,
            });
            const lines = times.map((at, i) => {
              const [author, body] = messages[i] as [(typeof AUTHORS)[number], Body];
              const head = stamp(locale, os, hour12, nnbsp, at);
              const prefix = body.text.startsWith(LRM) && os === 'ios' ? LRM : '';
              return os === 'ios'
                ? `${prefix}[${head}] ${author.printed}: ${body.text}`
                : `${head} - ${author.printed}: ${body.text}`;
            });
            const text = lines.join(os === 'ios' ? '\r\n' : '\n');
            ctx.log(text);
            const { messages: parsed, info } = parseChatText(text, { language: locale, utcOffsetMinutes: 0 });
            expect(info.skippedLines).toBe(0);
            expect(parsed).toHaveLength(times.length);
            parsed.forEach((message, i) => {
              const [author, body] = messages[i] as [(typeof AUTHORS)[number], Body];
              const at = times[i] as Date;
              const expectedMs = os === 'ios' ? at.getTime() : Math.floor(at.getTime() / 60_000) * 60_000;
              expect(message.timestamp).toBe(new Date(expectedMs).toISOString());
              expect(message.author).toBe(author.expected);
              expect(message.kind).toBe(body.kind);
              expect(message.attachment?.fileName ?? null).toBe(body.fileName);
              expect(message.flags.edited).toBe(body.edited);
            });
          },
        ),
        { numRuns: 12 },
      );
    });
  }
});
