import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { importFigureImages } from '../../../src/lib/guide/figure-imports';
import { parseContent } from '../../../src/lib/mdx/mdast';

function rewrite(source: string): string | null {
  const parsed = parseContent(source, 'guide.mdx');
  if (!parsed.ok) throw new Error(parsed.finding.reason);
  return importFigureImages(source, parsed.tree);
}

describe('importFigureImages', () => {
  it('turns each local Figure src into an import of the file, appended at the end', () => {
    const source = ['# Guide', '', '<Figure src="./images/a.png" alt="A" caption="First" />', '', 'Text.', ''].join('\n');
    expect(rewrite(source)).toBe(
      [
        '# Guide',
        '',
        '<Figure src={__stepdocsFigure0} alt="A" caption="First" />',
        '',
        'Text.',
        '',
        'import __stepdocsFigure0 from "./images/a.png";',
        '',
      ].join('\n'),
    );
  });

  it('imports a file used twice once, and handles single quotes and tags over several lines', () => {
    const source = [
      "<Figure src='./images/a.svg' alt='A' />",
      '',
      '<Figure',
      '  alt="Again"',
      '  src="./images/a.svg"',
      '/>',
      '',
      '<Figure src="../shared/b.png" alt="B" />',
    ].join('\n');
    const result = rewrite(source)!;
    expect(result).toContain("<Figure src={__stepdocsFigure0} alt='A' />");
    expect(result).toContain('  src={__stepdocsFigure0}\n');
    expect(result).toContain('<Figure src={__stepdocsFigure1} alt="B" />');
    expect(result.endsWith('import __stepdocsFigure0 from "./images/a.svg";\nimport __stepdocsFigure1 from "../shared/b.png";\n')).toBe(true);
  });

  it('keeps every line where it was, so positions in later errors still match the file', () => {
    const source = ['---', 'title: x', '---', '', '<Figure src="./images/a.png" alt="A" />', '', '## Later', ''].join('\n');
    const lines = rewrite(source)!.split('\n');
    expect(lines[6]).toBe('## Later');
    expect(lines[4]).toBe('<Figure src={__stepdocsFigure0} alt="A" />');
  });

  it('makes a bare relative path explicit and decodes escaped characters for the bundler', () => {
    expect(rewrite('<Figure src="images/my%20diagram.svg" alt="A" />')).toContain('import __stepdocsFigure0 from "./images/my diagram.svg";');
  });

  it('leaves pages without local figures alone', () => {
    expect(rewrite('# Just text\n\n<Hint type="info">x</Hint>\n')).toBeNull();
    expect(rewrite('<Figure src="https://example.com/a.png" alt="A" />\n')).toBeNull();
    expect(rewrite('<Figure src={image} alt="A" />\n')).toBeNull();
  });

  it('writes MDX that compiles, with the image bound to the import', () => {
    const { code } = mdxToJs(rewrite('<Figure src="./images/a.png" alt="A" />\n')!) as { code: string };
    expect(code).toContain('import __stepdocsFigure0 from "./images/a.png";');
    expect(code).toMatch(/src: __stepdocsFigure0/);
  });
});
