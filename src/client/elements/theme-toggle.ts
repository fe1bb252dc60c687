/** `<stepdocs-theme-toggle>`: a pressed/unpressed "Dark theme" button stored in localStorage. */
const STORAGE_KEY = 'stepdocs:theme';

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    const root = document.documentElement;
    const sync = () => button.setAttribute('aria-pressed', String(root.dataset.theme === 'dark'));
    sync();
    button.hidden = false;
    button.addEventListener('click', () => {
      const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
      root.dataset.theme = next;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private browsing can refuse storage; the toggle still works for this page.
      }
      sync();
    });
  }
}

customElements.define('stepdocs-theme-toggle', ThemeToggle);
