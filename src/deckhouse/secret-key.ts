import { Problem } from '../policy/types';

/** Line and column (1-based) of a node in the manifest the Secret was read from. */
export interface ManifestPosition {
  line: number;
  column: number;
}

/**
 * Where a path of keys inside a manifest object is in its file (e.g. `['data', 'audit-policy.yaml']`);
 * undefined when the position is not known (a plain object, or a key that is not there).
 */
export type LocateInManifest = (path: readonly string[]) => ManifestPosition | undefined;

/** The value of one key of a Secret manifest, as the API server would store it. */
export interface SecretKeyValue {
  /** The field the value was taken from. */
  field: 'data' | 'stringData';
  /** The stored bytes (base64-decoded for `data`, UTF-8 encoded for `stringData`). */
  bytes: Uint8Array;
  /** Advice that does not stop the value from being used (stringData in a GitOps repository). */
  warnings: Problem[];
}

/** What reading a key of a Secret manifest gave: its value, a problem that stops it, or no such key. */
export type SecretKeyRead = { value: SecretKeyValue } | { problem: Problem } | { absent: true };

// Go's encoding/json decodes []byte (Secret.data values) with base64.StdEncoding, which skips CR and LF and
// accepts nothing else outside the alphabet; padding is required: whole quartets, the last ending in at most two
// "=". Checked by length and one character class: a repeated group keeps its backtracking on V8's stack, which a
// few megabytes of value exhaust ("Maximum call stack size exceeded").
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;

/** `namespace/name` of a Secret (or any object) manifest, `?` for a missing name. */
export function manifestName(object: unknown): string {
  const meta = field(object, 'metadata');
  const name = field(meta, 'name');
  const namespace = field(meta, 'namespace');
  // A value that is not a string (a mapping from an unquoted "{...}") is shown as JSON, never [object Object].
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return `${namespace === undefined ? '' : `${text(namespace)}/`}${name === undefined ? '?' : text(name)}`;
}

/**
 * Reads `key` of a v1 Secret manifest (a plain object, as decoded from YAML or JSON) the way the API server
 * stores it. `data` values are base64 (Go's StdEncoding: CR and LF skipped, nothing else); `stringData` values
 * are plain strings that the API server merges over `data` when the Secret is written (Secret.stringData in
 * k8s.io/api core/v1: "All keys and values are merged into the data field on write, overwriting any existing
 * values"). A key in both fields is a problem, never silently one of them: a reader that checked `data` would
 * vouch for a value the cluster never runs. Problems carry the position `locate` gives for the value.
 */
export function readSecretKey(
  secret: unknown,
  key: string,
  locate: LocateInManifest = () => undefined,
): SecretKeyRead {
  const name = manifestName(secret);
  const inData = field(field(secret, 'data'), key);
  const inStringData = field(field(secret, 'stringData'), key);
  const at = (path: string[]) => locate(path) ?? locate(path.slice(0, 1)) ?? locate([]) ?? {};
  // `data: "..."` or a list: the API server cannot decode the Secret (both fields are maps of string keys).
  for (const fieldName of ['data', 'stringData']) {
    const container = field(secret, fieldName);
    if (container === undefined || container === null || isPlainMapping(container)) continue;
    const found = Array.isArray(container) ? 'a list' : `a ${typeof container}`;
    return {
      problem: {
        message: `Secret ${name}: ${fieldName} must be a mapping of keys to ${fieldName === 'data' ? 'base64 values' : 'strings'}, found ${found}: the API server cannot decode the Secret`,
        field: fieldName,
        ...at([fieldName]),
        fix: `write ${fieldName}: then the key indented below it: "  ${key}: ${fieldName === 'data' ? '<base64 of the policy>' : '|'}"`,
      },
    };
  }
  if (inData === undefined && inStringData === undefined) return { absent: true };
  if (inData !== undefined && inStringData !== undefined) {
    const same =
      typeof inData === 'string' && typeof inStringData === 'string' && sameValue(inData, inStringData);
    return {
      problem: {
        message:
          `Secret ${name} holds "${key}" in both data and stringData${same ? ' (the same value)' : ' (different values)'}: ` +
          `the API server merges stringData over data when the Secret is written, so the cluster would use ` +
          `stringData."${key}"`,
        field: `stringData.${key}`,
        ...at(['stringData', key]),
        fix: `keep the policy in one place: remove stringData."${key}" (or data."${key}")`,
      },
    };
  }
  const fieldName = inData !== undefined ? 'data' : 'stringData';
  const value = inData ?? inStringData;
  const where = at([fieldName, key]);
  if (typeof value !== 'string') {
    return {
      problem: {
        message: `Secret ${name}: ${fieldName}."${key}" must be a string`,
        field: `${fieldName}.${key}`,
        ...where,
        fix:
          fieldName === 'data'
            ? 'write the base64 of the policy text as one string (base64 -w0 policy.yaml)'
            : `write the policy text as a block string: "${key}: |" and the policy indented below it`,
      },
    };
  }
  // sops encrypts each value in place as ENC[AES256_GCM,data:...,iv:...,tag:...,type:str] (getsops/sops
  // aes/cipher.go): neither base64 of a policy nor one, and the cluster gets the decrypted value.
  if (/^ENC\[AES256_GCM,data:/.test(value.trim())) {
    return {
      problem: {
        message: `Secret ${name}: ${fieldName}."${key}" is encrypted by sops (ENC[AES256_GCM,...]); the policy it holds cannot be checked in this form`,
        field: `${fieldName}.${key}`,
        ...where,
        fix: 'check the decrypted manifest: sops -d FILE | deckhouse-audit validate -',
      },
    };
  }
  if (fieldName === 'stringData') {
    return {
      value: {
        field: fieldName,
        bytes: new TextEncoder().encode(value),
        warnings: [
          {
            message: 'the policy is in stringData; GitOps tools diff stringData badly',
            field: `stringData.${key}`,
            ...where,
            fix: `store it base64-encoded under data."${key}"`,
          },
        ],
      },
    };
  }
  const bytes = decodeBase64(value);
  if (!bytes) {
    return {
      problem: {
        message: `Secret ${name}: data."${key}" is not valid base64`,
        field: `data.${key}`,
        ...where,
        fix: 'encode the policy with `base64 -w0`, or put the plain text under stringData',
      },
    };
  }
  return { value: { field: fieldName, bytes, warnings: [] } };
}

/** The bytes of Secret `data` value text (Go's base64.StdEncoding, CR and LF skipped), or undefined. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !BASE64_CHARACTERS.test(compact)) return undefined;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

function sameValue(data: string, stringData: string): boolean {
  const bytes = decodeBase64(data);
  return bytes !== undefined && Buffer.from(bytes).equals(Buffer.from(stringData, 'utf8'));
}

function field(object: unknown, name: string): unknown {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return undefined;
  return Object.prototype.hasOwnProperty.call(object, name)
    ? (object as Record<string, unknown>)[name]
    : undefined;
}

function isPlainMapping(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
