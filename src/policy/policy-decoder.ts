/**
 * The audit.k8s.io/v1 Policy schema walked over a YAML document: which keys each object accepts (exactly
 * upstream's field names), the type of every field, and what the cluster does with everything else.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { echo, quote } from './echo';
import { FIELDS_OF, OBJECT_META_FIELDS, PolicyObjectKind } from './policy-fields';
import { goFoldedKey, unknownFieldFix } from './unknown-field-fix';
import { Policy } from './types';
import { AUDIT_API_VERSION, EMPTY_DOCUMENT_FIX, emptyDocumentMessage } from './yaml-document';
import { INVALID, MappingEntry, NodeReader, problem, Read } from './yaml-node-reader';

const REMOVED_API_VERSIONS = new Set(['audit.k8s.io/v1beta1', 'audit.k8s.io/v1alpha1']);

type ObjectKind = PolicyObjectKind | 'metadata';

function mappingFix(kind: ObjectKind): string {
  switch (kind) {
    case 'policy':
      return `a policy is a mapping: "apiVersion: ${AUDIT_API_VERSION}", "kind: Policy", "rules: [...]"`;
    case 'rule':
      return 'each rule is a mapping such as "- level: Metadata" with optional verbs, resources, ...';
    case 'resources entry':
      return 'each resources entry is a mapping such as "- group: apps" with "resources: [deployments]"';
    default:
      return 'metadata is a mapping such as "name: my-policy"';
  }
}

const UNKNOWN_KEY_OWNER: Readonly<Record<ObjectKind, string>> = {
  policy: 'the policy',
  rule: 'the rule',
  'resources entry': 'the resources entry',
  metadata: 'the policy',
};

function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== INVALID && value !== undefined) target[key] = value;
}

function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, so that a key such as __proto__ is data and not the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Decodes a Policy document, recording problems on the way. */
// ObjectMeta's string fields (k8s.io/apimachinery pkg/apis/meta/v1 types.go; uid is types.UID, a string).
const STRING_META_FIELDS = new Set([
  'name',
  'namespace',
  'generateName',
  'selfLink',
  'uid',
  'resourceVersion',
]);
// The typed fields of the list items of ObjectMeta's ownerReferences (metav1.OwnerReference) and managedFields
// (metav1.ManagedFieldsEntry), k8s.io/apimachinery pkg/apis/meta/v1 types.go. encoding/json fails on a value of
// another type, so kube-apiserver refuses the file; keys not listed it ignores (and so does this loader).
// fieldsV1 is a raw JSON value (FieldsV1.UnmarshalJSON keeps any bytes), so it takes anything.
type MetaItemField = 'string' | 'bool' | 'time';
const OWNER_REFERENCE_FIELDS: Readonly<Record<string, MetaItemField>> = {
  apiVersion: 'string',
  kind: 'string',
  name: 'string',
  uid: 'string',
  controller: 'bool',
  blockOwnerDeletion: 'bool',
};
const MANAGED_FIELDS_ENTRY_FIELDS: Readonly<Record<string, MetaItemField>> = {
  manager: 'string',
  operation: 'string',
  apiVersion: 'string',
  time: 'time',
  fieldsType: 'string',
  subresource: 'string',
};
// Go's time.RFC3339 layout as time.Parse reads it: fractional seconds allowed, a zone Z or ±hh:mm.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export class PolicyDecoder extends NodeReader {
  /** The keys of an object of `kind`: duplicates, merges, unknown and mis-cased keys checked. */
  fields(raw: unknown, path: string, kind: ObjectKind): MappingEntry[] | typeof INVALID {
    const result = this.visit(raw, path || 'document', (node): MappingEntry[] | typeof INVALID => {
      if (!isMap(node)) {
        const found =
          node === null || this.isAbsent(node) ? 'an empty value' : isSeq(node) ? 'a list' : 'a single value';
        this.error(
          node ?? raw,
          path || undefined,
          () =>
            `${path || 'the document'}: expected a mapping (key: value), found ${found}` +
            (found !== 'an empty value'
              ? ''
              : kind === 'rule'
                ? `; ${this.facts.nullRule}`
                : kind === 'resources entry'
                  ? `; ${this.facts.nullResourcesEntry}`
                  : ''),
          () => mappingFix(kind),
        );
        return INVALID;
      }
      const known = kind === 'metadata' ? OBJECT_META_FIELDS : FIELDS_OF[kind];
      const accepted: MappingEntry[] = [];
      for (const entry of this.entries(node, path)) {
        if (!(known as readonly string[]).includes(entry.key)) {
          this.unknownField(entry, kind, known);
          continue;
        }
        this.remember(entry.path, entry.value ?? entry.keyNode);
        accepted.push(entry);
      }
      return accepted;
    });
    return result;
  }

  private unknownField(entry: MappingEntry, kind: ObjectKind, known: readonly string[]): void {
    const sameButCase = known.find((f) => f.toLowerCase() === goFoldedKey(entry.key));
    // A rule's key inside a resources entry: its fix already says what the reader does with it.
    const misplaced = kind === 'resources entry' && (FIELDS_OF.rule as readonly string[]).includes(entry.key);
    const consequence =
      sameButCase !== undefined
        ? (this.facts.caseVariantKey(sameButCase) ?? this.facts.unknownKey(UNKNOWN_KEY_OWNER[kind]))
        : misplaced
          ? undefined
          : this.facts.unknownKey(UNKNOWN_KEY_OWNER[kind]);
    this.error(
      entry.keyNode,
      echo(entry.rawPath),
      () => `unknown field ${quote(entry.rawPath)}${consequence ? `: ${consequence}` : ''}`,
      () => unknownFieldFix(entry.key, kind, this.facts),
    );
  }

  policy(root: unknown): Policy | undefined {
    const errorsBefore = this.errors.count;
    if (root === undefined || root === null || (isScalar(root) && this.isAbsent(root))) {
      this.errors.add(
        problem(emptyDocumentMessage(this.facts), undefined, { line: 1, column: 1 }, EMPTY_DOCUMENT_FIX),
      );
      return undefined;
    }
    const entries = this.fields(root, '', 'policy');
    if (entries === INVALID) return undefined;
    const policy: Record<string, unknown> = {};
    let apiVersionSeen = false;
    for (const { key, keyNode, value, path } of entries) {
      switch (key) {
        case 'apiVersion': {
          const v = this.string(value, path);
          // A wrongly-typed apiVersion has its own error; only a missing or null one is "missing".
          apiVersionSeen = v !== undefined;
          if (typeof v === 'string') this.apiVersion(v, value ?? keyNode);
          break;
        }
        case 'kind':
          this.kind(this.string(value, path), value, path);
          break;
        case 'metadata':
          assign(policy, key, this.metadata(value, path));
          break;
        case 'rules':
          assign(policy, key, this.rules(value, path));
          break;
        case 'omitStages':
          assign(policy, key, this.stringList(value, path));
          break;
        case 'omitManagedFields':
          assign(policy, key, this.bool(value, path));
          break;
      }
    }
    if (!apiVersionSeen) {
      this.errors.add(
        problem(
          `missing apiVersion: ${this.facts.missingApiVersion()}`,
          'apiVersion',
          { line: 1, column: 1 },
          `add "apiVersion: ${AUDIT_API_VERSION}" and "kind: Policy" at the top`,
        ),
      );
    }
    if (this.errors.count > errorsBefore) return undefined;
    return {
      apiVersion: AUDIT_API_VERSION,
      kind: 'Policy',
      ...(policy.metadata !== undefined ? { metadata: policy.metadata as Record<string, unknown> } : {}),
      ...(policy.omitStages !== undefined ? { omitStages: policy.omitStages as Policy['omitStages'] } : {}),
      ...(policy.omitManagedFields !== undefined
        ? { omitManagedFields: policy.omitManagedFields as boolean }
        : {}),
      rules: (policy.rules as Policy['rules'] | undefined) ?? [],
    };
  }

  private apiVersion(value: string, node: unknown): void {
    if (value === AUDIT_API_VERSION) return;
    if (REMOVED_API_VERSIONS.has(value)) {
      this.error(
        node,
        'apiVersion',
        () => this.facts.removedApiVersion(value),
        () => `change apiVersion to ${AUDIT_API_VERSION}: the rule content is compatible`,
      );
      return;
    }
    this.error(
      node,
      'apiVersion',
      () => this.facts.otherApiVersion(quote(value), AUDIT_API_VERSION),
      () => `write apiVersion: ${AUDIT_API_VERSION}`,
    );
  }

  private kind(value: Read<string>, node: unknown, path: string): void {
    if (typeof value !== 'string' || value === 'Policy') return;
    this.error(
      node,
      path,
      () => this.facts.otherKind(quote(value)),
      () =>
        value.toLowerCase() === 'policy'
          ? 'write kind: Policy (the kind is case-sensitive)'
          : 'write kind: Policy, or leave kind out',
    );
  }

  private rules(raw: unknown, path: string): Read<Policy['rules']> {
    const rules = this.objectList(
      raw,
      path,
      'rules',
      'write each rule as a list item: "rules:" then "- level: Metadata"',
      (item, rulePath) =>
        this.object(item, rulePath, 'rule', (key, value, fieldPath) => {
          // Quoting a number or boolean gives a string no level has ("1", "true"): name the levels instead.
          if (key === 'level') {
            return this.string(value, fieldPath, {
              scalarFix: () => 'write one of the levels: None, Metadata, Request, RequestResponse',
            });
          }
          if (key === 'omitManagedFields') return this.bool(value, fieldPath);
          if (key === 'resources') return this.groupResourcesList(value, fieldPath);
          return this.stringList(value, fieldPath);
        }),
    );
    return rules as Read<Policy['rules']>;
  }

  private groupResourcesList(raw: unknown, path: string): Read<Array<Record<string, unknown>>> {
    return this.objectList(
      raw,
      path,
      '{group, resources, resourceNames} entries',
      'write "resources:" then "- group: apps" and "  resources: [deployments]" as a list item',
      (item, entryPath) =>
        this.object(item, entryPath, 'resources entry', (key, value, fieldPath) =>
          key === 'group' ? this.string(value, fieldPath) : this.stringList(value, fieldPath),
        ),
    );
  }

  /**
   * A list of objects (rules, resources entries, ObjectMeta's list fields); absent or null is undefined.
   * `consequence` follows the message of a value that is not a list.
   */
  private objectList<T = Record<string, unknown>>(
    raw: unknown,
    path: string,
    what: string,
    fix: string,
    read: (item: unknown, itemPath: string) => T | typeof INVALID,
    consequence = '',
  ): Read<T[]> {
    return this.visit(raw, path, (node): Read<T[]> => {
      if (node === null || this.isAbsent(node)) return undefined;
      if (!isSeq(node)) {
        this.error(
          raw,
          path,
          () =>
            `${path}: expected a list of ${what}, found ${isMap(node) ? 'a mapping' : 'a single value'}${consequence}`,
          () => fix,
        );
        return INVALID;
      }
      const out: T[] = [];
      let ok = true;
      node.items.forEach((item, i) => {
        const itemPath = `${path}[${i}]`;
        this.remember(itemPath, item);
        const value = read(item, itemPath);
        if (value === INVALID) ok = false;
        else out.push(value);
      });
      return ok ? out : INVALID;
    });
  }

  /** An object of `kind` whose accepted fields `read` decodes. */
  private object(
    raw: unknown,
    path: string,
    kind: ObjectKind,
    read: (key: string, value: unknown, fieldPath: string) => unknown,
  ): Record<string, unknown> | typeof INVALID {
    const entries = this.fields(raw, path, kind);
    if (entries === INVALID) return INVALID;
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const { key, value, path: fieldPath } of entries) {
      const v = read(key, value, fieldPath);
      if (v === INVALID) ok = false;
      else assign(out, key, v);
    }
    return ok ? out : INVALID;
  }

  private metadata(raw: unknown, path: string): Read<Record<string, unknown>> {
    return this.visit(raw, path, (node): Read<Record<string, unknown>> => {
      if (node === null || this.isAbsent(node)) return undefined;
      return this.object(node, path, 'metadata', (key, value, fieldPath) => {
        if (key === 'labels' || key === 'annotations') return this.stringMap(value, fieldPath);
        if (STRING_META_FIELDS.has(key)) return this.string(value, fieldPath);
        if (key === 'finalizers') return this.stringList(value, fieldPath);
        if (key === 'generation' || key === 'deletionGracePeriodSeconds') return this.int64(value, fieldPath);
        if (key === 'creationTimestamp' || key === 'deletionTimestamp') return this.time(value, fieldPath);
        if (key === 'ownerReferences') return this.metaItems(value, fieldPath, OWNER_REFERENCE_FIELDS);
        if (key === 'managedFields') return this.metaItems(value, fieldPath, MANAGED_FIELDS_ENTRY_FIELDS);
        return this.any(value, fieldPath);
      });
    });
  }

  private stringMap(raw: unknown, path: string): Read<Record<string, string>> {
    return this.visit(raw, path, (node): Read<Record<string, string>> => {
      if (node === null || this.isAbsent(node)) return undefined;
      if (!isMap(node)) {
        this.error(
          raw,
          path,
          () => `${path}: expected a mapping of strings; ${this.facts.decodeFails}`,
          () => 'write key: "value" pairs',
        );
        return INVALID;
      }
      const out: Record<string, string> = {};
      let ok = true;
      for (const { key, value, path: fieldPath } of this.entries(node, path)) {
        const v = this.string(value, fieldPath, { nullIsError: true });
        if (typeof v === 'string') defineKey(out, key, v);
        else ok = false;
      }
      return ok ? out : INVALID;
    });
  }

  /**
   * A list of mappings whose listed fields have Go types (ownerReferences, managedFields); null items and
   * fields are Go's zero values, other keys are kept as they are.
   */
  private metaItems(
    raw: unknown,
    path: string,
    types: Readonly<Record<string, MetaItemField>>,
  ): Read<Array<Record<string, unknown> | null>> {
    return this.objectList<Record<string, unknown> | null>(
      raw,
      path,
      'mappings',
      `write it as a list ("- name: ..."), or remove ${path} (nothing reads it)`,
      (item, itemPath) =>
        this.visit(item, itemPath, (itemNode): Record<string, unknown> | null | typeof INVALID => {
          if (itemNode === null || this.isAbsent(itemNode)) return null;
          if (!isMap(itemNode)) {
            this.error(
              item,
              itemPath,
              () =>
                `${itemPath}: expected a mapping, found ${isSeq(itemNode) ? 'a list' : 'a single value'}; ${this.facts.decodeFails}`,
              () => `write key: value pairs, or remove ${path} (nothing reads it)`,
            );
            return INVALID;
          }
          const fields: Record<string, unknown> = {};
          let ok = true;
          for (const { key, value, path: fieldPath } of this.entries(itemNode, itemPath)) {
            const type = Object.hasOwn(types, key) ? types[key] : undefined;
            const read =
              type === 'string'
                ? this.string(value, fieldPath)
                : type === 'bool'
                  ? this.bool(value, fieldPath)
                  : type === 'time'
                    ? this.time(value, fieldPath)
                    : this.any(value, fieldPath);
            if (read === INVALID) ok = false;
            else if (read !== undefined) defineKey(fields, key, read);
          }
          return ok ? fields : INVALID;
        }),
      `; ${this.facts.decodeFails}`,
    );
  }

  /** An int64 field of ObjectMeta (encoding/json takes a JSON number without a fraction). */
  private int64(raw: unknown, path: string): unknown {
    const value = this.any(raw, path);
    if (value === INVALID || value === null || (typeof value === 'number' && Number.isInteger(value)))
      return value;
    const found =
      typeof value === 'string'
        ? `the string ${quote(value)}`
        : typeof value === 'number'
          ? `the number ${String(value)}`
          : Array.isArray(value)
            ? 'a list'
            : typeof value === 'object'
              ? 'a mapping'
              : `the boolean ${String(value)}`;
    this.error(
      raw,
      path,
      () => `${path}: expected an integer, found ${found}; ${this.facts.decodeFails}`,
      () => `write a whole number without quotes, or remove ${path} (nothing reads it)`,
    );
    return INVALID;
  }

  /** A metav1.Time field: null, or a string time.Parse(time.RFC3339) reads. */
  private time(raw: unknown, path: string): Read<string> {
    const value = this.string(raw, path);
    if (typeof value !== 'string' || RFC3339.test(value)) return value;
    this.error(
      raw,
      path,
      () =>
        `${path}: ${quote(value)} is not an RFC 3339 time such as "2024-05-01T10:00:00Z"; ${this.facts.decodeFails}`,
      () => `write a time such as "2024-05-01T10:00:00Z" or null, or remove ${path} (nothing reads it)`,
    );
    return INVALID;
  }

  /** Any JSON-like value (metadata fields this loader does not model), typed like go-yaml. */
  private any(raw: unknown, path: string): unknown {
    return this.visit(raw, path, (node): unknown => {
      if (node === null) return null;
      if (isScalar(node)) {
        const s = this.scalar(node, path);
        if (s === undefined) return INVALID;
        return s.value;
      }
      if (isSeq(node)) {
        const out: unknown[] = [];
        let ok = true;
        node.items.forEach((item, i) => {
          const v = this.any(item, `${path}[${i}]`);
          if (v === INVALID) ok = false;
          else out.push(v);
        });
        return ok ? out : INVALID;
      }
      if (isMap(node)) {
        const out: Record<string, unknown> = {};
        let ok = true;
        for (const { key, value, path: fieldPath } of this.entries(node, path)) {
          const v = this.any(value, fieldPath);
          if (v === INVALID) ok = false;
          else defineKey(out, key, v);
        }
        return ok ? out : INVALID;
      }
      this.error(raw, path, () => `${path}: unsupported YAML node`);
      return INVALID;
    });
  }
}
