/**
 * Reads the site configuration for the build and the command-line tools: `stepdocs.config.json`
 * (or the file `STEPDOCS_CONFIG` names) and, for "Edit this page" links when the file names no
 * repository, the git remote `origin` of a repository on GitHub or GitLab.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { resolveSiteConfig, type SiteConfig } from '../lib/site-config.ts';

/** `configPath` (else `STEPDOCS_CONFIG`) names a file that must exist; without either, `stepdocs.config.json` is read if it is there. */
export function loadSiteConfig(env: Record<string, string | undefined> = process.env, root = process.cwd(), configPath?: string): SiteConfig {
  const named = configPath ?? (env.STEPDOCS_CONFIG || undefined);
  const path = resolve(root, named ?? 'stepdocs.config.json');
  const fileName = relative(process.cwd(), path) || path;
  let file: unknown;
  if (existsSync(path)) {
    try {
      file = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${fileName} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  } else if (named) {
    throw new Error(`no such config file: ${named}`);
  }
  const contentDir = env.STEPDOCS_CONTENT_DIR?.trim() || (file as { contentDir?: unknown } | undefined)?.contentDir;
  return resolveSiteConfig({ file, fileName, env, gitRemote: gitRemote(root, typeof contentDir === 'string' ? contentDir : 'content') });
}

/** The web URL and branch of the `origin` remote, when the content folder is inside this repository. */
function gitRemote(root: string, contentDir: string): { url: string; branch: string; contentPath: string } | undefined {
  const config = join(root, '.git/config');
  if (!existsSync(config)) return undefined;
  const contentPath = relative(root, resolve(root, contentDir));
  if (contentPath.startsWith('..') || isAbsolute(contentPath)) return undefined;
  const text = readFileSync(config, 'utf8');
  const remote = /\[remote "origin"\][^[]*?\n\s*url\s*=\s*(\S+)/.exec(text)?.[1];
  const url = remote ? webUrl(remote) : undefined;
  if (!url) return undefined;
  const head = existsSync(join(root, '.git/HEAD')) ? readFileSync(join(root, '.git/HEAD'), 'utf8') : '';
  const branch = /^ref: refs\/heads\/(.+)$/m.exec(head)?.[1]?.trim() ?? 'main';
  return { url, branch, contentPath: contentPath.split('\\').join('/') };
}

/** `git@github.com:acme/docs.git` or `https://github.com/acme/docs.git` → `https://github.com/acme/docs`. */
export function webUrl(remote: string): string | undefined {
  const scp = /^git@(github\.com|gitlab\.com):(.+?)(?:\.git)?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(remote);
    if (url.hostname !== 'github.com' && url.hostname !== 'gitlab.com') return undefined;
    return `https://${url.hostname}${url.pathname.replace(/\.git$/, '').replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/** The configuration file's text, for findings that point at a line of it; undefined when there is no file. */
export function configText(config: SiteConfig): string | undefined {
  return existsSync(config.configFile) ? readFileSync(config.configFile, 'utf8') : undefined;
}
