// Example cdk8s app: Kubernetes API audit for one Deckhouse cluster. `npx cdk8s synth` writes dist/.
import { App, Chart } from 'cdk8s';
// In your own app: from 'cdk8s-deckhouse-audit'.
import { AuditEventSelection, base64Pem, DeckhouseClusterAudit, policy, resources, runSynth } from './src';

// The SIEM's CA certificate (public, not a secret): replace with your CA's PEM.
const SIEM_CA_PEM = `-----BEGIN CERTIFICATE-----
REPLACE-WITH-YOUR-SIEM-CA-CERTIFICATE
-----END CERTIFICATE-----
`;

/**
 * Builds the example app (also used by the test that checks that dist/ is fresh). cdk8s.yaml's `output` is a
 * scratch directory (`cdk8s synth` empties it before the app runs); the committed manifests go to `outdir`,
 * written only after every check passed.
 */
export function buildExampleApp(outdir = 'dist'): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'deckhouse-audit');

  // Added after Deckhouse's basic rules, which do not record kubectl exec (pods/exec) at all. The top-level
  // omitStages applies to every rule, Deckhouse's built-in ones included (its hook keeps it): no request is
  // logged twice, at RequestReceived and again at ResponseComplete (`deckhouse-audit lint --deckhouse`).
  const customPolicy = policy({ omitStages: ['RequestReceived'] })
    .request({
      verbs: ['get', 'create'], // exec/attach/port-forward over WebSocket are "get", over SPDY "create"
      resources: [resources.core('pods/exec', 'pods/attach', 'pods/portforward')],
    })
    .request({
      verbs: ['create', 'update', 'patch', 'delete', 'deletecollection'],
      resources: [
        resources.group(
          'rbac.authorization.k8s.io',
          'roles',
          'rolebindings',
          'clusterroles',
          'clusterrolebindings',
        ),
      ],
    });

  new DeckhouseClusterAudit(chart, 'audit', {
    basicAuditPolicyEnabled: true,
    policy: customPolicy,
    // Checked at synth against the policy Deckhouse really runs (built-in + custom rules).
    assertions: [{ request: 'exec web-0 -n prod -- sh', atLeast: 'Request' }],
    destinations: [
      // Everything to Loki, labelled by verb, level and resource.
      { type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' },
      // Only RBAC changes and interactive Pod access to the SIEM, over TLS syslog.
      {
        type: 'Socket',
        name: 'siem',
        address: 'siem.example.com:6514',
        mode: 'TCP',
        encoding: 'Syslog',
        tls: { caFile: base64Pem(SIEM_CA_PEM) },
        selections: [AuditEventSelection.rbacChanges(), AuditEventSelection.podAccess()],
      },
    ],
  });
  return app;
}

if (require.main === module) runSynth(buildExampleApp);
