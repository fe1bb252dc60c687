/**
 * Requests to a worker thread, both sides of one small protocol: the main thread `ask`s and gets a
 * promise of the answer, or `tell`s without waiting; the worker handles messages in the order they
 * were posted, so an answer comes after everything told before its request. The worker holds the
 * process open only while an answer is awaited: a build that fails elsewhere must still exit.
 */
import { parentPort, Worker } from 'node:worker_threads';

type ToWorker<Request, Told> = { id: number; request: Request } | { told: Told };
type FromWorker<Answer> = { id: number; answer: Answer } | { id: number; failure: string };

export interface WorkerRequests<Request, Answer, Told> {
  ask(request: Request): Promise<Answer>;
  tell(message: Told): void;
  stop(): Promise<number>;
}

export function startWorker<Request, Answer, Told = never>(url: URL, workerData?: unknown): WorkerRequests<Request, Answer, Told> {
  const worker = new Worker(url, { workerData });
  const waiting = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  let requests = 0;
  let failed: Error | undefined;
  worker.unref();
  worker.on('message', (message: FromWorker<Answer>) => {
    const request = waiting.get(message.id);
    waiting.delete(message.id);
    if (waiting.size === 0) worker.unref();
    if ('failure' in message) request?.reject(new Error(message.failure));
    else request?.resolve(message.answer);
  });
  worker.on('error', (thrown: unknown) => {
    failed = thrown instanceof Error ? thrown : new Error(String(thrown));
    for (const request of waiting.values()) request.reject(failed);
    waiting.clear();
  });
  const post = (message: ToWorker<Request, Told>) => worker.postMessage(message);
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        requests += 1;
        waiting.set(requests, { resolve, reject });
        worker.ref();
        post({ id: requests, request });
      }),
    tell: (told) => post({ told }),
    stop: () => worker.terminate(),
  };
}

/** The worker's side: `answer` for each request (a throw is the request's failure), `hear` for each message told. */
export function answerRequests<Request, Answer, Told = never>(answer: (request: Request) => Answer, hear?: (message: Told) => void): void {
  parentPort!.on('message', (message: ToWorker<Request, Told>) => {
    if ('told' in message) {
      hear?.(message.told);
      return;
    }
    let reply: FromWorker<Answer>;
    try {
      reply = { id: message.id, answer: answer(message.request) };
    } catch (error) {
      reply = { id: message.id, failure: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
  });
}
