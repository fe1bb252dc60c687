/**
 * Worker-thread entry of the Markdown copies (markdown-copies.ts). Messages are handled in the order
 * they are posted: `texts` answers with the copies of the pages it names (llms-full.txt), `end` with
 * the counts once every page posted before it is written, or with the first page that failed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CopySite, CopySource } from '../lib/markdown/markdown-copy.ts';
import { MarkdownCopies } from './markdown-copies.ts';

export type ToWorker =
  | { kind: 'pages'; site: CopySite; pages: Array<{ path: string; source: CopySource }> }
  | { kind: 'texts'; request: number; sources: CopySource[]; site: CopySite }
  | { kind: 'end' };

export type FromWorker =
  | { kind: 'texts'; request: number; texts: string[] }
  | { kind: 'texts'; request: number; failure: string }
  | { kind: 'end'; markdown: number; images: number }
  | { kind: 'end'; failure: string };

const { out, contentDir } = workerData as { out: string; contentDir: string };
const copies = new MarkdownCopies(out, contentDir);
let failure: string | undefined;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
const answer = (message: FromWorker) => parentPort!.postMessage(message);

parentPort!.on('message', (message: ToWorker) => {
  if (message.kind === 'end') {
    answer(failure === undefined ? { kind: 'end', markdown: copies.markdown, images: copies.images } : { kind: 'end', failure });
  } else if (message.kind === 'texts') {
    try {
      answer({ kind: 'texts', request: message.request, texts: message.sources.map((source) => copies.copyOf(source, message.site).text) });
    } catch (error) {
      answer({ kind: 'texts', request: message.request, failure: reason(error) });
    }
  } else {
    for (const page of message.pages) {
      if (failure !== undefined) return;
      try {
        copies.writePage(page.path, page.source, message.site);
      } catch (error) {
        failure = `${page.source.file}: ${reason(error)}`;
      }
    }
  }
});
