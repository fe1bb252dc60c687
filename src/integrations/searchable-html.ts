/**
 * What Pagefind needs of a page: the document language, its title and the element marked
 * `data-pagefind-body` (which carries the version filter). The header, sidebar and scripts around
 * it are most of a page's bytes and Pagefind would parse them only to skip them.
 * Null for pages without a search body (home pages, embeds, 404).
 */
export function searchableHtml(html: string): string | null {
  const marker = html.indexOf(' data-pagefind-body');
  if (marker === -1) return null;
  const start = html.lastIndexOf('<', marker);
  const tag = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(start, marker))?.[1];
  if (!tag) return null;
  const end = closingTagEnd(html, tag, start);
  if (end === -1) return null;
  const lang = /^<html[^>]*\slang="([^"]*)"/i.exec(html.slice(html.indexOf('<html')))?.[1] ?? 'en';
  const title = /<title>[\s\S]*?<\/title>/i.exec(html)?.[0] ?? '';
  return `<!doctype html><html lang="${lang}"><head>${title}</head><body>${html.slice(start, end)}</body></html>`;
}

/** Offset just past the `</tag>` that closes the element opened at `start`, counting nested ones of the same name. */
function closingTagEnd(html: string, tag: string, start: number): number {
  const pattern = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi');
  pattern.lastIndex = start;
  let depth = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return -1;
}
