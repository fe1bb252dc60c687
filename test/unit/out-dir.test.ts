/** The output-folder check that runs before `astro build`. */
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
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
    expect(() => checkOutDir(root, join(elsewhere, 'site/out'), { deviceOf })).toThrow(
      `STEPDOCS_OUT_DIR ${join(elsewhere, 'site/out')} is on another file system than the project (${root}), and Astro can only move its output within one. Build into a folder on the project's file system and copy it from there.`,
    );
    expect(checkOutDir(root, join(root, 'out'), { deviceOf })).toBe(join(root, 'out'));
  });

  it('refuses an output folder that is, holds or sits inside the project, the content or public/, symlinks resolved', () => {
    const project = mkdtempSync(join(tmpdir(), 'stepdocs-outdir-project-'));
    mkdirSync(join(project, 'content/latest'), { recursive: true });
    mkdirSync(join(project, 'public'));
    symlinkSync(join(project, 'content'), join(project, 'content-link'));
    const keep = [
      { path: 'content', name: 'the content folder' },
      { path: 'public', name: 'the public folder' },
    ];
    const refused = (outDir: string) => () => checkOutDir(project, outDir, { keep });
    expect(refused('content')).toThrow(
      `STEPDOCS_OUT_DIR ${join(project, 'content')} is or holds the content folder (${join(project, 'content')}), which the build would delete`,
    );
    expect(refused('content-link')).toThrow('is or holds the content folder');
    expect(refused('.')).toThrow(`is or holds the project (${project})`);
    expect(refused('..')).toThrow('is or holds the project');
    expect(refused('public')).toThrow('is or holds the public folder');
    expect(refused('content/latest/dist')).toThrow(`is inside the content folder (${join(project, 'content')}), which the build must not write into`);
    expect(refused('content-link/out')).toThrow('is inside the content folder');
    expect(checkOutDir(project, 'dist', { keep })).toBe(join(project, 'dist'));
    expect(checkOutDir(project, 'content-dist', { keep })).toBe(join(project, 'content-dist'));
  });
});
