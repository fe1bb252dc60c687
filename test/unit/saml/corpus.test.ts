/**
 * Every real file of ../shared/corpus/metadata (see its SOURCES.md): the right kind, no crash, and
 * the rule its defect calls for. Dates are judged as of the day the corpus was collected.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMetadata } from '../../../src/lib/keeper/metadata-rules';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus/metadata');
const NOW = new Date('2026-11-28T00:00:00Z');

/** File → [kind, rule ids that must be reported as errors (exactly these), warnings that must be among the findings]. */
const EXPECTED: Record<string, [kind: string, errors: string[], warnings?: string[]]> = {
  'okta-idp-metadata.xml': ['idp', []],
  'onelogin-idp-metadata.xml': ['idp', ['keys/expired-certificate'], ['keys/weak-signature-algorithm']],
  'google-workspace-idp-metadata.xml': ['idp', ['document/expired', 'keys/expired-certificate']],
  'adfs-v2-federationmetadata-signed.xml': ['idp', ['keys/expired-certificate', 'keys/expired-certificate']],
  'entra-id-common-federationmetadata-signed.xml': [
    'idp',
    ['keys/expired-certificate', 'keys/expired-certificate', 'keys/expired-certificate'],
    ['document/invalid-entity-id'],
  ],
  'auth0-idp-metadata.xml': ['idp', []],
  'keycloak-idp-metadata-http-localhost.xml': ['idp', []],
  'shibboleth-idp-samltest-id.xml': ['idp', []],
  'openam-idp-metadata.xml': ['idp', ['keys/expired-certificate']],
  'secureworks-idp-ca-issued-cert.xml': ['idp', ['keys/expired-certificate']],
  'sustainsys-stubidp-signed-metadata.xml': ['idp', ['document/expired'], ['keys/weak-key', 'keys/weak-signature-algorithm']],
  'idp-multiple-signing-certs-rollover.xml': ['idp', ['keys/expired-certificate', 'keys/expired-certificate'], ['keys/weak-key']],
  'mocksaml-idp-far-future-cert.xml': ['idp', []],
  'samlify-idp-keyinfo-wrong-namespace.xml': ['idp', ['keys/no-signing-key']],
  'testshib-aggregate-idp-and-sp.xml': ['aggregate', ['keys/expired-certificate']],
  'aggregate-two-idps-double-encoded-pem-certs.xml': [
    'aggregate',
    [
      'document/expired',
      'roles/multiple-idps',
      'keys/undecodable-certificate',
      'keys/undecodable-certificate',
      'keys/undecodable-certificate',
      'keys/undecodable-certificate',
    ],
  ],
  'microsoft-online-sp-metadata-signed.xml': ['sp', ['roles/sp-metadata', 'keys/expired-certificate', 'keys/expired-certificate']],
  'node-saml-sp-metadata-signed.xml': ['sp', ['roles/sp-metadata', 'keys/expired-certificate'], ['sso/insecure-location']],
  'sp-metadata-javascript-acs.xml': ['sp', ['document/expired', 'roles/sp-metadata', 'sso/dangerous-scheme']],
  'sp-metadata-expired-validuntil.xml': ['sp', ['document/expired', 'roles/sp-metadata', 'keys/expired-certificate']],
  'malformed-mismatched-tag.xml': ['not-metadata', ['xml/malformed']],
  'non-saml-root-element.xml': ['not-metadata', ['document/not-metadata']],
  'empty-file.xml': ['not-metadata', ['input/empty']],
  'two-root-elements.xml': ['not-metadata', ['xml/malformed']],
};

describe('the public metadata corpus', () => {
  const files = readdirSync(CORPUS)
    .filter((file) => file.endsWith('.xml'))
    .sort();

  it('is fully covered by these expectations', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', async (file) => {
    const [kind, errors, warnings = []] = EXPECTED[file]!;
    const report = await checkMetadata(new Uint8Array(readFileSync(join(CORPUS, file))), { file, now: NOW });
    expect(report.kind).toBe(kind);
    expect(
      report.findings
        .filter((finding) => finding.severity === 'error')
        .map((finding) => finding.ruleId)
        .sort(),
    ).toEqual([...errors].sort());
    const reported = report.findings.map((finding) => finding.ruleId);
    for (const warning of warnings) expect(reported).toContain(warning);
    expect(report.findings.filter((finding) => finding.ruleId === 'checker/internal-error')).toEqual([]);
    for (const finding of report.findings) expect(finding.reason.length).toBeGreaterThan(10);
  });

  it('trims NameIDFormat values and reads wrapped certificates (Okta)', async () => {
    const report = await checkMetadata(new Uint8Array(readFileSync(join(CORPUS, 'okta-idp-metadata.xml'))), { now: NOW });
    expect(report.entities[0]!.nameIdFormats.every((format) => format === format.trim() && format.startsWith('urn:'))).toBe(true);
    expect(report.entities[0]!.certificates[0]!.keySize).toBe(2048);
  });

  it('reads a certificate valid until the year 3021 (Mock SAML)', async () => {
    const report = await checkMetadata(new Uint8Array(readFileSync(join(CORPUS, 'mocksaml-idp-far-future-cert.xml'))), { now: NOW });
    expect(report.entities[0]!.certificates[0]!.notAfter).toBe('3021-07-01T21:46:38.000Z');
  });
});
