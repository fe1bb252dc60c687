/**
 * Checks external URLs: bounded concurrency, a per-host limit, timeouts, retries with backoff,
 * `429 Retry-After` honoured, HEAD first with a GET fallback, and a cache with a time-to-live.
 * `fetch` and the clock are injected, so tests run against a local server without waiting.
 */
export type ExternalStatus = 'ok' | 'broken' | 'timeout' | 'unreachable';

export interface ExternalResult {
  url: string;
  status: ExternalStatus;
  /** HTTP status of the final answer, when there was one. */
  code?: number;
  /** Final URL after redirects, when it differs. */
  redirectedTo?: string;
  detail?: string;
  cached: boolean;
}

export interface CacheEntry {
  status: ExternalStatus;
  code?: number;
  checkedAt: number;
}

export interface ExternalOptions {
  fetch?: typeof fetch;
  concurrency?: number;
  perHost?: number;
  timeoutMs?: number;
  retries?: number;
  /** First retry delay; doubles each retry. */
  backoffMs?: number;
  /** Longest Retry-After honoured; longer ones count as a failure. */
  maxRetryAfterMs?: number;
  cache?: Map<string, CacheEntry>;
  cacheTtlMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
}

// Servers that refuse HEAD but serve GET; 429 is not among them (it means "slow down", so retry).
const FALLBACK_TO_GET = new Set([403, 405, 406, 501]);

export async function checkExternal(urls: readonly string[], options: ExternalOptions = {}): Promise<ExternalResult[]> {
  const doFetch = options.fetch ?? fetch;
  const concurrency = options.concurrency ?? 8;
  const perHost = options.perHost ?? 2;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 500;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const ttl = options.cacheTtlMs ?? 24 * 3600_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const unique = [...new Set(urls)];
  const results = new Map<string, ExternalResult>();
  const hostsInFlight = new Map<string, number>();
  let done = 0;

  const queue = [...unique];
  // Workers waiting for a host to have room are woken when any request finishes.
  let wake: Array<() => void> = [];
  const slotFreed = () => new Promise<void>((resolve) => wake.push(resolve));
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    while (queue.length > 0) {
      // Take the first URL whose host has room.
      const index = queue.findIndex((url) => (hostsInFlight.get(hostOf(url)) ?? 0) < perHost);
      if (index === -1) {
        await slotFreed();
        continue;
      }
      const url = queue.splice(index, 1)[0]!;
      const host = hostOf(url);
      hostsInFlight.set(host, (hostsInFlight.get(host) ?? 0) + 1);
      try {
        results.set(url, await checkOne(url));
      } finally {
        hostsInFlight.set(host, hostsInFlight.get(host)! - 1);
        const waiting = wake;
        wake = [];
        for (const resolve of waiting) resolve();
        done += 1;
        options.onProgress?.(done, unique.length);
      }
    }
  });
  await Promise.all(workers);
  return unique.map((url) => results.get(url)!);

  async function checkOne(url: string): Promise<ExternalResult> {
    const cached = options.cache?.get(url);
    if (cached && now() - cached.checkedAt < ttl) return { url, status: cached.status, ...(cached.code ? { code: cached.code } : {}), cached: true };
    let result: ExternalResult = { url, status: 'unreachable', cached: false };
    for (let attempt = 0; attempt <= retries; attempt += 1) {
      result = await attemptOnce(url);
      if (result.status === 'ok' || (result.status === 'broken' && result.code !== 429 && (result.code ?? 0) < 500)) break;
      if (attempt === retries) break;
      let delay = backoffMs * 2 ** attempt;
      if (result.code === 429 && result.detail?.startsWith('retry-after:')) {
        const wanted = Number(result.detail.slice('retry-after:'.length));
        if (wanted > maxRetryAfterMs) break;
        delay = Math.max(delay, wanted);
      }
      await sleep(delay);
    }
    if (result.detail?.startsWith('retry-after:')) delete result.detail;
    options.cache?.set(url, { status: result.status, ...(result.code ? { code: result.code } : {}), checkedAt: now() });
    return result;
  }

  async function attemptOnce(url: string): Promise<ExternalResult> {
    let response = await request(url, 'HEAD');
    if (!(response instanceof Response) || FALLBACK_TO_GET.has(response.status)) {
      const viaGet = await request(url, 'GET');
      if (viaGet instanceof Response || !(response instanceof Response)) response = viaGet;
    }
    if (!(response instanceof Response)) return { url, status: response.timeout ? 'timeout' : 'unreachable', detail: response.message, cached: false };
    await response.body?.cancel().catch(() => undefined);
    const redirected = response.redirected && response.url !== url ? { redirectedTo: response.url } : {};
    if (response.ok) return { url, status: 'ok', code: response.status, ...redirected, cached: false };
    const retryAfter = response.status === 429 ? parseRetryAfter(response.headers.get('retry-after'), now()) : undefined;
    return {
      url,
      status: 'broken',
      code: response.status,
      ...redirected,
      ...(retryAfter !== undefined ? { detail: `retry-after:${retryAfter}` } : {}),
      cached: false,
    };
  }

  async function request(url: string, method: 'HEAD' | 'GET'): Promise<Response | { timeout: boolean; message: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await doFetch(url, { method, redirect: 'follow', signal: controller.signal, headers: { 'user-agent': 'stepdocs-link-checker', accept: '*/*' } });
    } catch (error) {
      const timeout = controller.signal.aborted;
      return {
        timeout,
        message: timeout
          ? `no answer within ${timeoutMs} ms`
          : error instanceof Error
            ? error.cause instanceof Error
              ? error.cause.message
              : error.message
            : String(error),
      };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
