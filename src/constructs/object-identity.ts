// The cluster finds an object by kind, name and namespace: Deckhouse reads the policy only from Secret
// kube-system/audit-policy and configures the module a ModuleConfig is named after, and a cluster holds one
// object per kind and name. So what the constructs write keeps the identity they gave it (an escape-hatch
// patch of metadata.name would leave a Secret nobody reads), and no other object of the app has it too (two
// of them overwrite each other when applied: one app, one cluster).
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { describeValue } from './messages';

/** Who finds an object by which name: the reader's words for the messages. */
export interface ObjectIdentity {
  /** `metadata.name` the cluster reads. */
  readonly name: string;
  /** `metadata.namespace`; undefined for a cluster-scoped kind. */
  readonly namespace?: string;
  /** Why the name is fixed, e.g. "Deckhouse reads the policy only from this Secret". */
  readonly readBy: string;
  /** How to have a second one, when the clash is two constructs of this package. */
  readonly clashFix: string;
}

function label(kind: string, name: unknown, namespace: unknown): string {
  return `${kind} ${typeof namespace === 'string' && namespace !== '' ? `${namespace}/` : ''}${String(name)}`;
}

/** The rendered object keeps the name and namespace it was validated with. */
function renamed(object: ApiObject, identity: ObjectIdentity): string[] {
  const metadata = ((object.toJson() as { metadata?: unknown }).metadata ?? {}) as Record<string, unknown>;
  const errors: string[] = [];
  const at = label(object.kind, metadata.name, metadata.namespace);
  if (metadata.name !== identity.name) {
    errors.push(
      `${at}: metadata.name: received ${describeValue(metadata.name)}, expected "${identity.name}" (${identity.readBy}). ` +
        'Fix: remove the escape-hatch patch of /metadata/name',
    );
  }
  // A namespace from the Chart is reported by checkClusterScopedChart with its own fix.
  const chartNamespace = identity.namespace === undefined && Chart.of(object).namespace !== undefined;
  if (metadata.namespace !== identity.namespace && !chartNamespace) {
    const expected =
      identity.namespace === undefined
        ? `none (${object.kind} is cluster-scoped): the API server drops it, so the manifest in Git differs from the object in the cluster`
        : `"${identity.namespace}" (${identity.readBy})`;
    errors.push(
      `${at}: metadata.namespace: received ${describeValue(metadata.namespace)}, expected ${expected}. ` +
        'Fix: remove the escape-hatch patch of /metadata/namespace',
    );
  }
  return errors;
}

// The app's ApiObjects by group, kind, namespace and name, for one validation sweep: each guarded object
// walking the whole tree made synth quadratic (10,000 destinations: two minutes). A sweep validates each
// guarded object once, so an object checked a second time (or one the index lacks) starts a new index: a
// second synth sees what was added after the first. The index is also dropped on the next microtask.
interface ObjectIndex {
  readonly byIdentity: Map<string, ApiObject[]>;
  readonly checked: Set<ApiObject>;
}
const INDEXES = new WeakMap<IConstruct, ObjectIndex>();

function identityKey(apiGroup: string, kind: string, namespace: string | undefined, name: string): string {
  return JSON.stringify([apiGroup, kind, namespace ?? null, name]);
}

function keyOf(object: ApiObject): string {
  return identityKey(object.apiGroup, object.kind, object.metadata.namespace ?? undefined, object.name);
}

function buildIndex(root: IConstruct): ObjectIndex {
  const byIdentity = new Map<string, ApiObject[]>();
  for (const node of root.node.findAll()) {
    if (!ApiObject.isApiObject(node)) continue;
    const key = keyOf(node);
    const list = byIdentity.get(key);
    if (list === undefined) byIdentity.set(key, [node]);
    else list.push(node);
  }
  const index = { byIdentity, checked: new Set<ApiObject>() };
  INDEXES.set(root, index);
  queueMicrotask(() => {
    if (INDEXES.get(root) === index) INDEXES.delete(root);
  });
  return index;
}

/** Other ApiObjects of the app with the same group, kind, namespace and name. */
function clashes(object: ApiObject, identity: ObjectIdentity): ApiObject[] {
  const root = object.node.root;
  let index = INDEXES.get(root);
  const fresh =
    index !== undefined &&
    !index.checked.has(object) &&
    (index.byIdentity.get(keyOf(object)) ?? []).includes(object);
  if (!fresh) index = buildIndex(root);
  index!.checked.add(object);
  const key = identityKey(object.apiGroup, object.kind, identity.namespace, identity.name);
  return (index!.byIdentity.get(key) ?? []).filter((other) => other !== object);
}

// The construct of this package that made an object (a global symbol: it survives two copies of the package).
const OWNER = Symbol.for('cdk8s-deckhouse-audit.owner');

function ownerPath(object: IConstruct): string {
  const owner = (object as IConstruct & { [OWNER]?: IConstruct })[OWNER];
  return (owner ?? object).node.path;
}

/**
 * Adds to `owner` the synth-time checks that its `object` is written under `identity` and is the only object of
 * the app with it. Errors name the other construct's path and the fix.
 */
export function guardIdentity(owner: IConstruct, object: ApiObject, identity: ObjectIdentity): void {
  Object.defineProperty(object, OWNER, { value: owner });
  owner.node.addValidation({
    validate: () => {
      const others = clashes(object, identity).map(ownerPath);
      const clash =
        others.length === 0
          ? []
          : [
              `${label(object.kind, identity.name, identity.namespace)}: also written by ${others.join(', ')}: ` +
                `the cluster holds one ${object.kind} of this name, and applying both makes one overwrite the ` +
                `other (Argo CD flags a resource shared by two sources). Fix: ${identity.clashFix}; the manifests ` +
                'of another cluster come from an App of their own (one App per cluster, each with its own outdir)',
            ];
      return [...renamed(object, identity), ...clash];
    },
  });
}
