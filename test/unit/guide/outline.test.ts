import { describe, expect, it } from 'vitest';
import { outlineOfSource } from '../../../src/lib/guide/read-outline';
import { numberSteps, STEP_NUMBER_MARKER } from '../../../src/lib/guide/number-steps';
import { joinAssetPath } from '../../../src/lib/guide/resolve-asset';

describe('guide outline', () => {
  it('slugs headings like the site and numbers steps per list', () => {
    const source = [
      '## Configure JumpCloud',
      '',
      '<Steps>',
      '<Step id="log-in" title="Log in">',
      'x',
      '</Step>',
      '<Step id="activate" title="Activate">',
      'y',
      '</Step>',
      '</Steps>',
      '',
      '## Configure JumpCloud',
      '',
      '### User Provisioning SSO+SCIM',
    ].join('\n');
    expect(outlineOfSource(source, 'g.mdx').map(({ place: _place, ...item }) => item)).toEqual([
      { kind: 'heading', depth: 2, id: 'configure-jumpcloud', text: 'Configure JumpCloud' },
      { kind: 'step', id: 'log-in', title: 'Log in', number: 1 },
      { kind: 'step', id: 'activate', title: 'Activate', number: 2 },
      { kind: 'heading', depth: 2, id: 'configure-jumpcloud-1', text: 'Configure JumpCloud' },
      { kind: 'heading', depth: 3, id: 'user-provisioning-ssoscim', text: 'User Provisioning SSO+SCIM' },
    ]);
  });

  it('gives an empty outline for MDX that does not parse', () => {
    expect(outlineOfSource('<Steps>\n', 'g.mdx')).toEqual([]);
  });
});

describe('numberSteps', () => {
  it('fills the markers in order and counts them', () => {
    const html = `<li>${STEP_NUMBER_MARKER}A</li><li>${STEP_NUMBER_MARKER}B</li>`;
    expect(numberSteps(html)).toEqual({
      html: '<li><span class="step-number" data-pagefind-ignore>1</span>A</li><li><span class="step-number" data-pagefind-ignore>2</span>B</li>',
      count: 2,
    });
  });
});

describe('joinAssetPath', () => {
  it.each([
    ['/content/latest', './images/x.png', '/content/latest/images/x.png'],
    ['/content/latest/idp', '../images/x.png', '/content/latest/images/x.png'],
    ['../../team/docs/latest', './a%20b.png', '../../team/docs/latest/a b.png'],
    ['/content/latest', 'images/x.svg?v=2', '/content/latest/images/x.svg'],
  ])('joins %s and %s', (folder, src, expected) => {
    expect(joinAssetPath(folder, src)).toBe(expected);
  });
});
