/**
 * Vitest global setup: the run's temporary files (built sites, generated content, Chromium
 * profiles) go under one folder of their own, removed when the run ends, so `npm test` leaves no
 * gigabyte of `stepdocs-*` folders behind. Workers and the builds they spawn inherit TMPDIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'stepdocs-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    // Retries: a child process that has just exited may still have files being closed in there.
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
}
