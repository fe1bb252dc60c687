/**
 * URL text as a browser reads it. A URL's scheme as a browser decides it: after the WHATWG URL parser's clean-up (leading and
 * trailing C0 controls and spaces dropped, tabs and newlines removed anywhere), so `java	script:`,
 * `\u0001javascript:` and `JAVASCRIPT:` are all `javascript`. The value is the attribute as the
 * browser sees it, character references already decoded (`java&#9;script:` arrives with its tab).
 */

/** Schemes that run code or smuggle content when followed: never a link target in docs or metadata. */
export const DANGEROUS_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data', 'file', 'blob']);

/** The lowercase scheme (`https`, `javascript`), or undefined for a relative reference. */
export function urlScheme(value: string): string | undefined {
  // A relative reference (`./a.mdx`, `/x/`, `#y`, `//host/`) has no scheme; only an absolute URL parses alone.
  if (!URL.canParse(value)) return undefined;
  return new URL(value).protocol.slice(0, -1);
}

export function isDangerousUrl(value: string): boolean {
  const scheme = urlScheme(value);
  return scheme !== undefined && DANGEROUS_SCHEMES.has(scheme);
}

/** A percent-decoded URL part, or the text as written when an escape is malformed (`%zz`): a finding, never a crash. */
export function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `decodeURI` that keeps a malformed escape as written instead of throwing. */
export function decodeUriSafely(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
