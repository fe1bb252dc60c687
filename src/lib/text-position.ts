/** Character offsets to 1-based line and column, with the line starts found once per text. */
import type { Place } from './findings.ts';

/** Line breaks as Markdown and XML parsers count them: CRLF, LF, and a lone CR (old Mac files). */
export const LINE_BREAK = /\r\n|\r|\n/;

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** The lines of a text, whichever line breaks it uses. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** A function from offset to place, for texts that report many places. */
export function placeFinder(text: string): (offset: number) => Place {
  let starts: number[] | undefined;
  return (offset) => {
    starts ??= lineStarts(text);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}
