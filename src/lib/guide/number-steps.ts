/**
 * Numbers the steps of one rendered `<Steps>` list. `<Step>` cannot know its position, so it emits a
 * marker and `<Steps>` fills the markers in order. Nested lists are numbered first (their markers are
 * already gone when the outer list runs), so sub-steps restart at 1.
 */
export const STEP_NUMBER_MARKER = '<span class="step-number" data-step-number></span>';

export function numberSteps(html: string): { html: string; count: number } {
  let count = 0;
  const numbered = html.replaceAll(STEP_NUMBER_MARKER, () => {
    count += 1;
    // Kept out of the search index, so results read "Upload the metadata", not "3Upload the metadata".
    return `<span class="step-number" data-pagefind-ignore>${count}</span>`;
  });
  return { html: numbered, count };
}
