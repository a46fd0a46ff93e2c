#!/usr/bin/env node
// `npm start`: the whole product on the bundled sample export, step by step, with the real CLI:
// inspect, build, start the local inbox (`wa-import inbox` on a free 127.0.0.1 port, its data in
// a temporary directory), submit, submit again to show the ledger refusing the duplicate, show
// what the inbox now holds (GET /api/v1/chats/), then stop the inbox. Nothing leaves this machine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = 'examples/sample-export';
const cli = 'bin/wa-import.js';
const device = ['--lang', 'en-GB', '--tz', 'Europe/London'];
/** The chat crosses the UK clock change: rewrite those headers so the inbox's one offset fits. */
const buildOptions = [...device, '--normalize-times'];
/** The local inbox's own test token (not a secret): the inbox accepts it, submit gets it from its environment. */
const demoToken = 'demo-token-0f3c9a1b';
/** How long the inbox may take to start or to stop. */
const inboxTimeoutMs = 15_000;

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  process.stderr.write(
    'error[E_NOT_BUILT]: dist/ is missing; run "npm install" (or "npm run build") first\n',
  );
  process.exit(1);
}

/** Runs a CLI step to completion, its output shown as it comes. */
function run(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.once('error', reject);
    child.once('close', (status) => resolve(status ?? 1));
  });
}

async function step(title, args, { env = {}, shownEnv = '', expect = 0 } = {}) {
  process.stdout.write(`\n$ ${shownEnv}wa-import ${args.join(' ')}\n`);
  const status = await run(args, env);
  if (status !== expect) {
    throw new Error(`demo step "${title}" ended with exit status ${status}, expected ${expect}`);
  }
  if (expect !== 0) process.stdout.write(`(exit status ${status}, as expected)\n`);
}

/**
 * Starts `wa-import inbox`; `url` resolves with the URL of its first line
 * (`listening on http://127.0.0.1:<port>`) once its start-up lines are out (the `try:` line).
 * Its lines are shown prefixed with `[inbox]`.
 */
function startInbox(args) {
  process.stdout.write(`\n$ wa-import ${args.join(' ')} &\n`);
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  const exited = new Promise((resolve) => child.once('close', (status) => resolve(status ?? 1)));
  const url = new Promise((resolve, reject) => {
    let pending = '';
    let listening;
    const timer = setTimeout(() => reject(new Error('the inbox did not start in time')), inboxTimeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      pending += text;
      for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n')) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        process.stdout.write(`  [inbox] ${line}\n`);
        if (listening === undefined) {
          listening = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1] ?? '';
          if (listening === '') reject(new Error(`unexpected first line from the inbox: ${line}`));
        } else if (line.startsWith('try: ')) {
          clearTimeout(timer);
          resolve(listening);
        }
      }
    });
    child.stderr.pipe(process.stderr);
    child.once('error', reject);
    exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`the inbox exited with status ${status} before it listened`));
    });
  });
  return {
    url,
    /** Ctrl-C, as a user would: the inbox stops cleanly and exits 0. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), inboxTimeoutMs);
      const status = await exited;
      clearTimeout(timer);
      return status;
    },
  };
}

process.stdout.write(
  `wa-import demo on ${sample}/ (an Android export, en-GB, crossing the UK clock change)\n`,
);
const temp = await mkdtemp(join(tmpdir(), 'wa-import-demo-'));
const payload = join(temp, 'payload.json');
const stateDir = join(temp, 'state');
const inboxData = join(temp, 'inbox');
let inbox;
try {
  await step('inspect', ['inspect', sample, ...device]);
  await step('build', ['build', sample, ...buildOptions, '-o', payload]);

  inbox = startInbox(['inbox', '--port', '0', '--token', demoToken, '--data', inboxData]);
  const url = await inbox.url;
  const submitEnv = { env: { WA_IMPORT_TOKEN: demoToken }, shownEnv: 'WA_IMPORT_TOKEN=… ' };
  const common = ['--inbox', url, '--state-dir', stateDir];
  await step('submit', ['submit', payload, ...common], submitEnv);
  process.stdout.write('\nThe same chat again, given as the export this time: the ledger refuses it.\n');
  await step('submit again', ['submit', sample, ...buildOptions, ...common], {
    ...submitEnv,
    expect: 1,
  });

  // What the inbox now holds, as its API lists it (loopback only).
  process.stdout.write(`\nWhat the inbox now holds (GET ${url}/api/v1/chats/):\n`);
  const listing = await fetch(`${url}/api/v1/chats/`, {
    headers: { Authorization: `Token ${demoToken}` },
  });
  if (listing.status !== 200) throw new Error(`GET /api/v1/chats/ answered ${listing.status}`);
  const chats = await listing.json();
  process.stdout.write(`${chats.count} chat(s):\n`);
  for (const chat of chats.results) {
    const last = chat.last_message;
    const lastText = last?.waba_payload?.text?.body ?? last?.waba_payload?.system?.body;
    const when = new Date(chat.contact.last_message_timestamp * 1000).toISOString();
    process.stdout.write(
      `  +${chat.wa_id} ("${chat.contact.waba_payload.profile.name}"): ${chat.new_messages} messages, ` +
        `last at ${when}${lastText === undefined ? '' : ` ${last.from_us ? 'from us' : 'from the customer'}: ${JSON.stringify(lastText)}`}\n`,
    );
  }
  process.stdout.write(
    '\nStopping the inbox (its chats stay in its --data directory until the demo cleans up).\n',
  );
  const status = await inbox.stop();
  inbox = undefined;
  if (status !== 0) throw new Error(`the inbox exited with status ${status}`);
  process.stdout.write('\nDone: inspected, built, imported once, refused the duplicate.\n');
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
} finally {
  await inbox?.stop();
  await rm(temp, { recursive: true, force: true });
}
