/**
 * The declared list of versions: the single source for routes, navigation and the link checker.
 * Content of each version lives in `<contentDir>/<id>/`.
 */
export type VersionStatus = 'current' | 'supported' | 'unmaintained';

export interface Version {
  id: string;
  label: string;
  status: VersionStatus;
  /** ISO date the version was frozen. */
  released?: string;
}

export const VERSIONS: readonly Version[] = [{ id: 'latest', label: 'Latest', status: 'current' }];

export function currentVersion(versions: readonly Version[] = VERSIONS): Version {
  const current = versions.find((version) => version.status === 'current');
  if (!current) throw new Error('The version list has no version with status `current`.');
  return current;
}

export function findVersion(id: string, versions: readonly Version[] = VERSIONS): Version | undefined {
  return versions.find((version) => version.id === id);
}
