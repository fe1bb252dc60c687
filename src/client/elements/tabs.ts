/**
 * `<stepdocs-tabs>`: turns labelled panels into a tab list (WAI-ARIA tabs pattern: arrow keys,
 * Home and End move between tabs and select them; Tab moves into the panel). Groups with the same
 * `data-sync-key` follow each other on the page, and the choice is remembered for later pages.
 */
const STORAGE_PREFIX = 'stepdocs:tabs:';
const SYNC_EVENT = 'stepdocs-tabs-sync';
let groups = 0;

function remembered(key: string): string | null {
  try {
    return localStorage.getItem(STORAGE_PREFIX + key);
  } catch {
    return null;
  }
}

function remember(key: string, label: string): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + key, label);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

class Tabs extends HTMLElement {
  #tabs: HTMLButtonElement[] = [];
  #panels: HTMLElement[] = [];

  connectedCallback() {
    if (this.#tabs.length > 0) return;
    this.#panels = [...this.children].filter((child): child is HTMLElement => child instanceof HTMLElement && child.classList.contains('tab-panel'));
    if (this.#panels.length === 0) return;
    const group = (groups += 1);
    const list = document.createElement('div');
    list.setAttribute('role', 'tablist');
    list.className = 'tab-list';
    this.#tabs = this.#panels.map((panel, index) => {
      const label = panel.dataset.tabLabel ?? `Tab ${index + 1}`;
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.id = `tabs-${group}-tab-${index}`;
      tab.textContent = label;
      panel.id ||= `tabs-${group}-panel-${index}`;
      tab.setAttribute('aria-controls', panel.id);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
      panel.querySelector<HTMLElement>(':scope > .tab-panel-label')?.setAttribute('hidden', '');
      tab.addEventListener('click', () => this.select(index, true));
      tab.addEventListener('keydown', (event) => this.#onKey(event, index));
      list.append(tab);
      return tab;
    });
    this.prepend(list);
    this.classList.add('is-enhanced');
    const key = this.dataset.syncKey;
    const saved = key ? remembered(key) : null;
    const start = saved === null ? -1 : this.#panels.findIndex((panel) => panel.dataset.tabLabel === saved);
    this.select(Math.max(start, 0), false);
    if (key) document.addEventListener(SYNC_EVENT, (event) => this.#onSync(event as CustomEvent<{ key: string; label: string; from: Tabs }>));
  }

  /** Shows panel `index`; `chosen` when the reader chose it, which other groups with the key follow. */
  select(index: number, chosen: boolean): void {
    this.#tabs.forEach((tab, at) => {
      const selected = at === index;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      this.#panels[at]!.hidden = !selected;
    });
    const key = this.dataset.syncKey;
    const label = this.#panels[index]?.dataset.tabLabel;
    if (chosen && key && label !== undefined) {
      remember(key, label);
      document.dispatchEvent(new CustomEvent(SYNC_EVENT, { detail: { key, label, from: this } }));
    }
  }

  #onKey(event: KeyboardEvent, index: number): void {
    const last = this.#tabs.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.select(next, true);
    this.#tabs[next]!.focus();
  }

  #onSync(event: CustomEvent<{ key: string; label: string; from: Tabs }>): void {
    if (event.detail.from === this || event.detail.key !== this.dataset.syncKey) return;
    const index = this.#panels.findIndex((panel) => panel.dataset.tabLabel === event.detail.label);
    if (index !== -1) this.select(index, false);
  }
}

customElements.define('stepdocs-tabs', Tabs);
