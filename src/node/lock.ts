/**
 * One writer at a time: commands that change the content folder (a version cut, an import) hold
 * `<content>/.stepdocs.lock`, a file created exclusively that names the holder's process id and
 * command. A lock whose holder no longer runs (killed, crashed) is stale and taken over; a live one
 * is refused with a message that names the holder, so a second command never overwrites the
 * first's work (two cuts at once used to lose a version from versions.json).
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = '.stepdocs.lock';

export class LockedError extends Error {}

interface Holder {
  pid: number;
  command: string;
}

/** Runs `work` holding the content folder's lock (until its promise settles, for async work); refuses while another live process holds it. */
export function withContentLock<T>(contentDir: string, command: string, work: () => T): T {
  const path = join(contentDir, LOCK_FILE);
  mkdirSync(contentDir, { recursive: true });
  acquire(path, command);
  const release = () => rmSync(path, { force: true });
  let result: T;
  try {
    result = work();
  } catch (error) {
    release();
    throw error;
  }
  if (result instanceof Promise) return result.finally(release) as T;
  release();
  return result;
}

function acquire(path: string, command: string): void {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const descriptor = openSync(path, 'wx');
      writeSync(descriptor, `${JSON.stringify({ pid: process.pid, command } satisfies Holder)}\n`);
      closeSync(descriptor);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (!holder) throw new LockedError(`${path} exists but does not say which process holds it; if no stepdocs command is running, delete it.`);
    if (isRunning(holder.pid)) {
      throw new LockedError(
        `another command is changing this content folder (${holder.command}, process ${holder.pid}); wait for it to finish. If no such process runs, delete ${path}.`,
      );
    }
    // The holder is gone (killed, crashed): the lock is stale and is taken over. Two commands that find
    // the same stale lock in the same instant could both take it; a live lock is never removed.
    rmSync(path, { force: true });
  }
  throw new LockedError(`another command took the lock ${path} at the same moment; try again.`);
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.command === 'string' ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/** True when a process with this id exists (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
