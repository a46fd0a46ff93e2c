/**
 * The build benchmark: `wa-import build` on a generated export with ≥ 1 GB of media, side by side
 * with a bare pass over the same archive (yauzl unzip + base64 of every entry, to a null sink);
 * then `wa-import build` on a 1,000,000-message chat without media, for its peak memory (a long
 * chat must cost no more memory than a short one).
 *
 *   npm run bench:build                 (builds dist/ first)
 *   node bench/build.js [--runs N]      (default 3 runs of each, medians reported)
 *
 * The export is generated once and cached under `.bench/` (git-ignored): a stored (uncompressed)
 * zip of a few hundred random-byte media files and an Android chat log referencing each of them.
 * Each run is a separate child process, so its peak RSS (`process.resourceUsage().maxRSS`) is its
 * own. Goals: build peak RSS < 250 MB, build time within 1.5x of the bare pass.
 */

import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.bench');
/** Bump when the generated export changes: a cached one from an older version is regenerated. */
const VERSION = 1;
const SPEC = { version: VERSION, minMediaBytes: 1_100_000_000, files: 320, seed: 20240331 };
const ZIP_PATH = join(CACHE, `media-export-v${VERSION}.zip`);
const GOAL_RSS_MB = 250;
/** The long text-only chat: 1:1, every 30th message an attachment whose file is not exported. */
const TEXT_SPEC = { version: 1, messages: 1_000_000, attachmentEvery: 30, seed: 20241124 };
const TEXT_ZIP_PATH = join(CACHE, `text-export-v${TEXT_SPEC.version}.zip`);
const GOAL_RATIO = 1.5;
const MB = 1024 * 1024;
const CHAT_NAME = 'WhatsApp Chat with Anna Schmidt.txt';
const BUILD_ARGS = [
  '--utc-offset',
  '60',
  '--lang',
  'en-GB',
  '--self',
  'Shop',
  '--participant',
  'Anna Schmidt=+4915123456789',
];

/** A small seeded PRNG (sizes and text only; file bytes come from the CSPRNG). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes a stored (method 0) zip entry by entry; sizes stay below 4 GiB, so no zip64 is needed. */
class StoredZipWriter {
  #out;
  #offset = 0;
  #central = [];

  constructor(path) {
    this.#out = createWriteStream(path);
  }

  async #write(buffer) {
    this.#offset += buffer.length;
    if (!this.#out.write(buffer)) await once(this.#out, 'drain');
  }

  async add(name, data) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    this.#central.push({ nameBytes, crc, size: data.length, offset: this.#offset });
    await this.#write(local);
    await this.#write(nameBytes);
    await this.#write(data);
  }

  async close() {
    const start = this.#offset;
    for (const { nameBytes, crc, size, offset } of this.#central) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(0x0800, 8);
      header.writeUInt16LE(0, 10);
      header.writeUInt32LE(0, 12);
      header.writeUInt32LE(crc, 16);
      header.writeUInt32LE(size, 20);
      header.writeUInt32LE(size, 24);
      header.writeUInt16LE(nameBytes.length, 28);
      header.writeUInt32LE(offset, 42);
      await this.#write(header);
      await this.#write(nameBytes);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.#central.length, 8);
    end.writeUInt16LE(this.#central.length, 10);
    end.writeUInt32LE(this.#offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.#write(end);
    this.#out.end();
    await once(this.#out, 'finish');
  }
}

/** Generates the export unless a complete one with the same spec is cached. */
async function ensureExport() {
  const marker = `${ZIP_PATH}.json`;
  if (existsSync(ZIP_PATH) && existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(SPEC)) {
    return ZIP_PATH;
  }
  await mkdir(CACHE, { recursive: true });
  const random = mulberry32(SPEC.seed);
  const average = Math.ceil(SPEC.minMediaBytes / SPEC.files);
  const sizes = Array.from({ length: SPEC.files }, () => Math.round(average * (0.5 + random())));
  const shortfall = SPEC.minMediaBytes - sizes.reduce((sum, size) => sum + size, 0);
  if (shortfall > 0) sizes[0] += shortfall;
  const names = sizes.map((_, i) => {
    const kind = i % 10 === 9 ? ['VID', 'mp4'] : i % 10 === 8 ? ['PTT', 'opus'] : ['IMG', 'jpg'];
    return `${kind[0]}-20240101-WA${String(i).padStart(4, '0')}.${kind[1]}`;
  });
  const lines = [];
  const start = Date.UTC(2024, 0, 1, 9, 0);
  names.forEach((name, i) => {
    const at = new Date(start + i * 7 * 60_000);
    const stamp = `${String(at.getUTCDate()).padStart(2, '0')}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${at.getUTCFullYear()}, ${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
    const who = i % 2 === 0 ? 'Shop' : 'Anna Schmidt';
    lines.push(`${stamp} - ${who}: message number ${i} about the order "${i}" 😀`);
    lines.push(`${stamp} - ${who}: \u200e${name} (file attached)`);
  });
  const temp = `${ZIP_PATH}.partial`;
  const zip = new StoredZipWriter(temp);
  await zip.add(CHAT_NAME, Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
  for (let i = 0; i < names.length; i++) {
    const data = Buffer.allocUnsafe(sizes[i]);
    randomFillSync(data);
    await zip.add(names[i], data);
  }
  await zip.close();
  await rename(temp, ZIP_PATH);
  await writeFile(marker, JSON.stringify(SPEC));
  return ZIP_PATH;
}

/** Generates the long text-only export unless it is cached with the same spec. */
async function ensureTextExport() {
  const marker = `${TEXT_ZIP_PATH}.json`;
  if (
    existsSync(TEXT_ZIP_PATH) &&
    existsSync(marker) &&
    readFileSync(marker, 'utf8') === JSON.stringify(TEXT_SPEC)
  ) {
    return TEXT_ZIP_PATH;
  }
  await mkdir(CACHE, { recursive: true });
  const random = mulberry32(TEXT_SPEC.seed);
  const words = ['order', 'delivery', 'thanks', 'tomorrow', 'größe', 'ok', 'café', 'where', '😀', 'спасибо'];
  const lines = [];
  const start = Date.UTC(2024, 0, 1, 9, 0);
  for (let i = 0; i < TEXT_SPEC.messages; i++) {
    const at = new Date(start + i * 37_000);
    const stamp = `${String(at.getUTCDate()).padStart(2, '0')}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${at.getUTCFullYear()}, ${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
    const who = i % 2 === 0 ? 'Shop' : 'Anna Schmidt';
    if (i % TEXT_SPEC.attachmentEvery === 0) {
      lines.push(`${stamp} - ${who}: \u200eIMG-20240101-WA${String(i).padStart(7, '0')}.jpg (file attached)`);
    } else {
      const length = 3 + Math.floor(random() * 12);
      const text = Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
      lines.push(`${stamp} - ${who}: ${text}`);
    }
  }
  const temp = `${TEXT_ZIP_PATH}.partial`;
  const zip = new StoredZipWriter(temp);
  await zip.add(CHAT_NAME, Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
  await zip.close();
  await rename(temp, TEXT_ZIP_PATH);
  await writeFile(marker, JSON.stringify(TEXT_SPEC));
  return TEXT_ZIP_PATH;
}

/** A writable that discards everything but counts it, with ordinary backpressure. */
function nullSink() {
  const sink = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk, _encoding, callback) {
      sink.bytes += chunk.length;
      callback();
    },
  });
  sink.bytes = 0;
  return sink;
}

async function bare(zipPath) {
  const yauzl = await import('yauzl');
  const sink = nullSink();
  const zip = await new Promise((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (error, file) =>
      error ? reject(error) : resolve(file),
    ),
  );
  const push = async (text) => {
    if (!sink.write(text)) await once(sink, 'drain');
  };
  await new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry) => {
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        try {
          let carry = Buffer.alloc(0);
          for await (const chunk of stream) {
            const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
            const whole = bytes.length - (bytes.length % 3);
            await push(bytes.subarray(0, whole).toString('base64'));
            carry = bytes.subarray(whole);
          }
          if (carry.length > 0) await push(carry.toString('base64'));
          zip.readEntry();
        } catch (failure) {
          reject(failure);
        }
      });
    });
    zip.readEntry();
  });
  zip.close();
  sink.end();
  await once(sink, 'finish');
  return sink.bytes;
}

async function build(zipPath) {
  const { runMain } = await import('../dist/cli/main.js');
  const { Readable } = await import('node:stream');
  const stdout = nullSink();
  const stderr = [];
  const status = await runMain(['build', zipPath, ...BUILD_ARGS], {
    stdin: Readable.from([]),
    stdout,
    stderr: new Writable({
      write(chunk, _encoding, callback) {
        stderr.push(String(chunk));
        callback();
      },
    }),
    env: {},
    cwd: process.cwd(),
    stderrIsTTY: false,
  });
  if (status !== 0) throw new Error(`wa-import build exited ${status}: ${stderr.join('')}`);
  return stdout.bytes;
}

async function child(mode, zipPath) {
  const started = performance.now();
  // `build` and `build-text` differ only in the export they are given.
  const bytes = mode === 'bare' ? await bare(zipPath) : await build(zipPath);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ mode, seconds, bytes, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  const at = process.argv.indexOf('--runs');
  const runs = at === -1 ? 3 : Number(process.argv[at + 1]);
  if (!(Number.isInteger(runs) && runs >= 1)) throw new Error('--runs takes a positive integer');
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run "npm run build" first');
  const zipPath = await ensureExport();
  const results = { bare: [], build: [] };
  for (let run = 0; run < runs; run++) {
    for (const mode of ['bare', 'build']) {
      const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, zipPath], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (result.status !== 0) throw new Error(`${mode} run failed: ${result.stderr}`);
      const line = JSON.parse(result.stdout.trim().split('\n').at(-1));
      results[mode].push(line);
      process.stderr.write(
        `run ${run + 1}/${runs} ${mode}: ${line.seconds.toFixed(2)} s, ${line.maxRssMB.toFixed(0)} MB\n`,
      );
    }
  }
  const row = (mode) => ({
    seconds: median(results[mode].map((r) => r.seconds)),
    rss: median(results[mode].map((r) => r.maxRssMB)),
    bytes: results[mode][0].bytes,
  });
  const bareRow = row('bare');
  const buildRow = row('build');
  const ratio = buildRow.seconds / bareRow.seconds;
  const { size } = statSync(zipPath);
  console.log(
    `\nexport: ${zipPath} (${(size / MB).toFixed(0)} MiB, ${SPEC.files} media files); medians of ${runs} runs\n`,
  );
  console.log('| pass | seconds | peak RSS (MB) | output bytes | ratio |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| bare: yauzl + base64 | ${bareRow.seconds.toFixed(2)} | ${bareRow.rss.toFixed(0)} | ${bareRow.bytes} | 1.00 |`,
  );
  console.log(
    `| wa-import build | ${buildRow.seconds.toFixed(2)} | ${buildRow.rss.toFixed(0)} | ${buildRow.bytes} | ${ratio.toFixed(2)} |`,
  );
  const rssOk = buildRow.rss < GOAL_RSS_MB;
  const timeOk = ratio <= GOAL_RATIO;
  console.log(
    `\ngoals: peak RSS < ${GOAL_RSS_MB} MB ${rssOk ? 'met' : 'MISSED'}; time within ${GOAL_RATIO}x ${timeOk ? 'met' : 'MISSED'}`,
  );

  const textZip = await ensureTextExport();
  const text = [];
  for (let run = 0; run < runs; run++) {
    const result = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', 'build-text', textZip],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    if (result.status !== 0) throw new Error(`build-text run failed: ${result.stderr}`);
    const line = JSON.parse(result.stdout.trim().split('\n').at(-1));
    text.push(line);
    process.stderr.write(
      `run ${run + 1}/${runs} build-text: ${line.seconds.toFixed(2)} s, ${line.maxRssMB.toFixed(0)} MB\n`,
    );
  }
  const textSize = statSync(textZip).size;
  const textRss = median(text.map((r) => r.maxRssMB));
  console.log(
    `\nexport: ${textZip} (${(textSize / MB).toFixed(0)} MiB, ${TEXT_SPEC.messages} messages, no media); medians of ${runs} runs\n`,
  );
  console.log('| pass | seconds | peak RSS (MB) | output bytes |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| wa-import build | ${median(text.map((r) => r.seconds)).toFixed(2)} | ${textRss.toFixed(0)} | ${text[0].bytes} |`,
  );
  console.log(`\ngoal: peak RSS < ${GOAL_RSS_MB} MB ${textRss < GOAL_RSS_MB ? 'met' : 'MISSED'}`);
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();
