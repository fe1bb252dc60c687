/**
 * Thousands of random mutations of real metadata: the engine must never throw and must always
 * return a well-formed report. Seeded, so a failure reproduces; the seed is in the test name.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMetadata } from '../../../src/lib/keeper/metadata-rules';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus/metadata');
const BASES = [
  'okta-idp-metadata.xml',
  'adfs-v2-federationmetadata-signed.xml',
  'testshib-aggregate-idp-and-sp.xml',
  'samlify-idp-keyinfo-wrong-namespace.xml',
  'node-saml-sp-metadata-signed.xml',
];
const MUTATIONS_PER_FILE = 600;
const SEED = 20261128;

/** mulberry32: a small, well-distributed seeded generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPICE = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  '=',
  ':',
  ' ',
  '\u0000',
  '\uFFFF',
  '&lt;',
  '&#0;',
  '&#x110000;',
  '<!DOCTYPE x>',
  '<![CDATA[',
  ']]>',
  '<!--',
  'xmlns:md="x"',
  'use="signing"',
  'MII',
  '-----BEGIN',
  '\r\n',
];

function mutate(text: string, next: () => number): string {
  let result = text;
  const steps = 1 + Math.floor(next() * 4);
  for (let step = 0; step < steps; step += 1) {
    const at = Math.floor(next() * result.length);
    const length = Math.floor(next() * 64);
    switch (Math.floor(next() * 6)) {
      case 0:
        result = result.slice(0, at) + result.slice(at + length);
        break;
      case 1:
        result = result.slice(0, at) + SPICE[Math.floor(next() * SPICE.length)] + result.slice(at);
        break;
      case 2:
        result = result.slice(0, at) + result.slice(at, at + length).repeat(2 + Math.floor(next() * 3)) + result.slice(at + length);
        break;
      case 3:
        result = result.slice(0, at);
        break;
      case 4:
        result = result.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x3000)) + result.slice(at + 1);
        break;
      default: {
        const from = Math.floor(next() * result.length);
        result = result.slice(0, at) + result.slice(from, from + length) + result.slice(at);
      }
    }
  }
  return result;
}

describe('fuzzing the metadata engine', () => {
  it.each(BASES)(`never throws on ${MUTATIONS_PER_FILE} mutations of %s (seed ${SEED})`, async (file) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const next = random(SEED + file.length);
    const kinds = new Set<string>();
    for (let index = 0; index < MUTATIONS_PER_FILE; index += 1) {
      const mutated = mutate(text, next);
      // Some mutations also damage the bytes below the text level.
      const bytes = new TextEncoder().encode(mutated);
      if (index % 10 === 0 && bytes.length > 0) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      const report = await checkMetadata(bytes, { now: new Date('2026-11-28T00:00:00Z') });
      expect(report.counts.error + report.counts.warning + report.counts.info).toBe(report.findings.length);
      expect(['idp', 'sp', 'aggregate', 'other', 'not-metadata']).toContain(report.kind);
      kinds.add(report.kind);
      const internal = report.findings.filter((finding) => finding.ruleId === 'checker/internal-error');
      if (internal.length > 0) throw new Error(`mutation ${index} of ${file} broke a rule: ${internal.map((finding) => finding.reason).join('; ')}`);
    }
    // The mutations reach both broken and still-valid documents.
    expect(kinds.has('not-metadata')).toBe(true);
    expect(kinds.size).toBeGreaterThan(1);
  });
});

/** `javascript:` as a hostile file writes it: any letter case, characters as references, tabs and newlines inside, controls before. */
function obfuscatedScheme(next: () => number): string {
  const letters = [...'javascript'].map((char) => {
    const cased = next() < 0.5 ? char.toUpperCase() : char;
    const roll = next();
    const written = roll < 0.2 ? `&#${cased.charCodeAt(0)};` : roll < 0.4 ? `&#x${cased.charCodeAt(0).toString(16)};` : cased;
    return written + (next() < 0.15 ? ['&#9;', '&#10;', '&#13;', '\t'][Math.floor(next() * 4)] : '');
  });
  const lead = next() < 0.5 ? ['&#1;', '&#31;', ' ', '&#x20;'][Math.floor(next() * 4)]!.repeat(1 + Math.floor(next() * 3)) : '';
  return `${lead}${letters.join('')}:alert(1)`;
}

/** A prolog of whitespace, a byte order mark, comments and processing instructions in any order and length. */
function prolog(next: () => number): string {
  const parts = ['\uFEFF', ' ', '\n', '\r\n', '\t', '<!-- note -->', '<!---->', '<?pi data?>', '<?xml-stylesheet href="x"?>', `<!--${'-x'.repeat(200)}-->`];
  let text = next() < 0.5 ? '<?xml version="1.0" encoding="UTF-8"?>' : '';
  for (let count = Math.floor(next() * 12); count > 0; count -= 1) text += parts[Math.floor(next() * parts.length)]!;
  return text;
}

describe('fuzzing the classes hostile files use', () => {
  const okta = readFileSync(join(CORPUS, 'okta-idp-metadata.xml'), 'utf8');
  const now = new Date('2026-11-28T00:00:00Z');

  it(`judges 300 obfuscated \`javascript:\` sign-in URLs as errors, never ready to upload (seed ${SEED})`, async () => {
    const next = random(SEED + 1);
    for (let index = 0; index < 300; index += 1) {
      const location = obfuscatedScheme(next);
      const report = await checkMetadata(new TextEncoder().encode(okta.replace(/Location="[^"]*"/, `Location="${location}"`)), { now });
      const found = report.findings.find((finding) => finding.ruleId === 'sso/dangerous-scheme');
      if (found?.severity !== 'error')
        throw new Error(`Location="${location}" was not refused: ${report.findings.map((finding) => finding.ruleId).join(', ')}`);
    }
  });

  it(`finds a DOCTYPE behind 300 random prologs (seed ${SEED})`, async () => {
    const next = random(SEED + 2);
    for (let index = 0; index < 300; index += 1) {
      const head = prolog(next);
      const report = await checkMetadata(
        new TextEncoder().encode(`${head}<!DOCTYPE md:EntityDescriptor [<!ENTITY x "y">]>\n${okta.replace(/^<\?xml[^>]*>\s*/, '')}`),
        { now },
      );
      if (!report.findings.some((finding) => finding.ruleId === 'xml/doctype'))
        throw new Error(`a DOCTYPE after ${JSON.stringify(head.slice(0, 80))} was not found`);
    }
  });

  it('calls an aggregate empty at every depth of nesting, from 1 to 60 levels', async () => {
    for (let depth = 1; depth <= 60; depth += 1) {
      const inner = '<md:EntitiesDescriptor>'.repeat(depth - 1) + '</md:EntitiesDescriptor>'.repeat(depth - 1);
      const report = await checkMetadata(
        new TextEncoder().encode(`<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${inner}</md:EntitiesDescriptor>`),
        { now, expect: 'idp' },
      );
      expect(report.counts.error, `depth ${depth}`).toBeGreaterThan(0);
    }
  });
});
