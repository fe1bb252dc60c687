/**
 * `npm run bench` is not part of `npm test` (it takes minutes), so a moved file could break it
 * unnoticed: every path a bench or command script resolves from its own folder must exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-site';

describe('paths the bench and the commands resolve from their folders', () => {
  it('all exist', () => {
    const missing: string[] = [];
    for (const folder of ['bench', 'bin']) {
      for (const name of readdirSync(join(ROOT, folder)).filter((file) => file.endsWith('.ts'))) {
        const text = readFileSync(join(ROOT, folder, name), 'utf8');
        for (const match of text.matchAll(/resolve\(import\.meta\.dirname, '([^']+)'\)/g)) {
          if (!existsSync(resolve(ROOT, folder, match[1]!))) missing.push(`${folder}/${name}: ${match[1]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every bench section names a script that exists', () => {
    const sections = [...readFileSync(join(ROOT, 'bench/run.ts'), 'utf8').matchAll(/script: '([^']+)'/g)].map((match) => match[1]!);
    expect(sections.length).toBeGreaterThan(5);
    expect(sections.filter((script) => !existsSync(join(ROOT, script)))).toEqual([]);
  });
});
