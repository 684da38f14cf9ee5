// One scanner for inline credentials in a rendered ClusterLogDestination: the CRD's credential fields
// (from its schema) and the places a credential hides elsewhere (a URL's user:password, a secret-looking
// query parameter, a PEM private key in a certificate field, a token-shaped label value).
import { escapePointerSegment } from './json-values';
import { holdsPrivateKey } from './private-key';
import { CLUSTER_LOG_DESTINATION_SCHEMA } from './schema-validation';
import { isSchemaObject } from './schema-walk';
import {
  holdsUserinfo,
  isSecretKeyName,
  isSecretLabelName,
  isTemplate,
  secretQueryParameter,
  tokenShape,
} from './secret-values';
import { TLS_SECRET_CONTRACT } from './tls-secret';

/** What kind of inline credential a finding is. */
export type CredentialKind = 'field' | 'url-userinfo' | 'query-parameter' | 'private-key' | 'token';

/** One inline credential in an object. */
export interface CredentialFinding {
  /** JSON pointer of the value in the object, e.g. `/spec/loki/auth/password`. */
  readonly pointer: string;
  /** Where it was found: a credential field, an address, a query parameter, a private key, a token. */
  readonly kind: CredentialKind;
  /** What was found, in words, without an article ("password", "credentials in the address (user:password@)"). */
  readonly what: string;
  /** How to keep it out of the manifests. */
  readonly fix: string;
  /**
   * Refused even with `allowInlineCredentials`: a private key in a field meant for a certificate is
   * a mistake, not a choice.
   */
  readonly always: boolean;
}

// Names of the CRD's secret fields beyond `format: password` (which marks only some of them): Loki/Splunk
// `token`, `keyPass`, Kafka `sasl.password`, the AWS keys of Elasticsearch.
const SECRET_FIELD_NAME = /^(password|token|keyFile|keyPass|awsAccessKey|awsSecretKey)$/;

function credentialFieldsOf(schema: unknown, at: string, out: string[]): string[] {
  if (!isSchemaObject(schema)) return out;
  if (isSchemaObject(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) {
      const pointer = `${at}/${name}`;
      if (
        isSchemaObject(sub) &&
        sub.type === 'string' &&
        (sub.format === 'password' || SECRET_FIELD_NAME.test(name))
      )
        out.push(pointer);
      else credentialFieldsOf(sub, pointer, out);
    }
  }
  if (isSchemaObject(schema.items)) credentialFieldsOf(schema.items, `${at}/*`, out);
  return out;
}

/**
 * The credential fields of ClusterLogDestination, as JSON pointers (`*` for an array item): the string
 * fields the CRD marks `format: password`, and its other secrets by name (token, keyPass, the SASL
 * password, the AWS keys). Source: imports/schemas/clusterlogdestination.v1alpha1.json.
 */
export const CREDENTIAL_FIELDS: readonly string[] = credentialFieldsOf(
  CLUSTER_LOG_DESTINATION_SCHEMA,
  '',
  [],
);

const CREDENTIAL_POINTERS = new Set(CREDENTIAL_FIELDS);
// No credential field is deeper than this many segments: deeper pointers are not compared at all, which
// keeps the scan linear on a deeply nested object.
const CREDENTIAL_DEPTH = Math.max(...CREDENTIAL_FIELDS.map((f) => f.split('/').length - 1));

/** True for a JSON pointer (from the object's root) at one of {@link CREDENTIAL_FIELDS}. */
export function isCredentialField(pointer: string): boolean {
  return CREDENTIAL_POINTERS.has(pointer.replace(/\/\d+(?=\/|$)/g, '/*'));
}

// Values that are regular expressions or conditions (transformations, rate-limit filters): a URL pattern
// in them is not a URL.
const PATTERN_FIELD = /\/(source|regex|when|values)(\/\d+)?$/;

const AUTH_FIX =
  'this value would be committed to Git in clear text with the manifests (base64 is not encryption), and ' +
  'Deckhouse reads these credentials only inline: prefer a destination that authenticates by network ' +
  `policy or a client certificate from a Secret (tls.secretRef.name: ${TLS_SECRET_CONTRACT}), or, if the ` +
  'manifests are encrypted (SOPS, sealed secrets), set allowInlineCredentials: true on this destination';

const TLS_KEY_FIX =
  'this value would be committed to Git in clear text with the manifests (base64 is not encryption): put ' +
  `the certificate and its key in a Secret and set tls.secretRef.name (${TLS_SECRET_CONTRACT}); or, if the ` +
  'manifests are encrypted (SOPS, sealed secrets), set allowInlineCredentials: true on this destination';

const IN_VALUE_FIX =
  'it would be committed to Git in clear text and sent to the destination: remove it, and authenticate ' +
  `with the destination's own fields (auth, sasl) or a client certificate from a Secret (tls.secretRef.name: ` +
  `${TLS_SECRET_CONTRACT}); if the manifests are encrypted and this is meant, set allowInlineCredentials: true`;

const FIELD_WHAT: Readonly<Record<string, string>> = {
  password: 'password',
  token: 'token',
  keyFile: 'private key',
  keyPass: 'key pass phrase',
  awsAccessKey: 'AWS access key',
  awsSecretKey: 'AWS secret key',
};

function scanString(
  pointer: string,
  value: string,
  key: string | undefined,
  credentialField: boolean,
): CredentialFinding | undefined {
  const name = pointer.slice(pointer.lastIndexOf('/') + 1);
  if (credentialField) {
    if (value === '') return undefined;
    const tlsKey = name === 'keyFile' || name === 'keyPass';
    return {
      pointer,
      kind: 'field',
      what: FIELD_WHAT[name] ?? 'secret',
      fix: tlsKey ? TLS_KEY_FIX : AUTH_FIX,
      always: false,
    };
  }
  if (holdsPrivateKey(value)) {
    return {
      pointer,
      kind: 'private-key',
      what: 'PEM private key (in a field that is not a key)',
      fix: `a private key belongs in the Secret of tls.secretRef.name (key key.pem; ${TLS_SECRET_CONTRACT}), never in caFile or crtFile`,
      always: true,
    };
  }
  const pattern = PATTERN_FIELD.test(pointer);
  if (!pattern && holdsUserinfo(value)) {
    return {
      pointer,
      kind: 'url-userinfo',
      what: 'credentials in the address (user:password@)',
      fix: IN_VALUE_FIX,
      always: false,
    };
  }
  const parameter = pattern ? undefined : secretQueryParameter(value);
  if (parameter !== undefined) {
    return {
      pointer,
      kind: 'query-parameter',
      what: `secret in the URL's query parameter "${parameter}"`,
      fix: IN_VALUE_FIX,
      always: false,
    };
  }
  const shape = tokenShape(value);
  if (shape !== undefined) return { pointer, kind: 'token', what: shape, fix: IN_VALUE_FIX, always: false };
  // A key of extraLabels is a label's name (the CRD's example has a label `key`), judged as one.
  const label = /^\/spec\/extraLabels\/[^/]+$/.test(pointer);
  const secretName = key !== undefined && (label ? isSecretLabelName(key) : isSecretKeyName(key));
  if (secretName && value !== '' && !isTemplate(value)) {
    return {
      pointer,
      kind: 'token',
      what: `value under the secret-looking name "${key}"`,
      fix: IN_VALUE_FIX,
      always: false,
    };
  }
  return undefined;
}

/**
 * Every inline credential in an object (a rendered ClusterLogDestination, after escape-hatch patches),
 * in document order. Walks the whole object without recursion, so any depth is fine.
 */
export function scanCredentials(object: unknown): CredentialFinding[] {
  const findings: CredentialFinding[] = [];
  const stack: Array<[string, unknown, string | undefined, number]> = [['', object, undefined, 0]];
  while (stack.length > 0) {
    const [pointer, value, key, depth] = stack.pop() as [string, unknown, string | undefined, number];
    const credentialField = depth <= CREDENTIAL_DEPTH && isCredentialField(pointer);
    if (typeof value === 'string') {
      const finding = scanString(pointer, value, key, credentialField);
      if (finding) findings.push(finding);
    } else if (credentialField && value !== undefined && value !== null) {
      // A non-string secret (a patch wrote an object or a number there) is still a value in Git.
      findings.push({ pointer, kind: 'field', what: 'secret', fix: AUTH_FIX, always: false });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([`${pointer}/${i}`, value[i], key, depth + 1]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i];
        stack.push([`${pointer}/${escapePointerSegment(k)}`, v, k, depth + 1]);
      }
    }
  }
  return findings;
}
