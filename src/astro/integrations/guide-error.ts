/**
 * An error Astro prints as our message and location only: authors need `file:line:col` and the fix,
 * not a stack trace through the bundler (Astro prints `err.stack` whenever it is set).
 */
export function guideError(message: string, file: string, place: { line: number; column: number } | undefined): Error {
  const error = Object.assign(new Error(message), { id: file, ...(place ? { loc: { file, line: place.line, column: place.column } } : {}) });
  error.name = 'GuideValidationError';
  error.stack = '';
  return error;
}
