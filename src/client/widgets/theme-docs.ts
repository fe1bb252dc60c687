/**
 * What each `--stepdocs-*` property styles, for the Embedding page. Kept out of widget-style.ts so
 * the published widget modules do not carry the documentation.
 */
import { COLORS, SIZES, type ThemeProperty } from './widget-style.ts';

/** Every `--stepdocs-*` property with its light and dark defaults. */
export const THEME_PROPERTIES = Object.fromEntries([
  ...Object.entries(COLORS).map(([name, [light, dark]]) => [name, { light, dark }]),
  ...Object.entries(SIZES).map(([name, [value]]) => [name, { light: value, dark: value }]),
]) as Record<ThemeProperty, { light: string; dark: string }>;

export const THEME_PROPERTY_USES: Record<ThemeProperty, string> = {
  accent: 'the main button, links, the drop zone when a file is dragged over it',
  'accent-fg': 'text on the main button',
  fg: 'text',
  'fg-muted': 'help text and notes',
  bg: 'the panel and inputs',
  'bg-soft': 'buttons',
  border: 'borders of the panel, inputs and buttons',
  focus: 'the keyboard focus ring',
  'info-bg': 'notes and the privacy line',
  'info-fg': 'text on notes',
  'info-border': 'border of notes',
  'success-bg': 'the result row',
  'success-fg': 'text of confirmations',
  'success-border': 'border of the result row',
  'warning-bg': 'warnings',
  'warning-fg': 'text of warnings',
  'warning-border': 'border of warnings',
  'danger-bg': 'errors',
  'danger-fg': 'text of errors',
  'danger-border': 'border of errors and invalid inputs',
  radius: 'corner radius of the panel, inputs and buttons',
  space: 'padding of the panel; other spacing scales with the font',
  font: "the font family (default: the host page's)",
  'font-mono': 'the font of URLs, inputs and code',
};
