#!/usr/bin/env node
// `npm start`: the main job on the bundled sample export, step by step, with the real CLI.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = 'examples/sample-export';
const cli = 'bin/wa-import.js';

function step(title, args) {
  process.stdout.write(`\n$ wa-import ${args.join(' ')}\n`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    process.stderr.write(`demo step "${title}" failed with exit status ${run.status}\n`);
    process.exit(run.status ?? 1);
  }
}

process.stdout.write(
  `wa-import demo on ${sample}/ (an Android export, en-GB, crossing the UK clock change)\n`,
);
step('inspect', ['inspect', sample, '--lang', 'en-GB', '--tz', 'Europe/London']);
step('parse', ['parse', sample, '--lang', 'en-GB', '--tz', 'Europe/London']);
