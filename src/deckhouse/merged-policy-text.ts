import { Document, LineCounter, Node, YAMLMap, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { laterDocumentsStart } from '../policy/document-markers';
import { deepFlowCandidate } from '../policy/flow-depth';
import { SECRET_SIZE_LIMIT_BYTES } from '../policy/policy-text';
import { MAX_NESTING_DEPTH, MAX_POLICY_DOCUMENTS } from '../policy/yaml-document';
import { countYamlEntries, MAX_YAML_ENTRIES } from '../policy/yaml-entries';
import { Problem } from '../policy/types';
import { decodeBase64 as decodeSecretBytes } from './secret-key';

// Where the merged audit policy of a Deckhouse cluster can come from, and how to get its text out.
//
// control-plane-manager writes the merged policy to /etc/kubernetes/deckhouse/extra-files/audit-policy.yaml on
// every master (its kube-apiserver flag --audit-policy-file) and keeps it in Secret
// kube-system/d8-control-plane-manager-config under key extra-file-audit-policy.yaml (deckhouse
// modules/040-control-plane-manager: the control_plane_config Secret read by its controller). A user may
// hand us the file itself, or a dump of that Secret (or of a ConfigMap they made from the file).

/** Keys that hold the merged policy in a Secret or ConfigMap dump, in the order they are looked for. */
export const MERGED_POLICY_KEYS = ['extra-file-audit-policy.yaml', 'audit-policy.yaml'] as const;

/** Where a master keeps the merged policy. */
export const MERGED_POLICY_PATH = '/etc/kubernetes/deckhouse/extra-files/audit-policy.yaml';

/**
 * The largest merged policy, in bytes of UTF-8: control-plane-manager writes the file from a key of Secret
 * kube-system/d8-control-plane-manager-config, and the API server refuses a Secret whose data passes 1 MiB
 * (MaxSecretSize, kubernetes pkg/apis/core/types.go, checked by ValidateSecret). A plain policy text past it
 * is no merged policy.
 */
export const MAX_MERGED_POLICY_BYTES = SECRET_SIZE_LIMIT_BYTES;

/**
 * The largest input read, in UTF-16 code units: a dump of that Secret, whose 1 MiB of data YAML and JSON show
 * base64-encoded (4/3 of it), beside its annotations (at most 256 KiB together: TotalAnnotationSizeLimitB in
 * apimachinery's ValidateAnnotations) and 128 KiB for the rest of its metadata (managedFields, labels, layout).
 */
export const MAX_MERGED_POLICY_TEXT = Math.ceil(MAX_MERGED_POLICY_BYTES / 3) * 4 + 256 * 1024 + 128 * 1024;

// What may be longer than a merged policy: a Secret or ConfigMap dump (alone or in a List; YAML with `kind:` at
// the line's start, or JSON), or the base64 that `-o jsonpath` prints. Found by linear regular expressions.
const DUMP_KIND_YAML = /^kind:[ \t]*(["']?)(?:Secret|ConfigMap|[A-Za-z]*List)\1[ \t]*(?:#.*)?\r?$/m;
const DUMP_KIND_JSON = /"kind"[ \t\r\n]*:[ \t\r\n]*"(?:Secret|ConfigMap|[A-Za-z]*List)"/;
const PLAIN_POLICY_KIND = /^kind:[ \t]*(["']?)Policy\1[ \t]*(?:#.*)?\r?$/m;
const BASE64_ONLY = /^[A-Za-z0-9+/=\s]*$/;

function mayHoldPolicy(input: string): boolean {
  return DUMP_KIND_YAML.test(input) || DUMP_KIND_JSON.test(input) || BASE64_ONLY.test(input);
}

/** The policy text found in an input, or why none was found. */
export interface MergedPolicyText {
  /** The policy YAML (the whole input, or the decoded value of a Secret/ConfigMap key). */
  text?: string;
  /** What messages call the policy: the source name, or `source[data.extra-file-audit-policy.yaml]`. */
  label: string;
  /** Why no policy text could be taken (positions are in the input). */
  errors: Problem[];
  /** The dump's object, `Secret kube-system/audit-policy`, when the text came from a Secret or ConfigMap. */
  object?: string;
}

const FIX_SOURCE =
  `pass ${MERGED_POLICY_PATH} from a master, or ` +
  '`kubectl -n kube-system get secret d8-control-plane-manager-config -o yaml`';

/**
 * Takes the merged policy's text out of an input: a plain policy file is returned as it is; a Secret
 * (`data` base64, `stringData` plain) or ConfigMap (`data` plain, `binaryData` base64) dump, alone or as the
 * only object of a `List`, gives the value of its `extra-file-audit-policy.yaml` or `audit-policy.yaml` key
 * (or of its only key). A key in both `data` and `stringData` is refused: the API server merges stringData
 * over data on write, so the cluster holds the stringData value and the dump no longer shows one file.
 */
export function mergedPolicyText(input: string, source: string): MergedPolicyText {
  // Sizes are checked before anything is parsed: the yaml package takes seconds and hundreds of MB per MiB.
  if (input.length > MAX_MERGED_POLICY_TEXT) {
    return fail(source, {
      message:
        `${input.length} characters, more than a dump of Secret ` +
        `kube-system/d8-control-plane-manager-config can be (${MAX_MERGED_POLICY_TEXT}: 1 MiB of data as base64, ` +
        '256 KiB of annotations, 128 KiB of other metadata); nothing was parsed',
      fix: FIX_SOURCE,
    });
  }
  const dumpShaped = mayHoldPolicy(input);
  // A UTF-16 code unit is at most 3 bytes of UTF-8: shorter text cannot pass the limit.
  if (!dumpShaped && input.length > MAX_MERGED_POLICY_BYTES / 3) {
    const bytes = Buffer.byteLength(input, 'utf8');
    if (bytes > MAX_MERGED_POLICY_BYTES) {
      return fail(source, {
        message:
          `${bytes} bytes, more than a merged policy can be (${MAX_MERGED_POLICY_BYTES}: ` +
          'control-plane-manager writes it from Secret kube-system/d8-control-plane-manager-config, and the API ' +
          'server refuses a Secret with more than 1 MiB of data); nothing was parsed',
        fix: `${FIX_SOURCE}; a custom policy of your own is read as a policy, not as a merged one`,
      });
    }
  }
  // A policy document (top-level `kind: Policy`) beside no Secret, ConfigMap or List is the file itself: the
  // loader reads it next, and a parse here would only double the time and memory of a large one.
  if (!dumpShaped && PLAIN_POLICY_KIND.test(input)) return { text: input, label: source, errors: [] };
  // Brackets nested past the loader's limit, or more documents or entries than it reads, are the loader's to report (in
  // milliseconds, with a position): the yaml package would take seconds and gigabytes over them here first.
  if (
    deepFlowCandidate(input, MAX_NESTING_DEPTH) !== -1 ||
    laterDocumentsStart(input, MAX_POLICY_DOCUMENTS) !== -1 ||
    countYamlEntries(input, MAX_YAML_ENTRIES).at !== -1
  ) {
    return { text: input, label: source, errors: [] };
  }
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(input, { lineCounter }) as Document.Parsed[];
  } catch {
    return { text: input, label: source, errors: [] };
  }
  // What YAML cannot read is left to the policy loader, which reports it with positions.
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) {
    return { text: input, label: source, errors: [] };
  }
  const pos = (node: Node | null | undefined): Pick<Problem, 'line' | 'column'> => {
    if (!node?.range) return {};
    const p = lineCounter.linePos(node.range[0]);
    return { line: p.line, column: p.col };
  };
  const objects = docs.filter((d) => d.contents !== null).map((d) => d.contents as Node);
  // `kubectl get secret d8-control-plane-manager-config -o jsonpath='{.data.extra-file-audit-policy\.yaml}'`
  // prints the value still base64-encoded: one plain scalar that decodes to text holding a Policy.
  if (objects.length === 1 && isScalar(objects[0]) && typeof objects[0].value === 'string') {
    const decoded = decodeBase64(objects[0].value.replace(/\s+/g, ''));
    if (decoded !== undefined && /^kind:\s*Policy\s*$/m.test(decoded))
      return { text: decoded, label: `${source}[base64]`, errors: [] };
  }
  const holders = objects.flatMap((root): YAMLMap[] => {
    if (!isMap(root)) return [];
    const kind: unknown = root.get('kind');
    if (kind === 'Secret' || kind === 'ConfigMap') return [root];
    const items = root.get('items', true);
    if (typeof kind === 'string' && kind.endsWith('List') && isSeq(items)) {
      return items.items.filter(
        (item): item is YAMLMap =>
          isMap(item) && (item.get('kind') === 'Secret' || item.get('kind') === 'ConfigMap'),
      );
    }
    return [];
  });
  if (holders.length === 0) return { text: input, label: source, errors: [] };
  if (holders.length > 1 || objects.length > 1) {
    return fail(source, {
      message: `${source} holds ${objects.length > 1 ? `${objects.length} YAML documents` : `${holders.length} Secrets/ConfigMaps`}; expected one merged policy`,
      ...pos(holders[1] ?? holders[0]),
      fix: FIX_SOURCE,
    });
  }
  return keyValue(holders[0], source, pos);
}

function fail(label: string, problem: Problem): MergedPolicyText {
  return { label, errors: [problem] };
}

function objectName(object: YAMLMap): string {
  const meta = object.get('metadata', true);
  const name = isMap(meta) ? String(meta.get('name') ?? '?') : '?';
  const namespace = isMap(meta) ? meta.get('namespace') : undefined;
  return `${String(object.get('kind'))} ${namespace === undefined ? '' : `${String(namespace)}/`}${name}`;
}

interface Field {
  /** `data`, `stringData` or `binaryData`. */
  name: string;
  map?: YAMLMap;
  base64: boolean;
}

function keyValue(
  object: YAMLMap,
  source: string,
  pos: (node: Node | null | undefined) => Pick<Problem, 'line' | 'column'>,
): MergedPolicyText {
  const isSecret = object.get('kind') === 'Secret';
  const what = objectName(object);
  const fields: Field[] = (
    isSecret
      ? [
          { name: 'data', base64: true },
          { name: 'stringData', base64: false },
        ]
      : [
          { name: 'data', base64: false },
          { name: 'binaryData', base64: true },
        ]
  ).map((f) => {
    const node = object.get(f.name, true);
    return { ...f, map: isMap(node) ? node : undefined };
  });
  const keys = [
    ...new Set(fields.flatMap((f) => (f.map?.items ?? []).map((pair) => String(keyOf(pair.key))))),
  ];
  const key = MERGED_POLICY_KEYS.find((k) => keys.includes(k)) ?? (keys.length === 1 ? keys[0] : undefined);
  if (key === undefined) {
    const shown =
      keys.length > 10 ? `${keys.slice(0, 10).join(', ')} and ${keys.length - 10} more` : keys.join(', ');
    return fail(source, {
      message:
        keys.length === 0
          ? `${what} holds no data`
          : `${what} has no key ${MERGED_POLICY_KEYS.join(' or ')} (keys: ${shown})`,
      ...pos(object),
      fix: FIX_SOURCE,
    });
  }
  const holding = fields.filter((f) => f.map?.has(key));
  if (holding.length > 1) {
    const [first, second] = holding;
    return fail(source, {
      message: isSecret
        ? `${what} holds "${key}" in both data and stringData: the API server merges stringData over data ` +
          'on write, so the cluster uses the stringData value and this dump does not show one policy'
        : `${what} holds "${key}" in both data and binaryData: the API server refuses such a ConfigMap`,
      field: `${second.name}.${key}`,
      ...pos(second.map!.get(key, true) as Node),
      fix: `keep the key in ${isSecret ? 'stringData (what the cluster uses)' : 'one of them'} and remove it from ${first.name}`,
    });
  }
  const field = holding[0];
  const node = field.map!.get(key, true) as Node | null;
  const label = `${source}[${field.name}.${key}]`;
  if (!isScalar(node) || typeof node.value !== 'string') {
    return fail(label, {
      message: `${what}: ${field.name}."${key}" must be a string`,
      field: `${field.name}.${key}`,
      ...pos(node),
    });
  }
  if (!field.base64) return { text: node.value, label, errors: [], object: what };
  const decoded = decodeBase64(node.value);
  if (decoded === undefined) {
    return fail(label, {
      message: `${what}: ${field.name}."${key}" is not base64 of UTF-8 text`,
      field: `${field.name}.${key}`,
      ...pos(node),
      fix: 'dump the object again with `kubectl get -o yaml`, unedited',
    });
  }
  return { text: decoded, label, errors: [], object: what };
}

function keyOf(key: unknown): unknown {
  return isScalar(key) ? key.value : key;
}

// Secret and ConfigMap []byte fields decode as the API server does them (secret-key.ts: Go's base64).
function decodeBase64(value: string): string | undefined {
  const bytes = decodeSecretBytes(value);
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
