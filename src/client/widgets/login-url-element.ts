/**
 * `<stepdocs-login-url>`: the Login URL calculator as a custom element with its own shadow DOM, so
 * it works the same inside a guide and on any third-party page that loads this one module.
 * Attributes (each reflected as a property, a bad value ignored with a console warning): `region`
 * (us, eu, au, ca, jp, gov) presets the data center; `value` presets the input; `heading-level`
 * (2–5, default 3) fits its headings into the host page's outline; `theme` (light, dark, auto).
 * Every change of the result dispatches `stepdocs-login-url` (bubbling, composed) with the result.
 * It makes no network request: everything is computed by src/lib/keeper/login-url.ts.
 */
import { computeLoginUrl, type LoginUrlResult } from '../../lib/keeper/login-url.ts';
import { DEFAULT_REGION, KEEPER_REGIONS, regionById } from '../../lib/keeper/regions.ts';
import { el, withCode } from './dom.ts';
import { HEADING_LEVEL, oneOf, reflect, THEME, validAttribute } from './attributes.ts';
import { adoptStyles, WIDGET_BASE_CSS } from './widget-style.ts';

const CSS = `${WIDGET_BASE_CSS}
fieldset { margin: 0.75rem 0 0; padding: 0.5rem 0.75rem; border: 1px solid var(--_border); border-radius: var(--_radius); }
.regions { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.regions label { font-weight: 400; display: inline-flex; gap: 0.3rem; align-items: center; }
.result { margin-top: 0.75rem; }
.url-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.5rem 0.6rem; border: 1px solid var(--_success-border); border-radius: var(--_radius); background: var(--_success-bg); }
.url-row code { flex: 1 1 20rem; }
.meta { margin: 0.4rem 0 0; font-size: 0.9rem; }
details { margin-top: 0.6rem; }
summary { cursor: pointer; font-weight: 600; }
dl { margin: 0.5rem 0 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 0.75rem; font-size: 0.9rem; }
dt { font-weight: 600; }
dd { margin: 0; }
`;

const FIELDS: ReadonlyArray<[keyof Extract<LoginUrlResult, { ok: true }>['urls'], string]> = [
  ['spEntityId', 'SP Entity ID'],
  ['acs', 'Assertion Consumer Service (ACS)'],
  ['slo', 'Single Logout'],
  ['metadata', 'SP metadata'],
];

let counter = 0;

export class LoginUrlCalculator extends HTMLElement {
  /** Reflections of the attributes of the same names (`headingLevel` is `heading-level`). */
  declare region: string | null;
  declare value: string | null;
  declare headingLevel: string | null;
  declare theme: string | null;

  static observedAttributes = ['region', 'value', 'heading-level', 'theme'];

  #root: ShadowRoot;
  #input!: HTMLInputElement;
  #fieldset!: HTMLFieldSetElement;
  #error!: HTMLParagraphElement;
  #result!: HTMLDivElement;
  #loginUrl!: HTMLElement;
  #meta!: HTMLParagraphElement;
  #notes!: HTMLParagraphElement;
  #list!: HTMLDListElement;
  #copyStatus!: HTMLSpanElement;
  #announcer!: HTMLParagraphElement;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #region: string = DEFAULT_REGION;
  #rendered = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    if (this.#rendered) return;
    this.#rendered = true;
    validAttribute(this, 'theme', THEME);
    this.#render();
    this.#region = this.#regionAttribute();
    this.#checkRegion(this.#region);
    this.#input.value = this.getAttribute('value') ?? '';
    this.#update(false);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null) {
    if (!this.#rendered || old === value) return;
    if (name === 'theme') {
      validAttribute(this, 'theme', THEME);
      return;
    }
    if (name === 'heading-level') {
      this.#render();
      this.#checkRegion(this.#region);
      this.#input.value = this.getAttribute('value') ?? '';
    } else if (name === 'region') {
      this.#region = this.#regionAttribute();
      this.#checkRegion(this.#region);
    } else {
      this.#input.value = value ?? '';
    }
    this.#update(false);
  }

  #regionAttribute(): string {
    return regionById(validAttribute(this, 'region', REGION) ?? '')?.id ?? DEFAULT_REGION;
  }

  /** The current result, for pages that script the widget. */
  get result(): LoginUrlResult {
    return computeLoginUrl(this.#rendered ? this.#input.value : (this.getAttribute('value') ?? ''), { region: this.#region });
  }

  #render() {
    const id = `stepdocs-login-url-${(counter += 1)}`;
    const panel = el('div', { class: 'panel', part: 'panel' });
    const level = Number(validAttribute(this, 'heading-level', HEADING_LEVEL) ?? 3);
    const heading = el(`h${level}` as 'h3', { part: 'heading' }, 'Login URL calculator');
    const label = el('label', { for: `${id}-input` }, 'SP Entity ID or SSO ID');
    const help = el(
      'p',
      { class: 'help', id: `${id}-help` },
      "Paste Keeper's SP Entity ID (provisioning instance → View in the Keeper Admin Console), any other SSO Connect Cloud URL, Keeper's SP metadata, or just the SSO ID.",
    );
    this.#input = el('input', {
      type: 'text',
      id: `${id}-input`,
      autocomplete: 'off',
      spellcheck: 'false',
      autocapitalize: 'off',
      placeholder: 'https://keepersecurity.com/api/rest/sso/saml/459561502469',
      'aria-describedby': `${id}-help`,
      part: 'input',
    });
    this.#fieldset = el('fieldset', { hidden: '', part: 'regions' });
    const legend = el('legend', {}, 'Keeper data center');
    const regions = el('div', { class: 'regions' });
    for (const region of KEEPER_REGIONS) {
      const radio = el('input', { type: 'radio', name: `${id}-region`, value: region.id });
      radio.addEventListener('change', () => {
        this.#region = region.id;
        this.#update(true);
      });
      regions.append(el('label', {}, radio, `${region.label} (${region.host})`));
    }
    this.#fieldset.append(legend, regions);
    this.#error = el('p', { class: 'error', id: `${id}-error`, hidden: '', part: 'error' });
    this.#loginUrl = el('code', { id: `${id}-login-url`, part: 'login-url' });
    const copy = el('button', { type: 'button', class: 'primary', part: 'button copy-button' }, 'Copy Login URL');
    this.#copyStatus = el('span', { class: 'status', role: 'status' });
    copy.addEventListener('click', () => void this.#copy());
    const row = el('div', { class: 'url-row' }, this.#loginUrl, copy, this.#copyStatus);
    this.#meta = el('p', { class: 'meta' });
    this.#notes = el('p', { class: 'note', hidden: '' });
    this.#list = el('dl');
    const details = el('details', {}, el('summary', {}, 'Other Keeper URLs for this SSO ID'), this.#list);
    this.#result = el(
      'div',
      { class: 'result', hidden: '', part: 'result' },
      el(`h${level + 1}` as 'h4', { id: `${id}-result-label` }, 'Login URL'),
      row,
      this.#meta,
      this.#notes,
      details,
    );
    this.#result.setAttribute('role', 'group');
    this.#result.setAttribute('aria-labelledby', `${id}-result-label`);
    // One polite live region, updated after typing pauses, so a screen reader hears the outcome once.
    this.#announcer = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    panel.append(heading, label, help, this.#input, this.#fieldset, this.#error, this.#result, this.#announcer);
    adoptStyles(this.#root, CSS);
    this.#root.replaceChildren(panel);
    this.#input.addEventListener('input', () => this.#update(true));
  }

  #checkRegion(id: string) {
    for (const radio of this.#fieldset.querySelectorAll<HTMLInputElement>('input[type=radio]')) radio.checked = radio.value === id;
  }

  #update(announce: boolean) {
    const value = this.#input.value;
    const result = computeLoginUrl(value, { region: this.#region });
    const blank = value.trim() === '';
    this.#fieldset.hidden = !(result.ok && result.regionSource === 'choice');
    this.#copyStatus.textContent = '';
    if (result.ok) {
      this.#error.hidden = true;
      this.#input.removeAttribute('aria-invalid');
      this.#input.setAttribute('aria-describedby', `${this.#input.id.replace(/-input$/, '')}-help`);
      this.#loginUrl.textContent = result.urls.loginUrl;
      this.#meta.textContent = `SSO ID ${result.ssoId}, ${result.region.label} data center (${result.region.host})${result.regionSource === 'choice' ? ', as chosen under Keeper data center' : ''}.`;
      this.#notes.textContent = result.notes.join(' ');
      this.#notes.hidden = result.notes.length === 0;
      this.#list.replaceChildren(...FIELDS.flatMap(([key, label]) => [el('dt', {}, label), el('dd', {}, el('code', {}, result.urls[key]))]));
      this.#result.hidden = false;
    } else {
      this.#result.hidden = true;
      this.#error.replaceChildren(...withCode(result.message));
      this.#error.hidden = blank;
      if (blank) this.#input.removeAttribute('aria-invalid');
      else this.#input.setAttribute('aria-invalid', 'true');
      this.#input.setAttribute(
        'aria-describedby',
        blank ? `${this.#error.id.replace(/-error$/, '')}-help` : `${this.#error.id} ${this.#error.id.replace(/-error$/, '')}-help`,
      );
    }
    this.dispatchEvent(new CustomEvent('stepdocs-login-url', { detail: result, bubbles: true, composed: true }));
    if (!announce) return;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this.#announcer.textContent = blank ? '' : result.ok ? `Login URL: ${result.urls.loginUrl}` : `Error: ${result.message}`;
    }, 600);
  }

  async #copy() {
    const text = this.#loginUrl.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      this.#copyStatus.textContent = 'Copied';
    } catch {
      // Clipboard access needs a secure context and permission; selecting lets the reader copy by hand.
      const range = document.createRange();
      range.selectNodeContents(this.#loginUrl);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.#copyStatus.textContent = 'Selected: press Ctrl+C (⌘C) to copy';
    }
  }
}

const REGION = oneOf(KEEPER_REGIONS.map((region) => region.id));

for (const [property, attribute] of [
  ['region', 'region'],
  ['value', 'value'],
  ['headingLevel', 'heading-level'],
  ['theme', 'theme'],
] as const)
  reflect(LoginUrlCalculator, property, attribute);

if (!customElements.get('stepdocs-login-url')) customElements.define('stepdocs-login-url', LoginUrlCalculator);
