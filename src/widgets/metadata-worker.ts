/** Web Worker that runs the metadata engine off the main thread, so a large aggregate never freezes the page. */
import { checkMetadata, type CheckOptions } from '../lib/saml/check-metadata.ts';

interface Request {
  bytes: ArrayBuffer;
  options: Omit<CheckOptions, 'onProgress' | 'now'> & { now?: string };
}

self.addEventListener('message', async (event: MessageEvent<Request>) => {
  const { bytes, options } = event.data;
  const { now, ...rest } = options;
  const report = await checkMetadata(new Uint8Array(bytes), {
    ...rest,
    ...(now ? { now: new Date(now) } : {}),
    onProgress: (done, total) => self.postMessage({ type: 'progress', done, total }),
  });
  self.postMessage({ type: 'report', report });
});
