/**
 * Styles shared by the widgets' shadow roots, and how they are applied. The widgets' look is a set
 * of documented custom properties (`--stepdocs-accent`, `--stepdocs-radius` …): a vendor sets them
 * on the element or any ancestor. Without them, a widget follows the stepdocs site's own properties
 * (so it matches the site's light and dark themes there), and on other pages a light palette, or the
 * palette its `theme` attribute names (`light`, `dark`, `auto` for the reader's system setting).
 */

/** Every themeable property: its light and dark defaults, and the site property it follows by default. */
export const THEME_PROPERTIES = {
  accent: { light: '#1f5fbf', dark: '#7fb0ff', site: 'accent', what: 'the main button, links, the drop zone when a file is dragged over it' },
  'accent-fg': { light: '#ffffff', dark: '#0b1220', site: 'accent-fg', what: 'text on the main button' },
  fg: { light: '#1b1f24', dark: '#e6e9ee', site: 'fg', what: 'text' },
  'fg-muted': { light: '#4d5560', dark: '#aab3bf', site: 'fg-muted', what: 'help text and notes' },
  bg: { light: '#ffffff', dark: '#14171c', site: 'bg', what: 'the panel and inputs' },
  'bg-soft': { light: '#f4f6f9', dark: '#1d2229', site: 'bg-soft', what: 'buttons' },
  border: { light: '#8b95a1', dark: '#5b6674', site: 'border', what: 'borders of the panel, inputs and buttons' },
  focus: { light: '#c2410c', dark: '#ffb86b', site: 'focus', what: 'the keyboard focus ring' },
  'info-bg': { light: '#eaf2fd', dark: '#14243b', site: 'info-bg', what: 'notes and the privacy line' },
  'info-fg': { light: '#123f80', dark: '#cfe0ff', site: 'info-fg', what: 'text on notes' },
  'info-border': { light: '#1f5fbf', dark: '#7fb0ff', site: 'info-border', what: 'border of notes' },
  'success-bg': { light: '#e7f6ec', dark: '#10291a', site: 'success-bg', what: 'the result row' },
  'success-fg': { light: '#14572a', dark: '#c9f2d6', site: 'success-fg', what: 'text of confirmations' },
  'success-border': { light: '#1c7c3a', dark: '#5fcf86', site: 'success-border', what: 'border of the result row' },
  'warning-bg': { light: '#fdf4e3', dark: '#2e2310', site: 'warning-bg', what: 'warnings' },
  'warning-fg': { light: '#6b3e00', dark: '#fbe3b8', site: 'warning-fg', what: 'text of warnings' },
  'warning-border': { light: '#a35f00', dark: '#f0b04f', site: 'warning-border', what: 'border of warnings' },
  'danger-bg': { light: '#fdecec', dark: '#331615', site: 'danger-bg', what: 'errors' },
  'danger-fg': { light: '#7f1a12', dark: '#ffd5d0', site: 'danger-fg', what: 'text of errors' },
  'danger-border': { light: '#b42318', dark: '#ff8a7f', site: 'danger-border', what: 'border of errors and invalid inputs' },
  radius: { light: '6px', dark: '6px', site: 'radius', what: 'corner radius of the panel, inputs and buttons' },
  space: { light: '1rem', dark: '1rem', site: undefined, what: 'padding of the panel; other spacing scales with the font' },
  font: { light: 'inherit', dark: 'inherit', site: undefined, what: 'the font family (default: the host page\'s)' },
  'font-mono': { light: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', dark: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', site: 'mono', what: 'the font of URLs, inputs and code' },
} as const satisfies Record<string, { light: string; dark: string; site: string | undefined; what: string }>;

export type ThemeProperty = keyof typeof THEME_PROPERTIES;

/** Values of the `theme` attribute. */
export const THEMES = ['light', 'dark', 'auto'] as const;

function tokens(palette: 'light' | 'dark', followSite: boolean): string {
  return Object.entries(THEME_PROPERTIES)
    .map(([name, token]) => {
      const fallback = followSite && token.site ? `var(--${token.site}, ${token[palette]})` : token[palette];
      return `--_${name}: var(--stepdocs-${name}, ${fallback});`;
    })
    .join(' ');
}

export const WIDGET_BASE_CSS = `
:host { ${tokens('light', true)} }
:host([theme='light']), :host([theme='auto']) { ${tokens('light', false)} color-scheme: light; }
:host([theme='dark']) { ${tokens('dark', false)} color-scheme: dark; }
@media (prefers-color-scheme: dark) { :host([theme='auto']) { ${tokens('dark', false)} color-scheme: dark; } }
:host { display: block; margin: 1.25rem 0; font: inherit; font-family: var(--_font); color: var(--_fg); }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.panel { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space); background: var(--_bg); }
h2, h3, h4, h5, h6 { margin: 0 0 0.5rem; font-size: 1.05rem; }
label, legend { font-weight: 600; }
.help { margin: 0.25rem 0 0.5rem; font-size: 0.9rem; color: var(--_fg-muted); }
input[type='text'], textarea { width: 100%; font: inherit; font-family: var(--_font-mono); font-size: 0.92rem; padding: 0.5rem 0.6rem; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); color: inherit; }
input[aria-invalid='true'], textarea[aria-invalid='true'] { border-color: var(--_danger-border); }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
button { font: inherit; font-size: 0.9rem; padding: 0.3rem 0.7rem; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg-soft); color: inherit; cursor: pointer; }
button:hover { border-color: var(--_accent); }
.primary { background: var(--_accent); border-color: var(--_accent); color: var(--_accent-fg); }
.primary:hover { filter: brightness(1.1); }
a { color: var(--_accent); }
code { font-family: var(--_font-mono); font-size: 0.92rem; overflow-wrap: anywhere; }
.error { margin: 0.75rem 0 0; padding: 0.6rem 0.8rem; border: 1px solid var(--_danger-border); border-left-width: 5px; border-radius: var(--_radius); background: var(--_danger-bg); color: var(--_danger-fg); }
.note { margin: 0.5rem 0 0; font-size: 0.88rem; color: var(--_fg-muted); }
.status { font-size: 0.88rem; font-weight: 600; color: var(--_success-fg); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }
`;

const sheets = new Map<string, CSSStyleSheet>();

/**
 * Gives a shadow root its styles as a constructable stylesheet: a host page's Content-Security-Policy
 * (`style-src 'self'`) blocks a `<style>` element in the shadow root, but not an adopted sheet. One
 * sheet per widget type is shared by every instance. Browsers without constructable sheets get a
 * `<style>` element, which works wherever inline styles are allowed.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.prepend(style);
}
