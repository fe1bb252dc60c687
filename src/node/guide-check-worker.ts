/** Worker-thread entry of the build's guide checks (guide-file-check.ts). */
import { checkGuideFile, type GuideFileCheck, type GuideFileOptions } from './guide-file-check.ts';
import { answerRequests } from './worker-requests.ts';

export interface GuideCheckRequest {
  code: string;
  options: GuideFileOptions;
}

answerRequests<GuideCheckRequest, GuideFileCheck>(({ code, options }) => {
  try {
    return checkGuideFile(code, options);
  } catch (error) {
    // A throw here is a bug in stepdocs, not in the guide: its stack is what a report needs.
    throw new Error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
});
