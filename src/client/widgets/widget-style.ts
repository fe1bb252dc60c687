/**
 * Styles shared by the widgets' shadow roots, and how they are applied. The widgets' look is a set
 * of documented custom properties (`--stepdocs-accent`, `--stepdocs-radius` …): a vendor sets them
 * on the element or any ancestor. Without them, a widget follows the stepdocs site's own properties
 * (so it matches the site's light and dark themes there), and on other pages a light palette, or the
 * palette its `theme` attribute names (`light`, `dark`, `auto` for the reader's system setting).
 */

/**
 * Every themeable colour: its light and dark default. By default a widget follows the site property
 * of the same name (`--accent` …), which the stepdocs site sets for its light and dark themes.
 */
export const COLORS = {
  accent: ['#1f5fbf', '#7fb0ff'],
  'accent-fg': ['#ffffff', '#0b1220'],
  fg: ['#1b1f24', '#e6e9ee'],
  'fg-muted': ['#4d5560', '#aab3bf'],
  bg: ['#ffffff', '#14171c'],
  'bg-soft': ['#f4f6f9', '#1d2229'],
  border: ['#8b95a1', '#5b6674'],
  focus: ['#c2410c', '#ffb86b'],
  'info-bg': ['#eaf2fd', '#14243b'],
  'info-fg': ['#123f80', '#cfe0ff'],
  'info-border': ['#1f5fbf', '#7fb0ff'],
  'success-bg': ['#e7f6ec', '#10291a'],
  'success-fg': ['#14572a', '#c9f2d6'],
  'success-border': ['#1c7c3a', '#5fcf86'],
  'warning-bg': ['#fdf4e3', '#2e2310'],
  'warning-fg': ['#6b3e00', '#fbe3b8'],
  'warning-border': ['#a35f00', '#f0b04f'],
  'danger-bg': ['#fdecec', '#331615'],
  'danger-fg': ['#7f1a12', '#ffd5d0'],
  'danger-border': ['#b42318', '#ff8a7f'],
} as const;

/** The other themeable properties: one default for both palettes, and the site property followed, if any. */
export const SIZES = {
  radius: ['6px', 'radius'],
  space: ['1rem'],
  font: ['inherit'],
  'font-mono': ['ui-monospace, monospace', 'mono'],
} as const;

export type ThemeProperty = keyof typeof COLORS | keyof typeof SIZES;

/** Values of the `theme` attribute. */
export const THEMES = ['light', 'dark', 'auto'] as const;

/**
 * The private tokens every rule uses (`--_fg` …): a vendor's `--stepdocs-*` property first; then the
 * site's own property (the default, so the widgets follow the site's themes), or, with a `theme`
 * attribute, the palette of the element's `color-scheme` through `light-dark()`.
 */
function tokens(followSite: boolean): string {
  const colors = Object.entries(COLORS).map(
    ([name, [light, dark]]) => `--_${name}: var(--stepdocs-${name}, ${followSite ? `var(--${name}, ${light})` : `light-dark(${light}, ${dark})`});`,
  );
  const sizes = Object.entries(SIZES).map(
    ([name, [value, site]]: [string, readonly string[]]) => `--_${name}: var(--stepdocs-${name}, ${followSite && site ? `var(--${site}, ${value})` : value});`,
  );
  return [...colors, ...sizes].join(' ');
}

export const WIDGET_BASE_CSS = `
:host { ${tokens(true)} }
:host([theme='light']), :host([theme='dark']), :host([theme='auto']) { ${tokens(false)} }
:host([theme='light']) { color-scheme: light; }
:host([theme='dark']) { color-scheme: dark; }
:host([theme='auto']) { color-scheme: light dark; }
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
