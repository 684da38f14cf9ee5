// Whether a value is a PEM private key: inline in a destination (credential-scan.ts) or in the Secret a
// tls.secretRef names (tls-secret.ts), a private key must not reach dist/ unless the user opted in.

// Linear in the value's length (a bounded pattern, one pass): a CA bundle of hundreds of kilobytes, or a
// hostile value, is checked in bounded time.
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/;
const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}$/;

/** Whether a value holds a PEM private key (PKCS#8, RSA, EC, ...), as text or base64-encoded. */
export function holdsPrivateKey(value: string): boolean {
  if (value.includes('PRIVATE KEY-----') && PRIVATE_KEY.test(value)) return true;
  if (value.length < 40 || !BASE64.test(value)) return false;
  const text = Buffer.from(value, 'base64').toString('latin1');
  return text.includes('PRIVATE KEY-----') && PRIVATE_KEY.test(text);
}
