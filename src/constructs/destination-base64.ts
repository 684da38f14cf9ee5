// The ClusterLogDestination fields log-shipper base64-decodes, checked the way it decodes them. The CRD
// describes them as "Base64-encoded ..." but has no pattern for it; log-shipper's destination builders
// (modules/460-log-shipper/hooks/internal/vector/destination/*.go) pass them through decodeB64, which calls Go's
// base64.StdEncoding.DecodeString and drops the error: a plain password or a PEM text there becomes garbage in
// the agent's configuration, and the destination refuses every batch with no message that says why.
import { valueAtPointer } from './json-values';
import { PropProblem } from './messages';
import { PRIVATE_KEY_PEM } from './private-key';
import { CLUSTER_LOG_DESTINATION_SCHEMA } from './schema-validation';
import { isSchemaObject } from './schema-walk';

// Base64 as Go's StdEncoding reads it: the standard alphabet, padded, "\r" and "\n" ignored anywhere (so the
// output of `base64` without -w0, wrapped at 76 columns, decodes too). Whole quartets, the last one ending in at
// most two "=": a length check and one character class, not a repeated group, whose backtracking V8 keeps on
// its stack (a 5 MB value threw "Maximum call stack size exceeded").
const STD_BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;

/** Whether Go's base64.StdEncoding decodes the value without an error. */
export function isStdBase64(value: string): boolean {
  const text = value.replace(/[\r\n]/g, '');
  return text.length % 4 === 0 && STD_BASE64_CHARACTERS.test(text);
}

/** The value decoded as Go's base64.StdEncoding decodes it (call only after {@link isStdBase64}). */
export function decodeStdBase64(value: string): string {
  return Buffer.from(value.replace(/[\r\n]/g, ''), 'base64').toString('utf8');
}

// Which fields are decoded, by the end of their path: the Basic password of Loki and Elasticsearch and the AWS
// keys (loki.go, elasticsearch.go), and the four TLS fields of every TLS block. Not decoded, so not here: the
// Loki Bearer token, the Splunk token and the Kafka SASL password (read as they are).
const DECODED_SUFFIXES = [
  '/auth/password',
  '/auth/awsAccessKey',
  '/auth/awsSecretKey',
  '/tls/caFile',
  '/tls/clientCrt/crtFile',
  '/tls/clientCrt/keyFile',
  '/tls/clientCrt/keyPass',
];

function decodedFieldsOf(schema: unknown, at: string, out: string[]): string[] {
  if (!isSchemaObject(schema) || !isSchemaObject(schema.properties)) return out;
  for (const [name, sub] of Object.entries(schema.properties)) {
    const pointer = `${at}/${name}`;
    if (isSchemaObject(sub) && sub.type === 'string' && DECODED_SUFFIXES.some((s) => pointer.endsWith(s))) {
      out.push(pointer);
    } else {
      decodedFieldsOf(sub, pointer, out);
    }
  }
  return out;
}

/**
 * The ClusterLogDestination fields log-shipper base64-decodes, as JSON pointers from the object's root
 * (`/spec/loki/auth/password`, `/spec/socket/tcp/tls/clientCrt/keyFile`, ...), found in the schema
 * (imports/schemas/clusterlogdestination.v1alpha1.json) by the field names above.
 */
export const BASE64_DECODED_FIELDS: readonly string[] = decodedFieldsOf(
  CLUSTER_LOG_DESTINATION_SCHEMA,
  '',
  [],
);

const FIX =
  'encode it: `echo -n "$VALUE" | base64 -w0` (for a file: `base64 -w0 FILE`), or base64Pem(pemText) from ' +
  'this package for PEM';

/**
 * The decoded fields of a rendered ClusterLogDestination whose value log-shipper cannot decode: not base64,
 * or (keyFile) not the base64 of a PEM private key. `field` of each problem is the pointer below `/spec`
 * (the caller words it as its prop); the value is never shown (most of these fields are secrets). caFile and
 * crtFile, which must decode to a PEM certificate, are checked with the TLS props.
 */
export function base64Problems(manifest: Record<string, unknown>): Array<PropProblem & { pointer: string }> {
  const problems: Array<PropProblem & { pointer: string }> = [];
  for (const pointer of BASE64_DECODED_FIELDS) {
    const value = valueAtPointer(manifest, pointer);
    if (typeof value !== 'string' || value === '') continue;
    if (pointer.endsWith('/caFile') || pointer.endsWith('/crtFile')) continue;
    const key = pointer.endsWith('/keyFile');
    const decodes = isStdBase64(value);
    if (decodes && (!key || PRIVATE_KEY_PEM.test(decodeStdBase64(value)))) continue;
    problems.push({
      pointer,
      field: pointer,
      showReceived: false,
      expected: key
        ? `the base64 of a PEM private key (PKCS#8; log-shipper base64-decodes this field)${decodes ? ', not of something else' : ''}`
        : 'a base64-encoded value (log-shipper base64-decodes this field and would use garbage instead)',
      fix: FIX,
    });
  }
  return problems;
}
