import { Testing } from 'cdk8s';
import {
  AUDIT_POLICY_SECRET_KEY,
  AuditEventSelection,
  collectWarnings,
  DeckhouseClusterAudit,
  DeckhouseClusterAuditProps,
} from '../../src/constructs';
import { cis, falcoNeedsBodies } from '../../src/deckhouse/assertion-packs';
import { loadPolicy } from '../../src/policy/parse';
import { Policy } from '../../src/policy/types';
import { Manifest, synthError, synthValid, yamlOf } from './helpers';

const EXEC_AND_RBAC: Policy = {
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules: [
    {
      level: 'Request',
      verbs: ['get', 'create'],
      resources: [{ group: '', resources: ['pods/exec', 'pods/attach', 'pods/portforward'] }],
      omitStages: ['RequestReceived'],
    },
    {
      level: 'Request',
      verbs: ['create', 'update', 'patch', 'delete', 'deletecollection'],
      resources: [
        {
          group: 'rbac.authorization.k8s.io',
          resources: ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'],
        },
      ],
      omitStages: ['RequestReceived'],
    },
  ],
};

function audit(props: DeckhouseClusterAuditProps) {
  const chart = Testing.chart();
  const construct = new DeckhouseClusterAudit(chart, 'Audit', props);
  return { chart, construct };
}

function names(objects: Manifest[]): string[] {
  return objects.map(
    (o) => `${o.kind}/${o.metadata.name}@${o.metadata.annotations?.['argocd.argoproj.io/sync-wave']}`,
  );
}

describe('DeckhouseClusterAudit', () => {
  test('basic rules only: just the control-plane-manager ModuleConfig', () => {
    const { chart, construct } = audit({});
    const objects = synthValid(chart);
    expect(names(objects)).toEqual(['ModuleConfig/control-plane-manager@0']);
    expect(objects[0].spec.settings.apiserver).toMatchObject({
      auditPolicyEnabled: false,
      basicAuditPolicyEnabled: true,
    });
    expect(construct.policySecret).toBeUndefined();
    // The default pack reports the DVP page's broken exec promise as a warning.
    expect(collectWarnings(chart).join('\n')).toContain('assertion-failed: dvp.interactive.exec-websocket');
  });

  test('custom policy + shipping: every object, in Argo CD wave order, schema-valid', () => {
    const { chart, construct } = audit({
      policy: EXEC_AND_RBAC,
      destinations: [
        { type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' },
        {
          type: 'Socket',
          name: 'siem',
          address: 'siem.example.com:6514',
          mode: 'TCP',
          encoding: 'CEF',
          selections: [AuditEventSelection.rbacChanges(), AuditEventSelection.podAccess()],
        },
      ],
    });
    const objects = synthValid(chart);
    expect(names(objects)).toEqual([
      'ModuleConfig/log-shipper@-2',
      'Secret/audit-policy@-1',
      'ModuleConfig/control-plane-manager@0',
      'ClusterLogDestination/loki@1',
      'ClusterLogDestination/siem@1',
      'ClusterLoggingConfig/kube-audit@1',
      'ClusterLoggingConfig/kube-audit-siem-rbac@1',
      'ClusterLoggingConfig/kube-audit-siem-pod-access@1',
    ]);
    const cpm = objects.find((o) => o.metadata.name === 'control-plane-manager') as Manifest;
    expect(cpm.spec.settings.apiserver.auditPolicyEnabled).toBe(true);
    const secret = objects.find((o) => o.kind === 'Secret') as Manifest;
    const loaded = loadPolicy(Buffer.from(secret.data[AUDIT_POLICY_SECRET_KEY], 'base64').toString('utf8'));
    expect(loaded.errors).toEqual([]);
    expect(loaded.policy).toEqual(EXEC_AND_RBAC);
    // The effective policy is basic + virtualization + custom + tail, and closes the exec gap.
    expect(construct.effectivePolicy?.origins.filter((o) => o.layer === 'custom')).toHaveLength(2);
    expect(collectWarnings(chart).join('\n')).not.toContain('assertion-failed: dvp.');
    expect(yamlOf(chart)).toMatchSnapshot();
  });

  test('Stdout output switches the log source to the kube-apiserver Pods', () => {
    const { chart } = audit({
      auditLog: { output: 'Stdout' },
      destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }],
    });
    const objects = synthValid(chart);
    const config = objects.find((o) => o.kind === 'ClusterLoggingConfig') as Manifest;
    expect(config.spec.type).toBe('KubernetesPods');
    const cpm = objects.find((o) => o.metadata.name === 'control-plane-manager') as Manifest;
    expect(cpm.spec.settings.apiserver.auditLog).toEqual({ output: 'Stdout' });
  });

  test('an auditLog.path outside /var/log is an error only when the log is shipped', () => {
    expect(synthValid(audit({ auditLog: { path: '/opt/audit' } }).chart)).toHaveLength(1);
    const shipped = audit({
      auditLog: { path: '/opt/audit' },
      destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }],
    });
    expect(synthError(shipped.chart)).toContain('[test/Audit/Shipping] auditLog.path: received "/opt/audit"');
  });

  test('logShipperModule: false leaves the module to someone else; settings need a version', () => {
    const off = audit({
      logShipperModule: false,
      destinations: [{ type: 'Loki', name: 'l', endpoint: 'https://l' }],
    });
    expect(synthValid(off.chart).map((o) => o.metadata.name)).not.toContain('log-shipper');
    const noVersion = audit({
      logShipperModule: { settings: { debug: true } },
      destinations: [{ type: 'Loki', name: 'l', endpoint: 'https://l' }],
    });
    expect(synthError(noVersion.chart)).toContain(
      'version: received nothing, expected the settings schema version',
    );
    const withVersion = audit({
      logShipperModule: { settings: { debug: true }, version: 1 },
      destinations: [{ type: 'Loki', name: 'l', endpoint: 'https://l' }],
    });
    const mc = synthValid(withVersion.chart).find((o) => o.metadata.name === 'log-shipper') as Manifest;
    expect(mc.spec).toEqual({ enabled: true, version: 1, settings: { debug: true } });
  });

  test('a sensitive-body lint error fails synth; it can be downgraded', () => {
    const secretsBodies: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [{ level: 'RequestResponse', resources: [{ group: '', resources: ['secrets'] }] }],
    };
    const failing = audit({ policy: secretsBodies });
    const message = synthError(failing.chart);
    expect(message).toContain('[test/Audit] sensitive-body');
    expect(message).toContain('Fix:');
    const downgraded = audit({
      policy: secretsBodies,
      lint: { severities: { 'sensitive-body': 'warning' } },
    });
    expect(synthValid(downgraded.chart)).toHaveLength(2);
    expect(collectWarnings(downgraded.chart).join('\n')).toContain('sensitive-body');
  });

  test('built-in rule findings are one summary line unless asked for', () => {
    const quiet = audit({ assertionPacks: [] });
    const summary = collectWarnings(quiet.chart);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatch(
      /^\[test\/Audit\] \d+ findings about Deckhouse's built-in rules .*reportBuiltInRules/,
    );
    expect(summary[0]).not.toContain('shadowed-rule');
    const loud = audit({ assertionPacks: [], lint: { reportBuiltInRules: true } });
    expect(collectWarnings(loud.chart).join('\n')).toContain('shadowed-rule');
  });

  test('chosen assertion packs fail synth with the rules that close the gap', () => {
    const { chart } = audit({ assertionPacks: [falcoNeedsBodies] });
    const message = synthError(chart);
    expect(message).toContain('(assertion pack falcoNeedsBodies)');
    expect(message).toContain('rules that close it:');
    // The example policy satisfies the Falco pack.
    expect(
      synthValid(audit({ policy: EXEC_AND_RBAC, assertionPacks: [falcoNeedsBodies] }).chart),
    ).toHaveLength(2);
    // ... and a pack can be reported as warnings instead.
    const warned = audit({ assertionPacks: [cis], assertionSeverity: 'warning' });
    expect(synthValid(warned.chart)).toHaveLength(1);
    expect(collectWarnings(warned.chart).join('\n')).toContain('(assertion pack cis)');
  });

  test('assertions: assertion data and functions', () => {
    const expectation = { request: 'exec web-0 -n prod -- sh', atLeast: 'Request' as const };
    expect(synthError(audit({ assertions: [expectation] }).chart)).toContain('(assertions[0])');
    expect(synthValid(audit({ policy: EXEC_AND_RBAC, assertions: [expectation] }).chart)).toHaveLength(2);
    const custom = audit({
      assertions: [
        (effective) => [
          {
            code: 'team-rule',
            severity: 'error',
            ruleIndex: -1,
            message: `has ${effective.policy.rules.length} rules`,
          },
        ],
      ],
    });
    expect(synthError(custom.chart)).toMatch(/team-rule: policy: has 29 rules/);
  });

  test('failOnWarnings turns warnings into errors', () => {
    const { chart } = audit({ failOnWarnings: true });
    expect(synthError(chart)).toContain('(failOnWarnings)');
  });

  test('a refused custom policy fails synth and skips the lint', () => {
    const { chart, construct } = audit({ policy: 'kind: Policy\n' });
    expect(construct.effectivePolicy).toBeUndefined();
    expect(synthError(chart)).toContain('[test/Audit/PolicySecret] policy');
  });
});

describe('DeckhouseClusterAudit: Kubernetes version', () => {
  const wildcard: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [{ level: 'Metadata', resources: [{ group: '*', resources: ['secrets'] }] }],
  };

  test('a version pinned in controlPlaneSettings is the validation target', () => {
    const pinned = audit({
      policy: wildcard,
      assertionPacks: [],
      controlPlaneSettings: { kubernetesVersion: '1.36' },
    });
    expect(synthValid(pinned.chart)).toHaveLength(2);
    const unpinned = audit({
      policy: wildcard,
      assertionPacks: [],
      controlPlaneSettings: { kubernetesVersion: 'Default' },
    });
    expect(synthError(unpinned.chart)).toContain('Kubernetes 1.32');
  });

  test('a kubernetesVersion this package does not model is refused without a policy too (built-in rules only)', () => {
    // SUPPORTED_KUBERNETES_VERSIONS: the versions the described Deckhouse release runs (1.32 to 1.36).
    const construct = (kubernetesVersion: unknown) => () =>
      new DeckhouseClusterAudit(Testing.chart(), 'Audit', {
        assertionPacks: [],
        kubernetesVersion: kubernetesVersion as string,
      });
    expect(construct('1.31')).toThrow(
      /kubernetesVersion: received "1\.31": Kubernetes 1\.31 is not modelled/,
    );
    expect(construct('1.3')).toThrow(/Fix: set the cluster's Kubernetes minor version, one of 1\.32, 1\.33/);
    expect(construct(1.32)).toThrow(/kubernetesVersion: received .*must be a string such as "1\.32"/);
    expect(construct('v1.36.2')).not.toThrow();
  });

  test("problems of controlPlaneSettings name that prop, not the inner construct's additionalSettings", () => {
    // The ModuleConfig's settings schema (control-plane-manager config-values) has no apiserver key of this name.
    const typo = audit({
      assertionPacks: [],
      controlPlaneSettings: { apiserver: { auditPolicyEnabld: true } },
    });
    const schema = synthError(typo.chart);
    expect(schema).toContain(
      'Fix: correct the prop that sets this field (controlPlaneSettings.apiserver.auditPolicyEnabld;',
    );
    expect(schema).not.toContain('additionalSettings');
    const auditKey = audit({
      assertionPacks: [],
      controlPlaneSettings: { apiserver: { auditPolicyEnabled: true } },
    });
    const message = synthError(auditKey.chart);
    expect(message).toContain(
      'controlPlaneSettings.apiserver.auditPolicyEnabled: received true, expected no audit keys in controlPlaneSettings',
    );
    expect(message).not.toContain('additionalSettings');
    // This construct has no auditPolicyEnabled prop to point at: the policy prop decides it.
    expect(message).toContain('Fix: remove it: auditPolicyEnabled follows the policy prop');
  });
});

describe('acknowledging findings one at a time', () => {
  const SECRETS_BODIES: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [
      { level: 'Metadata', resources: [{ group: '', resources: ['pods'] }] },
      { level: 'RequestResponse', resources: [{ group: '', resources: ['secrets'] }] },
    ],
  };

  test('an acknowledged finding (code + your rule index + reason) is no longer reported', () => {
    expect(synthError(audit({ policy: SECRETS_BODIES, assertionPacks: [] }).chart)).toContain(
      'sensitive-body: your rule #2',
    );
    const acked = audit({
      policy: SECRETS_BODIES,
      assertionPacks: [],
      acknowledged: [
        { code: 'sensitive-body', index: 1, reason: 'the log is encrypted and access-controlled' },
      ],
    });
    expect(synthValid(acked.chart)).toHaveLength(2);
    expect(collectWarnings(acked.chart).join('\n')).not.toContain('sensitive-body');
    // The finding still exists for code that inspects it.
    expect(acked.construct.findings.some((f) => f.code === 'sensitive-body')).toBe(true);
  });

  test('each finding about your rules ends with the acknowledgement that matches it', () => {
    const message = synthError(audit({ policy: SECRETS_BODIES, assertionPacks: [] }).chart);
    expect(message).toContain(
      'To accept it: acknowledged: [{ code: "sensitive-body", index: 1, reason: \'…\' }]',
    );
    const withInfo = audit({
      policy: SECRETS_BODIES,
      assertionPacks: [],
      assertions: [
        () => [{ code: 'team-note', severity: 'info', ruleIndex: -1, message: 'reviewed yearly' }],
      ],
      acknowledged: [
        { code: 'sensitive-body', index: 1, reason: 'encrypted log' },
        { code: 'team-note', reason: 'known' },
      ],
    });
    // An info finding can be acknowledged too (it is then not "matching no finding").
    expect(collectWarnings(withInfo.chart).join('\n')).not.toContain('matches no finding');
  });

  test('an acknowledgement names one rule: the same code on another rule is still reported', () => {
    const other = audit({
      policy: SECRETS_BODIES,
      assertionPacks: [],
      acknowledged: [{ code: 'sensitive-body', index: 0, reason: 'wrong rule' }],
    });
    expect(synthError(other.chart)).toContain('sensitive-body: your rule #2');
    expect(collectWarnings(other.chart).join('\n')).toContain(
      'acknowledged[0] (sensitive-body, your rule #1) matches no finding',
    );
  });

  test('a failed pack assertion is acknowledged by its id', () => {
    const reported = audit({});
    expect(collectWarnings(reported.chart).join('\n')).toContain(
      'assertion-failed: dvp.interactive.exec-websocket',
    );
    const acked = audit({
      acknowledged: [
        {
          code: 'assertion-failed',
          assertion: 'dvp.interactive.exec-websocket',
          reason: 'exec is blocked by policy',
        },
      ],
    });
    const text = collectWarnings(acked.chart).join('\n');
    expect(text).not.toContain('dvp.interactive.exec-websocket');
    expect(text).toContain('assertion-failed: dvp.'); // the other failed assertions stay
  });

  test('an assertion without an id is acknowledged by its place: the hint never accepts every assertion', () => {
    // main.ts's assertion has no id. Its hint once read { code: "assertion-failed", reason } — pasted in, that
    // accepted every failed assertion, the packs' exec-websocket and exec-spdy findings included, silently.
    const exec = { request: 'exec web-0 -n prod -- sh', atLeast: 'Request' as const };
    const reported = synthError(audit({ assertions: [exec], assertionPacks: [] }).chart);
    const hint =
      'To accept it: acknowledged: [{ code: "assertion-failed", assertion: "assertions[0]", reason: \'…\' }]';
    expect(reported).toContain(hint);
    const acked = audit({
      assertions: [exec],
      acknowledged: [{ code: 'assertion-failed', assertion: 'assertions[0]', reason: 'exec is blocked' }],
    });
    const text = collectWarnings(acked.chart).join('\n');
    expect(text).not.toContain('(assertions[0])');
    expect(text).toContain('assertion-failed: dvp.interactive.exec-websocket'); // the packs' stay reported
  });

  test.each([
    [{ code: '', reason: 'x' }, /acknowledged\[0\]\.code/],
    [{ code: 'sensitive-body', index: -1, reason: 'x' }, /acknowledged\[0\]\.index: received -1/],
    [
      { code: 'sensitive-body', rule: 2, reason: 'x' },
      /acknowledged\[0\]\.rule: received 2, expected no rule key\. Fix: name the rule by index, from 0/,
    ],
    [{ code: 'sensitive-body', index: 1, reason: ' ' }, /acknowledged\[0\]\.reason/],
  ])('a malformed acknowledgement throws at once: %j', (ack, message) => {
    expect(() => audit({ acknowledged: [ack as never] })).toThrow(message);
  });

  test('long findings are multi-line: one example per line, the fix on its own line', () => {
    const { chart } = audit({ policy: EXEC_AND_RBAC, assertionPacks: [] });
    const warning = collectWarnings(chart).find((w) => w.includes('partially-shadowed-rule: your rule #1'));
    expect(warning).toBeDefined();
    const lines = warning!.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[lines.length - 2]).toMatch(/^ {4}Fix: /);
    expect(lines[lines.length - 1]).toMatch(
      /^ {4}To accept it: acknowledged: \[\{ code: "partially-shadowed-rule", index: 0, /,
    );
    expect(lines.every((l) => l.length < 400)).toBe(true);
  });
});

describe('messages about the shipping props name them as DeckhouseClusterAudit calls them', () => {
  const loki = { type: 'Loki' as const, name: 'loki', endpoint: 'https://loki.example.com' };
  function shippingError(props: Partial<DeckhouseClusterAuditProps>): string {
    const chart = Testing.chart();
    new DeckhouseClusterAudit(chart, 'Audit', { policy: EXEC_AND_RBAC, destinations: [loki], ...props });
    return synthError(chart);
  }

  test('loggingConfigName and shippingFilters, not the inner pipeline’s name and filters', () => {
    const badName = shippingError({ loggingConfigName: 'Kube_Audit' });
    expect(badName).toContain('loggingConfigName: received "Kube_Audit"');
    expect(badName).not.toMatch(/\] name:/);
    const badFilter = shippingError({
      shippingFilters: [{ field: 'verb', operator: 'In', values: [] }],
    });
    expect(badFilter).toContain('shippingFilters[0].values: received []');
    expect(badFilter).not.toMatch(/\] filters\[0\]/);
    const long = shippingError({ loggingConfigName: 'a'.repeat(260) });
    expect(long).toContain('loggingConfigName is 260. Fix: shorten loggingConfigName by 7 characters');
    const selected = shippingError({
      loggingConfigName: 'a'.repeat(250),
      destinations: [{ ...loki, selections: [AuditEventSelection.rbacChanges()] }],
    });
    expect(selected).toContain('<loggingConfigName>-<destination name>-<selection name> is 260');
    expect(selected).toContain('Fix: shorten loggingConfigName, the destination name or the selection name');
  });

  test('a loggingConfigName that is not a string is refused under that name', () => {
    expect(
      () =>
        new DeckhouseClusterAudit(Testing.chart(), 'Audit', {
          policy: EXEC_AND_RBAC,
          destinations: [loki],
          loggingConfigName: 5 as unknown as string,
        }),
    ).toThrow(/loggingConfigName: received 5/);
  });
});
