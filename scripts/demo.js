#!/usr/bin/env node
// `npm start`: the whole product on the bundled sample export, step by step, with the real CLI:
// inspect, parse, build, then submit to a local inbox emulator (in this process, on 127.0.0.1)
// and submit again to show the ledger refusing the duplicate. Nothing leaves this machine.
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
/** The emulator's own test token: it is given to the child in its environment, as a user would. */
const demoToken = 'demo-token-0f3c9a1b';

const emulatorModule = new URL('../dist/emulator/index.js', import.meta.url);
if (!existsSync(fileURLToPath(emulatorModule))) {
  process.stderr.write(
    'error[E_NOT_BUILT]: dist/ is missing; run "npm install" (or "npm run build") first\n',
  );
  process.exit(1);
}
const { startInboxEmulator } = await import(emulatorModule.href);

/** Runs the CLI without blocking this process (the emulator answers from here). */
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

process.stdout.write(
  `wa-import demo on ${sample}/ (an Android export, en-GB, crossing the UK clock change)\n`,
);
await step('inspect', ['inspect', sample, ...device]);
await step('parse', ['parse', sample, ...device]);

const temp = await mkdtemp(join(tmpdir(), 'wa-import-demo-'));
const payload = join(temp, 'payload.json');
const stateDir = join(temp, 'state');
const inboxLines = [];
const emulator = await startInboxEmulator({
  tokens: [demoToken],
  onRequest: (request, received) => {
    const what = received
      ? `201, chat with +${received.chat.wa_id}, ${received.chat.new_messages} messages`
      : String(request.status ?? 'no answer');
    inboxLines.push(`  ${request.method} ${request.path} → ${what}`);
  },
});
try {
  process.stdout.write(`\nlocal inbox emulator listening on ${emulator.url} (token ${demoToken})\n`);
  const submitEnv = { env: { WA_IMPORT_TOKEN: demoToken }, shownEnv: 'WA_IMPORT_TOKEN=… ' };
  const common = ['--inbox', emulator.url, '--state-dir', stateDir];

  await step('build', ['build', sample, ...buildOptions, '-o', payload]);
  await step('submit', ['submit', payload, ...common], submitEnv);
  process.stdout.write('\nThe same chat again, given as the export this time: the ledger refuses it.\n');
  await step('submit again', ['submit', sample, ...buildOptions, ...common], { ...submitEnv, expect: 1 });

  process.stdout.write(`\nWhat the inbox emulator received (${emulator.requests} requests):\n`);
  process.stdout.write(`${inboxLines.join('\n')}\n`);
  for (const [index, received] of emulator.imports.entries()) {
    const body = received.body;
    process.stdout.write(
      `import ${index + 1}: ${received.bytes} bytes, sha256 ${received.sha256.slice(0, 16)}…, ` +
        `utc_offset_minutes ${body?.utc_offset_minutes}, device_language_code ${body?.device_language_code}, ` +
        `participants ${JSON.stringify(body?.chat_participants)}, ` +
        `media ${JSON.stringify(body?.media_files.map((file) => `${file.file_name} (${file.mime_type})`))}\n`,
    );
  }
  // What the inbox now holds, as its API lists it (loopback only).
  const listing = await fetch(`${emulator.url}/api/v1/chats/`, {
    headers: { Authorization: `Token ${demoToken}` },
  });
  const chats = await listing.json();
  process.stdout.write(
    `GET /api/v1/chats/: ${chats.count} chat(s): ${chats.results
      .map((chat) => `+${chat.wa_id} ("${chat.contact.waba_payload.profile.name}")`)
      .join(', ')}\n`,
  );
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
} finally {
  await emulator.close();
  await rm(temp, { recursive: true, force: true });
}
