/**
 * The shared front of the command-line tools: strict argument parsing, `--help`, and usage errors
 * that print the reason and the usage on stderr and exit 2.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export function commandLine<const T extends ParseArgsOptionsConfig>(name: string, usage: string, options: T) {
  const usageError = (message: string): never => {
    process.stderr.write(`${name}: ${message}\n\n${usage}\n`);
    process.exit(2);
  };
  const config = { args: process.argv.slice(2), options: { ...options, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true, strict: true } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
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
