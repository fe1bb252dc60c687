/**
 * Edit distance with adjacent transpositions counted as one edit (`Hnit` → `Hint` is 1), for
 * "did you mean". With a `limit`, it gives up as soon as the distance must exceed it, which keeps
 * suggestions cheap when a checker compares one typo against thousands of candidates.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Paths share long prefixes and suffixes (`latest/guide-…/`); only the middle needs the table.
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end += 1;
  // Keep one shared character on each side so a transposition across the cut is still seen.
  const from = Math.max(0, start - 1);
  const trim = Math.max(0, end - 1);
  return tableDistance(a, from, a.length - trim, b, from, b.length - trim, limit);
}

/** Optimal-string-alignment distance of a[aFrom, aTo) and b[bFrom, bTo), three rows of typed arrays. */
function tableDistance(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number, limit: number): number {
  const n = aTo - aFrom;
  const m = bTo - bFrom;
  if (Math.abs(n - m) > limit) return limit + 1;
  let before = new Int32Array(m + 1);
  let previous = new Int32Array(m + 1);
  let row = new Int32Array(m + 1);
  for (let j = 0; j <= m; j += 1) previous[j] = j;
  for (let i = 1; i <= n; i += 1) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(aFrom + i - 1);
    const aPrevious = i > 1 ? a.charCodeAt(aFrom + i - 2) : -1;
    for (let j = 1; j <= m; j += 1) {
      const bj = b.charCodeAt(bFrom + j - 1);
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(bFrom + j - 2) && aPrevious === bj) best = Math.min(best, before[j - 2]! + 1);
      row[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return limit + 1;
    const spare = before;
    before = previous;
    previous = row;
    row = spare;
  }
  return previous[m]!;
}

/**
 * The candidate a typo most likely meant: one that starts with what was written (`warn` →
 * `warning`), else the nearest within a third of the word's length. Undefined when nothing is close.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).suggest(word);
}

/**
 * `closest` over a fixed candidate list, prepared once: a checker asks for suggestions hundreds of
 * times against the same thousands of routes or files.
 */
export class Suggester {
  readonly #candidates: Array<{ original: string; lower: string }>;

  constructor(candidates: Iterable<string>) {
    this.#candidates = [...candidates].map((original) => ({ original, lower: original.toLowerCase() }));
  }

  suggest(word: string): string | undefined {
    const lower = word.toLowerCase();
    if (lower.length >= 3) {
      let prefixed: string | undefined;
      let count = 0;
      for (const candidate of this.#candidates) {
        if (candidate.lower.startsWith(lower)) {
          prefixed = candidate.original;
          count += 1;
        }
      }
      if (count === 1) return prefixed;
    }
    const limit = Math.max(1, Math.floor(word.length / 3));
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of this.#candidates) {
      if (Math.abs(candidate.lower.length - lower.length) >= bestDistance) continue;
      const distance = editDistance(lower, candidate.lower, bestDistance - 1);
      if (distance < bestDistance) {
        best = candidate.original;
        bestDistance = distance;
      }
    }
    return best;
  }
}
