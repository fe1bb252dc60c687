import { describe, expect, it } from 'vitest';
import { searchableHtml } from '../../src/integrations/searchable-html';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Okta | Docs</title><script>let a = '<article>';</script></head><body><nav><a href="/">Home</a></nav><main>${body}</main><aside>On this page</aside></body></html>`;

describe('searchableHtml', () => {
  it('keeps the language, the title and the search body, nested elements of the same name included', () => {
    const body = '<article class="guide" data-pagefind-body data-pagefind-filter="version:latest"><h1>Okta</h1><article><p>Inner</p></article><p>After</p></article>';
    expect(searchableHtml(page(body))).toBe(`<!doctype html><html lang="de"><head><title>Okta | Docs</title></head><body>${body}</body></html>`);
  });

  it('gives nothing for a page without a search body', () => {
    expect(searchableHtml(page('<article><h1>Home</h1></article>'))).toBeNull();
  });

  it('gives nothing rather than a cut-off body when the element is never closed', () => {
    expect(searchableHtml(page('<article data-pagefind-body><h1>Okta</h1>'))).toBeNull();
  });
});
