/**
 * X.509 certificates from `ds:X509Certificate` text, read with @peculiar/x509 (maintained, works
 * in browsers and Node); fingerprints come from WebCrypto. No ASN.1 is decoded by hand.
 */
import 'reflect-metadata';
import { X509Certificate } from '@peculiar/x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  selfSigned: boolean;
  /** `RSA`, `EC`, `Ed25519`, or the key algorithm's name. */
  keyType: string;
  /** Key size in bits (RSA modulus, EC curve size), when known. */
  keySize: number | undefined;
  /** Name of the certificate's own signature algorithm, e.g. `sha256WithRSAEncryption`. */
  signatureAlgorithm: string;
  /** The hash inside the signature algorithm, for weak-algorithm rules: `SHA-1`, `MD5`, `SHA-256` … */
  signatureHash: string | undefined;
  notBefore: Date;
  notAfter: Date;
  sha256: string;
  sha1: string;
  serialNumber: string;
}

export type CertificateResult =
  | { ok: true; certificate: CertificateInfo }
  | { ok: false; problem: 'empty' | 'too-large' | 'not-base64' | 'pem-inside-base64' | 'not-a-certificate'; message: string };

const SIGNATURE_ALGORITHMS: Record<string, [name: string, hash: string | undefined]> = {
  '1.2.840.113549.1.1.4': ['md5WithRSAEncryption', 'MD5'],
  '1.2.840.113549.1.1.5': ['sha1WithRSAEncryption', 'SHA-1'],
  '1.3.14.3.2.29': ['sha1WithRSAEncryption (OIW)', 'SHA-1'],
  '1.2.840.113549.1.1.10': ['RSASSA-PSS', undefined],
  '1.2.840.113549.1.1.11': ['sha256WithRSAEncryption', 'SHA-256'],
  '1.2.840.113549.1.1.12': ['sha384WithRSAEncryption', 'SHA-384'],
  '1.2.840.113549.1.1.13': ['sha512WithRSAEncryption', 'SHA-512'],
  '1.2.840.10045.4.1': ['ecdsa-with-SHA1', 'SHA-1'],
  '1.2.840.10045.4.3.2': ['ecdsa-with-SHA256', 'SHA-256'],
  '1.2.840.10045.4.3.3': ['ecdsa-with-SHA384', 'SHA-384'],
  '1.2.840.10045.4.3.4': ['ecdsa-with-SHA512', 'SHA-512'],
  '1.2.840.10040.4.3': ['dsa-with-sha1', 'SHA-1'],
  '2.16.840.1.101.3.4.3.2': ['dsa-with-sha256', 'SHA-256'],
  '1.3.101.112': ['Ed25519', undefined],
  '1.3.101.113': ['Ed448', undefined],
};

const CURVE_BITS: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521 };

// Aggregates repeat certificates across entities; parse each distinct one once.
const cache = new Map<string, Promise<CertificateResult>>();
const CACHE_LIMIT = 20_000;

/**
 * Real certificates are 1–8 KB of base64 (a 16384-bit RSA key with long chains of names stays
 * below 16 KB); anything over this is reported without being decoded, so a crafted file cannot make
 * the checker spend minutes and gigabytes on one element.
 */
export const MAX_CERTIFICATE_CHARS = 64 * 1024;

export function readCertificate(text: string): Promise<CertificateResult> {
  if (text.length > MAX_CERTIFICATE_CHARS) {
    return Promise.resolve({
      ok: false,
      problem: 'too-large',
      message: `The certificate text is ${Math.round(text.length / 1024)} KB; real certificates are a few KB, so it was not decoded.`,
    });
  }
  const base64 = text.replace(/\s+/g, '');
  let result = cache.get(base64);
  if (!result) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    result = parse(base64);
    cache.set(base64, result);
  }
  return result;
}

async function parse(base64: string): Promise<CertificateResult> {
  if (base64 === '') return { ok: false, problem: 'empty', message: 'The `X509Certificate` element is empty.' };
  if (base64.includes('-----BEGINCERTIFICATE-----')) {
    return parse(base64.replace(/-----(BEGIN|END)CERTIFICATE-----/g, ''));
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 === 1) {
    return { ok: false, problem: 'not-base64', message: 'The certificate text is not base64: it has characters other than A–Z, a–z, 0–9, `+`, `/` and `=`.' };
  }
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    return { ok: false, problem: 'not-base64', message: 'The certificate text is not valid base64.' };
  }
  const head = String.fromCharCode(...bytes.subarray(0, 40));
  if (head.startsWith('-----BEGIN')) {
    return {
      ok: false,
      problem: 'pem-inside-base64',
      message: 'The certificate was encoded twice: the base64 decodes to PEM text (`-----BEGIN CERTIFICATE-----`) instead of a DER certificate.',
    };
  }
  try {
    const certificate = new X509Certificate(bytes as Uint8Array<ArrayBuffer>);
    const asn = AsnConvert.parse(certificate.rawData, Certificate);
    const oid = asn.signatureAlgorithm.algorithm;
    const [signatureAlgorithm, signatureHash] = SIGNATURE_ALGORITHMS[oid] ?? [oid, undefined];
    const { keyType, keySize } = describeKey(certificate);
    const [sha256, sha1] = await Promise.all([certificate.getThumbprint('SHA-256'), certificate.getThumbprint('SHA-1')]);
    return {
      ok: true,
      certificate: {
        subject: certificate.subject,
        issuer: certificate.issuer,
        selfSigned: certificate.subject === certificate.issuer,
        keyType,
        keySize,
        signatureAlgorithm,
        signatureHash,
        notBefore: certificate.notBefore,
        notAfter: certificate.notAfter,
        sha256: hex(sha256),
        sha1: hex(sha1),
        serialNumber: certificate.serialNumber,
      },
    };
  } catch (error) {
    return {
      ok: false,
      problem: 'not-a-certificate',
      message: `The base64 does not decode to an X.509 certificate (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
}

function describeKey(certificate: X509Certificate): { keyType: string; keySize: number | undefined } {
  try {
    const algorithm = certificate.publicKey.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
    if (algorithm.modulusLength !== undefined) return { keyType: 'RSA', keySize: algorithm.modulusLength };
    if (algorithm.namedCurve !== undefined) return { keyType: 'EC', keySize: CURVE_BITS[algorithm.namedCurve] };
    return { keyType: algorithm.name, keySize: undefined };
  } catch {
    return { keyType: 'unknown', keySize: undefined };
  }
}

/** Colon-separated upper-case hex, as IdP consoles show fingerprints. */
function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
