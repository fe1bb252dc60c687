import { describe, expect, it } from 'vitest';
import { searchableHtml } from '../../src/astro/integrations/searchable-html';

const encoder = new TextEncoder();

const page = (body: string) =>
  encoder.encode(
    `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Okta | Docs</title><script>let a = '<article>';</script></head><body><nav><a href="/">Home</a></nav><main>${body}</main><aside>On this page</aside></body></html>`,
  );

describe('searchableHtml', () => {
  it('keeps the language, the title and the search body, nested elements of the same name included', () => {
    const body =
      '<article class="guide" data-pagefind-body data-pagefind-filter="version:latest"><h1>Okta</h1><article><p>Inner</p></article><p>After</p></article>';
    expect(searchableHtml(page(body))).toBe(`<!doctype html><html lang="de"><head><title>Okta | Docs</title></head><body>${body}</body></html>`);
  });

  it('keeps text outside ASCII as it was, in the title and the body', () => {
    const body = '<article data-pagefind-body><h1>Entra ID – Schritt für Schritt</h1><p>Zertifikat „Base64“ ✓</p></article>';
    const html = encoder.encode(`<html lang="de"><head><title>Entra ID – Anleitung</title></head><body><nav>Übersicht ü ü ü</nav>${body}</body></html>`);
    expect(searchableHtml(html)).toBe(`<!doctype html><html lang="de"><head><title>Entra ID – Anleitung</title></head><body>${body}</body></html>`);
  });

  it('takes English when the page names no language, and no title when it has none', () => {
    const body = '<div data-pagefind-body><p>Hi</p></div>';
    expect(searchableHtml(encoder.encode(`<body>${body}</body>`))).toBe(`<!doctype html><html lang="en"><head></head><body>${body}</body></html>`);
  });

  it('gives nothing for a page without a search body', () => {
    expect(searchableHtml(page('<article><h1>Home</h1></article>'))).toBeNull();
  });

  it('gives nothing rather than a cut-off body when the element is never closed', () => {
    expect(searchableHtml(page('<article data-pagefind-body><h1>Okta</h1>'))).toBeNull();
  });
});
