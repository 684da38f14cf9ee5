/**
 * The field names of the audit.k8s.io/v1 objects, in upstream's Go struct order. The strict loader
 * accepts exactly these keys and the renderer writes them in this order.
 */

/** The kinds of object a policy document is made of. */
export type PolicyObjectKind = 'policy' | 'rule' | 'resources entry';

/** Top-level Policy fields, in the renderer's order. */
export const POLICY_FIELDS = [
  'apiVersion',
  'kind',
  'metadata',
  'omitStages',
  'omitManagedFields',
  'rules',
] as const;

/** PolicyRule fields in upstream's struct order. */
export const RULE_FIELDS = [
  'level',
  'users',
  'userGroups',
  'verbs',
  'resources',
  'namespaces',
  'nonResourceURLs',
  'omitStages',
  'omitManagedFields',
] as const;

/** GroupResources fields in upstream's struct order. */
export const GROUP_RESOURCES_FIELDS = ['group', 'resources', 'resourceNames'] as const;

/** ObjectMeta fields a `metadata` block may use (upstream decodes metadata into ObjectMeta). */
export const OBJECT_META_FIELDS = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
] as const;

/** The fields each kind of object accepts. */
export const FIELDS_OF: Readonly<Record<PolicyObjectKind, readonly string[]>> = {
  policy: POLICY_FIELDS,
  rule: RULE_FIELDS,
  'resources entry': GROUP_RESOURCES_FIELDS,
};

/**
 * Keys people write out of habit from other Kubernetes APIs (mostly RBAC), mapped to the field they
 * meant, per object kind. Edit distance alone would not find these.
 */
export const KEY_ALIASES: Readonly<Record<PolicyObjectKind, Readonly<Record<string, string>>>> = {
  policy: { version: 'apiVersion', rule: 'rules', stages: 'omitStages' },
  rule: {
    groups: 'userGroups',
    user: 'users',
    subjects: 'users',
    stages: 'omitStages',
    urls: 'nonResourceURLs',
    paths: 'nonResourceURLs',
    apigroups: 'resources',
  },
  'resources entry': {
    apigroups: 'group',
    apigroup: 'group',
    groups: 'group',
    names: 'resourceNames',
    name: 'resourceNames',
  },
};
