/** The external link checker against a real HTTP server on 127.0.0.1: statuses, 429, timeouts, redirects, cache. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternal, parseRetryAfter, type CacheEntry } from '../../../src/lib/links/external';

let server: Server;
let base = '';
const hits = new Map<string, string[]>();
let rateLimited = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, [...(hits.get(path) ?? []), request.method ?? '?']);
    if (path === '/ok') return response.writeHead(200).end('ok');
    if (path === '/missing') return response.writeHead(404).end();
    if (path === '/no-head') return request.method === 'HEAD' ? response.writeHead(405).end() : response.writeHead(200).end('ok');
    if (path === '/busy') {
      rateLimited += 1;
      return rateLimited === 1 ? response.writeHead(429, { 'retry-after': '1' }).end() : response.writeHead(200).end();
    }
    if (path === '/slow') return void setTimeout(() => response.writeHead(200).end(), 2000);
    if (path === '/flaky') return (hits.get(path)!.length <= 2 ? response.writeHead(503) : response.writeHead(200)).end();
    if (path === '/hop1') return response.writeHead(301, { location: '/hop2' }).end();
    if (path === '/hop2') return response.writeHead(302, { location: '/ok' }).end();
    response.writeHead(500).end();
    return undefined;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('checkExternal', () => {
  const sleeps: number[] = [];
  const options = { timeoutMs: 300, backoffMs: 1, sleep: async (ms: number) => void sleeps.push(ms) };

  it('reports ok, 404 and a HEAD-refusing server reached by GET', async () => {
    const results = await checkExternal([`${base}/ok`, `${base}/missing`, `${base}/no-head`], options);
    expect(results.map(({ status, code }) => [status, code])).toEqual([
      ['ok', 200],
      ['broken', 404],
      ['ok', 200],
    ]);
    expect(hits.get('/no-head')).toEqual(['HEAD', 'GET']);
    // A 404 is final: no GET fallback, no retry.
    expect(hits.get('/missing')).toEqual(['HEAD']);
  });

  it('honours 429 Retry-After before retrying', async () => {
    sleeps.length = 0;
    const [result] = await checkExternal([`${base}/busy`], options);
    expect(result).toMatchObject({ status: 'ok', code: 200 });
    expect(sleeps).toContain(1000);
  });

  it('retries server errors with growing backoff', async () => {
    sleeps.length = 0;
    const [result] = await checkExternal([`${base}/flaky`], { ...options, backoffMs: 10 });
    expect(result).toMatchObject({ status: 'ok' });
    expect(sleeps.filter((ms) => ms >= 10)).toEqual([10, 20]);
  });

  it('times out a slow server', async () => {
    const [result] = await checkExternal([`${base}/slow`], { ...options, retries: 0 });
    expect(result).toMatchObject({ status: 'timeout', detail: 'no answer within 300 ms' });
  });

  it('follows a redirect chain and says where it ended', async () => {
    const [result] = await checkExternal([`${base}/hop1`], options);
    expect(result).toMatchObject({ status: 'ok', code: 200, redirectedTo: `${base}/ok` });
  });

  it('serves a second run from the cache until the entry is older than its time-to-live', async () => {
    const cache = new Map<string, CacheEntry>();
    let clock = 1_000_000;
    const now = () => clock;
    await checkExternal([`${base}/ok`], { ...options, cache, now, cacheTtlMs: 1000 });
    const before = hits.get('/ok')!.length;
    const [cached] = await checkExternal([`${base}/ok`], { ...options, cache, now, cacheTtlMs: 1000 });
    expect(cached).toEqual({ url: `${base}/ok`, status: 'ok', code: 200, cached: true });
    expect(hits.get('/ok')!.length).toBe(before);
    clock += 2000;
    const [fresh] = await checkExternal([`${base}/ok`], { ...options, cache, now, cacheTtlMs: 1000 });
    expect(fresh!.cached).toBe(false);
    expect(hits.get('/ok')!.length).toBe(before + 1);
  });

  it('keeps at most the per-host limit of requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const fakeFetch = (async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return new Response(null, { status: 200 });
    }) as typeof fetch;
    const urls = Array.from({ length: 12 }, (_, index) => `https://one.example/${index}`);
    await checkExternal(urls, { fetch: fakeFetch, concurrency: 8, perHost: 2 });
    expect(most).toBe(2);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('5', 0)).toBe(5000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});
