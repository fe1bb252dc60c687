/**
 * Bytes of a file to text: encoding from the byte-order mark, else from the XML declaration, else
 * UTF-8 (with a UTF-16 guess when every other byte is zero). Works on Uint8Array, in any runtime.
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: string; bom: boolean }
  | { ok: false; problem: 'unsupported-encoding' | 'invalid-bytes'; encoding: string; message: string };

const SUPPORTED = new Map<string, string>([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['utf-16', 'utf-16le'],
  ['utf-16le', 'utf-16le'],
  ['utf-16be', 'utf-16be'],
  ['iso-8859-1', 'iso-8859-1'],
  ['latin1', 'iso-8859-1'],
  ['windows-1252', 'windows-1252'],
  ['us-ascii', 'utf-8'],
  ['ascii', 'utf-8'],
]);

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  let encoding = 'utf-8';
  let start = 0;
  let bom = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
    bom = true;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
    bom = true;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    start = 2;
    bom = true;
  } else if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) {
    encoding = 'utf-16le';
  } else if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) {
    encoding = 'utf-16be';
  } else {
    // Only ASCII can precede the encoding name, so reading the head as Latin-1 is safe.
    const head = String.fromCharCode(...bytes.subarray(0, 200));
    const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
    if (declared !== undefined) {
      const known = SUPPORTED.get(declared);
      if (!known) {
        return {
          ok: false,
          problem: 'unsupported-encoding',
          encoding: declared,
          message: `The XML declaration names encoding \`${declared}\`, which the checker cannot read; expected UTF-8 or UTF-16.`,
        };
      }
      encoding = known;
    }
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
    return { ok: true, text, encoding: encoding.toUpperCase(), bom };
  } catch {
    return {
      ok: false,
      problem: 'invalid-bytes',
      encoding: encoding.toUpperCase(),
      message: `The file is not valid ${encoding.toUpperCase()}: some bytes do not form characters. It may be a different encoding than its declaration says, or not a text file at all.`,
    };
  }
}
