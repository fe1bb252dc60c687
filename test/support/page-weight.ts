/**
 * What a page makes the browser download on first load, measured from the built files: inline
 * scripts, external scripts and everything they import statically (not dynamic `import()`), and
 * stylesheets, each gzipped as a server would send it.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  jsGzip: number;
  cssGzip: number;
  htmlGzip: number;
  scripts: string[];
  /** External scripts in <head> that block rendering (classic, without async/defer). */
  blockingScripts: string[];
}

const gzip = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

export function pageWeight(outDir: string, page: string, base = '/'): PageWeight {
  const html = readFileSync(join(outDir, page), 'utf8');
  // Widget modules carry a cache-busting query (`?v=<hash>`); the file is the path without it.
  const fileOf = (url: string) => join(outDir, url.slice(base.length).replace(/[?#].*$/, ''));
  const seen = new Set<string>();
  let jsGzip = 0;
  const visit = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const code = readFileSync(fileOf(url), 'utf8');
    jsGzip += gzip(code);
    // Static imports only: `import{a}from"./x.js"` and `import"./x.js"`, not `import("./x.js")`.
    for (const match of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w${},*\s]+?from\s*)?["']([^"']+\.js)["']/g)) {
      visit(posix.join(posix.dirname(url), match[1]!));
    }
  };
  const blockingScripts: string[] = [];
  const head = html.slice(0, html.indexOf('</head>'));
  for (const match of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1]!;
    const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) {
      visit(src);
      if (head.includes(match[0]) && !/type="module"|\sasync|\sdefer/.test(attributes)) blockingScripts.push(src);
    } else if (match[2]!.trim() !== '') {
      jsGzip += gzip(match[2]!);
      const inner = match[2]!;
      for (const imported of inner.matchAll(/import\s*["']([^"']+\.js)["']/g)) visit(imported[1]!);
    }
  }
  let cssGzip = 0;
  for (const match of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) cssGzip += gzip(readFileSync(fileOf(match[1]!)));
  for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) cssGzip += gzip(match[1]!);
  return { jsGzip, cssGzip, htmlGzip: gzip(html), scripts: [...seen], blockingScripts };
}
