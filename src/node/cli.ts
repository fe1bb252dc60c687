/**
 * The shared front of the command-line tools: strict argument parsing, `--help`, usage errors that
 * print the reason and the usage on stderr and exit 2, and one way out for every command.
 *
 * A command never calls `process.exit()` while output may still be queued: through a pipe, Node
 * writes stdout asynchronously, and exiting cuts a large report at the pipe's 64 KB. Commands set
 * `process.exitCode` and return, or throw a `CommandExit`; either way the process ends once stdout
 * and stderr are flushed. A reader that goes away (`| head`) ends the command quietly, and an
 * unexpected error is one line on stderr, never a stack trace (STEPDOCS_DEBUG=1 shows it).
 */
import { readSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Ends a command with `code` after printing `message` (if any) on stderr. */
export class CommandExit extends Error {
  readonly code: number;
  constructor(code: number, message = '') {
    super(message);
    this.code = code;
  }
}

let guarded = false;

/** Installs the exit, pipe and error handling of a command; `commandLine` calls it. */
export function guardCommand(name: string): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // The reader stopped reading (`| head`): there is no one left to tell.
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  process.on('uncaughtException', (error) => {
    if (error instanceof CommandExit) {
      if (error.message) process.stderr.write(`${error.message}\n`);
      exitAfterFlush(error.code);
      return;
    }
    const detail = process.env.STEPDOCS_DEBUG ? `\n${error.stack ?? ''}` : ' (an unexpected error; STEPDOCS_DEBUG=1 shows where)';
    process.stderr.write(`${name}: ${error.message}${detail}\n`);
    exitAfterFlush(1);
  });
  process.on('unhandledRejection', (reason) => {
    throw reason instanceof Error ? reason : new Error(String(reason));
  });
}

/** Exits with `code` once everything written to stdout and stderr has reached its reader. */
function exitAfterFlush(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

export function commandLine<const T extends ParseArgsOptionsConfig>(name: string, usage: string, options: T) {
  guardCommand(name);
  const usageError = (message: string): never => {
    throw new CommandExit(2, `${name}: ${message}\n\n${usage}`);
  };
  const config = {
    args: process.argv.slice(2),
    options: { ...options, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
    strict: true,
  } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    throw new CommandExit(0);
  }
  return { values: parsed.values, positionals: parsed.positionals, usageError };
}

/** A setting read through `read`: its error (a bad configuration file or variable) is a usage error, never a stack trace. */
export function orUsageError<T>(usageError: (message: string) => never, read: () => T): T {
  try {
    return read();
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
}

/** Standard input as text, refused (exit 1) past `maxBytes` instead of read whole whatever its size. */
export function readStandardInput(name: string, maxBytes: number): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  let total = 0;
  for (;;) {
    let count: number;
    try {
      count = readSync(0, buffer);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw error;
    }
    if (count === 0) break;
    total += count;
    if (total > maxBytes)
      throw new CommandExit(1, `${name}: standard input is over ${Math.round(maxBytes / 1024)} KB; expected one value or one metadata file`);
    chunks.push(Buffer.from(buffer.subarray(0, count)));
  }
  return Buffer.concat(chunks).toString('utf8');
}
