/**
 * Turns whatever an admin pastes (an SSO ID, any SSO Connect Cloud URL, Keeper's SP metadata XML)
 * into the SSO ID, the region and every Keeper URL, or a refusal that says why. It only ever builds
 * URLs on Keeper's six hosts. Pure: the widget, the CLI and the metadata checker share it.
 */
import { abbreviate } from '../findings.ts';
import { entityElements } from '../saml/entities.ts';
import { NS } from '../saml/namespaces.ts';
import { attr, childrenOf, parseXml, type XmlElement } from '../saml/xml-tree.ts';
import { fail, fromUrl, readKeeperValue, WHERE_TO_FIND, type LoginUrlOptions, type LoginUrlResult } from './keeper-value.ts';

export * from './keeper-value.ts';

export function computeLoginUrl(raw: string, options: LoginUrlOptions = {}): LoginUrlResult {
  return readKeeperValue(raw, options, fromMetadataXml);
}

function fromMetadataXml(value: string): LoginUrlResult {
  if (/<!DOCTYPE/i.test(value)) {
    return fail(
      'xml-doctype',
      'The XML has a DOCTYPE, which SAML metadata never needs and which can hide entity-expansion attacks; it was not read. Export the metadata from Keeper again.',
    );
  }
  // The metadata checker's reader: well-formedness first, namespaces resolved (not prefixes stripped).
  const parsed = parseXml(value);
  if (!parsed.ok) {
    const where = parsed.place ? ` at line ${parsed.place.line}, column ${parsed.place.column}` : '';
    return fail('xml-malformed', `The pasted XML is malformed${where} (${parsed.message}); copy the whole file again.`);
  }
  const entities = entityElements(parsed.root);
  if (entities.length === 0) {
    return fail('not-metadata', "The pasted XML is not SAML metadata (no `EntityDescriptor`); paste Keeper's SP metadata, its SP Entity ID or the SSO ID.");
  }
  const hasRole = (entity: XmlElement, local: string) => childrenOf(entity, NS.md, local).length > 0;
  for (const entity of entities) {
    if (!hasRole(entity, 'SPSSODescriptor')) continue;
    const result = fromUrl(attr(entity, 'entityID') ?? '');
    if (result.ok) return { ...result, input: 'sp-metadata-xml' };
  }
  const idp = entities.find((entity) => hasRole(entity, 'IDPSSODescriptor'));
  if (idp) {
    return fail(
      'idp-metadata',
      `This is your identity provider's metadata (\`${abbreviate(attr(idp, 'entityID') ?? '')}\`, with an IDPSSODescriptor), not Keeper's. It belongs in Keeper (step 5); for the Login URL, paste Keeper's SP metadata or SP Entity ID. ${WHERE_TO_FIND}`,
    );
  }
  return fail(
    'not-keeper-metadata',
    `The metadata's entityID \`${abbreviate(attr(entities[0]!, 'entityID') ?? '(none)')}\` is not a Keeper SP Entity ID; expected \`https://<Keeper host>/api/rest/sso/saml/<SSO ID>\`.`,
  );
}

export type { KeeperRegion, KeeperRegionId, KeeperUrls } from './regions.ts';
