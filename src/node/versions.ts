/** Reads `<contentDir>/versions.json` for the build and the command-line tools. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseVersions, type Version } from '../lib/versions.ts';

export function readVersions(contentDir: string): Version[] {
  const file = join(contentDir, 'versions.json');
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file)) throw new Error(`${shown} is missing; it declares the versions, e.g. [{ "id": "latest", "label": "Latest", "status": "current" }]`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${shown} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseVersions(data, shown);
}
