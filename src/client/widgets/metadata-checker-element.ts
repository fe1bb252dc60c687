/**
 * `<stepdocs-metadata-checker>`: paste, drop or pick a SAML metadata file and read the findings,
 * grouped by severity with fixes and rule links, and a summary of each entity to compare with the
 * identity provider's console. The file never leaves the browser: the engine runs here, in a Web
 * Worker for large files. Every value from the file is inserted as text, never as HTML.
 *
 * Attributes (each reflected as a property, a bad value ignored with a console warning): `expect`
 * (idp, sp, any; default idp), `heading-level` (2–5, default 3), `rules-url` (where rule ids link;
 * default `rules/metadata/` next to the site root), `theme` (light, dark, auto). When a check
 * finishes it dispatches `stepdocs-metadata-check` (bubbling, composed) with the verdict, the counts
 * and a summary of each entity.
 *
 * On a guide with a "Your values" panel, the panel's `stepdocs-values` events on `document` give the
 * reader's data center and SSO ID, and Keeper URLs in the file are compared with them.
 */
import { firstOfEachRule, type Finding, type Severity } from '../../lib/findings.ts';
import { DEFAULT_MAX_BYTES } from '../../lib/saml/limits.ts';

/** Findings shown per rule: enough to see the pattern; a file with a finding per entity still renders at once. */
const FINDINGS_PER_RULE = 20;
import type { CertificateSummary, EntitySummary, MetadataReport } from '../../lib/saml/check-metadata.ts';
import type { ReaderValues } from '../../lib/keeper/reader-values.ts';
import { regionById } from '../../lib/keeper/regions.ts';
import type { ReaderKeeperValues } from '../../lib/saml/rule.ts';
import { HEADING_LEVEL, oneOf, reflect, THEME, validAttribute } from './attributes.ts';
import { el, withCode } from './dom.ts';
import { adoptStyles, WIDGET_BASE_CSS } from './widget-style.ts';
import { METADATA_RULES_ROUTE } from '../../lib/site-routes.ts';

/** Files above this size show a progress bar while the worker reads them. */
const PROGRESS_THRESHOLD = 512 * 1024;

const CSS = `${WIDGET_BASE_CSS}
textarea { min-height: 7rem; resize: vertical; }
.privacy { display: flex; gap: 0.4rem; align-items: flex-start; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border-radius: var(--_radius); background: var(--_info-bg); color: var(--_info-fg); font-size: 0.92rem; }
.drop { margin-top: 0.5rem; padding: 0.75rem; border: 2px dashed var(--_border); border-radius: var(--_radius); text-align: center; }
.drop.is-over { border-color: var(--_accent); background: var(--_info-bg); }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.5rem; }
.file-label { display: inline-block; }
.progress { margin-top: 0.75rem; }
.progress progress { width: 100%; }
.verdict { margin: 1rem 0 0.5rem; padding: 0.6rem 0.8rem; border-left: 5px solid; border-radius: var(--_radius); font-weight: 600; }
.verdict.ok { border-color: var(--_success-border); background: var(--_success-bg); color: var(--_success-fg); }
.verdict.bad { border-color: var(--_danger-border); background: var(--_danger-bg); color: var(--_danger-fg); }
.verdict.warn { border-color: var(--_warning-border); background: var(--_warning-bg); color: var(--_warning-fg); }
section { margin-top: 1rem; }
ul.findings { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
ul.findings li { padding: 0.5rem 0.75rem; border: 1px solid var(--_border); border-left-width: 5px; border-radius: var(--_radius); }
li.error { border-left-color: var(--_danger-border); }
li.warning { border-left-color: var(--_warning-border); }
li.info { border-left-color: var(--_info-border); }
.reason { margin: 0; font-weight: 600; }
.where, .fix { margin: 0.25rem 0 0; font-size: 0.9rem; }
.where { color: var(--_fg-muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 0.75rem; margin: 0.5rem 0; font-size: 0.9rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.entity, .certificate { margin-top: 0.5rem; padding: 0.5rem 0.75rem; border: 1px solid var(--_border); border-radius: var(--_radius); }
`;

const SEVERITY_HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Information' };
const KIND_TEXT: Record<MetadataReport['kind'], string> = {
  idp: 'Identity provider (IdP) metadata',
  sp: 'Service provider (SP) metadata',
  aggregate: 'An aggregate of several entities',
  other: 'Metadata without an IdP or SP role',
  'not-metadata': 'Not SAML metadata',
};

let counter = 0;

const EXPECT = oneOf(['idp', 'sp', 'any']);

/** What `stepdocs-metadata-check` carries: the outcome of one check, without the file's text. */
export interface MetadataCheckDetail {
  file: string;
  /** `ok` (nothing to fix), `warnings` (risks to fix soon), `errors` (fix before uploading). */
  verdict: 'ok' | 'warnings' | 'errors';
  kind: MetadataReport['kind'];
  counts: MetadataReport['counts'];
  entityCount: number;
  entities: Array<Pick<EntitySummary, 'entityId' | 'roles'>>;
}

export class MetadataChecker extends HTMLElement {
  static observedAttributes = ['theme'];

  /** Reflections of the attributes of the same names (`headingLevel` is `heading-level`). */
  declare expect: string | null;
  declare headingLevel: string | null;
  declare rulesUrl: string | null;
  declare theme: string | null;

  /** Where the worker script is; set by the entry module that defines the element. */
  static workerUrl: URL | string | undefined;
  /** Default for `rules-url`; set by the entry module. */
  static defaultRulesUrl = `/${METADATA_RULES_ROUTE}`;

  #root = this.attachShadow({ mode: 'open' });
  #rendered = false;
  #textarea!: HTMLTextAreaElement;
  #fileInput!: HTMLInputElement;
  #status!: HTMLParagraphElement;
  #progress!: HTMLDivElement;
  #progressBar!: HTMLProgressElement;
  #results!: HTMLDivElement;
  #level = 3;
  #run = 0;
  #worker: Worker | undefined;
  #reader: ReaderKeeperValues | undefined;
  #onValues = (event: Event) => {
    const values = (event as CustomEvent<{ values?: ReaderValues }>).detail?.values;
    const region = values?.ssoId ? regionById(values.region) : undefined;
    this.#reader = region && values?.ssoId ? { region: region.id, host: region.host, ssoId: values.ssoId } : undefined;
  };

  connectedCallback() {
    document.addEventListener('stepdocs-values', this.#onValues);
    // The panel may have announced the values before this element was defined: ask again.
    document.dispatchEvent(new CustomEvent('stepdocs-values-request'));
    if (this.#rendered) return;
    this.#rendered = true;
    this.#level = Number(validAttribute(this, 'heading-level', HEADING_LEVEL) ?? 3);
    validAttribute(this, 'theme', THEME);
    validAttribute(this, 'expect', EXPECT);
    this.#render();
  }

  attributeChangedCallback(name: string, old: string | null) {
    if (this.#rendered && name === 'theme' && old !== this.getAttribute('theme')) validAttribute(this, 'theme', THEME);
  }

  disconnectedCallback() {
    document.removeEventListener('stepdocs-values', this.#onValues);
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  /** Checks bytes as if the reader had dropped a file; resolves with the report. */
  /** Checks the bytes of a file; `{ size }` alone stands for a file refused unread for its size. */
  async check(bytes: Uint8Array | { size: number }, name = 'pasted metadata'): Promise<MetadataReport> {
    const run = (this.#run += 1);
    this.#results.replaceChildren();
    this.#setStatus(`Checking ${name}…`);
    const options = {
      file: name,
      expect: (validAttribute(this, 'expect', EXPECT)?.toLowerCase() ?? 'idp') as 'idp' | 'sp' | 'any',
      rulesUrl: this.getAttribute('rules-url') ?? MetadataChecker.defaultRulesUrl,
      ...(this.#reader ? { reader: this.#reader } : {}),
    };
    const report = await this.#checkInWorker(bytes, options, run, bytes instanceof Uint8Array && bytes.length > PROGRESS_THRESHOLD);
    if (run === this.#run) {
      this.#show(report);
      this.dispatchEvent(new CustomEvent<MetadataCheckDetail>('stepdocs-metadata-check', { detail: checkDetail(report), bubbles: true, composed: true }));
    }
    return report;
  }

  /** The engine (XML parser, X.509 library) is most of the widget's weight: it runs in a worker, loaded on the first check. */
  #checkInWorker(bytes: Uint8Array | { size: number }, options: object, run: number, showProgress: boolean): Promise<MetadataReport> {
    this.#worker?.terminate();
    const worker = startWorker(MetadataChecker.workerUrl!);
    this.#worker = worker;
    this.#progress.hidden = !showProgress;
    this.#progressBar.removeAttribute('value');
    return new Promise((resolve, reject) => {
      worker.addEventListener(
        'message',
        (event: MessageEvent<{ type: 'progress'; done: number; total: number } | { type: 'report'; report: MetadataReport }>) => {
          if (event.data.type === 'progress') {
            if (run !== this.#run) return;
            this.#progressBar.max = event.data.total;
            this.#progressBar.value = event.data.done;
            this.#setStatus(`Checking… ${event.data.done.toLocaleString('en')} of ${event.data.total.toLocaleString('en')} entities read`);
          } else {
            this.#progress.hidden = true;
            worker.terminate();
            if (this.#worker === worker) this.#worker = undefined;
            resolve(event.data.report);
          }
        },
      );
      worker.addEventListener('error', (event) => {
        this.#progress.hidden = true;
        reject(new Error(event.message || "the checker's worker script could not be loaded"));
      });
      if (!(bytes instanceof Uint8Array)) {
        worker.postMessage({ size: bytes.size, options });
        return;
      }
      const copy = bytes.slice().buffer;
      worker.postMessage({ bytes: copy, options }, [copy]);
    });
  }

  #render() {
    const id = `stepdocs-metadata-${(counter += 1)}`;
    const heading = el(`h${this.#level}` as 'h3', { part: 'heading' }, 'SAML metadata checker');
    const privacy = el('p', { class: 'privacy', part: 'privacy' }, 'Your file is checked here, in your browser. It is never uploaded or sent anywhere.');
    const label = el('label', { for: `${id}-text` }, 'Paste metadata XML');
    this.#textarea = el('textarea', {
      id: `${id}-text`,
      spellcheck: 'false',
      autocomplete: 'off',
      placeholder: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="…">',
      part: 'input',
    });
    const checkButton = el('button', { type: 'button', class: 'primary', part: 'button check-button' }, 'Check pasted XML');
    checkButton.addEventListener('click', () => void this.#checkText());
    this.#textarea.addEventListener('paste', () => setTimeout(() => void this.#checkText(), 0));
    this.#fileInput = el('input', { type: 'file', id: `${id}-file`, accept: '.xml,application/xml,text/xml,application/samlmetadata+xml' });
    this.#fileInput.addEventListener('change', () => {
      const file = this.#fileInput.files?.[0];
      if (file) void this.#checkFile(file);
    });
    const fileLabel = el('label', { for: `${id}-file`, class: 'file-label' }, 'Or choose a file: ');
    const drop = el('div', { class: 'drop', part: 'drop-zone' }, 'Or drop a metadata file here');
    for (const target of [drop, this.#textarea] as HTMLElement[]) {
      target.addEventListener('dragover', (event) => {
        event.preventDefault();
        drop.classList.add('is-over');
      });
      target.addEventListener('dragleave', () => drop.classList.remove('is-over'));
      target.addEventListener('drop', (event) => {
        event.preventDefault();
        drop.classList.remove('is-over');
        const file = event.dataTransfer?.files[0];
        if (file) void this.#checkFile(file);
      });
    }
    this.#status = el('p', { class: 'note', role: 'status', 'aria-live': 'polite' });
    this.#progressBar = el('progress', { 'aria-label': 'Checking progress' });
    this.#progress = el('div', { class: 'progress', hidden: '' }, this.#progressBar);
    this.#results = el('div', { class: 'results', part: 'results' });
    const panel = el(
      'div',
      { class: 'panel', part: 'panel' },
      heading,
      privacy,
      label,
      this.#textarea,
      el('div', { class: 'actions' }, checkButton, fileLabel, this.#fileInput),
      drop,
      this.#status,
      this.#progress,
      this.#results,
    );
    adoptStyles(this.#root, CSS);
    this.#root.replaceChildren(panel);
  }

  async #checkText() {
    const text = this.#textarea.value;
    if (text.trim() === '') {
      this.#setStatus('Paste the metadata XML first, or choose a file.');
      return;
    }
    await this.#safely(() => this.check(new TextEncoder().encode(text)));
  }

  async #checkFile(file: File) {
    // Judged by its size before it is read: a file of gigabytes is refused, not loaded into the tab.
    await this.#safely(async () => this.check(file.size > DEFAULT_MAX_BYTES ? { size: file.size } : new Uint8Array(await file.arrayBuffer()), file.name));
  }

  async #safely(work: () => Promise<unknown>) {
    try {
      await work();
    } catch (error) {
      this.#setStatus(`The check could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #setStatus(text: string) {
    this.#status.textContent = text;
  }

  #show(report: MetadataReport) {
    const { counts } = report;
    const verdict = counts.error > 0 ? 'bad' : counts.warning > 0 ? 'warn' : 'ok';
    const summary = `${KIND_TEXT[report.kind]}: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}${counts.info ? `, ${counts.info} note${counts.info === 1 ? '' : 's'}` : ''}.`;
    const advice = counts.error > 0 ? ' Fix the errors before uploading it.' : verdict === 'ok' ? ' Ready to upload.' : '';
    this.#setStatus(`${report.file} checked. ${summary}${advice}`);
    const sub = `h${this.#level + 1}` as 'h4';
    const sections: Node[] = [el('p', { class: `verdict ${verdict}`, part: 'verdict' }, summary + advice)];
    for (const severity of ['error', 'warning', 'info'] as const) {
      const findings = report.findings.filter((finding) => finding.severity === severity);
      if (findings.length === 0) continue;
      const { shown, hidden } = firstOfEachRule(findings, FINDINGS_PER_RULE);
      const rest = hidden.map(({ ruleId, count }) =>
        el(
          'li',
          { class: `${severity} more` },
          el(
            'p',
            {},
            ...withCode(
              `… and ${count.toLocaleString('en')} more \`${ruleId}\` finding${count === 1 ? '' : 's'}; \`npm run check:metadata -- <file> --format json\` lists them all.`,
            ),
          ),
        ),
      );
      sections.push(
        el(
          'section',
          { 'aria-label': SEVERITY_HEADINGS[severity] },
          el(sub, {}, `${SEVERITY_HEADINGS[severity]} (${findings.length.toLocaleString('en')})`),
          el('ul', { class: 'findings' }, ...shown.map((finding) => this.#finding(finding)), ...rest),
        ),
      );
    }
    if (report.entities.length > 0) {
      const more = report.entityCount > report.entities.length ? ` (first ${report.entities.length} of ${report.entityCount.toLocaleString('en')})` : '';
      sections.push(
        el(
          'section',
          { 'aria-label': 'What the file contains' },
          el(sub, {}, `What the file contains${more}`),
          ...report.entities.map((entity) => this.#entity(entity)),
        ),
      );
    }
    this.#results.replaceChildren(...sections);
  }

  #finding(finding: Finding): HTMLLIElement {
    const where = finding.place ? `Line ${finding.place.line}, column ${finding.place.column}` : 'Whole file';
    const link = el('a', { href: finding.url ?? '#' }, finding.ruleId);
    return el(
      'li',
      { class: finding.severity },
      el('p', { class: 'reason' }, ...withCode(finding.reason)),
      el('p', { class: 'where' }, `${where} · rule `, link),
      ...(finding.note ? [el('p', { class: 'fix' }, el('strong', {}, 'How to fix: '), ...withCode(finding.note))] : []),
    );
  }

  #entity(entity: EntitySummary): HTMLElement {
    const rows: Array<[string, Node | string]> = [
      ['entityID', el('code', {}, entity.entityId ?? '(missing)')],
      ['Roles', [...entity.roles, ...entity.otherRoles].join(', ') || 'none'],
    ];
    const endpoints = (list: EntitySummary['sso']) =>
      el('ul', {}, ...list.map((endpoint) => el('li', {}, `${endpoint.binding}: `, el('code', {}, endpoint.location))));
    if (entity.sso.length) rows.push(['Sign-in (SSO) URLs', endpoints(entity.sso)]);
    if (entity.slo.length) rows.push(['Logout (SLO) URLs', endpoints(entity.slo)]);
    if (entity.acs.length) rows.push(['Assertion Consumer Service URLs', endpoints(entity.acs)]);
    if (entity.nameIdFormats.length) rows.push(['NameID formats', el('ul', {}, ...entity.nameIdFormats.map((format) => el('li', {}, el('code', {}, format))))]);
    rows.push(['Metadata signature', entity.signed ? 'signed' : 'not signed']);
    return el(
      'div',
      { class: 'entity' },
      el('dl', {}, ...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
      ...entity.certificates.map((certificate) => this.#certificate(certificate)),
    );
  }

  #certificate(certificate: CertificateSummary): HTMLElement {
    const title = `${certificate.role} ${certificate.use} certificate`;
    if (certificate.problem) return el('div', { class: 'certificate' }, el('p', { class: 'reason' }, title), el('p', {}, certificate.problem));
    const rows: Array<[string, string]> = [
      ['Subject', certificate.subject ?? ''],
      ['Issuer', certificate.issuer ?? ''],
      ['Key', `${certificate.keyType ?? '?'}${certificate.keySize ? ` ${certificate.keySize}-bit` : ''}`],
      ['Signature algorithm', certificate.signatureAlgorithm ?? ''],
      ['Valid from', certificate.notBefore ?? ''],
      ['Valid until', certificate.notAfter ?? ''],
      ['SHA-256 fingerprint', certificate.sha256 ?? ''],
      ['SHA-1 fingerprint', certificate.sha1 ?? ''],
    ];
    return el(
      'div',
      { class: 'certificate' },
      el('p', { class: 'reason' }, title),
      el('dl', {}, ...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    );
  }
}

const trampolines = new Map<string, string>();

/**
 * Browsers start workers only from the page's own origin. When the widget module was loaded from
 * another site (the published `stepdocs-metadata-checker.js` on a vendor's page), a same-origin
 * blob that imports the worker module bridges that; the module is fetched with CORS, as the widget
 * module itself was.
 */
function startWorker(url: URL | string): Worker {
  const absolute = new URL(url, location.href);
  if (absolute.origin === location.origin) return new Worker(absolute, { type: 'module' });
  let trampoline = trampolines.get(absolute.href);
  if (!trampoline) {
    trampoline = URL.createObjectURL(new Blob([`import ${JSON.stringify(absolute.href)};`], { type: 'text/javascript' }));
    trampolines.set(absolute.href, trampoline);
  }
  return new Worker(trampoline, { type: 'module' });
}

export function defineMetadataChecker(options: { workerUrl: URL | string; rulesUrl: string }) {
  MetadataChecker.workerUrl = options.workerUrl;
  MetadataChecker.defaultRulesUrl = options.rulesUrl;
  if (!customElements.get('stepdocs-metadata-checker')) customElements.define('stepdocs-metadata-checker', MetadataChecker);
}

/** The event's detail: the outcome, counts and entities of a report, not the file's content. */
function checkDetail(report: MetadataReport): MetadataCheckDetail {
  return {
    file: report.file,
    verdict: report.counts.error > 0 ? 'errors' : report.counts.warning > 0 ? 'warnings' : 'ok',
    kind: report.kind,
    counts: { ...report.counts },
    entityCount: report.entityCount,
    entities: report.entities.map((entity) => ({ entityId: entity.entityId, roles: [...entity.roles] })),
  };
}

for (const [property, attribute] of [
  ['expect', 'expect'],
  ['headingLevel', 'heading-level'],
  ['rulesUrl', 'rules-url'],
  ['theme', 'theme'],
] as const)
  reflect(MetadataChecker, property, attribute);
