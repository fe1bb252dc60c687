/**
 * GitBook's `{% name args %}` … `{% endname %}` block tags, found without touching code: tags inside
 * fenced code blocks and code spans are left as text. A tag is a container when its `end` tag follows;
 * otherwise it stands alone (`{% embed %}`, `{% include %}`, legacy tags left unclosed).
 */
export interface TextSegment {
  kind: 'text';
  text: string;
  /** Offset of the text in the original source, for line numbers in reports. */
  offset: number;
}

export interface BlockSegment {
  kind: 'block';
  name: string;
  args: Record<string, string>;
  /** The tag as written, for reports and for keeping unknown blocks readable. */
  raw: string;
  offset: number;
  children: Segment[];
  /** False for a container whose end tag never came. */
  closed: boolean;
}

export type Segment = TextSegment | BlockSegment;

const TAG = /\{%\s*(end)?([a-zA-Z][\w-]*)\s*([\s\S]*?)\s*%\}/g;

/** Offsets covered by fenced code blocks and inline code spans. */
function codeRanges(source: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const fence = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n\1?\2[`~]*[ \t]*(?=\n|$)|$)/gm;
  for (const match of source.matchAll(fence)) ranges.push([match.index, match.index + match[0].length]);
  const inFence = (offset: number) => ranges.some(([start, end]) => offset >= start && offset < end);
  for (const match of source.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    if (!inFence(match.index) && !match[0].includes('\n\n')) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

export function parseArgs(text: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) args[match[1]!] = match[2] ?? match[3] ?? match[4] ?? '';
  const bare = /^"([^"]*)"$|^'([^']*)'$/.exec(text.trim());
  if (bare) args[''] = bare[1] ?? bare[2] ?? '';
  return args;
}

export function tokenize(source: string): Segment[] {
  const code = codeRanges(source);
  const tags = [...source.matchAll(TAG)].filter((match) => !code.some(([start, end]) => match.index >= start && match.index < end));
  const root: BlockSegment = { kind: 'block', name: '#root', args: {}, raw: '', offset: 0, children: [], closed: true };
  const stack: BlockSegment[] = [root];
  let cursor = 0;
  const pushText = (end: number) => {
    if (end > cursor) stack.at(-1)!.children.push({ kind: 'text', text: source.slice(cursor, end), offset: cursor });
  };
  for (let index = 0; index < tags.length; index += 1) {
    const match = tags[index]!;
    const [raw, end, name] = [match[0], match[1], match[2]!.toLowerCase()];
    pushText(match.index);
    cursor = match.index + raw.length;
    if (end) {
      const open = stack.findLastIndex((block) => block.name === name);
      if (open > 0) {
        for (const unclosed of stack.splice(open + 1)) unclosed.closed = false;
        stack.pop();
      }
      // An end tag without its start is dropped; the report lists it.
      continue;
    }
    const block: BlockSegment = { kind: 'block', name, args: parseArgs(match[3] ?? ''), raw, offset: match.index, children: [], closed: true };
    stack.at(-1)!.children.push(block);
    const closes = tags.slice(index + 1).some((later) => later[1] && later[2]!.toLowerCase() === name);
    if (closes) stack.push(block);
  }
  pushText(source.length);
  for (const unclosed of stack.slice(1)) unclosed.closed = false;
  return root.children;
}
