/**
 * `<stepdocs-copy-page>`: copies the page's Markdown copy (the `index.md` its
 * `<link rel="alternate" type="text/markdown">` names) to the clipboard. A static file, so it works
 * on any static host; the button shows only where the Clipboard API exists.
 */
class CopyPage extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    const href = document.querySelector<HTMLLinkElement>('link[rel="alternate"][type="text/markdown"]')?.href;
    if (!button || !status || !href || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        const markdown = fetch(href).then((response) => {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        });
        // The promise form keeps the click's permission while the file loads (Safari needs it); writeText elsewhere.
        if (typeof ClipboardItem !== 'undefined' && ClipboardItem.supports?.('text/plain')) {
          await navigator.clipboard.write([new ClipboardItem({ 'text/plain': markdown.then((text) => new Blob([text], { type: 'text/plain' })) })]);
        } else {
          await navigator.clipboard.writeText(await markdown);
        }
        status.textContent = 'Copied the page as Markdown';
      } catch {
        status.textContent = 'Copy failed: open the Markdown version from the link beside this button';
      }
    });
  }
}

customElements.define('stepdocs-copy-page', CopyPage);
