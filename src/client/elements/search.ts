/**
 * `<stepdocs-search>`: opens the search dialog and queries Pagefind, loaded on first use. Results
 * link to the page, and to the step or heading anchor when the match is inside one.
 */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: PagefindSubResult[];
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  debouncedSearch(
    query: string,
    options?: { filters?: Record<string, string> },
    wait?: number,
  ): Promise<{ results: Array<{ data(): Promise<PagefindData> }> } | null>;
}

class Search extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #results!: HTMLOListElement;
  #status!: HTMLElement;
  #allVersions: HTMLInputElement | null = null;
  #query = 0;

  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('.search-button')!;
    this.#dialog = this.querySelector('dialog')!;
    this.#input = this.querySelector('#search-input')!;
    this.#results = this.querySelector('.search-results')!;
    this.#status = this.querySelector('.search-status')!;
    this.#allVersions = this.querySelector('[data-all-versions]');
    button.hidden = false;
    button.addEventListener('click', () => this.open());
    this.#input.addEventListener('input', () => void this.#search());
    this.#allVersions?.addEventListener('change', () => void this.#search());
    // A search field swallows the first Escape to clear itself; close the dialog on the first one.
    this.#dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.#dialog.close();
      }
    });
    this.#dialog.addEventListener('click', (event) => {
      if (event.target === this.#dialog) this.#dialog.close();
    });
    document.addEventListener('keydown', (event) => {
      // The real target, also inside a widget's shadow root (event.target is only its host there).
      const target = event.composedPath()[0];
      const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if ((event.key === '/' && !typing && !event.ctrlKey && !event.metaKey) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        this.open();
      }
    });
  }

  open() {
    if (!this.#dialog.open) this.#dialog.showModal();
    this.#input.focus();
    this.#input.select();
    this.#load();
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= import(/* @vite-ignore */ this.dataset.pagefindUrl!).then(async (module: Pagefind) => {
      await module.options({ excerptLength: 24 });
      return module;
    });
    return this.#pagefind;
  }

  async #search() {
    const query = this.#input.value.trim();
    const run = (this.#query += 1);
    if (query === '') {
      this.#results.replaceChildren();
      this.#status.textContent = '';
      return;
    }
    let pagefind: Pagefind;
    try {
      pagefind = await this.#load();
    } catch {
      this.#status.textContent = 'Search is not available: the search index was not built (run npm run build).';
      return;
    }
    const version = this.dataset.version;
    const filters = version && !this.#allVersions?.checked ? { version } : undefined;
    const search = await pagefind.debouncedSearch(query, filters ? { filters } : {}, 150);
    if (!search || run !== this.#query) return;
    const results = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
    if (run !== this.#query) return;
    this.#results.replaceChildren(...results.map((result) => this.#render(result)));
    const scope = filters ? ` in ${this.dataset.versionLabel}` : '';
    this.#status.textContent =
      results.length === 0
        ? `No results for “${query}”${scope}.`
        : `${search.results.length} result${search.results.length === 1 ? '' : 's'} for “${query}”${scope}.`;
  }

  #render(result: PagefindData): HTMLLIElement {
    const item = document.createElement('li');
    // A hit inside a step or section links straight to its anchor.
    const best = result.sub_results.find((sub) => sub.url.includes('#')) ?? null;
    const link = document.createElement('a');
    link.href = best ? best.url : result.url;
    const title = document.createElement('span');
    title.className = 'search-result-title';
    title.textContent = result.meta.title ?? result.url;
    link.append(title);
    if (best) {
      const where = document.createElement('span');
      where.className = 'search-result-section';
      where.textContent = best.title;
      link.append(where);
    }
    const version = result.filters.version?.[0];
    if (version && version !== this.dataset.version) {
      const badge = document.createElement('span');
      badge.className = 'search-result-version';
      badge.textContent = `version ${version}`;
      link.append(badge);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    excerpt.append(...highlighted(best ? best.excerpt : result.excerpt));
    item.append(link, excerpt);
    link.addEventListener('click', () => this.#dialog.close());
    return item;
  }
}

/** Pagefind excerpts are escaped text with <mark> around matches: keep the marks, treat the rest as text. */
function highlighted(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstElementChild!;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

customElements.define('stepdocs-search', Search);
