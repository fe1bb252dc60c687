/** Reads `<contentDir>/versions.json` for the build and the command-line tools. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isReservedVersionId } from '../lib/routes.ts';
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
  const versions = parseVersions(data, shown);
  const reserved = versions.find((version) => isReservedVersionId(version.id));
  if (reserved) throw new Error(`${shown}: version id \`${reserved.id}\` is a path the site already uses (${reservedNote}); rename the version and its folder`);
  return versions;
}

const reservedNote = 'its pages would overwrite that file or folder, or be dropped';
