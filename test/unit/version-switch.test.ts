import { describe, expect, it } from 'vitest';
import { switchTarget, switchTargets } from '../../src/lib/version-switch';
import { parseVersions, type Version } from '../../src/lib/versions';

const latest: Version = { id: 'latest', label: 'Latest', status: 'current' };
const old: Version = { id: '1.0', label: '1.0', status: 'supported' };
const pages = new Map([
  ['latest', new Set(['jumpcloud', 'idp', 'idp/okta'])],
  ['1.0', new Set(['jumpcloud', 'idp'])],
]);

describe('version switcher mapping', () => {
  it('keeps the reader on the same page when it exists in the target version', () => {
    expect(switchTargets('jumpcloud', [latest, old], pages).map(({ path, match }) => [path, match])).toEqual([
      ['latest/jumpcloud/', 'same'],
      ['1.0/jumpcloud/', 'same'],
    ]);
  });

  it('goes to the nearest parent when the page is missing, else home, and says which', () => {
    expect(switchTarget('idp/okta', old, pages.get('1.0')!)).toEqual({ version: old, path: '1.0/idp/', match: 'parent' });
    expect(switchTarget('writing', old, pages.get('1.0')!)).toEqual({ version: old, path: '1.0/', match: 'home' });
    expect(switchTarget('', old, pages.get('1.0')!)).toEqual({ version: old, path: '1.0/', match: 'same' });
  });

  it('treats an unknown version as one with no pages', () => {
    const future: Version = { id: '9.9', label: '9.9', status: 'supported' };
    expect(switchTargets('jumpcloud', [future], pages)[0]).toEqual({ version: future, path: '9.9/', match: 'home' });
  });
});

describe('the version list', () => {
  it('accepts a valid list and keeps optional release dates', () => {
    expect(
      parseVersions([
        { id: 'latest', label: 'Latest', status: 'current' },
        { id: '1.0', label: '1.0', status: 'supported', released: '2026-11-28' },
      ]),
    ).toEqual([
      { id: 'latest', label: 'Latest', status: 'current' },
      { id: '1.0', label: '1.0', status: 'supported', released: '2026-11-28' },
    ]);
  });

  it('keeps `latest` for the current version, the stable alias of the current guides', () => {
    expect(() =>
      parseVersions([
        { id: '2.0', label: '2.0', status: 'current' },
        { id: 'latest', label: 'Old', status: 'supported' },
      ]),
    ).toThrow('expected `latest` to be the current version');
  });

  it('names the file and the field of every problem', () => {
    expect(() =>
      parseVersions(
        [
          { id: 'Bad Id', label: '', status: 'current' },
          { id: 'x', label: 'X', status: 'current' },
        ],
        'content/versions.json',
      ),
    ).toThrow(
      'content/versions.json is not a valid version list:\n  0.id: expected lowercase letters, digits, `.`, `_` or `-` (at most 32), e.g. `2025.1`\n  0.label: expected a label shown in the version switcher\n  (list): expected exactly one version with status `current`',
    );
  });
});

describe('version switcher across a move', () => {
  const pages = new Map([
    ['latest', new Set(['identity-providers/jumpcloud'])],
    ['1.0', new Set(['jumpcloud'])],
  ]);
  const movedByVersion = new Map([['latest', new Map([['jumpcloud', 'identity-providers/jumpcloud']])]]);

  it('follows a page to the path it moved to, and back to the path it had', () => {
    expect(switchTargets('jumpcloud', [latest, old], pages, { movedByVersion }).map(({ path, match }) => [path, match])).toEqual([
      ['latest/identity-providers/jumpcloud/', 'same'],
      ['1.0/jumpcloud/', 'same'],
    ]);
    expect(
      switchTargets('identity-providers/jumpcloud', [latest, old], pages, { formerSlugs: ['jumpcloud'], movedByVersion }).map(({ path, match }) => [
        path,
        match,
      ]),
    ).toEqual([
      ['latest/identity-providers/jumpcloud/', 'same'],
      ['1.0/jumpcloud/', 'same'],
    ]);
  });
});
