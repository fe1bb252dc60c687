/**
 * Makes the pages' Markdown copies and writes them, with the images they show, into the output
 * folder as pages hand them over. Run in a worker thread during a build (markdown-copies-worker.ts),
 * so that neither the conversion nor the synchronous writes take the renderer's thread, and the writes
 * take no place in libuv's queue ahead of Astro's own page writes.
 */
import { constants, copyFileSync, existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type CopySite, type CopySource, markdownCopy, type MarkdownCopy } from '../lib/markdown/markdown-copy.ts';
import { realFileInside } from './confine.ts';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class MarkdownCopies {
  readonly #out: string;
  readonly #contentRoot: string;
  readonly #folders = new Set<string>();
  readonly #images = new Set<string>();
  // llms-full.txt repeats every page's copy: each is made once per build.
  readonly #made = new Map<string, MarkdownCopy>();
  #failure: string | undefined;
  markdown = 0;
  images = 0;

  /** `out` is the output folder; images are published from `contentDir` at the same relative path. */
  constructor(out: string, contentDir: string) {
    this.#out = out;
    this.#contentRoot = realpathSync.native(resolve(contentDir));
  }

  /**
   * Each page's copy, written at its `path` below the output folder (`latest/okta/index.md`) with its
   * images. After a page fails, the rest are skipped and `finish` reports the failure.
   */
  writePages(pages: ReadonlyArray<{ path: string; source: CopySource }>, site: CopySite): void {
    for (const { path, source } of pages) {
      if (this.#failure !== undefined) return;
      try {
        this.writePage(path, source, site);
      } catch (error) {
        this.#failure = `${source.file}: ${reason(error)}`;
      }
    }
  }

  /** The copy of a page, written at `path` below the output folder (`latest/okta/index.md`) with its images. */
  writePage(path: string, source: CopySource, site: CopySite): void {
    const copy = this.copyOf(source, site);
    this.#writeMarkdown(path, copy.text);
    for (const image of copy.images) this.#copyImage(image);
  }

  /** The copies' texts, for llms-full.txt. */
  texts(sources: readonly CopySource[], site: CopySite): string[] {
    try {
      return sources.map((source) => this.copyOf(source, site).text);
    } catch (error) {
      throw new Error(`The Markdown copies for llms-full.txt could not be made: ${reason(error)}`);
    }
  }

  /** What was written, or the first page that could not be. */
  finish(): { markdown: number; images: number } {
    if (this.#failure !== undefined) throw new Error(`A Markdown copy could not be written: ${this.#failure}`);
    return { markdown: this.markdown, images: this.images };
  }

  copyOf(source: CopySource, site: CopySite): MarkdownCopy {
    const key = `${source.isAlias ? 'alias:' : ''}${source.id}`;
    let copy = this.#made.get(key);
    if (!copy) {
      copy = markdownCopy(source, site);
      this.#made.set(key, copy);
    }
    return copy;
  }

  // Beside the page's own index.html, in a fresh output folder nothing else reads yet: one plain
  // write a file (a temporary file and a rename would double the file-system work, the slow part here).
  #writeMarkdown(path: string, text: string): void {
    const file = join(this.#out, path);
    this.#folderOf(file);
    writeFileSync(file, text);
    this.markdown += 1;
  }

  // A copy, never a link: nothing done to the output may reach the content. Only files really inside
  // the content folder are published: `..` and symlinks that leave it publish nothing.
  #copyImage(path: string): void {
    if (this.#images.has(path)) return;
    this.#images.add(path);
    const from = realFileInside(this.#contentRoot, resolve(this.#contentRoot, path));
    const to = join(this.#out, path);
    if (!from || existsSync(to)) return;
    this.#folderOf(to);
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
    this.images += 1;
  }

  #folderOf(file: string): void {
    const folder = dirname(file);
    if (this.#folders.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.#folders.add(folder);
  }
}
