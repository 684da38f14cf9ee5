/**
 * Who reads a policy, and what that reader really does with the things this loader refuses. The loader is
 * equally strict for both; its messages must say truthfully what the cluster would do.
 *
 * - `kube-apiserver`: `--audit-policy-file`, read by k8s.io/apiserver pkg/audit/policy/reader.go (strict decode,
 *   then a lenient retry that keeps the last duplicate and drops unknown fields; apiVersion must be
 *   audit.k8s.io/v1; validation; at least one rule).
 * - `deckhouse`: the custom policy in Secret kube-system/audit-policy, read by control-plane-manager's hook with
 *   sigs.k8s.io/yaml UnmarshalStrict into the audit v1 Go type (deckhouse-audit.md §2): unknown and duplicate
 *   keys fail the hook (the cluster keeps its previous policy), field names match case-insensitively
 *   (encoding/json), numbers and booleans in string fields become strings, apiVersion, kind and the number of
 *   rules are not checked, and the merged policy is written out as audit.k8s.io/v1.
 */

/** The component that reads the policy text. */
export type PolicyTarget = 'kube-apiserver' | 'deckhouse';

/** What the reader does, phrased for messages. */
export interface ReaderFacts {
  /** A value of the wrong type (a list for a string, a string for a boolean...). */
  readonly decodeFails: string;
  /** A boolean or number in a string field; `coerced` is the string sigs.k8s.io/yaml would make of it, if any. */
  scalarInStringField(coerced: string | undefined): string;
  /** A second key with the same name in one mapping. */
  readonly duplicateKey: string;
  /** A key that both a YAML merge (`<<`) and the mapping (or two merges) set. */
  readonly mergeOverlap: string;
  /** A second non-empty YAML document. */
  readonly laterDocuments: string;
  /** An empty policy (nothing but blanks or comments): what the reader does with it, if it accepts it. */
  readonly emptyDocument?: string;
  /** An empty first document followed by the policy. */
  readonly emptyFirstDocument: string;
  /** A key that belongs to the rule, written inside a resources entry. */
  readonly misplacedRuleKey: string;
  /** Any other key no field has, in `what` (the policy, a rule, a resources entry, metadata). */
  unknownKey(what: string): string;
  /** A key that differs from a field name only in case; `field` is the real name. */
  caseVariantKey(field: string): string | undefined;
  /** A null item in a string list. */
  readonly nullListItem: string;
  /** A null rule, and a null resources entry (encoding/json leaves the Go struct at its zero value). */
  readonly nullRule: string;
  readonly nullResourcesEntry: string;
  /**
   * Whether the reader takes text that its JSON sniffing recognizes ("{" first, after white space) as JSON:
   * kube-apiserver's universal decoder does; Deckhouse's hook (sigs.k8s.io/yaml) reads everything with go-yaml.
   */
  readonly readsJson: boolean;
  /** Where go-yaml refuses the text: the reader's consequence, phrased after go-yaml's own message. */
  readonly goYamlRefuses: string;
  /** Text that starts with "{" but is not JSON: `yaml` says whether YAML (go-yaml) reads it. */
  invalidJson(yaml: boolean): string;
  /** The apiVersion checks (only kube-apiserver makes them). */
  missingApiVersion(): string;
  removedApiVersion(version: string): string;
  otherApiVersion(quoted: string, expected: string): string;
  otherKind(quoted: string): string;
}

const NULL_RESOURCES_ENTRY =
  'an empty entry (group "", no resources), which matches every resource of the core group';
const HOOK_FAILS = 'the module run fails and the cluster keeps its previous policy';
const DECKHOUSE_SKIPS_API_VERSION =
  'Deckhouse does not check apiVersion: it would use the rules as they are and write them into the audit.k8s.io/v1 policy kube-apiserver runs';

/** The facts per reader. */
export const READER_FACTS: Readonly<Record<PolicyTarget, ReaderFacts>> = {
  'kube-apiserver': {
    readsJson: true,
    goYamlRefuses: 'kube-apiserver fails to decode the policy and does not start',
    decodeFails: 'kube-apiserver fails to decode this',
    scalarInStringField: () => 'kube-apiserver fails to decode this',
    duplicateKey: 'kube-apiserver would keep the last one, with only a warning in its log',
    mergeOverlap:
      'kube-apiserver\'s strict decoding refuses it ("already set in map") and its lenient retry keeps the value written last',
    laterDocuments: 'kube-apiserver reads only the first document of the file and silently ignores the rest',
    emptyFirstDocument:
      'kube-apiserver reads only the first YAML document of the file, and it is empty: the policy after it is never read and kube-apiserver fails to start on the empty one',
    misplacedRuleKey: 'kube-apiserver would drop it, with only a warning in its log, and widen the rule',
    unknownKey: (what) =>
      `kube-apiserver's strict decoding refuses it, and its lenient retry drops it (with only a warning in its ` +
      `log) and runs ${what} without it`,
    caseVariantKey: () => undefined,
    nullListItem: 'kube-apiserver reads it as "" (the empty string)',
    nullRule:
      'kube-apiserver reads it as a rule without a level and refuses the policy (level: Required value)',
    nullResourcesEntry: `kube-apiserver reads it as ${NULL_RESOURCES_ENTRY}`,
    invalidJson: () => 'kube-apiserver reads text that starts with "{" as JSON and fails to decode it',
    missingApiVersion: () =>
      'kube-apiserver refuses a policy without apiVersion ("unknown group version field audit.k8s.io/__internal")',
    removedApiVersion: (version) =>
      `apiVersion ${version} was removed in Kubernetes 1.24; kube-apiserver refuses to load it (no kind "Policy" is registered for version "${version}")`,
    otherApiVersion: (quoted, expected) =>
      `apiVersion ${quoted} is not an audit policy version; kube-apiserver only loads ${expected}`,
    otherKind: (quoted) => `kind: ${quoted} is not an audit policy; kube-apiserver only loads kind Policy`,
  },
  deckhouse: {
    readsJson: false,
    goYamlRefuses: `Deckhouse's hook fails to decode it: ${HOOK_FAILS}`,
    decodeFails: `Deckhouse's hook fails to decode this: ${HOOK_FAILS}`,
    scalarInStringField: (coerced) =>
      coerced === undefined
        ? `Deckhouse's hook fails to decode this: ${HOOK_FAILS}`
        : `Deckhouse would accept it and write the string ${JSON.stringify(coerced)} into the policy kube-apiserver runs`,
    duplicateKey: `Deckhouse's hook refuses duplicate keys: ${HOOK_FAILS}`,
    mergeOverlap: `Deckhouse's hook refuses it ("already set in map"): ${HOOK_FAILS}`,
    laterDocuments:
      "Deckhouse's hook reads only the first document of the Secret's policy and silently ignores the rest",
    emptyDocument:
      "Deckhouse's hook accepts it as a policy with no rules (the cluster runs the built-in rules alone, or " +
      'has no audit at all with basicAuditPolicyEnabled: false)',
    emptyFirstDocument:
      "Deckhouse's hook reads only the first YAML document, and it is empty: none of the rules after it would reach the cluster",
    misplacedRuleKey: `Deckhouse's hook refuses it: ${HOOK_FAILS}`,
    unknownKey: () => `Deckhouse's hook refuses unknown keys: ${HOOK_FAILS}`,
    caseVariantKey: (field) =>
      `Deckhouse would accept it (its decoder matches field names case-insensitively) as "${field}", but kube-apiserver, kubectl and this loader read field names exactly`,
    nullListItem: 'Deckhouse reads it as "" (the empty string)',
    nullRule:
      'Deckhouse writes it into the merged policy as a rule without a level, which kube-apiserver refuses ' +
      '(level: Required value): it does not start',
    nullResourcesEntry: `Deckhouse writes it into the merged policy as ${NULL_RESOURCES_ENTRY}`,
    invalidJson: (yaml) =>
      yaml
        ? "Deckhouse's hook reads the policy as YAML, where this syntax is valid, but kube-apiserver and kubectl " +
          'read text that starts with "{" as JSON and refuse it'
        : `Deckhouse's hook fails to decode this: ${HOOK_FAILS}`,
    missingApiVersion: () =>
      `${DECKHOUSE_SKIPS_API_VERSION}, but a policy without apiVersion is refused by kube-apiserver and most tools`,
    removedApiVersion: (version) =>
      `${DECKHOUSE_SKIPS_API_VERSION}; on its own, kube-apiserver refuses ${version} (removed in Kubernetes 1.24)`,
    otherApiVersion: (quoted, expected) =>
      `apiVersion ${quoted}: ${DECKHOUSE_SKIPS_API_VERSION}, but the file does not say it is an ${expected} policy`,
    otherKind: (quoted) =>
      `kind: ${quoted}: Deckhouse does not check kind and would use the rules as they are, but the file does not say it is a Policy`,
  },
};
