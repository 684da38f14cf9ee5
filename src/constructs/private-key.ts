// Whether a value is a PEM private key: inline in a destination (credential-scan.ts) or in the Secret a
// tls.secretRef names (tls-secret.ts), a private key must not reach dist/ unless the user opted in.

// Linear in the value's length (a bounded pattern, one pass per layer): a CA bundle of hundreds of kilobytes,
// or a hostile value, is checked in bounded time.
/**
 * The header of a PEM private key (PKCS#8 `PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, `RSA PRIVATE KEY`, OpenSSH's
 * `OPENSSH PRIVATE KEY`, ...) or of an OpenPGP secret key (`PGP PRIVATE KEY BLOCK`, RFC 4880 section 6.2).
 */
export const PRIVATE_KEY_PEM = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}$/;

// Layers of base64 looked through. Two: the CRD describes the values of a tls.secretRef Secret as
// "Base64-encoded PEM", and a Secret's `data` encodes each value once more (so a key written as the CRD says
// sits in `data` encoded twice); inline fields are encoded once.
const BASE64_LAYERS = 2;

function isPemPrivateKey(text: string): boolean {
  return text.includes('PRIVATE KEY') && PRIVATE_KEY_PEM.test(text);
}

/** Whether a value holds a PEM private key (PKCS#8, RSA, EC, ...), as text or base64-encoded up to twice. */
export function holdsPrivateKey(value: string): boolean {
  let text = value;
  for (let layer = 0; ; layer++) {
    if (isPemPrivateKey(text)) return true;
    if (layer === BASE64_LAYERS || text.length < 40 || !BASE64.test(text)) return false;
    text = Buffer.from(text, 'base64').toString('latin1');
  }
}
