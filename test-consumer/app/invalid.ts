// The same app with a policy kube-apiserver would refuse (a group written with its version), given as
// YAML text so that the construct, not the builder, refuses it at synth.
import { App, Chart } from 'cdk8s';
import { DeckhouseClusterAudit } from 'cdk8s-deckhouse-audit';

const app = new App();
new DeckhouseClusterAudit(new Chart(app, 'audit'), 'audit', {
  policy: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: Metadata
    resources:
      - group: rbac.authorization.k8s.io/v1
`,
});
app.synth();
