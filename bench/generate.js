/**
 * Deterministic generator of realistic WhatsApp exports for the benchmark.
 *
 * Same spec (shape, message count, seed, generator version) → byte-identical file, so a file
 * cached in `.bench/` is reused only when its recorded spec matches.
 *
 * ```
 * Android, en-GB, 24 h, LF:
 * 23/03/2019, 13:31 - Anna Müller: Ok 👍 see you at the café
 * iOS, en-US, 12 h (NNBSP before AM/PM), CRLF between records, LF inside messages:
 * [3/23/19, 1:31:07\u202fPM] Anna Müller: Ok 👍 see you at the café
 * ```
 */

import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** Bump when the rendered text changes: cached files from an older version are regenerated. */
export const GENERATOR_VERSION = 1;

const LRM = '\u200e';
const LRE = '\u202a';
const PDF = '\u202c';
const NNBSP = '\u202f';

/** Display names as exports print them: accents, CJK, emoji, phone numbers, a non-contact `~`. */
const AUTHORS = [
  'Anna Müller',
  'Bob',
  'Carlos Peña',
  '+44 7700 900123',
  'Dmitry S',
  '+49 151 23456789',
  'Zoë 🌸',
  'Łukasz Wiśniewski',
  '李雷',
  'Fatima Zahra',
  '+1 (415) 555-0134',
  'Mo:Dev',
];
/** How often each author speaks (a chat has a few talkative people). */
const AUTHOR_WEIGHTS = [22, 18, 12, 10, 9, 8, 6, 5, 4, 3, 2, 1];

const WORDS = (
  'ok yes no maybe tomorrow today tonight meeting lunch coffee café office train bus late early ' +
  'thanks thank you please sorry great awesome nice cool sure why when where what how who the a an ' +
  'to of in on at for with from about and or but so then just really very good bad fine home work ' +
  'call me later now soon weekend Monday Friday plan trip photo video file send sent got it see you ' +
  'naïve déjà vu señor Größe straße façade crème brûlée São Paulo Zürich Kraków Привет спасибо ' +
  'пока да нет 你好 谢谢 ありがとう مرحبا שלום 😂 👍 🎉 ❤️ 🙏 😅 🔥 👀 🤔 😊 🙈 🚀 ☕ 🍕'
).split(' ');

const FILE_KINDS = [
  ['IMG', 'jpg'],
  ['IMG', 'jpg'],
  ['IMG', 'jpg'],
  ['VID', 'mp4'],
  ['PTT', 'opus'],
  ['AUD', 'opus'],
  ['STK', 'webp'],
  ['DOC', 'pdf'],
];

const PLACEHOLDERS = ['This message was deleted', 'You deleted this message', 'Missed voice call'];

/**
 * A small, fast, seeded PRNG (mulberry32): the same seed gives the same chat on every machine.
 *
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {() => number} random @param {readonly number[]} weights */
function weighted(random, weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  let pick = random() * total;
  for (let i = 0; i < weights.length; i++) {
    pick -= weights[i];
    if (pick < 0) return i;
  }
  return weights.length - 1;
}

/** @param {() => number} random @param {number} min @param {number} max */
function sentence(random, min, max) {
  const count = min + Math.floor(random() * (max - min + 1));
  const words = [];
  for (let i = 0; i < count; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const pad2 = (n) => (n < 10 ? `0${n}` : String(n));

/**
 * The chat itself, independent of the OS: a stream of abstract messages.
 *
 * @param {() => number} random
 * @param {Date} start wall-clock start (read as UTC fields)
 */
function* chat(random, start) {
  let wall = start.getTime();
  let index = 0;
  for (;;) {
    // Gaps: mostly seconds to minutes, sometimes hours (a chat sleeps at night).
    wall += random() < 0.03 ? Math.floor(random() * 8 * 3_600_000) : Math.floor(random() * 240_000);
    const date = new Date(wall);
    const author = AUTHORS[weighted(random, AUTHOR_WEIGHTS)];
    const roll = random();
    index++;
    /** @type {{seq: number, date: Date, author: string | null, kind: string, lines: string[], file?: string, system?: string}} */
    const message = { seq: index, date, author, kind: 'text', lines: [] };
    if (roll < 0.005) {
      message.author = null;
      message.kind = 'system';
      const other = AUTHORS[weighted(random, AUTHOR_WEIGHTS)];
      const events = [
        `${author} added ${other}`,
        `${other} left`,
        `${author} changed the subject to "Trip ${2019 + (index % 6)} 🏔️"`,
        `${author} changed this group's icon`,
        `${other} joined using this group's invite link`,
      ];
      message.system = events[Math.floor(random() * events.length)];
    } else if (roll < 0.035) {
      message.kind = 'attachment';
      const [prefix, extension] = FILE_KINDS[Math.floor(random() * FILE_KINDS.length)];
      const stamp = `${date.getUTCFullYear()}${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}`;
      message.file = `${prefix}-${stamp}-WA${String(index % 10_000).padStart(4, '0')}.${extension}`;
      if (random() < 0.3) message.lines.push(sentence(random, 2, 8)); // caption
    } else if (roll < 0.065) {
      message.kind = 'omitted';
      if (random() < 0.1) message.lines.push(sentence(random, 2, 6));
    } else if (roll < 0.075) {
      message.kind = 'placeholder';
      message.lines.push(PLACEHOLDERS[Math.floor(random() * PLACEHOLDERS.length)]);
    } else {
      const multi = random() < 0.1;
      const count = multi ? 2 + Math.floor(random() * 3) : 1;
      for (let i = 0; i < count; i++) message.lines.push(sentence(random, 2, 15));
      // A continuation line that starts like a date, but is text (the parser must not split here).
      if (multi && random() < 0.02) message.lines.push('13/07/2017, 09:12 is when we meet');
      if (random() < 0.01) message.lines.push('https://maps.example.com/?q=51.5072,-0.1276');
      if (random() < 0.005) message.kind = 'edited';
    }
    yield message;
  }
}

/** @param {ReturnType<typeof chat> extends Generator<infer T> ? T : never} m */
function renderAndroid(m) {
  const d = m.date;
  const head = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} - `;
  if (m.author === null) return `${head}${m.system}\n`;
  let lines = m.lines;
  if (m.kind === 'attachment') lines = [`${LRM}${m.file} (file attached)`, ...lines];
  else if (m.kind === 'omitted') lines = ['<Media omitted>', ...lines];
  else if (m.kind === 'edited') lines = [...lines.slice(0, -1), `${lines.at(-1)} <This message was edited>`];
  return `${head}${m.author}: ${lines.join('\n')}\n`;
}

/** @param {ReturnType<typeof chat> extends Generator<infer T> ? T : never} m */
function renderIos(m) {
  const d = m.date;
  const hour = d.getUTCHours();
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}${NNBSP}${hour < 12 ? 'AM' : 'PM'}`;
  const head = `[${d.getUTCMonth() + 1}/${d.getUTCDate()}/${pad2(d.getUTCFullYear() % 100)}, ${clock}] `;
  if (m.author === null) return `${head}${LRM}${m.system}\r\n`;
  const author = m.author.startsWith('+') ? `${LRE}${m.author}${PDF}` : m.author;
  let lines = m.lines;
  if (m.kind === 'attachment') {
    const tag = `${LRM}<attached: ${String(m.seq).padStart(8, '0')}-${m.file}>`;
    lines = lines.length === 0 ? [tag] : [...lines.slice(0, -1), `${lines.at(-1)} ${tag}`];
  } else if (m.kind === 'omitted') lines = [`${LRM}image omitted`];
  else if (m.kind === 'placeholder') lines = [`${LRM}${lines[0]}.`];
  else if (m.kind === 'edited')
    lines = [...lines.slice(0, -1), `${lines.at(-1)} ${LRM}<This message was edited>`];
  return `${head}${author}: ${lines.join('\n')}\r\n`;
}

/**
 * Benchmark inputs. `bytes` is filled in once generated.
 *
 * @typedef {{ name: string, shape: 'android' | 'ios', messages: number, seed: number,
 *   language: string, utcOffsetMinutes: number, daysFirst: boolean }} ExportSpec
 */

/** @param {ExportSpec} spec */
function render(spec) {
  return spec.shape === 'android' ? renderAndroid : renderIos;
}

/** @param {ExportSpec} spec */
export function fileNameOf(spec) {
  return `${spec.name}-${spec.messages}-seed${spec.seed}-v${GENERATOR_VERSION}.txt`;
}

/**
 * Writes the export for `spec` into `dir` unless an identical one is cached there.
 *
 * @param {ExportSpec} spec
 * @param {string} dir
 * @returns {Promise<{ file: string, bytes: number, lines: number, cached: boolean, seconds: number }>}
 */
export async function ensureExport(spec, dir) {
  await mkdir(dir, { recursive: true });
  const file = join(dir, fileNameOf(spec));
  const metaFile = `${file}.json`;
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (meta.bytes === statSync(file).size && meta.version === GENERATOR_VERSION) {
      return { file, bytes: meta.bytes, lines: meta.lines, cached: true, seconds: 0 };
    }
  }
  const started = performance.now();
  const random = mulberry32(spec.seed);
  const renderOne = render(spec);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let batch = [];
  let bytes = 0;
  let lines = 0;
  const header =
    spec.shape === 'android'
      ? '01/01/2019, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n'
      : `[1/1/19, 9:00:00${NNBSP}AM] Trip planning: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\r\n`;
  batch.push(header);
  let produced = 1;
  for (const message of chat(random, new Date(Date.UTC(2019, 0, 1, 9, 0)))) {
    if (produced >= spec.messages) break;
    batch.push(renderOne(message));
    produced++;
    if (batch.length === 10_000) {
      const text = batch.join('');
      batch = [];
      bytes += Buffer.byteLength(text);
      lines += countLines(text);
      if (!out.write(text)) await once(out, 'drain');
    }
  }
  const text = batch.join('');
  bytes += Buffer.byteLength(text);
  lines += countLines(text);
  out.end(text);
  await once(out, 'finish');
  await rename(partial, file);
  writeFileSync(
    metaFile,
    `${JSON.stringify({ ...spec, version: GENERATOR_VERSION, bytes, lines }, null, 2)}\n`,
  );
  return { file, bytes, lines, cached: false, seconds: (performance.now() - started) / 1000 };
}

/** @param {string} text */
function countLines(text) {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
