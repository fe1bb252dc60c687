/**
 * A page's Markdown copy with the site's URLs: what `<page>/index.md` and llms-full.txt hold. Its
 * inputs are plain data, so the same function serves the dev server's route and the build's worker
 * thread (src/node/markdown-copies.ts), which makes the copies off the renderer's thread.
 */
import { aliasPath, addressOf, guidePath, ROUTES, withBase } from '../routes.ts';
import { routeOfFileLink } from '../links/content-link.ts';
import { joinAssetPath } from '../guide/resolve-asset.ts';
import type { Version } from '../versions.ts';
import { pageMarkdown } from './page-markdown.ts';

export interface CopySource {
  /** Content id, `<version>/<path>` without the extension. */
  id: string;
  title: string;
  description: string;
  body: string;
  file: string;
  /** The copy of the current version's alias page (`latest/…`), whose URLs stay on the alias. */
  isAlias: boolean;
}

export interface CopySite {
  /** The site's origin and path (`https://docs.example.com/`). */
  site: string;
  /** The site base (`/docs/`). */
  base: string;
  versions: readonly Version[];
}

export interface MarkdownCopy {
  text: string;
  /** Images the copy shows, by their path in the content folder (`latest/images/x.svg`): published at that path. */
  images: string[];
}

export function markdownCopy(source: CopySource, site: CopySite): MarkdownCopy {
  const path = guidePath(addressOf(source.id, site.versions));
  const absolute = (below: string) => new URL(withBase(site.base, below), site.site).href;
  const folder = source.id.split('/').slice(0, -1).join('/');
  const images: string[] = [];
  const text = pageMarkdown({
    title: source.title,
    description: source.description,
    url: absolute(source.isAlias ? aliasPath(path) : path),
    body: source.body,
    file: source.file,
    rulesUrl: absolute(ROUTES.metadataRules),
    resolveLink: (href) => {
      // Site-absolute paths (`/1.0/jumpcloud/`) are below the site base, as the site's own links are.
      if (href.startsWith('/') && !href.startsWith('//')) return absolute(href);
      const route = routeOfFileLink(source.id, href, site.base, site.versions);
      return route ? new URL(route, site.site).href : undefined;
    },
    // The original image, published at its path in the content folder (a glob import of every image
    // for Vite to emit cost a tenth of a 2,000-page build).
    resolveImage: (src) => {
      const image = joinAssetPath(folder, src);
      images.push(image);
      return absolute(image);
    },
  });
  return { text, images };
}
