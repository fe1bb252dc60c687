/**
 * The metadata checking engine: bytes of a file in, a report out (what the document is, a summary
 * of each entity, findings with rule ids, places and fixes). No DOM and no `node:` imports, so the
 * widget, its Web Worker and the CLI all run this same code. It never throws on bad input.
 */
import { DEFAULT_MAX_BYTES } from './limits.ts';
import { countSeverities, type Finding, type Place, type Severity } from '../findings.ts';
import { decodeBytes } from './decode.ts';
import type { EntityModel } from './model.ts';
import { readEntity } from './read-entity.ts';
import { bindingName } from './namespaces.ts';
import { metadataRule, metadataRuleAnchor, SAML_RULES } from './rule-table.ts';
import type { DocumentContext, Expectation, MetadataRule, ReaderKeeperValues, Report } from './rule.ts';
import { entityElements, isMetadataRoot } from './entities.ts';
import { Locator, parseXml } from './xml-tree.ts';
import { METADATA_RULES_ROUTE } from '../site-routes.ts';

export type DocumentKind = 'idp' | 'sp' | 'aggregate' | 'other' | 'not-metadata';

export interface CheckOptions {
  /** Name shown in findings. */
  file?: string;
  /** The current time; injectable so certificate and validUntil dates can be tested. */
  now?: Date;
  /** What the file should be: `idp` for Keeper's upload (default), `sp`, or `any`. */
  expect?: Expectation;
  /** Largest file accepted, in bytes (default 100 MB, enough for federation aggregates). */
  maxBytes?: number;
  /** Base URL of the rule documentation; findings link to `<rulesUrl>#<rule-anchor>`. */
  rulesUrl?: string;
  /** The reader's Keeper instance, from the guide's "Your values": Keeper URLs in the file are compared with it. */
  reader?: ReaderKeeperValues;
  /** The rules to apply (default: the SAML engine's own; keeper/metadata-rules.ts passes Keeper's too). */
  rules?: readonly MetadataRule[];
  /** Called as entities are read, for progress bars on large aggregates. */
  onProgress?: (done: number, total: number) => void;
}

export interface EndpointSummary {
  binding: string;
  location: string;
}

export interface CertificateSummary {
  role: 'IdP' | 'SP';
  use: 'signing' | 'encryption' | 'signing and encryption';
  subject?: string;
  issuer?: string;
  keyType?: string;
  keySize?: number | undefined;
  signatureAlgorithm?: string;
  notBefore?: string;
  notAfter?: string;
  sha256?: string;
  sha1?: string;
  /** Set when the certificate could not be read. */
  problem?: string;
}

export interface EntitySummary {
  entityId: string | null;
  roles: Array<'IdP' | 'SP'>;
  otherRoles: string[];
  sso: EndpointSummary[];
  slo: EndpointSummary[];
  acs: EndpointSummary[];
  nameIdFormats: string[];
  certificates: CertificateSummary[];
  signed: boolean;
}

export interface MetadataReport {
  file: string;
  kind: DocumentKind;
  size: number;
  encoding: string | null;
  entities: EntitySummary[];
  /** Entities of an aggregate beyond the summary limit are counted, not summarised. */
  entityCount: number;
  findings: Finding[];
  counts: Record<Severity, number>;
  checkedAt: string;
}

export { DEFAULT_MAX_BYTES };
/** Summaries of a 5,000-entity aggregate would dwarf the findings; list the first ones only. */
const SUMMARY_LIMIT = 200;

/** A new report of a file of `size` bytes, with the reporter its rules write to. */
function startReport(size: number, options: CheckOptions) {
  const file = options.file ?? 'metadata.xml';
  const now = options.now ?? new Date();
  const rulesUrl = options.rulesUrl ?? `/${METADATA_RULES_ROUTE}`;
  const findings: Finding[] = [];
  const report: MetadataReport = {
    file,
    kind: 'not-metadata',
    size,
    encoding: null,
    entities: [],
    entityCount: 0,
    findings,
    counts: { error: 0, warning: 0, info: 0 },
    checkedAt: now.toISOString(),
  };
  const rules = options.rules ?? SAML_RULES;
  const reporter =
    (ruleId: string): Report =>
    (finding) => {
      const rule = metadataRule(ruleId, rules);
      findings.push({
        ruleId,
        severity: finding.severity ?? rule.severity,
        reason: finding.reason,
        file,
        ...(finding.place ? { place: finding.place } : {}),
        note: finding.note ?? rule.fix,
        url: `${rulesUrl}#${metadataRuleAnchor(ruleId)}`,
        source: 'stepdocs-metadata',
      });
    };
  const finish = () => {
    report.counts = countSeverities(findings);
    return report;
  };
  return { report, reporter, finish, now, findings, rules };
}

/** The report of a file over the size limit, made from its size alone: callers that can stat a file refuse it before reading it. */
export function tooLargeReport(size: number, options: CheckOptions = {}): MetadataReport {
  const { reporter, finish } = startReport(size, options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  reporter('input/too-large')({
    reason: `The file is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}, far more than any identity provider's metadata`,
  });
  return finish();
}

export async function checkMetadata(bytes: Uint8Array, options: CheckOptions = {}): Promise<MetadataReport> {
  const { report, reporter, finish, now, rules } = startReport(bytes.length, options);

  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (bytes.length === 0) {
      reporter('input/empty')({ reason: 'The file is empty (0 bytes); expected SAML metadata XML' });
      return finish();
    }
    if (bytes.length > maxBytes) return tooLargeReport(bytes.length, options);
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      reporter('input/encoding')({ reason: decoded.message.replace(/\.$/, '') });
      return finish();
    }
    report.encoding = decoded.encoding;
    const text = decoded.text;
    const locator = new Locator(text);
    if (!inspectText(text, locator, reporter)) return finish();

    const parsed = parseXml(text);
    if (!parsed.ok) {
      reporter('xml/malformed')({ place: parsed.place, reason: `The XML is not well-formed: ${parsed.message}` });
      return finish();
    }
    const root = parsed.root;
    const metadata = isMetadataRoot(root);
    const elements = metadata ? entityElements(root) : [];
    report.entityCount = elements.length;
    const entities: EntityModel[] = [];
    for (let index = 0; index < elements.length; index += 1) {
      entities.push(await readEntity(elements[index]!));
      if (options.onProgress && (index % 100 === 99 || index === elements.length - 1)) options.onProgress(index + 1, elements.length);
    }
    const context: DocumentContext = {
      text,
      root,
      locator,
      entities,
      aggregate: root.local === 'EntitiesDescriptor',
      now,
      expect: options.expect ?? 'idp',
      reader: options.reader,
    };
    for (const rule of rules) {
      if (rule.check.stage !== 'document') continue;
      runSafely(rule.id, reporter, () => (rule.check as { run(context: DocumentContext, report: Report): void }).run(context, reporter(rule.id)));
    }
    if (!metadata) return finish();
    for (const entity of entities) {
      for (const rule of rules) {
        if (rule.check.stage !== 'entity') continue;
        const check = rule.check;
        runSafely(rule.id, reporter, () => check.run({ ...context, entity }, reporter(rule.id)));
      }
    }
    report.kind = kindOf(entities);
    report.entities = await Promise.all(entities.slice(0, SUMMARY_LIMIT).map(summarise));
    return finish();
  } catch (error) {
    // The last line of defence: a report, never an exception, whatever the bytes were.
    reporter('checker/internal-error')({ reason: `The checker stopped early: ${error instanceof Error ? error.message : String(error)}` });
    return finish();
  }
}

/** Checks on the decoded text before XML parsing: not XML, a web page, a DOCTYPE. False stops the check. */
function inspectText(text: string, locator: Locator, reporter: (ruleId: string) => Report): boolean {
  const start = text.search(/\S/);
  const head = text.slice(start, start + 4096);
  const place = start === -1 ? undefined : locator.place(start);
  if (/^<!doctype\s+html\b|^<html[\s>]/i.test(head) || (/<html[\s>]/i.test(head) && !/EntityDescriptor/.test(head))) {
    const title = /<title[^>]*>([^<]{1,80})/i.exec(text.slice(start, start + 65536))?.[1]?.trim();
    reporter('input/html-page')({
      place,
      reason: `This is an HTML web page${title ? ` ("${title}")` : ''}, not SAML metadata; it was probably saved from a browser instead of downloaded`,
    });
    return false;
  }
  if (!head.startsWith('<')) {
    reporter('input/not-xml')({ place, reason: describeNonXml(head) });
    return false;
  }
  const run = longestRunWithoutTag(text);
  if (run.length > MAX_RUN_CHARS) {
    reporter('input/too-large')({
      place: locator.place(run.start),
      reason: `One element's text or tag is ${formatBytes(run.length)} long; metadata elements hold at most a few hundred KB (a logo), so the file was not parsed`,
    });
    return false;
  }
  const doctype = prologDoctype(text);
  if (doctype !== undefined) {
    reporter('xml/doctype')({
      place: locator.place(doctype),
      reason: 'The XML has a DOCTYPE declaration; it was rejected without expanding entities or fetching anything',
    });
    return false;
  }
  return true;
}

/**
 * Longer than any element of real metadata (a certificate is a few KB, an embedded logo a few
 * hundred): the XML parser's cost on one huge text node grows far faster than its length (40 MB took
 * 10 s and 1.6 GB), so such a file is refused before parsing.
 */
const MAX_RUN_CHARS = 2 * 1024 * 1024;

/** The longest stretch of the text without a `<`: the longest text node or tag. */
function longestRunWithoutTag(text: string): { start: number; length: number } {
  let longest = { start: 0, length: 0 };
  let from = 0;
  while (from <= text.length) {
    const next = text.indexOf('<', from);
    const end = next === -1 ? text.length : next;
    if (end - from > longest.length) longest = { start: from, length: end - from };
    if (next === -1) break;
    from = next + 1;
  }
  return longest;
}

/**
 * Where a DOCTYPE starts in the prolog (before the root element), however long the prolog and
 * whatever comments and processing instructions it holds; undefined when there is none. The scan
 * follows XML's own prolog grammar, so no layout of the prolog hides a DOCTYPE from the rule.
 */
export function prologDoctype(text: string): number | undefined {
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\uFEFF' || char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      index += 1;
      continue;
    }
    if (text.startsWith('<?', index)) {
      const end = text.indexOf('?>', index + 2);
      if (end === -1) return undefined;
      index = end + 2;
    } else if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4);
      if (end === -1) return undefined;
      index = end + 3;
    } else {
      return /^<!DOCTYPE/i.test(text.slice(index, index + 9)) ? index : undefined;
    }
  }
  return undefined;
}

function describeNonXml(head: string): string {
  if (head.startsWith('-----BEGIN CERTIFICATE-----'))
    return 'This is a PEM certificate, not metadata; expected the metadata XML, which contains the certificate';
  if (head.startsWith('-----BEGIN')) return `This is a PEM file (\`${head.split('\n')[0]!.trim()}\`), not metadata; expected SAML metadata XML`;
  if (head.startsWith('{') || head.startsWith('[')) return 'This is JSON, not SAML metadata; expected an XML file starting with `<`';
  const compact = head.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]{40,}={0,2}$/.test(compact)) {
    if (compact.startsWith('PD94') || compact.startsWith('PG1k') || compact.startsWith('PEVud'))
      return 'This is base64-encoded XML; decode it first (or download the metadata as XML) and check the decoded file';
    if (compact.startsWith('MII')) return 'This is a base64 certificate, not metadata; expected the metadata XML, which contains the certificate';
    return 'This is a base64 blob, not SAML metadata; expected an XML file starting with `<`';
  }
  return `The file does not start with \`<\` (it starts with \`${head.slice(0, 20).replace(/\s+/g, ' ')}\`); expected SAML metadata XML`;
}

function kindOf(entities: EntityModel[]): DocumentKind {
  if (entities.length > 1) return 'aggregate';
  const entity = entities[0];
  if (!entity) return 'other';
  if (entity.roles.some((role) => role.role === 'IdP')) return 'idp';
  if (entity.roles.some((role) => role.role === 'SP')) return 'sp';
  return 'other';
}

async function summarise(entity: EntityModel): Promise<EntitySummary> {
  const endpoint = (list: Array<{ binding: string; location: string }>) => list.map(({ binding, location }) => ({ binding: bindingName(binding), location }));
  return {
    entityId: entity.entityId ?? null,
    roles: entity.roles.map((role) => role.role),
    otherRoles: entity.otherRoles,
    sso: endpoint(entity.roles.flatMap((role) => role.sso)),
    slo: endpoint(entity.roles.flatMap((role) => role.slo)),
    acs: endpoint(entity.roles.flatMap((role) => role.acs)),
    nameIdFormats: [...new Set(entity.roles.flatMap((role) => role.nameIdFormats))],
    certificates: entity.roles.flatMap((role) =>
      role.keys
        .filter((key) => key.certificate)
        .map((key): CertificateSummary => {
          const use = key.use === 'both' ? 'signing and encryption' : key.use;
          const result = key.certificate!;
          if (!result.ok) return { role: role.role, use, problem: result.message };
          const { certificate } = result;
          return {
            role: role.role,
            use,
            subject: certificate.subject,
            issuer: certificate.issuer,
            keyType: certificate.keyType,
            keySize: certificate.keySize,
            signatureAlgorithm: certificate.signatureAlgorithm,
            notBefore: certificate.notBefore.toISOString(),
            notAfter: certificate.notAfter.toISOString(),
            sha256: certificate.sha256,
            sha1: certificate.sha1,
          };
        }),
    ),
    signed: entity.signed,
  };
}

function runSafely(ruleId: string, reporter: (ruleId: string) => Report, run: () => void) {
  try {
    run();
  } catch (error) {
    reporter('checker/internal-error')({ reason: `Rule \`${ruleId}\` could not finish: ${error instanceof Error ? error.message : String(error)}` });
  }
}

function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${(size / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (size >= 1024) return `${(size / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${size} bytes`;
}

export type { Place };
