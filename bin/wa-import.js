#!/usr/bin/env node
// The executable: hands process streams to the CLI and sets the exit status. Nothing else touches `process`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    'error[E_NOT_BUILT]: dist/ is missing; run "npm install" (or "npm run build") first\n',
  );
  process.exit(1);
}
const { runMain } = await import(main.href);
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0); // `wa-import parse … | head` is fine
});

// Ctrl-C: commands that read `io.signal` (submit, emulator) get an abort and stop cleanly; the
// handler is installed only then, so every other command keeps the default (exit at once). A
// second Ctrl-C exits at once whatever is running.
const interrupt = new AbortController();
let listening = false;
function onSigint() {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
}
process.exitCode = await runMain(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
  get signal() {
    if (!listening) {
      listening = true;
      process.on('SIGINT', onSigint);
    }
    return interrupt.signal;
  },
});
if (listening) process.off('SIGINT', onSigint);
