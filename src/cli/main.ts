/**
 * The command-line entry: picks the command, runs it, maps errors to one line and an exit
 * status. The only module that knows about exit statuses; `bin/wa-import.js` is the only one
 * that touches `process`.
 *
 * @module
 */

import { createRequire } from 'node:module';
import { type CliIo, write } from './io.js';
import { exitStatusOf, formatError, usageError } from './usage-error.js';

type Command = (args: readonly string[], io: CliIo) => Promise<void>;
interface LoadedCommand {
  readonly run: Command;
  readonly help: string;
}

/**
 * Commands are loaded when run: each pulls in only its own modules (`parse` needs neither the
 * HTTP client nor the inbox), which keeps a short command's start-up short.
 */
const COMMANDS: Readonly<Record<string, () => Promise<LoadedCommand>>> = {
  parse: async () => {
    const { parseCommand, PARSE_HELP } = await import('./commands/parse.js');
    return { run: parseCommand, help: PARSE_HELP };
  },
  inspect: async () => {
    const { inspectCommand, INSPECT_HELP } = await import('./commands/inspect.js');
    return { run: inspectCommand, help: INSPECT_HELP };
  },
  build: async () => {
    const { buildCommand, BUILD_HELP } = await import('./commands/build.js');
    return { run: buildCommand, help: BUILD_HELP };
  },
  submit: async () => {
    const { submitCommand, SUBMIT_HELP } = await import('./commands/submit.js');
    return { run: submitCommand, help: SUBMIT_HELP };
  },
  inbox: loadInbox,
  /** The command's first name, kept so scripts written for it still run. */
  emulator: loadInbox,
};

async function loadInbox(): Promise<LoadedCommand> {
  const { inboxCommand, INBOX_HELP } = await import('./commands/inbox.js');
  return { run: inboxCommand, help: INBOX_HELP };
}

/** Top-level help. */
export const MAIN_HELP = `wa-import: WhatsApp "Export chat" files → team-inbox imports

Usage: wa-import <command> [options]

Commands:
  parse <input>     print the messages (NDJSON, JSON or CSV)
  inspect <input>   show the detected format, date order, authors, counts and warnings
  build <input>     write the inbox's ChatImport request body (file or stdout)
  submit <input>    import a chat (export or built payload) into the inbox, once
  inbox             run a local inbox on 127.0.0.1 for demos and dry runs
                    (--data <dir> keeps its chats; alias: emulator)

Run "wa-import <command> --help" for a command's options.
Exit status: 0 success, 1 failure (error[CODE]: message on stderr), 2 usage error.
`;

/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit status.
 *
 * @example
 * ```ts
 * const status = await runMain(['inspect', 'chat.txt'], io);
 * ```
 */
export async function runMain(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      await write(io.stdout, MAIN_HELP);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
      await write(io.stdout, `${version}\n`);
      return 0;
    }
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (load === undefined) throw usageError(`unknown command "${name}"`, 'run wa-import --help');
    const command = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      await write(io.stdout, command.help);
      return 0;
    }
    await command.run(rest, io);
    return 0;
  } catch (error) {
    await write(io.stderr, formatError(asUsage(error)));
    return exitStatusOf(asUsage(error));
  }
}

/** `node:util` parseArgs throws TypeErrors with `ERR_PARSE_ARGS_*` codes for bad flags: those are usage errors. */
function asUsage(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    return usageError((error as Error).message);
  return error;
}
