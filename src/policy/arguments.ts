import { SUPPORTED_KUBERNETES_VERSIONS } from './kubernetes-version';
import {
  EffectivePolicy,
  FieldError,
  Policy,
  PolicyProducer,
  RequestAttributes,
  VersionOptions,
} from './types';
import { closestMatch, firstUnknownKey } from './did-you-mean';
import { describeUnknownKeys, policyUnknownKeys } from './unknown-keys';
import { validatePolicy } from './validate';

// Argument checks at the engine's public entry points, so that a wrong call fails at once with a TypeError
// that names the function, the argument and the expected shape — never a deep property error, and never
// an answer computed from a policy kube-apiserver would refuse (`users: 'alice'` matching every user).

/** The newest Kubernetes version the package models: the evaluator decides like it (group "*" included). */
export const EVALUATOR_KUBERNETES_VERSION: string =
  SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1];

/** Thrown for a policy argument that `validatePolicy` rejects; carries its field errors. */
export class InvalidPolicyError extends TypeError {
  constructor(
    message: string,
    readonly fieldErrors: readonly FieldError[],
  ) {
    super(message);
    this.name = 'InvalidPolicyError';
  }
}

/** What a value is, for messages: `null`, `an array`, `a string`, ... */
export function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Whether a value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The policy a builder (`policy()...`, anything with `build()`) produces; any other value as it is. */
export function built(value: unknown): unknown {
  return isRecord(value) && typeof value.build === 'function'
    ? (value as unknown as PolicyProducer).build()
    : value;
}

const POLICY_SHAPE =
  "an audit.k8s.io/v1 Policy object ({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [...] })";

/**
 * Checks that `value` is a Policy kube-apiserver accepts (validatePolicy for `options.kubernetesVersion`,
 * by default the newest modeled version, whose semantics the evaluator implements). Throws a TypeError
 * (an `InvalidPolicyError` for validation errors) naming `fn` and `arg`.
 */
export function checkPolicyArgument(
  fn: string,
  arg: string,
  input: unknown,
  options: VersionOptions = {},
): Policy {
  const value = built(input);
  if (!isRecord(value)) throw new TypeError(`${fn}: ${arg} must be ${POLICY_SHAPE}, got ${shapeOf(value)}`);
  if (!Array.isArray(value.rules)) {
    throw new TypeError(
      `${fn}: ${arg} must be ${POLICY_SHAPE}; its rules are ${shapeOf(value.rules)}, not a list`,
    );
  }
  if (value.apiVersion !== undefined && value.apiVersion !== 'audit.k8s.io/v1') {
    throw new TypeError(
      `${fn}: ${arg} must be ${POLICY_SHAPE}, got apiVersion ${JSON.stringify(value.apiVersion)} ` +
        '(audit.k8s.io/v1 is the only version kube-apiserver loads since 1.24)',
    );
  }
  if (value.kind !== undefined && value.kind !== 'Policy') {
    throw new TypeError(
      `${fn}: ${arg} must be ${POLICY_SHAPE}, got kind ${JSON.stringify(value.kind)} (kube-apiserver loads only kind Policy)`,
    );
  }
  const inherited = inheritedObject(value);
  if (inherited !== undefined) {
    throw new TypeError(
      `${fn}: ${arg}${inherited} must be a plain object: fields inherited from a prototype or class are read ` +
        'here but dropped when the policy is written as YAML. Fix: build it from object literals',
    );
  }
  // A key no field has would be dropped by kube-apiserver and widen the rule: never evaluate the widened rule.
  const unknown = policyUnknownKeys(value);
  if (unknown.length > 0) {
    throw new TypeError(
      `${fn}: ${arg} has keys no audit.k8s.io/v1 field has, which kube-apiserver would drop (a rule would ` +
        `match more than written): ${describeUnknownKeys(unknown)}`,
    );
  }
  const errors = validatePolicy(value, {
    kubernetesVersion: options.kubernetesVersion ?? EVALUATOR_KUBERNETES_VERSION,
  });
  if (errors.length > 0) {
    const shown = errors.slice(0, 3).map((e) => e.message);
    const more = errors.length - shown.length;
    throw new InvalidPolicyError(
      `${fn}: ${arg} is not a policy kube-apiserver accepts: ${shown.join('; ')}` +
        `${more > 0 ? `; and ${more} more` : ''} (validatePolicy lists every error; loadPolicy gives their lines)`,
      errors,
    );
  }
  return value as unknown as Policy;
}

/**
 * The path (`''`, `.rules[2]`, `.rules[0].resources[1]`) of the first object of a policy that is not a plain
 * object (its prototype neither an Object.prototype nor null: a class instance, `{ __proto__: {...} }`), or
 * undefined when all are.
 */
export function inheritedObject(policy: Record<string, unknown>): string | undefined {
  const plain = (o: unknown) => {
    if (!isRecord(o)) return true; // a type error, reported by validation
    // Any realm's Object.prototype (a test runner's, structuredClone's): the prototype's own prototype is null.
    const proto = Object.getPrototypeOf(o) as object | null;
    return proto === null || Object.getPrototypeOf(proto) === null;
  };
  if (!plain(policy)) return '';
  const rules = Array.isArray(policy.rules) ? policy.rules : [];
  for (let i = 0; i < rules.length; i++) {
    if (!plain(rules[i])) return `.rules[${i}]`;
    const entries = isRecord(rules[i]) ? (rules[i] as Record<string, unknown>).resources : undefined;
    if (!Array.isArray(entries)) continue;
    for (let j = 0; j < entries.length; j++) if (!plain(entries[j])) return `.rules[${i}].resources[${j}]`;
  }
  return undefined;
}

/** Checks a Policy or an EffectivePolicy (from deckhouseEffectivePolicy) argument; see checkPolicyArgument. */
export function checkPolicyOrEffectiveArgument(
  fn: string,
  arg: string,
  value: unknown,
): Policy | EffectivePolicy {
  const construct = constructGiven(fn, arg, value);
  if (construct !== undefined) throw new TypeError(construct);
  if (isRecord(value) && (value.origins !== undefined || value.policy !== undefined)) {
    if (!Array.isArray(value.origins) || !isRecord(value.policy)) {
      throw new TypeError(
        `${fn}: ${arg} looks like an EffectivePolicy but needs both policy (a Policy) and origins (a list), ` +
          `got policy ${shapeOf(value.policy)} and origins ${shapeOf(value.origins)}`,
      );
    }
    const policy = checkPolicyArgument(fn, `${arg}.policy`, value.policy);
    if (value.origins.length !== policy.rules.length) {
      throw new TypeError(
        `${fn}: ${arg}.origins must describe each rule of ${arg}.policy: ${value.origins.length} origins for ` +
          `${policy.rules.length} rules`,
      );
    }
    return value as unknown as EffectivePolicy;
  }
  return checkPolicyArgument(fn, arg, value);
}

// The constructs' shapes, recognised without importing them (the engine does not depend on cdk8s): a test
// that hands over the construct it made learns which of its fields holds the policy.
function constructGiven(fn: string, arg: string, value: unknown): string | undefined {
  if (!isRecord(value) || !isRecord(value.node)) return undefined;
  if ('effectivePolicy' in value && 'controlPlane' in value) {
    return (
      `${fn}: ${arg} received a DeckhouseClusterAudit construct; pass its effectivePolicy: ` +
      `${fn}(audit.effectivePolicy!) (the policy Deckhouse runs, built-in rules included)`
    );
  }
  if ('renderedPolicy' in value && 'policySha256' in value) {
    return (
      `${fn}: ${arg} received an AuditPolicySecret construct; pass its policy (your rules alone): ` +
      `${fn}(secret.policy!), or deckhouseEffectivePolicy({ customPolicy: secret.policy }) for what Deckhouse runs`
    );
  }
  return undefined;
}

const OPTIONAL_STRINGS = [
  'user',
  'namespace',
  'apiGroup',
  'apiVersion',
  'resource',
  'subresource',
  'name',
  'path',
];

/** The fields of RequestAttributes (types.ts). */
export const REQUEST_FIELDS: readonly string[] = ['groups', 'verb', 'resourceRequest', ...OPTIONAL_STRINGS];

/** Names other APIs (the audit Event, kubectl, PolicyRule) give request attributes, and the field meant. */
const REQUEST_ALIASES: Readonly<Record<string, string>> = {
  username: 'user',
  usergroups: 'groups',
  group: 'apiGroup',
  apigroups: 'apiGroup',
  verbs: 'verb',
  namespaces: 'namespace',
  resources: 'resource',
  resourcenames: 'name',
  requesturi: 'path',
  nonresourceurls: 'path',
};

/** The request field a misspelt or foreign key most likely means, if any. */
export function requestFieldGuess(
  key: string,
  fields: readonly string[] = REQUEST_FIELDS,
): string | undefined {
  const alias = REQUEST_ALIASES[key.toLowerCase()];
  if (alias !== undefined && fields.includes(alias)) return alias;
  return closestMatch(key, fields);
}

const REQUEST_SHAPE =
  "request attributes ({ verb: 'get', resourceRequest: true, resource: 'pods', ... }; requestFromUrl and " +
  'requestFromKubectl build them)';

/** Checks a RequestAttributes argument: verb and resourceRequest given, every other field of its type. */
export function checkRequestArgument(fn: string, arg: string, value: unknown): RequestAttributes {
  if (!isRecord(value)) throw new TypeError(`${fn}: ${arg} must be ${REQUEST_SHAPE}, got ${shapeOf(value)}`);
  if (typeof value.verb !== 'string') {
    throw new TypeError(
      `${fn}: ${arg}.verb must be a string such as "get", got ${shapeOf(value.verb)} (${REQUEST_SHAPE})`,
    );
  }
  if (typeof value.resourceRequest !== 'boolean') {
    throw new TypeError(
      `${fn}: ${arg}.resourceRequest must be true (a resource request) or false (a non-resource URL), got ` +
        shapeOf(value.resourceRequest),
    );
  }
  for (const key of OPTIONAL_STRINGS) {
    if (value[key] !== undefined && typeof value[key] !== 'string') {
      throw new TypeError(`${fn}: ${arg}.${key} must be a string when given, got ${shapeOf(value[key])}`);
    }
  }
  const groups = value.groups;
  if (groups !== undefined && !(Array.isArray(groups) && groups.every((g) => typeof g === 'string'))) {
    throw new TypeError(`${fn}: ${arg}.groups must be a list of strings when given, got ${shapeOf(groups)}`);
  }
  // A misspelt attribute (`namespaces`, `username`) would be ignored: the answer would be for another request.
  const unknown = firstUnknownKey(Object.keys(value), REQUEST_FIELDS, 'attributes', (k) =>
    requestFieldGuess(k),
  );
  if (unknown !== undefined) {
    throw new TypeError(
      `${fn}: ${arg}.${unknown.key} is not a request attribute, and would be ignored; ${unknown.fix}`,
    );
  }
  return value as unknown as RequestAttributes;
}

/**
 * Checks that an options argument is absent or an object, and, with `keys`, that it has no other key: a
 * misspelt option (`custompolicy`) would otherwise be ignored and the call answer for its default.
 */
export function checkOptionsArgument(
  fn: string,
  arg: string,
  value: unknown,
  keys?: readonly string[],
): void {
  if (value !== undefined && !isRecord(value)) {
    throw new TypeError(`${fn}: ${arg} must be an options object when given, got ${shapeOf(value)}`);
  }
  if (value === undefined || keys === undefined) return;
  const unknown = firstUnknownKey(Object.keys(value), keys, 'options');
  if (unknown !== undefined) {
    throw new TypeError(
      `${fn}: ${arg}.${unknown.key} is not an option, and would be ignored; ${unknown.fix}`,
    );
  }
}

/** Throws a TypeError naming `fn` and `arg` unless `value` is an object (`shape` says which, for the message). */
export function checkObjectArgument(fn: string, arg: string, value: unknown, shape: string): void {
  if (!isRecord(value)) throw new TypeError(`${fn}: ${arg} must be ${shape}, got ${shapeOf(value)}`);
}

/** Throws a TypeError naming `fn` and `arg` unless `value` is a list (`shape` says of what). */
export function checkListArgument(fn: string, arg: string, value: unknown, shape: string): void {
  if (!Array.isArray(value)) throw new TypeError(`${fn}: ${arg} must be ${shape}, got ${shapeOf(value)}`);
}

/** Throws a TypeError naming `fn` and `arg` unless `value` is a string. */
export function checkStringArgument(fn: string, arg: string, value: unknown, shape = 'a string'): void {
  if (typeof value !== 'string') throw new TypeError(`${fn}: ${arg} must be ${shape}, got ${shapeOf(value)}`);
}
