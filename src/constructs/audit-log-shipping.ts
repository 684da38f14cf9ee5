import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as L1 from '../../imports/deckhouse.io';
import { ArgoCdOptions } from './argocd';
import {
  AUDIT_LOG_FILE_NAME,
  AuditLogOptions,
  checkAuditLogOptions,
  checkClusterScopedChart,
  ResolvedAuditLog,
  resolveAuditLog,
} from './control-plane-audit-config';
import { l1Filters } from './l1-filters';
import {
  AUDIT_LOG_OPTION_KEYS,
  AUDIT_LOG_SHIPPING_MARK,
  auditLogSchemaProblems,
  LOG_SHIPPER_READABLE_ROOT,
  readableByLogShipper,
} from './audit-log-settings';
import { checkDestination } from './destination-check';
import { renderedCredentialProblems } from './destination-render-check';
import { destinationSpec } from './destination-spec';
import { TLS_BY_MATERIAL, unappliedFieldProblems } from './destination-effect';
import { AuditLogDestination } from './log-destination';
import { AuditEventSelection, checkLogFilters, exact, LogFilter } from './log-filter';
import { selectionOverlapProblems } from './selection-overlap';
import { describeValue, formatProblem, PropProblem } from './messages';
import { controlPlaneConfigsOf, renderedApiserverSettings } from './policy-secret-checks';
import { canonicalManifest } from './synth';
import { notInAbsentFieldWarnings } from './filter-absent-fields';
import { addLazyWarnings, addWarning } from './warnings';
import { schemaErrors } from './schema-validation';
import { guardIdentity } from './object-identity';
import { isJsonObject } from './json-values';
import { checkTlsSecret, TlsSecretCheck } from './tls-secret';
import {
  checkArgoCdProps,
  checkInChart,
  checkPropKeys,
  checkPropList,
  ConstructPropsError,
  PropKeys,
} from './prop-keys';
import { checkPropsData, describeReceived } from './plain-data';
import { logShipperAnnotations } from './client-side-apply';

export { LOG_SHIPPER_READABLE_ROOT };
/** Default name of the ClusterLoggingConfig that reads the audit log. */
export const DEFAULT_AUDIT_LOGGING_CONFIG_NAME = 'kube-audit';

/** Props of {@link AuditLogShipping}. */
export interface AuditLogShippingProps extends ArgoCdOptions {
  /** Where the audit events go (at least one). */
  readonly destinations: readonly AuditLogDestination[];
  /**
   * Where kube-apiserver writes the events (must match the control-plane-manager settings).
   * @default - `{ output: 'File', path: '/var/log/kube-audit' }`
   */
  readonly auditLog?: AuditLogOptions;
  /**
   * Name of the ClusterLoggingConfig for destinations without `selections`, and prefix of the others.
   * @default 'kube-audit'
   */
  readonly name?: string;
  /**
   * logFilter items applied to every ClusterLoggingConfig (e.g. drop health checks).
   * @default - none
   */
  readonly filters?: readonly LogFilter[];
  /**
   * The Argo CD sync wave of the destinations and logging configs.
   * @default 1
   */
  readonly syncWave?: number;
}

/** One ClusterLoggingConfig this construct creates: which destinations it feeds, with which filters. */
interface LoggingConfigPlan {
  readonly name: string;
  /** The prop the name is built from last (`name`, or `destinations[i].selections[j].name`), for messages. */
  readonly field: string;
  /** How the name is built, for messages: `name`, or `<name>-<destination>-<selection>`. */
  readonly built: string;
  readonly destinationRefs: readonly string[];
  readonly logFilter: readonly LogFilter[];
}

/**
 * The longest `metadata.name` of a ClusterLoggingConfig: a custom resource's name is a DNS-1123 subdomain
 * (apiextensions-apiserver validates it with NameIsDNSSubdomain; k8s.io/apimachinery's DNS1123SubdomainMaxLength).
 */
export const LOGGING_CONFIG_NAME_MAX = 253;

// "1 character", "7 characters".
function characters(count: number): string {
  return `${count} character${count === 1 ? '' : 's'}`;
}

/**
 * The name problems of the planned ClusterLoggingConfigs: a derived `<name>-<destination>-<selection>` longer
 * than a custom resource's name may be, and two plans with one name (`a-b` + `c` and `a` + `b-c` join alike).
 * Refused rather than shortened: a name with a hash in it would not be stable to read and review (no hashes in
 * names), and a cut one could collide.
 */
function planNameProblems(plans: readonly LoggingConfigPlan[], nameField: string): PropProblem[] {
  const problems: PropProblem[] = [];
  const byName = new Map<string, LoggingConfigPlan>();
  for (const plan of plans) {
    const first = byName.get(plan.name);
    if (first !== undefined) {
      problems.push({
        field: plan.field,
        received: plan.name,
        expected:
          `a ClusterLoggingConfig name no other of this pipeline has (${first.field} gives "${first.name}" too: ` +
          `names are built as ${plan.built})`,
        fix:
          first.field.replace(/\.selections.*$/, '') === plan.field.replace(/\.selections.*$/, '')
            ? 'give each selection of a destination its own name'
            : 'rename one of the selections (or destinations) so that the joined names differ',
      });
    } else byName.set(plan.name, plan);
    if (plan.name.length > LOGGING_CONFIG_NAME_MAX) {
      problems.push({
        field: plan.field,
        received: plan.name,
        expected:
          `a ClusterLoggingConfig name of at most ${LOGGING_CONFIG_NAME_MAX} characters (a DNS-1123 subdomain); ` +
          `${plan.built} is ${plan.name.length}`,
        fix: `shorten ${plan.built === nameField ? nameField : `${nameField}, the destination name or the selection name`} by ${characters(
          plan.name.length - LOGGING_CONFIG_NAME_MAX,
        )}`,
      });
    }
  }
  return problems;
}

/** The log-shipper agent reads host files only under /var/log. */
export function checkAuditLogReadable(auditLog: ResolvedAuditLog, field = 'auditLog.path'): PropProblem[] {
  if (auditLog.output !== 'File') return [];
  const path = auditLog.path;
  if (readableByLogShipper(path)) return [];
  return [
    {
      field,
      received: path,
      expected: `a directory under ${LOG_SHIPPER_READABLE_ROOT}/ (the log-shipper agent mounts only the host's ${LOG_SHIPPER_READABLE_ROOT})`,
      fix: `keep the default "/var/log/kube-audit", choose another directory under ${LOG_SHIPPER_READABLE_ROOT}/, or use output: "Stdout"`,
    },
  ];
}

/** The keys of an AuditEventSelection. */
const SELECTION_KEYS: PropKeys<AuditEventSelection> = { name: true, filters: true };

/** Every prop of AuditLogShipping: any other key is refused (prop-keys.ts). */
const AUDIT_LOG_SHIPPING_PROPS: PropKeys<AuditLogShippingProps> = {
  argoCdAnnotations: true,
  destinations: true,
  auditLog: true,
  name: true,
  filters: true,
  syncWave: true,
};

/**
 * Set on the props by a construct that makes an AuditLogShipping from props of its own under other names
 * (DeckhouseClusterAudit: `loggingConfigName`, `shippingFilters`), so that messages name the field the user
 * wrote. A symbol key: not a prop, and not seen by the prop-key check.
 */
export const SHIPPING_FIELD_NAMES = Symbol('AuditLogShipping field names');

/** What the user calls AuditLogShipping's `name` and `filters`. */
export interface ShippingFieldNames {
  readonly name: string;
  readonly filters: string;
}

/** `field` (`name`, `filters[0].values`, …) under the names the user wrote. */
function userField(field: string, names: ShippingFieldNames | undefined): string {
  if (names === undefined) return field;
  return field.replace(/^(name|filters)(?=$|[.[])/, (prop) => names[prop as keyof ShippingFieldNames]);
}

/**
 * The log-shipper pipeline for the audit log: a ClusterLoggingConfig reading it (the host file
 * for `File`, the kube-apiserver container log for `Stdout`) and the ClusterLogDestinations;
 * destinations with `selections` get their own ClusterLoggingConfig per selection.
 */
export class AuditLogShipping extends Construct {
  /** The ClusterLogDestination objects, by destination name. */
  public readonly destinations: ReadonlyMap<string, ApiObject>;
  /** The ClusterLoggingConfig objects, by name. */
  public readonly loggingConfigs: ReadonlyMap<string, ApiObject>;
  /** The audit log settings with defaults applied. */
  public readonly auditLog: ResolvedAuditLog;

  public constructor(scope: Construct, id: string, props: AuditLogShippingProps) {
    super(scope, id);
    checkInChart(this, Chart.isChart);
    Object.defineProperty(this, AUDIT_LOG_SHIPPING_MARK, { value: true });
    checkPropsData(this.node.path, props);
    checkPropKeys(this.node.path, 'props', props, AUDIT_LOG_SHIPPING_PROPS, false);
    checkPropKeys(this.node.path, 'auditLog', props.auditLog, AUDIT_LOG_OPTION_KEYS);
    checkArgoCdProps(this.node.path, props);
    const names = (props as { [SHIPPING_FIELD_NAMES]?: ShippingFieldNames })[SHIPPING_FIELD_NAMES];
    checkPropList(this.node.path, userField('filters', names), props.filters, 'log filters');
    if (props.name !== undefined && typeof props.name !== 'string')
      throw new ConstructPropsError(
        this.node.path,
        `${userField('name', names)}: received ${describeReceived(props.name)}, expected a ClusterLoggingConfig name (a string)`,
      );
    (Array.isArray(props.destinations) ? props.destinations : []).forEach((d: unknown, i) => {
      const selections = (d as { selections?: unknown } | null)?.selections;
      checkPropList(
        this.node.path,
        `destinations[${i}].selections`,
        selections,
        'selections ({ name, filters })',
      );
      (Array.isArray(selections) ? selections : []).forEach((selection: unknown, j) => {
        const at = `destinations[${i}].selections[${j}]`;
        checkPropKeys(this.node.path, at, selection, SELECTION_KEYS, false);
        checkPropList(
          this.node.path,
          `${at}.filters`,
          (selection as { filters?: unknown }).filters,
          'log filters',
        );
      });
    });
    this.auditLog = resolveAuditLog(props.auditLog);
    const name = props.name ?? DEFAULT_AUDIT_LOGGING_CONFIG_NAME;
    const destinations = Array.isArray(props.destinations) ? props.destinations : [];
    // The same auditLog mistakes as ControlPlaneAuditConfig's: reported there when the app has one.
    const auditLogProblems = [
      ...checkAuditLogOptions(props.auditLog),
      ...auditLogSchemaProblems(props.auditLog),
    ];
    const problems: PropProblem[] = [];
    if (auditLogProblems.length === 0) problems.push(...checkAuditLogReadable(this.auditLog));
    problems.push(...checkLogFilters(props.filters, 'filters'));
    for (const warning of notInAbsentFieldWarnings(props.filters, 'filters'))
      addWarning(this, formatProblem({ ...warning, field: userField(warning.field, names) }));
    if (destinations.length === 0) {
      problems.push({
        field: 'destinations',
        received: props.destinations,
        expected: 'at least one destination',
        fix: 'add e.g. { type: "Loki", name: "loki", endpoint: "https://loki.example.com" }',
      });
    }
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
      // Its length is checked on the ClusterLoggingConfig names built from it (planNameProblems).
      problems.push({
        field: 'name',
        received: name,
        expected: 'a name of lowercase letters, digits and "-" that starts and ends with a letter or digit',
        fix: 'e.g. "kube-audit"',
      });
    }

    const seen = new Set<string>();
    destinations.forEach((destination, i) => {
      const check = checkDestination(destination);
      const at = (p: PropProblem): PropProblem => ({ ...p, field: `destinations[${i}].${p.field}` });
      problems.push(...check.errors.map(at));
      for (const warning of check.warnings) addWarning(this, formatProblem(at(warning)));
      // Selections an event can match two of would send it twice (selection-overlap.ts).
      if (check.errors.length === 0)
        problems.push(...selectionOverlapProblems(destination.selections, `destinations[${i}]`));
      if (typeof destination?.name === 'string') {
        if (seen.has(destination.name)) {
          problems.push({
            field: `destinations[${i}].name`,
            received: destination.name,
            expected: 'a name not used by another destination',
            fix: 'give each destination its own name',
          });
        }
        seen.add(destination.name);
      }
    });

    const sourceFilters: LogFilter[] =
      this.auditLog.output === 'Stdout'
        ? // kube-apiserver also writes ordinary log lines to stdout: keep only audit events.
          [exact('apiVersion', 'audit.k8s.io/v1')]
        : [];
    const shared = [...sourceFilters, ...(props.filters ?? [])];
    const plans: LoggingConfigPlan[] = [];
    const unselected = destinations.filter(
      (d) => d && (d.selections === undefined || d.selections.length === 0),
    );
    if (unselected.length > 0) {
      plans.push({
        name,
        field: 'name',
        built: userField('name', names),
        destinationRefs: unselected.map((d) => d.name),
        logFilter: shared,
      });
    }
    destinations.forEach((destination, i) => {
      (destination?.selections ?? []).forEach((selection: AuditEventSelection, j: number) => {
        plans.push({
          name: `${name}-${destination.name}-${selection.name}`,
          field: `destinations[${i}].selections[${j}].name`,
          built: `<${userField('name', names)}>-<destination name>-<selection name>`,
          destinationRefs: [destination.name],
          logFilter: [...shared, ...(selection.filters ?? [])],
        });
      });
    });
    problems.push(...planNameProblems(plans, userField('name', names)));

    // ServerSideApply=true on one too large for client-side apply (client-side-apply.ts).
    const annotationsFor = (kind: string, name: string, spec: unknown) =>
      logShipperAnnotations(this, props, kind, name, spec);
    const destinationObjects = new Map<string, L1.ClusterLogDestination>();
    const configs = new Map<string, L1.ClusterLoggingConfigV1Alpha2>();
    // With problems no object is created; the validation below fails synth with them.
    if (problems.length === 0 && auditLogProblems.length === 0) {
      for (const destination of destinations) {
        const spec = destinationSpec(destination);
        const annotations = annotationsFor('ClusterLogDestination', destination.name, spec);
        destinationObjects.set(
          destination.name,
          new L1.ClusterLogDestination(this, `Destination-${destination.name}`, {
            metadata: { name: destination.name, annotations },
            spec,
          }),
        );
      }
      for (const plan of plans) {
        const spec = {
          ...this.sourceSpec(),
          destinationRefs: [...plan.destinationRefs],
          ...this.filterSpec(plan),
        };
        configs.set(
          plan.name,
          new L1.ClusterLoggingConfigV1Alpha2(this, `LoggingConfig-${plan.name}`, {
            metadata: {
              name: plan.name,
              annotations: annotationsFor('ClusterLoggingConfig', plan.name, spec),
            },
            spec,
          }),
        );
      }
    }
    for (const object of [...destinationObjects.values(), ...configs.values()]) canonicalManifest(object);
    for (const [objectName, object] of [...destinationObjects, ...configs]) {
      guardIdentity(this, object, {
        name: objectName,
        readBy: `log-shipper finds a ${object.kind} by its name`,
        clashFix:
          object.kind === 'ClusterLogDestination'
            ? 'give each destination of the app its own name'
            : 'give each AuditLogShipping (loggingConfigName of DeckhouseClusterAudit) its own name',
      });
    }
    this.destinations = destinationObjects;
    this.loggingConfigs = configs;

    this.node.addValidation({
      validate: () =>
        [...(this.auditLogCheckedElsewhere() ? [] : auditLogProblems), ...problems].map((p) =>
          formatProblem({ ...p, field: userField(p.field, names) }),
        ),
    });
    this.node.addValidation({ validate: () => checkClusterScopedChart(this) });
    // Combined by hand with a ControlPlaneAuditConfig: read the log it makes kube-apiserver write.
    this.node.addValidation({
      validate: () => (auditLogProblems.length > 0 ? [] : this.auditLogMismatch(props.auditLog)),
    });
    // Whatever the props, nothing reaches dist/ that its schema would refuse.
    this.node.addValidation({ validate: () => schemaErrors(this) });
    // Nor an inline credential, or a field log-shipper would not apply, that came by another way than the typed
    // props (an escape-hatch patch).
    this.node.addValidation({ validate: () => this.renderedCredentialErrors(destinations) });
    // The Secrets of tls.secretRef, where the app defines them (so: when the whole tree exists).
    this.node.addValidation({ validate: () => this.tlsSecretChecks(destinations).errors.map(formatProblem) });
    addLazyWarnings(this, () => this.tlsSecretChecks(destinations).warnings.map(formatProblem));
  }

  private renderedCredentialErrors(destinations: readonly AuditLogDestination[]): string[] {
    return destinations.flatMap((destination, i) => {
      // A destination that is no object is reported by checkDestination (and has no object).
      if (!isJsonObject(destination)) return [];
      const object = this.destinations.get(destination.name);
      if (object === undefined) return [];
      const json = object.toJson() as Record<string, unknown>;
      // The props' own rendering passed these checks: a finding here comes from a patch.
      const unapplied = unappliedFieldProblems(json.spec).map((p) => ({
        ...p,
        expected: `${p.expected} in the rendered object (an escape-hatch patch?)`,
      }));
      return [
        ...renderedCredentialProblems(json, destination.allowInlineCredentials === true),
        ...unapplied,
      ].map((p) => formatProblem({ ...p, field: `destinations[${i}].${p.field}` }));
    });
  }

  private auditLogMismatch(given: AuditLogOptions | undefined): string[] {
    const configs = controlPlaneConfigsOf(this);
    const written = configs.map((config) => ({ config, settings: renderedApiserverSettings(config) }));
    const reads = (s: { output: unknown; path: unknown }): boolean =>
      s.output === this.auditLog.output && (s.output !== 'File' || s.path === this.auditLog.path);
    if (written.length === 0 || written.some(({ settings }) => reads(settings))) return [];
    const ours =
      this.auditLog.output === 'File'
        ? `the file ${this.auditLog.path}/${AUDIT_LOG_FILE_NAME}`
        : 'the kube-apiserver container log (Stdout)';
    return written.map(({ config, settings }) => {
      const theirs = settings.output === 'File' ? `File ${String(settings.path)}` : String(settings.output);
      return (
        `auditLog: received ${describeValue(given)}, so this pipeline reads ${ours}, but ModuleConfig ` +
        `control-plane-manager of ${config.node.path} makes kube-apiserver write ${theirs}: nothing would be ` +
        'shipped. Fix: pass the same auditLog to both constructs (or use DeckhouseClusterAudit, which keeps them together)'
      );
    });
  }

  // The Secrets of tls.secretRef: the objects of the whole app that produce them, checked against the contract.
  private tlsSecretChecks(destinations: readonly AuditLogDestination[]): TlsSecretCheck {
    const errors: PropProblem[] = [];
    const warnings: PropProblem[] = [];
    destinations.forEach((destination, i) => {
      if (!isJsonObject(destination)) return;
      const name = destination.tls?.secretRef?.name;
      if (name === undefined || !this.destinations.has(destination.name)) return;
      const block = destination.type === 'Socket' ? 'socket.tcp' : destination.type.toLowerCase();
      const field = `destinations[${i}].${block}.tls.secretRef.name`;
      const inline = destination.tls?.caFile !== undefined || destination.tls?.clientCrt !== undefined;
      const check = checkTlsSecret(
        this.node.root,
        name,
        field,
        destination.allowInlineCredentials === true,
        TLS_BY_MATERIAL.includes(destination.type) && !inline ? destination.type : undefined,
      );
      errors.push(...check.errors);
      warnings.push(...check.warnings);
    });
    return { errors, warnings };
  }

  // A ControlPlaneAuditConfig in the app with the same auditLog reports its mistakes (one message each).
  private auditLogCheckedElsewhere(): boolean {
    return controlPlaneConfigsOf(this).some(
      (c) => c.auditLog.output === this.auditLog.output && c.auditLog.path === this.auditLog.path,
    );
  }

  private sourceSpec(): Pick<L1.ClusterLoggingConfigV1Alpha2Spec, 'type' | 'file' | 'kubernetesPods'> {
    if (this.auditLog.output === 'File') {
      return {
        type: L1.ClusterLoggingConfigV1Alpha2SpecType.FILE,
        file: { include: [`${this.auditLog.path}/${AUDIT_LOG_FILE_NAME}`] },
      };
    }
    return {
      type: L1.ClusterLoggingConfigV1Alpha2SpecType.KUBERNETES_PODS,
      kubernetesPods: {
        namespaceSelector: {
          labelSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        },
        labelSelector: { matchLabels: { component: 'kube-apiserver' } },
      },
    };
  }

  private filterSpec(
    plan: LoggingConfigPlan,
  ): Pick<L1.ClusterLoggingConfigV1Alpha2Spec, 'labelFilter' | 'logFilter'> {
    return {
      // The apiserver Pod has only one container today; the filter keeps sidecars out if one appears.
      labelFilter:
        this.auditLog.output === 'Stdout'
          ? l1Filters<
              L1.ClusterLoggingConfigV1Alpha2SpecLabelFilterOperator,
              L1.ClusterLoggingConfigV1Alpha2SpecLabelFilterValues
            >([exact('container', 'kube-apiserver')], L1.ClusterLoggingConfigV1Alpha2SpecLabelFilterValues)
          : undefined,
      logFilter:
        plan.logFilter.length > 0
          ? l1Filters<
              L1.ClusterLoggingConfigV1Alpha2SpecLogFilterOperator,
              L1.ClusterLoggingConfigV1Alpha2SpecLogFilterValues
            >(plan.logFilter, L1.ClusterLoggingConfigV1Alpha2SpecLogFilterValues)
          : undefined,
    };
  }
}
