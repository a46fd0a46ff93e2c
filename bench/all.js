/**
 * `npm run bench`: the parse bench (`run.js`, with every flag given) and then the build bench
 * (`build.js`, with the same `--runs`), each in its own process.
 *
 *   node bench/all.js [--runs N] [--profile] [--no-ios] [--sink bytes|chars]
 *
 * (npm hands the flags after `--` to the last command of a script only, so one script runs both.)
 */

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? [] : ['--runs', args[runsAt + 1] ?? ''];

for (const [script, flags] of [
  [['--expose-gc', join(HERE, 'run.js')], args],
  [[join(HERE, 'build.js')], runs],
]) {
  const { status } = spawnSync(process.execPath, [...script, ...flags], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
