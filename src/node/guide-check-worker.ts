/** Worker-thread entry of the build's guide checks (guide-file-check.ts): one answer per request, by id. */
import { parentPort } from 'node:worker_threads';
import { checkGuideFile, type GuideFileCheck, type GuideFileOptions } from './guide-file-check.ts';

export interface GuideCheckRequest {
  id: number;
  code: string;
  options: GuideFileOptions;
}

export type GuideCheckAnswer = { id: number; check: GuideFileCheck } | { id: number; failure: string };

parentPort!.on('message', ({ id, code, options }: GuideCheckRequest) => {
  let answer: GuideCheckAnswer;
  try {
    answer = { id, check: checkGuideFile(code, options) };
  } catch (error) {
    answer = { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(answer);
});
