/**
 * `llms.txt` (the llmstxt.org format: the site's title, a summary, then a list of links per section)
 * and `llms-full.txt` (every page's Markdown, in sidebar order), for AI readers and scripts.
 */
export interface LlmsEntry {
  title: string;
  /** Absolute URL of the page's Markdown copy. */
  markdownUrl: string;
  description: string;
}

export interface LlmsSection {
  label: string;
  entries: LlmsEntry[];
}

export function llmsTxt(site: { title: string; description: string; details?: string }, sections: readonly LlmsSection[]): string {
  const lines = [`# ${oneLine(site.title)}`, '', `> ${oneLine(site.description)}`, ''];
  if (site.details) lines.push(site.details, '');
  for (const section of sections) {
    lines.push(`## ${oneLine(section.label)}`, '');
    for (const entry of section.entries) lines.push(`- [${escapeLabel(entry.title)}](${entry.markdownUrl}): ${oneLine(entry.description)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The pages' Markdown, one after another, each introduced by the URL it comes from. */
export function llmsFullTxt(pages: ReadonlyArray<{ markdownUrl: string; markdown: string }>): string {
  return pages.map((page) => `<!-- ${page.markdownUrl} -->\n\n${page.markdown.trimEnd()}\n`).join('\n---\n\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeLabel(text: string): string {
  return oneLine(text).replace(/[[\]\\]/g, '\\$&');
}
