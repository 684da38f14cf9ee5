/**
 * renderPolicy: the canonical YAML of a policy that kube-apiserver accepts. It refuses to write one that
 * validatePolicy rejects, so no caller can put a policy the cluster would refuse into a file or a Secret.
 */
import { fieldErrorProblemMessage } from './field-error';
import { inheritedObject, isRecord as isPlainRecord } from './arguments';
import { DEFAULT_KUBERNETES_VERSION } from './kubernetes-version';
import { policyYaml } from './policy-yaml';
import { MAX_LISTED_PROBLEMS } from './problem-list';
import { Policy, VersionOptions } from './types';
import { describeUnknownKeys, policyUnknownKeys } from './unknown-keys';
import { validatePolicy } from './validate';

/**
 * Renders a policy as canonical YAML (upstream key order, block lists, every string a YAML 1.1 or 1.2 reader
 * could misread double-quoted): the same policy always gives the same bytes, ending in a newline.
 * @throws TypeError when `policy` is not a Policy object, holds values of the wrong type, or has a key no
 *   audit.k8s.io/v1 field has (kube-apiserver would drop it)
 * @throws Error when validatePolicy rejects it for `options.kubernetesVersion` (default DEFAULT_KUBERNETES_VERSION),
 *   listing upstream's messages
 */
export function renderPolicy(policy: Policy, options: VersionOptions = {}): string {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    const got = policy === null ? 'null' : Array.isArray(policy) ? 'an array' : typeof policy;
    throw new TypeError(
      `renderPolicy: expected an audit.k8s.io/v1 Policy object ({ apiVersion, kind, rules: [...] }), got ${got}`,
    );
  }
  // The document's own fields: kube-apiserver loads only audit.k8s.io/v1 Policy, with metadata an object.
  const document = policy as unknown as Record<string, unknown>;
  const header =
    document.apiVersion !== undefined && document.apiVersion !== 'audit.k8s.io/v1'
      ? `apiVersion ${JSON.stringify(document.apiVersion)} (kube-apiserver loads only audit.k8s.io/v1 since 1.24)`
      : document.kind !== undefined && document.kind !== 'Policy'
        ? `kind ${JSON.stringify(document.kind)} (kube-apiserver loads only kind Policy)`
        : document.metadata !== undefined && !isPlainRecord(document.metadata)
          ? `metadata that is not an object (${Array.isArray(document.metadata) ? 'a list' : typeof document.metadata})`
          : undefined;
  if (header !== undefined) throw new TypeError(`renderPolicy: refusing to write a policy with ${header}`);
  const inherited = inheritedObject(document);
  if (inherited !== undefined) {
    throw new TypeError(
      `renderPolicy: policy${inherited} must be a plain object: fields inherited from a prototype or class ` +
        'would not be written. Fix: build it from object literals',
    );
  }
  // validatePolicy checks the fields kube-apiserver reads; a key no field has would be dropped here and by
  // the cluster, so the written policy would not be the one given (a misspelt `verb` widens its rule).
  const unknown = policyUnknownKeys(policy as unknown as Record<string, unknown>);
  if (unknown.length > 0) {
    throw new TypeError(
      `renderPolicy: refusing to write a policy with keys no audit.k8s.io/v1 field has (they would be dropped, ` +
        `and a rule would match more than written): ${describeUnknownKeys(unknown)}`,
    );
  }
  const unwritable = loneSurrogatePath(policy, 'policy');
  if (unwritable !== undefined) {
    throw new TypeError(
      `renderPolicy: ${unwritable} holds a lone UTF-16 surrogate, which UTF-8 cannot encode (it would become ` +
        'U+FFFD) and whose "\\uD800"-style escape go-yaml refuses ("found invalid Unicode character escape code"). ' +
        'Fix: remove it, or pair it into the character meant',
    );
  }
  const errors = validatePolicy(policy, options);
  if (errors.length > 0) {
    const version = options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const listed = errors.slice(0, MAX_LISTED_PROBLEMS).map((e) => `  - ${fieldErrorProblemMessage(e)}`);
    if (errors.length > MAX_LISTED_PROBLEMS)
      listed.push(`  - … and ${errors.length - MAX_LISTED_PROBLEMS} more`);
    const typeErrors = errors.some((e) => e.type === 'FieldValueTypeInvalid');
    const message =
      `renderPolicy: refusing to write a policy that kube-apiserver (Kubernetes ${version}) would refuse:\n` +
      listed.join('\n');
    throw typeErrors ? new TypeError(message) : new Error(message);
  }
  return policyYaml(policy);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (key or value) with a lone surrogate, or undefined; iterative, linear. */
function loneSurrogatePath(root: unknown, rootPath: string): string | undefined {
  const stack: Array<[unknown, string]> = [[root, rootPath]];
  // Shared or cyclic objects (metadata is free-form) are walked once.
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) continue;
      seen.add(value);
    }
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, `${path}[${i}]`]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) return `${path} key ${JSON.stringify(key)}`;
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}
