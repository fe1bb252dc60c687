/**
 * `<stepdocs-copy>`: copies the text of the `.copy-value` beside it and confirms visibly and to
 * screen readers. Shown only where the Clipboard API exists (it needs a secure context). The text is
 * read when the button is pressed: a value filled in with the reader's values is copied as shown.
 */
class CopyButton extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    const status = this.querySelector<HTMLElement>('.copy-status');
    const value = this.parentElement?.querySelector('.copy-value');
    if (!button || !status || !value || !navigator.clipboard) return;
    const text = () => value.textContent?.trim() ?? '';
    const label = () => button.setAttribute('aria-label', `Copy “${text()}”`);
    label();
    document.addEventListener('stepdocs-values', label);
    button.hidden = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text());
        status.textContent = 'Copied';
        this.classList.add('is-copied');
      } catch {
        status.textContent = 'Copy failed: select the text and copy it by hand';
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        status.textContent = '';
        this.classList.remove('is-copied');
      }, 2500);
    });
  }
}

customElements.define('stepdocs-copy', CopyButton);
