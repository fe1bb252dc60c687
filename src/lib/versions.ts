/**
 * Versions of the content. The declared list lives in `<contentDir>/versions.json`, next to the
 * version folders it describes; it is the single source for routes, navigation, the switcher, the
 * sitemap, `version:cut` and the link checker. This module validates and queries it.
 */
import { z } from 'zod';

export type VersionStatus = 'current' | 'supported' | 'unmaintained';

export interface Version {
  /** Folder name and URL segment: `latest`, `2025.1`. */
  id: string;
  label: string;
  status: VersionStatus;
  /** ISO date the version was frozen. */
  released?: string;
}

export const VERSION_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,31}$/;

/**
 * The stable URL segment of the current version: `/latest/<page>/` always shows the current guides,
 * whatever the current version's own id (`/2.0/<page>/`) is.
 */
export const CURRENT_ALIAS = 'latest';

const versionSchema = z.strictObject({
  id: z.string().regex(VERSION_ID_PATTERN, { error: 'expected lowercase letters, digits, `.`, `_` or `-` (at most 32), e.g. `2025.1`' }),
  label: z.string().trim().min(1, { error: 'expected a label shown in the version switcher' }),
  status: z.enum(['current', 'supported', 'unmaintained'], { error: 'expected `current`, `supported` or `unmaintained`' }),
  released: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written as YYYY-MM-DD' })
    .optional(),
});

const versionListSchema = z
  .array(versionSchema)
  .min(1, { error: 'expected at least one version' })
  .refine((list) => list.filter((version) => version.status === 'current').length === 1, { error: 'expected exactly one version with status `current`' })
  .refine((list) => new Set(list.map((version) => version.id)).size === list.length, { error: 'expected each version id once' })
  .refine((list) => list.every((version) => version.id !== 'latest' || version.status === 'current'), {
    error: 'expected `latest` to be the current version: it is the stable address of the current guides',
  });

/** Validates a parsed versions.json; throws an Error whose message names the file and the field. */
export function parseVersions(data: unknown, file = 'versions.json'): Version[] {
  const result = versionListSchema.safeParse(data);
  if (result.success) return result.data.map(({ released, ...rest }) => (released ? { ...rest, released } : rest));
  const lines = result.error.issues.map((issue) => `  ${issue.path.length ? issue.path.join('.') : '(list)'}: ${issue.message}`);
  throw new Error(`${file} is not a valid version list:\n${lines.join('\n')}`);
}

export function currentVersion(versions: readonly Version[]): Version {
  const current = versions.find((version) => version.status === 'current');
  if (!current) throw new Error('The version list has no version with status `current`.');
  return current;
}

export function findVersion(id: string, versions: readonly Version[]): Version | undefined {
  return versions.find((version) => version.id === id);
}
