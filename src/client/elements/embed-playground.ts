/**
 * `<stepdocs-embed-playground>`: the Embedding page's live theming demo. Each field sets one
 * `--stepdocs-*` property on the calculator beside it (through the CSSOM, which a strict
 * Content-Security-Policy allows) and shows the CSS that does the same.
 */
class EmbedPlayground extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form');
    const widget = this.querySelector<HTMLElement>('stepdocs-login-url');
    const css = this.querySelector('.playground-css code');
    if (!form || !widget || !css) return;
    const apply = () => {
      const lines: string[] = [];
      for (const field of form.querySelectorAll<HTMLInputElement>('input[name]')) {
        const property = `--stepdocs-${field.name}`;
        const value = field.value.trim();
        if (value === '') widget.style.removeProperty(property);
        else {
          widget.style.setProperty(property, value);
          lines.push(`  ${property}: ${value};`);
        }
      }
      const theme = (form.elements.namedItem('theme') as HTMLSelectElement).value;
      if (theme) widget.setAttribute('theme', theme);
      else widget.removeAttribute('theme');
      css.textContent = `stepdocs-login-url${theme ? `[theme="${theme}"]` : ''} {${lines.length ? `\n${lines.join('\n')}\n` : ' '}}`;
    };
    form.addEventListener('input', apply);
    form.addEventListener('submit', (event) => event.preventDefault());
    apply();
  }
}

customElements.define('stepdocs-embed-playground', EmbedPlayground);
