import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ModuleConfig } from '../../imports/deckhouse.io';
import { ArgoCdOptions, argoCdAnnotations, SYNC_WAVES } from './argocd';
import { checkClusterScopedChart, moduleDisabledErrors } from './control-plane-audit-config';
import { formatProblem, PropProblem } from './messages';
import { schemaErrors } from './schema-validation';
import { canonicalManifest } from './synth';
import { checkArgoCdProps, checkPropKeys, PropKeys, checkInChart } from './prop-keys';
import { checkPropsData } from './plain-data';
import { guardIdentity } from './object-identity';
import { isJsonObject } from './json-values';
import { moduleSettingsCredentialErrors } from './settings-credentials';
import { unknownSettingsKeys } from './log-shipper-settings';
import { addWarning } from './warnings';

/** Props of {@link LogShipperModule}. */
export interface LogShipperModuleProps extends ArgoCdOptions {
  /**
   * log-shipper module settings to keep: this ModuleConfig replaces the module's whole
   * `settings` in the cluster, so copy any the cluster already has (then `version` is required).
   * @default - no settings (the module's defaults)
   */
  readonly settings?: Record<string, unknown>;
  /**
   * The settings schema version of `settings`.
   * @default - none (Deckhouse needs it only when settings are given)
   */
  readonly version?: number;
  /**
   * The ModuleSource to install log-shipper from (`spec.source`, the name of a ModuleSource object). Up to
   * DKP 1.76 log-shipper is built into Deckhouse (embedded) and Deckhouse ignores `source` for it; from
   * DKP 1.77 (deckhouse PR #19710) it is an external module, installed from a ModuleSource like any other.
   * Unset, Deckhouse picks the only ModuleSource that offers the module (Deckhouse's own is named
   * `deckhouse`); when several offer it (e.g. a mirror beside `deckhouse`), the Module stays in phase
   * `Conflict` until `source` names one. Source: deckhouse-controller's module-config controller.
   * @default - none: Deckhouse's choice, which works before and after DKP 1.77 with one ModuleSource
   */
  readonly source?: string;
  /**
   * The Argo CD sync wave.
   * @default -2 (its CRDs must exist before the log-shipper objects are applied)
   */
  readonly syncWave?: number;
}

// A ModuleSource is a cluster-scoped object: its name is a DNS-1123 subdomain (k8s.io/apimachinery).
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Every prop of LogShipperModule: any other key is refused (prop-keys.ts). */
export const LOG_SHIPPER_MODULE_PROPS: PropKeys<LogShipperModuleProps> = {
  argoCdAnnotations: true,
  settings: true,
  version: true,
  source: true,
  syncWave: true,
};

/**
 * The `log-shipper` ModuleConfig with `enabled: true`, which installs the log-shipper CRDs and agent (from
 * DKP 1.77 after downloading the external module from its ModuleSource: see `source`).
 */
export class LogShipperModule extends Construct {
  /** The ModuleConfig object (for escape-hatch patches: `resource.addJsonPatch(...)`). */
  public readonly resource: ApiObject;

  public constructor(scope: Construct, id: string, props: LogShipperModuleProps = {}) {
    super(scope, id);
    checkInChart(this, Chart.isChart);
    checkPropsData(this.node.path, props);
    checkPropKeys(this.node.path, 'props', props, LOG_SHIPPER_MODULE_PROPS, false);
    checkArgoCdProps(this.node.path, props);
    const problems: PropProblem[] = [];
    const settings = props.settings;
    if (settings !== undefined && !isJsonObject(settings)) {
      problems.push({
        field: 'settings',
        received: settings,
        expected: 'an object of log-shipper settings',
        fix: 'pass the settings object of the cluster ModuleConfig (`kubectl get mc log-shipper -o yaml`), or leave it unset',
      });
    }
    const hasSettings = isJsonObject(settings) && Object.keys(settings).length > 0;
    if (hasSettings && props.version === undefined) {
      problems.push({
        field: 'version',
        received: props.version,
        expected: 'the settings schema version when settings are given',
        fix: 'copy spec.version from the cluster: `kubectl get mc log-shipper -o yaml`',
      });
    }
    if (props.version !== undefined && (!Number.isInteger(props.version) || props.version < 1)) {
      problems.push({
        field: 'version',
        received: props.version,
        expected: 'a positive integer',
        fix: 'e.g. 1',
      });
    }
    if (
      props.source !== undefined &&
      (typeof props.source !== 'string' || props.source.length > 253 || !OBJECT_NAME.test(props.source))
    ) {
      problems.push({
        field: 'source',
        received: props.source,
        expected: 'the name of a ModuleSource',
        fix: 'e.g. "deckhouse" (see `kubectl get modulesources`), or leave it unset',
      });
    }
    for (const warning of unknownSettingsKeys(props.settings)) addWarning(this, warning);
    this.resource = new ModuleConfig(this, 'Resource', {
      metadata: {
        name: 'log-shipper',
        annotations: argoCdAnnotations(
          props.argoCdAnnotations,
          props.syncWave ?? SYNC_WAVES.logShipperModule,
        ),
      },
      spec: {
        enabled: true,
        version: hasSettings ? props.version : undefined,
        settings: hasSettings ? props.settings : undefined,
        source: props.source,
      },
    });
    canonicalManifest(this.resource);
    this.node.addValidation({ validate: () => problems.map(formatProblem) });
    this.node.addValidation({ validate: () => checkClusterScopedChart(this) });
    this.node.addValidation({ validate: () => moduleSettingsCredentialErrors(this.resource, 'settings') });
    this.node.addValidation({
      validate: () =>
        moduleDisabledErrors(
          this.resource,
          'a disabled log-shipper runs no agent and serves no ClusterLoggingConfig or ClusterLogDestination ' +
            'CRDs, so nothing is shipped',
        ),
    });
    guardIdentity(this, this.resource, {
      name: 'log-shipper',
      readBy: 'Deckhouse configures the module a ModuleConfig is named after',
      clashFix:
        'a cluster has one log-shipper ModuleConfig: create one LogShipperModule per app (a second ' +
        'DeckhouseClusterAudit, or one beside your own, takes logShipperModule: false)',
    });
    // Whatever the props, nothing reaches dist/ that its schema would refuse.
    this.node.addValidation({ validate: () => schemaErrors(this) });
  }
}
