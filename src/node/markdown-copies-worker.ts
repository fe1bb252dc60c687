/**
 * Worker-thread entry of the Markdown copies (markdown-copies.ts): pages are told in batches as they
 * render; `texts` answers with copies for llms-full.txt, `end` with the counts once every page told
 * before it is written (or with the first page that failed).
 */
import { workerData } from 'node:worker_threads';
import type { CopySite, CopySource } from '../lib/markdown/markdown-copy.ts';
import { MarkdownCopies } from './markdown-copies.ts';
import { answerRequests } from './worker-requests.ts';

export type CopyRequest = { kind: 'texts'; sources: CopySource[]; site: CopySite } | { kind: 'end' };
export type CopyAnswer = string[] | { markdown: number; images: number };
export type CopyPages = { site: CopySite; pages: Array<{ path: string; source: CopySource }> };

const { out, contentDir } = workerData as { out: string; contentDir: string };
const copies = new MarkdownCopies(out, contentDir);

answerRequests<CopyRequest, CopyAnswer, CopyPages>(
  (request) => (request.kind === 'texts' ? copies.texts(request.sources, request.site) : copies.finish()),
  ({ site, pages }) => copies.writePages(pages, site),
);
