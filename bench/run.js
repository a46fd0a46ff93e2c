/**
 * `npm run bench`: wa-import against whatsapp-chat-parser and the bare decode-and-split floor,
 * side by side, each run in its own child process.
 *
 *   node bench/run.js [--runs N] [--profile] [--no-ios] [--sink bytes|chars]
 *
 * 1. Generates (seeded, cached in `.bench/`) a 1M-message Android export (~90 MB) and a smaller
 *    iOS one.
 * 2. Runs every contender N times (default 3), round-robin so a noisy neighbour hits them all
 *    alike, and takes medians: throughput, CPU time, peak RSS. Output goes to a sink that takes
 *    UTF-8 bytes, as a file does (`--sink chars`: strings, never encoded; see contender.js).
 * 3. Prints a table and writes `bench/results.json`.
 * 4. With `--profile`, runs wa-import once more under `--cpu-prof` and ranks its hot spots.
 *
 * See bench/README.md for how to read the numbers.
 */

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeProfile } from './cpuprofile.js';
import { ensureExport } from './generate.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const CACHE = join(ROOT, '.bench');
const CONTENDER = join(HERE, 'contender.js');
const RESULTS = join(HERE, 'results.json');
const MB = 1e6;
const MIB = 1024 * 1024;

/** Goals from issue 2. */
const GOALS = { throughputVsPeer: 3, maxRssMiB: 150 };

/** @type {import('./generate.js').ExportSpec[]} */
const INPUTS = [
  {
    name: 'android-en-GB',
    shape: 'android',
    messages: 1_000_000,
    seed: 42,
    language: 'en-GB',
    utcOffsetMinutes: 60,
  },
  // The same size as the Android export, so start-up (~0.1 s of detection, tables and JIT warm-up)
  // weighs the same in both: at 200,000 messages it was a fifth of wa-import's time.
  {
    name: 'ios-en-US',
    shape: 'ios',
    messages: 1_000_000,
    seed: 7,
    language: 'en-US',
    utcOffsetMinutes: -300,
  },
];
/** The input the goals are set for (the issue's 1M-message Android export); the others are reported. */
const GOAL_INPUT = 'android-en-GB';

/** In table order; ratios are taken against `bare` and `whatsapp-chat-parser`. */
const CONTENDERS = ['bare-bytes', 'bare', 'wa-import', 'whatsapp-chat-parser'];
const LABELS = {
  'bare-bytes': '(a0) read + count \\n bytes',
  bare: '(a) read + UTF-8 decode + split',
  'wa-import': '(b) wa-import parseChat → NDJSON',
  'whatsapp-chat-parser': '(c) whatsapp-chat-parser → NDJSON',
};
/** What the sink takes, for the results. */
const SINKS = {
  bytes:
    'NDJSON as UTF-8 bytes, as a file takes it: strings are encoded on the way in (decodeStrings), wa-import writes bytes itself as `wa-import parse` does',
  chars: "NDJSON strings, taken as they are (never encoded, never flattened): the earlier sessions' measure",
};

function parseArgs(argv) {
  const args = { runs: 3, profile: false, ios: true, sink: 'bytes' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--profile') args.profile = true;
    else if (arg === '--no-ios') args.ios = false;
    else if (arg === '--sink') args.sink = argv[++i];
    else throw new Error(`unknown argument ${arg} (use --runs N, --profile, --no-ios, --sink bytes|chars)`);
  }
  if (!(Number.isInteger(args.runs) && args.runs >= 1)) throw new Error('--runs takes a positive integer');
  if (!(args.sink in SINKS)) throw new Error('--sink takes bytes or chars');
  return args;
}

/**
 * Runs one contender in a fresh Node process and returns what it printed.
 *
 * @param {string} contender
 * @param {import('./generate.js').ExportSpec} spec
 * @param {string} file
 * @param {'bytes' | 'chars'} sink
 * @param {string[]} [nodeFlags]
 */
async function runChild(contender, spec, file, sink, nodeFlags = []) {
  const child = spawn(
    process.execPath,
    [...nodeFlags, CONTENDER, contender, file, spec.language, String(spec.utcOffsetMinutes), sink],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text) => {
    stdout += text;
  });
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`${contender} on ${file} exited with ${code}`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
}

/** @param {number[]} values */
function median(values) {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Load averages as an object: `results.json` keeps no number arrays, so Biome's JSON layout and
 * `JSON.stringify`'s agree and a fresh `results.json` passes `biome check`.
 *
 * @param {number[]} averages
 */
function loadAverage([one, five, fifteen]) {
  return { '1m': round(one, 2), '5m': round(five, 2), '15m': round(fifteen, 2) };
}

/** Reads the file once so every contender starts from a warm page cache. */
async function warm(file) {
  for await (const _ of createReadStream(file, { highWaterMark: 1 << 20 })) {
    // discard
  }
}

/**
 * @param {ReturnType<typeof parseArgs>} args
 * @param {import('./generate.js').ExportSpec} spec
 */
async function benchInput(args, spec) {
  const generated = await ensureExport(spec, CACHE);
  const mb = generated.bytes / MB;
  console.log(
    `\n${spec.name}: ${spec.messages.toLocaleString('en')} messages, ${round(mb)} MB, ` +
      `${generated.lines.toLocaleString('en')} lines (${generated.cached ? 'cached' : `generated in ${round(generated.seconds)} s`}) ` +
      `→ ${relative(ROOT, generated.file)}`,
  );
  await warm(generated.file);
  /** @type {Record<string, any[]>} */
  const samples = Object.fromEntries(CONTENDERS.map((name) => [name, []]));
  for (let run = 1; run <= args.runs; run++) {
    for (const contender of CONTENDERS) {
      const result = await runChild(contender, spec, generated.file, args.sink);
      samples[contender].push(result);
      process.stdout.write(
        `  run ${run}/${args.runs} ${contender.padEnd(21)} ${round(result.seconds, 2)} s, ` +
          `${round(mb / result.seconds)} MB/s, ${round((result.maxRssKiB * 1024) / MIB)} MiB\n`,
      );
    }
  }
  /** @type {Record<string, any>} */
  const contenders = {};
  for (const name of CONTENDERS) {
    const runs = samples[name];
    const seconds = median(runs.map((r) => r.seconds));
    const cpuSeconds = median(runs.map((r) => r.cpuSeconds));
    contenders[name] = {
      label: LABELS[name],
      runs: runs.length,
      seconds: round(seconds, 3),
      mbPerSecond: round(mb / seconds),
      cpuSeconds: round(cpuSeconds, 3),
      mbPerCpuSecond: round(mb / cpuSeconds),
      peakRssMiB: round(median(runs.map((r) => (r.maxRssKiB * 1024) / MIB))),
      messages: runs[0].messages,
      outputSize: runs[0].outputSize,
      ...(runs[0].extra === undefined ? {} : { details: runs[0].extra }),
      samples: runs.map((r) => ({
        seconds: round(r.seconds, 3),
        cpuSeconds: round(r.cpuSeconds, 3),
        peakRssMiB: round((r.maxRssKiB * 1024) / MIB),
      })),
    };
  }
  const ours = contenders['wa-import'];
  const peer = contenders['whatsapp-chat-parser'];
  const bare = contenders.bare;
  const ratios = {
    waImportVsPeerThroughput: round(peer.seconds / ours.seconds, 2),
    waImportVsPeerCpu: round(peer.cpuSeconds / ours.cpuSeconds, 2),
    waImportVsBareThroughput: round(bare.seconds / ours.seconds, 3),
    waImportVsPeerRss: round(ours.peakRssMiB / peer.peakRssMiB, 3),
  };
  return {
    name: spec.name,
    shape: spec.shape,
    file: relative(ROOT, generated.file),
    bytes: generated.bytes,
    megabytes: round(mb),
    messages: spec.messages,
    lines: generated.lines,
    seed: spec.seed,
    options: { language: spec.language, utcOffsetMinutes: spec.utcOffsetMinutes },
    sink: args.sink,
    contenders,
    ratios,
    goals:
      spec.name === GOAL_INPUT
        ? {
            throughputVsPeer: {
              goal: `>= ${GOALS.throughputVsPeer}x`,
              met: ratios.waImportVsPeerThroughput >= GOALS.throughputVsPeer,
            },
            peakRss: { goal: `< ${GOALS.maxRssMiB} MiB`, met: ours.peakRssMiB < GOALS.maxRssMiB },
          }
        : null,
  };
}

/** @param {Awaited<ReturnType<typeof benchInput>>} input */
function printTable(input) {
  const bare = input.contenders.bare;
  const peer = input.contenders['whatsapp-chat-parser'];
  const rows = [['contender', 'MB/s', 'MB/cpu-s', 'seconds', 'peak RSS MiB', 'messages', 'x peer', 'x bare']];
  for (const name of CONTENDERS) {
    const c = input.contenders[name];
    rows.push([
      c.label,
      String(c.mbPerSecond),
      String(c.mbPerCpuSecond),
      String(c.seconds),
      String(c.peakRssMiB),
      c.messages === 0 ? '-' : c.messages.toLocaleString('en'),
      String(round(peer.seconds / c.seconds, 2)),
      String(round(bare.seconds / c.seconds, 3)),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(
    `\n${input.name} — ${input.megabytes} MB, medians of ${bare.runs} runs, output as ${input.sink}`,
  );
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
  const { ratios, goals } = input;
  const verdict = (goal) => (goals === null ? '' : ` (goal ${goal.goal}: ${goal.met ? 'met' : 'NOT met'})`);
  console.log(
    `wa-import / peer throughput: ${ratios.waImportVsPeerThroughput}x${verdict(goals?.throughputVsPeer)}; ` +
      `wa-import / bare: ${ratios.waImportVsBareThroughput}; ` +
      `wa-import peak RSS ${input.contenders['wa-import'].peakRssMiB} MiB${verdict(goals?.peakRss)}` +
      (goals === null ? ` (the goals are set for ${GOAL_INPUT})` : ''),
  );
}

/**
 * Runs wa-import once under the V8 CPU profiler and ranks its functions.
 *
 * @param {import('./generate.js').ExportSpec} spec
 * @param {'bytes' | 'chars'} sink
 */
async function profile(spec, sink) {
  const dir = join(CACHE, 'profile');
  rmSync(dir, { recursive: true, force: true });
  const generated = await ensureExport(spec, CACHE);
  await runChild('wa-import', spec, generated.file, sink, [`--cpu-prof`, `--cpu-prof-dir=${dir}`]);
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error('no .cpuprofile written');
  const summary = summarizeProfile(join(dir, file), ROOT);
  writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const show = (spot) =>
    `  ${String(spot.selfPercent).padStart(5)}% self ${String(spot.totalPercent).padStart(5)}% total  ` +
    `${spot.name.slice(0, 60)}  ${spot.where}`;
  console.log(`\nwa-import CPU profile (${spec.name}, ${round(summary.totalMs / 1000)} s sampled)`);
  console.log('by self time:');
  for (const spot of summary.bySelf.slice(0, 15)) console.log(show(spot));
  console.log('by total time (library frames):');
  for (const spot of summary.byTotal.slice(0, 12)) console.log(show(spot));
  console.log(`profile: ${relative(ROOT, join(dir, file))} (open in Chrome DevTools → Performance)`);
  return { input: spec.name, file: relative(ROOT, join(dir, file)), ...summary };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const loadBefore = loadavg();
  const inputs = [];
  for (const spec of args.ios ? INPUTS : INPUTS.slice(0, 1)) {
    const input = await benchInput(args, spec);
    inputs.push(input);
    printTable(input);
  }
  const results = {
    generatedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      loadAverageBefore: loadAverage(loadBefore),
      loadAverageAfter: loadAverage(loadavg()),
    },
    method: {
      runs: args.runs,
      statistic: 'median',
      units: { throughput: 'MB/s, MB = 10^6 bytes of input', rss: 'MiB, process.resourceUsage().maxRSS' },
      timing: 'inside each child, from opening the file to the sink finishing (process start-up excluded)',
      sink: `a Writable that discards, backpressure respected; takes ${SINKS[args.sink]}`,
    },
    goals: GOALS,
    inputs,
  };
  if (args.profile) results.profile = await profile(INPUTS[0], args.sink);
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${relative(ROOT, RESULTS)} in ${round((performance.now() - started) / 1000)} s`);
}

await main();
