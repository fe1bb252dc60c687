/** Web Worker that runs the metadata engine off the main thread, so a large aggregate never freezes the page. */
import { tooLargeReport, type CheckOptions } from '../../lib/saml/check-metadata.ts';
import { checkMetadata } from '../../lib/keeper/metadata-rules.ts';

/** The file's bytes, or only its size when the page refused to read it for being over the limit. */
interface Request {
  bytes?: ArrayBuffer;
  size?: number;
  options: Omit<CheckOptions, 'onProgress' | 'now'> & { now?: string };
}

self.addEventListener('message', async (event: MessageEvent<Request>) => {
  const { bytes, size, options } = event.data;
  const { now, ...rest } = options;
  if (bytes === undefined) {
    self.postMessage({ type: 'report', report: tooLargeReport(size ?? 0, { ...rest, ...(now ? { now: new Date(now) } : {}) }) });
    return;
  }
  const report = await checkMetadata(new Uint8Array(bytes), {
    ...rest,
    ...(now ? { now: new Date(now) } : {}),
    onProgress: (done, total) => self.postMessage({ type: 'progress', done, total }),
  });
  self.postMessage({ type: 'report', report });
});
