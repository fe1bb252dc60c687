/** The output-folder check that runs before `astro build`. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutDir } from '../../src/node/out-dir';

describe('checkOutDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'stepdocs-outdir-'));

  it('accepts an output folder on the project file system, existing or not, and resolves it', () => {
    expect(checkOutDir(root, './dist')).toBe(join(root, 'dist'));
    expect(checkOutDir(root, join(root, 'not/yet/made'))).toBe(join(root, 'not/yet/made'));
  });

  it('refuses a folder on another file system, judged by its nearest existing parent, naming both and the way out', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'stepdocs-mounted-'));
    // The project is on device 1 and everything under `elsewhere` on device 2; `site/out` does not exist yet.
    const deviceOf = (path: string) => (path.startsWith(elsewhere) ? 2 : 1);
    expect(() => checkOutDir(root, join(elsewhere, 'site/out'), deviceOf)).toThrow(
      `STEPDOCS_OUT_DIR ${join(elsewhere, 'site/out')} is on another file system than the project (${root}), and Astro can only move its output within one. Build into a folder on the project's file system and copy it from there.`,
    );
    expect(checkOutDir(root, join(root, 'out'), deviceOf)).toBe(join(root, 'out'));
  });
});
