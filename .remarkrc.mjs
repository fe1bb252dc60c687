// `npx remark content --ext mdx --quiet --frail` and editors with the unified language server
// (VS Code: the "remark" extension) report what `npm run check` reports, where the author types.
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStepdocs from './src/remark/stepdocs.ts';

export default { plugins: [remarkFrontmatter, remarkGfm, remarkMdx, remarkStepdocs] };
