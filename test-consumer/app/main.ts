// A consumer's cdk8s app, as `cdk8s init typescript-app` lays it out: plain `app.synth()`, no runSynth.
import { App, Chart } from 'cdk8s';
import { AuditEventSelection, DeckhouseClusterAudit, policy, resources } from 'cdk8s-deckhouse-audit';

const app = new App();
new DeckhouseClusterAudit(new Chart(app, 'audit'), 'audit', {
  policy: policy().request({
    verbs: ['get', 'create'],
    resources: [resources.core('pods/exec', 'pods/attach')],
    omitStages: ['RequestReceived'],
  }),
  destinations: [
    { type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' },
    {
      type: 'Socket',
      name: 'siem',
      address: 'siem.example.com:6514',
      mode: 'TCP',
      encoding: 'JSON',
      selections: [AuditEventSelection.rbacChanges()],
    },
  ],
});
app.synth();
