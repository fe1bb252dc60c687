/**
 * `<stepdocs-values-panel>`: the reader's Keeper values, taken in once and filled into every
 * placeholder of the page (`<KeeperUrl>`, `<Value>`, `values` code blocks). Values stay in this
 * browser: sessionStorage by default, localStorage only when the reader ticks "Remember"; never in
 * the URL, never sent. Always inserted as text. The Login URL calculator feeds the panel, and the
 * metadata checker hears the values through `stepdocs-values` events on `document`.
 */
import { fillTemplate, isValueName, valueText, type ReaderValues } from '../../lib/keeper/reader-values';
import {
  parseStoredValues,
  readPanel,
  serializeValues,
  STORAGE_KEY,
  type KeeperValueReader,
  type PanelField,
  type PanelInput,
} from '../../lib/keeper/stored-values';
import type { LoginUrlResult } from '../../lib/keeper/keeper-value';
import { withCode } from '../widgets/dom';

/**
 * The calculator's parser, loaded when the reader first types: most visits never type (the values
 * are stored), so the page does not carry it. Keeper's SP metadata pasted as XML loads the full
 * parser with its XML reader; everything else the small one.
 */
async function parserFor(raw: string): Promise<KeeperValueReader> {
  const text = raw.trimStart();
  if (text.startsWith('<') && !/^<[^<>\s]+>\s*$/.test(text)) return (await import('../../lib/keeper/login-url')).computeLoginUrl;
  const { readKeeperValue } = await import('../../lib/keeper/keeper-value');
  return (value, options) => readKeeperValue(value, options, () => ({ ok: false, code: 'not-metadata', message: 'Not an SSO ID.' }));
}

function storageOf(kind: 'session' | 'local'): Storage | undefined {
  try {
    return kind === 'local' ? localStorage : sessionStorage;
  } catch {
    return undefined; // Storage disabled: values last as long as the page.
  }
}

/** The stored values and where they were (remembered or this tab only), or a note when they were discarded. */
function loadValues(): { values?: ReaderValues; remembered: boolean; note?: string } {
  for (const kind of ['local', 'session'] as const) {
    const storage = storageOf(kind);
    const text = storage?.getItem(STORAGE_KEY);
    if (text == null) continue;
    const parsed = parseStoredValues(text);
    if ('values' in parsed) return { values: parsed.values, remembered: kind === 'local' };
    storage!.removeItem(STORAGE_KEY);
    return { remembered: false, note: parsed.discarded };
  }
  return { remembered: false };
}

function saveValues(values: ReaderValues | undefined, remember: boolean): void {
  const keep = storageOf(remember ? 'local' : 'session');
  const other = storageOf(remember ? 'session' : 'local');
  try {
    other?.removeItem(STORAGE_KEY);
    if (values) keep?.setItem(STORAGE_KEY, serializeValues(values));
    else keep?.removeItem(STORAGE_KEY);
  } catch {
    // A full or disabled storage keeps the values for this page only.
  }
}

const originalCode = new WeakMap<Element, Node[]>();

/** Every placeholder of the page shows the reader's values (or, without them, the generic form again). */
export function fillPage(values: ReaderValues | undefined): void {
  const start = performance.now();
  for (const element of document.querySelectorAll<HTMLElement>('[data-reader-value]')) {
    const name = element.dataset.readerValue ?? '';
    if (!isValueName(name)) continue;
    element.textContent = valueText(name, values, element.dataset.fallback);
    element.classList.toggle('is-filled', values !== undefined && valueText(name, values) !== valueText(name, undefined));
  }
  for (const block of document.querySelectorAll<HTMLElement>('stepdocs-values-code[data-template]')) {
    const code = block.querySelector('code');
    if (!code) continue;
    if (!originalCode.has(code)) originalCode.set(code, [...code.childNodes]);
    if (values) code.textContent = fillTemplate(block.dataset.template!, values);
    else code.replaceChildren(...originalCode.get(code)!);
    block.classList.toggle('is-filled', values !== undefined);
  }
  performance.measure('stepdocs-values-fill', { start, end: performance.now() });
  document.dispatchEvent(new CustomEvent('stepdocs-values', { detail: { values } }));
}

class ValuesPanel extends HTMLElement {
  #values: ReaderValues | undefined;
  #form!: HTMLFormElement;
  #status!: HTMLElement;
  #summary!: HTMLElement;
  #pending = 0;

  connectedCallback() {
    const form = this.querySelector('form');
    const status = this.querySelector<HTMLElement>('.values-status');
    const summary = this.querySelector<HTMLElement>('.values-summary');
    if (!form || !status || !summary) return;
    [this.#form, this.#status, this.#summary] = [form, status, summary];
    const loaded = loadValues();
    this.#values = loaded.values;
    this.#remember.checked = loaded.remembered;
    if (loaded.values) this.#showInFields(loaded.values);
    if (loaded.note) this.#status.textContent = loaded.note;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', (event) => {
      if (event.target !== this.#remember) void this.#readFields();
    });
    this.#remember.addEventListener('change', () => saveValues(this.#values, this.#remember.checked));
    this.querySelector('[data-action="clear"]')?.addEventListener('click', () => this.#clear());
    this.querySelector('[data-action="print"]')?.addEventListener('click', () => window.print());
    document.addEventListener('stepdocs-login-url', (event) => this.#fromCalculator(event as CustomEvent<LoginUrlResult>));
    document.addEventListener('stepdocs-values-request', () => fillPage(this.#values));
    this.querySelector('section')!.hidden = false;
    this.#apply();
  }

  get #remember(): HTMLInputElement {
    return this.#form.elements.namedItem('remember') as HTMLInputElement;
  }

  #field(name: PanelField): HTMLInputElement | HTMLSelectElement {
    return this.#form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  }

  #input(): PanelInput {
    return {
      region: this.#field('region').value,
      keeperValue: this.#field('keeperValue').value,
      enterpriseDomain: this.#field('enterpriseDomain').value,
      providerName: this.#field('providerName').value,
    };
  }

  async #readFields() {
    const run = (this.#pending += 1);
    const input = this.#input();
    const parser = await parserFor(input.keeperValue);
    if (run !== this.#pending) return;
    const result = readPanel(input, parser);
    for (const name of ['keeperValue', 'enterpriseDomain', 'providerName'] as const)
      this.#showError(name, result.ok || result.field !== name ? '' : result.message);
    if (!result.ok) {
      this.#status.textContent = '';
      return;
    }
    this.#values = result.values.ssoId || result.values.enterpriseDomain || result.values.providerName || input.region !== 'us' ? result.values : undefined;
    this.#field('region').value = result.values.region;
    this.#status.textContent = result.notes.join(' ');
    this.#apply();
  }

  #showError(name: PanelField, message: string) {
    const field = this.#field(name);
    const error = this.querySelector<HTMLElement>(`#${field.id}-error`);
    if (!error) return;
    // The calculator's messages mark values with backticks; shown as code, as the calculator shows them.
    error.replaceChildren(...withCode(message));
    error.hidden = message === '';
    field.toggleAttribute('aria-invalid', message !== '');
    field.setAttribute('aria-describedby', [`${field.id}-help`, ...(message ? [error.id] : [])].filter((id) => this.querySelector(`#${id}`)).join(' '));
  }

  #fromCalculator(event: CustomEvent<LoginUrlResult>) {
    const result = event.detail;
    if (!result?.ok) return;
    this.#field('region').value = result.region.id;
    this.#field('keeperValue').value = result.urls.spEntityId;
    void this.#readFields();
  }

  #showInFields(values: ReaderValues) {
    this.#field('region').value = values.region;
    this.#field('keeperValue').value = values.ssoId ? valueText('spEntityId', values) : '';
    this.#field('enterpriseDomain').value = values.enterpriseDomain ?? '';
    this.#field('providerName').value = values.providerName ?? '';
  }

  #clear() {
    this.#values = undefined;
    for (const kind of ['local', 'session'] as const) storageOf(kind)?.removeItem(STORAGE_KEY);
    this.#form.reset();
    for (const name of ['keeperValue', 'enterpriseDomain', 'providerName'] as const) this.#showError(name, '');
    this.#apply();
    this.#status.textContent = 'Your values were cleared from this browser.';
  }

  #apply() {
    saveValues(this.#values, this.#remember.checked);
    const values = this.#values;
    this.#summary.textContent = values?.ssoId
      ? `Filled in below: ${valueText('region', values)} data center, SSO ID ${values.ssoId}${values.enterpriseDomain ? `, Enterprise Domain ${values.enterpriseDomain}` : ''}${values.providerName ? `, ${values.providerName}` : ''}.`
      : values
        ? `Filled in below: ${valueText('region', values)} data center; add the SSO ID to complete the URLs.`
        : 'Not set: the steps show the general form, like <SSO ID>.';
    fillPage(values);
  }
}

customElements.define('stepdocs-values-panel', ValuesPanel);
