// The public API of cdk8s-deckhouse-audit: every name here is a promise (the API report in etc/ records it);
// everything else under src/ is internal and may change. Grouped by layer (docs/architecture.md).

// ---- Policy engine: audit.k8s.io/v1 as kube-apiserver loads, validates and evaluates it ------------------
export { LEVELS, STAGES, isEffectivePolicy } from './policy/types';
export type {
  CompiledPolicy,
  Decision,
  EffectivePolicy,
  FieldError,
  Finding,
  GroupResources,
  Level,
  ParseResult,
  Policy,
  PolicyProducer,
  PolicyRule,
  Problem,
  RequestAttributes,
  RuleLayer,
  RuleOrigin,
  Stage,
  VersionOptions,
} from './policy/types';
export {
  AUDIT_API_VERSION,
  SECRET_SIZE_LIMIT_BYTES,
  loadPolicy,
  parsePolicy,
  type LoadOptions,
  type ParseOptions,
  type PolicyTarget,
  type PolicyText,
} from './policy/parse';
export { formatFieldErrors, validatePolicy } from './policy/validate';
export { compilePolicy, evaluatePolicy } from './policy/evaluate';
export { InvalidPolicyError } from './policy/arguments';
export { renderPolicy } from './policy/render';
export {
  DEFAULT_KUBERNETES_VERSION,
  SUPPORTED_KUBERNETES_RANGE,
  SUPPORTED_KUBERNETES_VERSIONS,
} from './policy/kubernetes-version';
export {
  PolicyBuilder,
  PolicyBuilderError,
  policy,
  resources,
  type KnownVerb,
  type PolicyOptions,
  type ResourceOptions,
  type RuleMatch,
  type Verb,
} from './policy/builder';
export { requestFromUrl, type RequestFromUrlOptions } from './policy/url-request';
export { kubectlRequest, requestFromKubectl, type KubectlRequest } from './policy/kubectl-request';
export { type PodLookup } from './policy/kubectl-plan';
export { RequestSpecError } from './policy/request-spec-error';
export type { RequestIdentity } from './policy/identity';
export {
  LINT_CODES,
  type LintCode,
  type LintFinding,
  type LintOptions,
  type Severity,
} from './policy/lint-types';
export { lintPolicy } from './policy/lint';
export { describeRequest, describeRule, ruleLabel } from './policy/describe';
export {
  ASSERTION_FAILED,
  AuditAssertionError,
  PolicyAssertions,
  RequestAssertions,
  checkAssertions,
  expectAudit,
  type AssertionResult,
  type AuditAssertion,
  type AuditRequest,
  type RecordingOutcome,
} from './policy/assertions';

// ---- Deckhouse model: the built-in rules, the effective policy, explanations, assertion packs --------------
export {
  DECKHOUSE_BASIC_RULES,
  EXTRA_AUDIT_POLICY_CONFIG_LABEL,
  buildBasicRules,
  builtInRulesSummary,
  parseExtraAuditPolicyConfig,
  renderExtraAuditPolicyConfig,
  withExtraServiceAccounts,
  type BuildBasicRulesOptions,
  type DeckhouseBasicRules,
  type ExtraAuditPolicyConfig,
} from './deckhouse/basic-rules';
export type { DeckhouseSystemLists } from './deckhouse/data/basic-rules.generated';
export { deckhouseEffectivePolicy, type DeckhouseEffectivePolicyOptions } from './deckhouse/effective';
export { MERGED_POLICY_PATH } from './deckhouse/merged-policy-text';
export {
  builtInRulesFromMergedPolicy,
  readMergedAuditPolicy,
  type MergedAuditPolicy,
  type ReadMergedAuditPolicyOptions,
} from './deckhouse/merged-policy';
export {
  builtInRulesDifference,
  formatBuiltInRulesDifference,
  type BuiltInRuleChange,
  type BuiltInRulesDifference,
  type ListDifference,
} from './deckhouse/built-in-rules-difference';
export { explain, formatExplanation, type Explanation, type PreemptedRule } from './deckhouse/explain';
export {
  explainUnknownName,
  type ListedNameExplanation,
  type UnknownNameExplanation,
} from './deckhouse/explain-unknown-name';
export {
  ASSERTION_PACKS,
  cis,
  dvpDocumentedExclusions,
  dvpDocumentedPromises,
  failedStatements,
  falcoNeedsBodies,
  runAssertionPack,
  type AssertionPack,
  type FailedStatement,
} from './deckhouse/assertion-packs';
export {
  AUDIT_POLICY_SECRET_KEY,
  AUDIT_POLICY_SECRET_NAME,
  AUDIT_POLICY_SECRET_NAMESPACE,
} from './deckhouse/policy-secret-location';

// ---- cdk8s constructs ---------------------------------------------------------------------------------------
export { DeckhouseClusterAudit, type DeckhouseClusterAuditProps } from './constructs/deckhouse-cluster-audit';
export {
  CONTROL_PLANE_MANAGER_SETTINGS_VERSION,
  ControlPlaneAuditConfig,
  type ControlPlaneAuditConfigProps,
} from './constructs/control-plane-audit-config';
export {
  DEFAULT_AUDIT_LOG_PATH,
  type AuditLogOptions,
  type AuditLogOutput,
  type ResolvedAuditLog,
} from './constructs/audit-log-settings';
export {
  AuditPolicySecret,
  POLICY_SHA256_ANNOTATION,
  type AuditPolicySecretProps,
  type PolicyInput,
} from './constructs/audit-policy-secret';
export {
  AuditLogShipping,
  DEFAULT_AUDIT_LOGGING_CONFIG_NAME,
  type AuditLogShippingProps,
} from './constructs/audit-log-shipping';
export { LogShipperModule, type LogShipperModuleProps } from './constructs/log-shipper-module';
export {
  DEFAULT_LOKI_LABELS,
  DEFAULT_SIEM_BUFFER,
  LOG_DESTINATION_TYPES,
  SIEM_DESTINATION_TYPES,
  base64Pem,
  type AuditLogDestination,
  type BasicAuth,
  type BufferOptions,
  type DiskBufferOptions,
  type MemoryBufferOptions,
  type CefOptions,
  type ClientCertificate,
  type ElasticsearchAuth,
  type ElasticsearchDestination,
  type KafkaDestination,
  type LogDestinationBase,
  type LogDestinationType,
  type LogstashDestination,
  type LokiAuth,
  type LokiBearerAuth,
  type LokiDestination,
  type RateLimitOptions,
  type SocketDestination,
  type SplunkDestination,
  type TlsOptions,
  type TlsSecretRef,
  type VectorDestination,
} from './constructs/log-destination';
export { TLS_SECRET_CONTRACT } from './constructs/tls-secret';
export {
  AuditEventSelection,
  contains,
  doesNotExist,
  exact,
  exists,
  matches,
  notContains,
  notExact,
  notMatches,
  type AuditEventField,
  type LogFilter,
  type LogFilterOperator,
} from './constructs/log-filter';
export {
  AuditTransformations,
  type AddLabelsTransformation,
  type DropLabelsTransformation,
  type LogTransformation,
  type LogTransformationAction,
  type ParseMessageOptions,
  type ParseMessageTransformation,
  type ReplaceKeysTransformation,
  type ReplaceValueTransformation,
} from './constructs/log-transformation';
export { SYNC_WAVES, type ArgoCdOptions } from './constructs/argocd';
export type {
  AcknowledgedFinding,
  AuditAssertionFunction,
  AuditLintOptions,
  PolicyCheckFinding,
} from './constructs/policy-checks';
export { runSynth, synthesizeApp, type RunSynthOptions, type SynthResult } from './constructs/synth';
export { onWarnings, type WarningHandler } from './constructs/warnings';

// ---- Replay: what a policy would write, from a real audit log -----------------------------------------------
export { simulate, simulateMany } from './replay/simulate';
export { diffReports, type Delta, type NullableDelta, type ReportDiff, type RuleDelta } from './replay/diff';
export type {
  ContainerLogRotation,
  EventsAndBytes,
  LevelChange,
  LevelCounts,
  MalformedLine,
  NamedReplayStream,
  ReplayInput,
  ReplayOptions,
  ReplayProgress,
  RequestUsage,
  ResourceUsage,
  RetentionEstimate,
  RotationSettings,
  RuleReport,
  SimulateOptions,
  SimulationReport,
  SourceReport,
  TopListError,
  UserUsage,
  WrittenLevelCounts,
} from './replay/types';
export type { SpanResult } from './replay/time-span';
