/**
 * remark-stepdocs: the rules of `npm run check` as a remark plugin, for `npx remark` and editors that
 * speak the unified language server (VS Code's "remark" extension and any LSP client). The guide's
 * structure rules run on remark's own tree of the text being edited; frontmatter, links, anchors,
 * images and redirects are checked with the rest of the content folder read as `npm run check` reads
 * it, with this page's unsaved text in place of its file. Findings become vfile messages with the
 * rule id, `source: 'stepdocs'`, the place, the fix (`note`) and the rule's documentation (`url`);
 * errors are fatal, so `remark` exits 1 on them (`--frail` adds warnings).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import type { Finding } from '../lib/findings.ts';
import type { MdNode } from '../lib/mdx/mdast.ts';
import { GUIDE_RULES } from '../lib/guide/rules.ts';
import { validateTree } from '../lib/guide/validate-guide.ts';
import { checkContent, rulesPageUrl } from '../node/check-content.ts';
import { LINK_RULE_TWINS } from '../lib/links/rules.ts';
import { loadSiteConfig } from '../node/site-config.ts';

export interface StepdocsOptions {
  /** The project root (default: the folder remark runs in). */
  root?: string;
}

/** The structure rules: those the guide validator checks on the tree, as opposed to the frontmatter. */
const TREE_RULES = new Set<string>(GUIDE_RULES.map((rule) => rule.id).filter((id) => !id.startsWith('frontmatter/')));

export default function remarkStepdocs(options: StepdocsOptions = {}) {
  return (tree: unknown, file: VFile) => {
    if (!file.path) return;
    const root = resolve(options.root ?? file.cwd);
    const site = loadSiteConfig(process.env, root);
    const contentDir = resolve(root, site.contentDir);
    const inFolder = relative(contentDir, resolve(file.cwd, file.path));
    if (inFolder.startsWith('..') || isAbsolute(inFolder) || !/\.mdx?$/.test(inFolder)) return;
    const path = inFolder.split(sep).join('/');
    const display = `${relative(root, contentDir).split(sep).join('/') || '.'}/${path}`;
    const source = String(file.value);
    const exclude = site.linkExclude.map((pattern) => new RegExp(pattern));
    const folder = checkContent({
      root,
      site,
      exclude,
      only: (shown) => shown === display,
      overrides: new Map([[path, source]]),
      rulesUrl: rulesPageUrl(site),
    });
    const fromTree = validateTree(tree as MdNode, source, { file: display, rulesUrl: rulesPageUrl(site) }).filter(
      (finding) => !LINK_RULE_TWINS.has(finding.ruleId),
    );
    const findings = [...folder.findings.filter((finding) => !TREE_RULES.has(finding.ruleId) || LINK_RULE_TWINS.has(finding.ruleId)), ...fromTree];
    for (const finding of findings) report(file, finding);
  };
}

function report(file: VFile, finding: Finding): void {
  const message = file.message(finding.reason, { ruleId: finding.ruleId, source: 'stepdocs', ...(finding.place ? { place: finding.place } : {}) });
  if (finding.note) message.note = finding.note;
  if (finding.url) message.url = finding.url;
  // vfile's convention: fatal for errors, false for warnings, unset for notes.
  message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined;
}
