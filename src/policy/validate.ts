import { DEFAULT_KUBERNETES_VERSION, kubernetesVersionProblem } from './kubernetes-version';
import {
  BadValueStyle,
  invalidError,
  notSupportedError,
  requiredError,
  typeInvalidError,
} from './field-error';
import { FieldError, LEVELS, STAGES, VersionOptions } from './types';
import {
  compareKubernetesVersions,
  GROUP_WILDCARD_SINCE,
  JSON_BAD_VALUES_SINCE,
  parseKubernetesVersion,
} from './version';

export { formatFieldErrors } from './field-error';

// Upstream's DNS-1123 subdomain rule (k8s.io/apimachinery/pkg/util/validation), used for API groups.
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must " +
  "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is " +
  "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const STAGE_DETAIL = `allowed stages are ${STAGES.join(',')}`;
const LEVEL_SET: ReadonlySet<string> = new Set(LEVELS);
const STAGE_SET: ReadonlySet<string> = new Set(STAGES);

/** What the apiserver's DNS-1123 subdomain check says about a name; empty when it is valid. */
export function dns1123SubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (Buffer.byteLength(value, 'utf8') > DNS1123_SUBDOMAIN_MAX_LENGTH) {
    errors.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX_LENGTH} characters`);
  }
  if (!DNS1123_SUBDOMAIN.test(value)) errors.push(DNS1123_SUBDOMAIN_MESSAGE);
  return errors;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

// Absent and null lists mean "no constraint" (as after Go's JSON decoding); other non-arrays are the
// decoding errors kube-apiserver would fail on, reported here as type errors instead of throwing.
function listAt(value: unknown, field: string, errors: FieldError[]): unknown[] {
  if (value === undefined || value === null) return [];
  // Array.from: a hole in a sparse list is visited as undefined (JSON writes it as null), never skipped.
  if (Array.isArray(value)) return Array.from(value);
  errors.push(typeInvalidError(field, value, `must be a list, not ${describeType(value)}`));
  return [];
}

function stringListAt(value: unknown, field: string, errors: FieldError[]): string[] {
  const list = listAt(value, field, errors);
  const strings: string[] = [];
  list.forEach((item, i) => {
    if (typeof item === 'string') strings.push(item);
    else errors.push(typeInvalidError(`${field}[${i}]`, item, `must be a string, not ${describeType(item)}`));
  });
  return strings;
}

function validateOmitStages(value: unknown, field: string, errors: FieldError[]): void {
  listAt(value, field, errors).forEach((stage, i) => {
    if (typeof stage !== 'string') {
      errors.push(typeInvalidError(`${field}[${i}]`, stage, `must be a string, not ${describeType(stage)}`));
    } else if (!STAGE_SET.has(stage)) {
      errors.push(invalidError(`${field}[${i}]`, stage, STAGE_DETAIL));
    }
  });
}

function validateLevel(value: unknown, field: string, style: BadValueStyle, errors: FieldError[]): void {
  if (value === undefined || value === null || value === '') errors.push(requiredError(field));
  else if (typeof value !== 'string') {
    errors.push(typeInvalidError(field, value, `must be a string, not ${describeType(value)}`));
  } else if (!LEVEL_SET.has(value)) {
    // The level is an audit.Level, not a plain string: it prints like a list does, not with %q.
    errors.push(notSupportedError(field, value, LEVELS, { style, namedString: true }));
  }
}

function validateNonResourceURLs(urls: string[], field: string, errors: FieldError[]): void {
  urls.forEach((url, i) => {
    if (url === '*') return;
    if (!url.startsWith('/')) {
      errors.push(
        invalidError(`${field}[${i}]`, url, "non-resource URL rules must begin with a '/' character"),
      );
    }
    if (url !== '' && url.slice(0, -1).includes('*')) {
      errors.push(
        invalidError(
          `${field}[${i}]`,
          url,
          "non-resource URL wildcards '*' must be the final character of the rule",
        ),
      );
    }
  });
}

function validateResources(
  value: unknown,
  field: string,
  { groupWildcard, style }: RuleContext,
  errors: FieldError[],
): void {
  listAt(value, field, errors).forEach((entry, j) => {
    if (!isRecord(entry)) {
      errors.push(typeInvalidError(`${field}[${j}]`, entry, `must be an object, not ${describeType(entry)}`));
      return;
    }
    const group = entry.group;
    if (group !== undefined && group !== null && typeof group !== 'string') {
      errors.push(
        typeInvalidError(`${field}[${j}].group`, group, `must be a string, not ${describeType(group)}`),
      );
    } else if (typeof group === 'string' && group !== '' && !(groupWildcard && group === '*')) {
      const messages = dns1123SubdomainErrors(group);
      // Upstream reports the group without the entry's index.
      if (messages.length > 0) errors.push(invalidError(`${field}.group`, group, messages.join(',')));
    }
    const resources = stringListAt(entry.resources, `${field}[${j}].resources`, errors);
    const resourceNames = stringListAt(entry.resourceNames, `${field}[${j}].resourceNames`, errors);
    if (resourceNames.length > 0 && resources.length === 0) {
      errors.push(
        invalidError(
          `${field}.resourceNames`,
          resourceNames,
          'using resourceNames requires at least one resource',
          { style },
        ),
      );
    }
  });
}

/** What the target Kubernetes version changes in validation. */
interface RuleContext {
  /** `group: "*"` is allowed (1.36+). */
  groupWildcard: boolean;
  style: BadValueStyle;
}

function validateRule(rule: unknown, path: string, context: RuleContext, errors: FieldError[]): void {
  if (!isRecord(rule)) {
    errors.push(typeInvalidError(path, rule, `must be an object, not ${describeType(rule)}`));
    return;
  }
  validateLevel(rule.level, `${path}.level`, context.style, errors);
  const urls = stringListAt(rule.nonResourceURLs, `${path}.nonResourceURLs`, errors);
  validateNonResourceURLs(urls, `${path}.nonResourceURLs`, errors);
  validateResources(rule.resources, `${path}.resources`, context, errors);
  validateOmitStages(rule.omitStages, `${path}.omitStages`, errors);
  // The mix check counts entries, not their content: `namespaces: [""]` counts, `resources: []` does not.
  const resourceCount = Array.isArray(rule.resources) ? rule.resources.length : 0;
  const namespaceCount = Array.isArray(rule.namespaces) ? rule.namespaces.length : 0;
  if (urls.length > 0 && (resourceCount > 0 || namespaceCount > 0)) {
    errors.push(
      invalidError(
        `${path}.nonResourceURLs`,
        urls,
        'rules cannot apply to both regular resources and non-resource URLs',
        { style: context.style },
      ),
    );
  }
  // Fields upstream never validates, checked only for their JSON type (the decoder would refuse them).
  for (const key of ['users', 'userGroups', 'verbs', 'namespaces'] as const) {
    stringListAt(rule[key], `${path}.${key}`, errors);
  }
  checkBoolean(rule.omitManagedFields, `${path}.omitManagedFields`, errors);
}

function checkBoolean(value: unknown, field: string, errors: FieldError[]): void {
  if (value !== undefined && value !== null && typeof value !== 'boolean') {
    errors.push(typeInvalidError(field, value, `must be true or false, not ${describeType(value)}`));
  }
}

/**
 * Validates a policy exactly as kube-apiserver's ValidatePolicy does for the target Kubernetes version
 * (same checks, order, field paths and messages), plus type errors for values that are not JSON of the
 * right shape. A `kubernetesVersion` that does not parse, or is outside the versions this package models
 * (SUPPORTED_KUBERNETES_VERSIONS), yields one `kubernetesVersion` error and nothing else.
 */
export function validatePolicy(policy: unknown, options: VersionOptions = {}): FieldError[] {
  const versionText = options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
  if (typeof versionText !== 'string') {
    return [
      invalidError(
        'kubernetesVersion',
        versionText,
        'must be a Kubernetes version such as "1.32" or "v1.36.2"',
      ),
    ];
  }
  const versionProblem = kubernetesVersionProblem(versionText);
  if (versionProblem !== undefined) return [invalidError('kubernetesVersion', versionText, versionProblem)];
  const version = parseKubernetesVersion(versionText)!;
  const since = (minimum: string) =>
    compareKubernetesVersions(version, parseKubernetesVersion(minimum)!) >= 0;
  const context: RuleContext = {
    groupWildcard: since(GROUP_WILDCARD_SINCE),
    style: since(JSON_BAD_VALUES_SINCE) ? 'json' : 'go-syntax',
  };
  const errors: FieldError[] = [];
  if (!isRecord(policy)) {
    errors.push(
      typeInvalidError(
        '<root>',
        policy,
        `must be an audit.k8s.io/v1 Policy object, not ${describeType(policy)}`,
      ),
    );
    return errors;
  }
  validateOmitStages(policy.omitStages, 'omitStages', errors);
  listAt(policy.rules, 'rules', errors).forEach((rule, i) =>
    validateRule(rule, `rules[${i}]`, context, errors),
  );
  checkBoolean(policy.omitManagedFields, 'omitManagedFields', errors);
  return errors;
}
