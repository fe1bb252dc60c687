/**
 * GitBook's `{% name args %}` … `{% endname %}` block tags, found without touching code: the caller
 * passes the ranges of code (fenced blocks and code spans, found by the Markdown parser, not by a
 * pattern), and tags inside them stay text. A tag is a container when its `end` tag follows;
 * otherwise it stands alone (`{% embed %}`, `{% include %}`, legacy tags left unclosed). An end tag
 * without its start becomes an `orphan` segment so the importer can report it.
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
  /** Offset just past the block's end tag (or past its start tag when it has none). */
  end: number;
  children: Segment[];
  /** False for a container whose end tag never came. */
  closed: boolean;
}

export interface OrphanSegment {
  kind: 'orphan';
  raw: string;
  name: string;
  offset: number;
}

export type Segment = TextSegment | BlockSegment | OrphanSegment;

const TAG = /\{%\s*(end)?([a-zA-Z][\w-]*)\s*([\s\S]*?)\s*%\}/g;

export function parseArgs(text: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) args[match[1]!] = match[2] ?? match[3] ?? match[4] ?? '';
  const bare = /^"([^"]*)"$|^'([^']*)'$/.exec(text.trim());
  if (bare) args[''] = bare[1] ?? bare[2] ?? '';
  return args;
}

/** Splits `source` at GitBook block tags that lie outside `code` (sorted or not, as [start, end) offsets). */
export function tokenize(source: string, code: ReadonlyArray<readonly [number, number]> = []): Segment[] {
  const inCode = (offset: number) => code.some(([start, end]) => offset >= start && offset < end);
  const tags = [...source.matchAll(TAG)].filter((match) => !inCode(match.index));
  const root: BlockSegment = { kind: 'block', name: '#root', args: {}, raw: '', offset: 0, end: source.length, children: [], closed: true };
  const stack: BlockSegment[] = [root];
  // Where each name's last end tag is: a start tag before it is a container.
  const lastEnd = new Map<string, number>();
  tags.forEach((match, index) => {
    if (match[1]) lastEnd.set(match[2]!.toLowerCase(), index);
  });
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
        for (const unclosed of stack.splice(open + 1)) {
          unclosed.closed = false;
          unclosed.end = match.index;
        }
        stack.pop()!.end = cursor;
      } else {
        stack.at(-1)!.children.push({ kind: 'orphan', raw, name, offset: match.index });
      }
      continue;
    }
    const block: BlockSegment = { kind: 'block', name, args: parseArgs(match[3] ?? ''), raw, offset: match.index, end: cursor, children: [], closed: true };
    stack.at(-1)!.children.push(block);
    if ((lastEnd.get(name) ?? -1) > index) stack.push(block);
  }
  pushText(source.length);
  for (const unclosed of stack.slice(1)) {
    unclosed.closed = false;
    unclosed.end = source.length;
  }
  return root.children;
}
