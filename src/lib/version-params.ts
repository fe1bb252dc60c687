/** The `[version]` params of per-version routes: every version, and `latest` for the current one when it has another id. */
import { CURRENT_ALIAS, currentVersion, type Version } from './versions.ts';

export function versionParams(versions: readonly Version[]): Array<{ params: { version: string }; props: { version: Version; isAlias: boolean } }> {
  const current = currentVersion(versions);
  const alias = current.id !== CURRENT_ALIAS ? [{ params: { version: CURRENT_ALIAS }, props: { version: current, isAlias: true } }] : [];
  return [...versions.map((version) => ({ params: { version: version.id }, props: { version, isAlias: false } })), ...alias];
}
