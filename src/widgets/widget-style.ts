/**
 * Styles shared by the widgets' shadow roots. Colours come from the host page's custom properties
 * when it has stepdocs' (so the widgets follow the site's light/dark theme) and fall back to a
 * light palette on third-party pages.
 */
export const WIDGET_BASE_CSS = `
:host { display: block; margin: 1.25rem 0; font: inherit; color: var(--fg, #1b1f24); }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.panel { border: 1px solid var(--border, #d3d9e1); border-radius: var(--radius, 6px); padding: 1rem; background: var(--bg, #fff); }
h3, h4 { margin: 0 0 0.5rem; font-size: 1.05rem; }
label, legend { font-weight: 600; }
.help { margin: 0.25rem 0 0.5rem; font-size: 0.9rem; color: var(--fg-muted, #4d5560); }
input[type='text'], textarea { width: 100%; font: inherit; font-family: var(--mono, ui-monospace, monospace); font-size: 0.92rem; padding: 0.5rem 0.6rem; border: 1px solid var(--border, #8b95a1); border-radius: var(--radius, 6px); background: var(--bg, #fff); color: inherit; }
input[aria-invalid='true'], textarea[aria-invalid='true'] { border-color: var(--danger-border, #b42318); }
:focus-visible { outline: 3px solid var(--focus, #c2410c); outline-offset: 2px; }
button { font: inherit; font-size: 0.9rem; padding: 0.3rem 0.7rem; border: 1px solid var(--border, #8b95a1); border-radius: var(--radius, 6px); background: var(--bg-soft, #f4f6f9); color: inherit; cursor: pointer; }
button:hover { border-color: var(--accent, #1f5fbf); }
code { font-family: var(--mono, ui-monospace, monospace); font-size: 0.92rem; overflow-wrap: anywhere; }
.error { margin: 0.75rem 0 0; padding: 0.6rem 0.8rem; border: 1px solid var(--danger-border, #b42318); border-left-width: 5px; border-radius: var(--radius, 6px); background: var(--danger-bg, #fdecec); color: var(--danger-fg, #7f1a12); }
.note { margin: 0.5rem 0 0; font-size: 0.88rem; color: var(--fg-muted, #4d5560); }
.status { font-size: 0.88rem; font-weight: 600; color: var(--success-fg, #14572a); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }
`;
