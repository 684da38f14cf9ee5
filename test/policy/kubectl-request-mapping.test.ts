import {
  KUBECTL_COMMANDS,
  kubectlRequest,
  requestFromKubectl,
  requestFromUrl,
} from '../../src/policy/request-info';
import { TABLE, fields } from './kubectl-request-table';

// The table of kubectl forms, and where its URLs and attributes come from: kubectl-request-table.ts.

describe('kubectlRequest: kubectl form ↔ method + URL ↔ attributes', () => {
  it.each(TABLE)('%s → %s %s', (cmd, method, url, attributes) => {
    const sent = kubectlRequest(cmd);
    expect([sent.method, sent.url]).toEqual([method, url]);
    const a = sent.request;
    if (a.resourceRequest) expect(fields(a)).toEqual(attributes);
    else expect([a.verb, a.path]).toEqual([attributes[0], url]);
    // The attributes are exactly those of the URL kubectl sends (a WebSocket GET for exec and friends).
    expect(a).toEqual(requestFromUrl(`${method} ${url}`, { websocket: method === 'GET' }));
    expect(requestFromKubectl(cmd)).toEqual(a);
  });

  it('covers every command it accepts', () => {
    const covered = new Set(TABLE.map(([cmd]) => cmd.replace(/^kubectl (-n x )?/, '').split(' ')[0]));
    // Covered by kubectl-commands.test.ts (mapped) or kubectl-commands-refused.test.ts (refused with the
    // reason).
    const elsewhere = new Set(
      ['events', 'wait', 'cluster-info', 'set', 'taint', 'autoscale', 'api-resources', 'api-versions'].concat(
        [
          'explain',
          'diff',
          'config',
          'kustomize',
          'completion',
          'plugin',
          'options',
          'help',
          'kuberc',
          'alpha',
        ],
      ),
    );
    expect(KUBECTL_COMMANDS.filter((c) => c !== 'proxy' && !covered.has(c) && !elsewhere.has(c))).toEqual([]);
  });

  it('leaves the version out for a custom resource kubectl would look up by discovery', () => {
    const sent = kubectlRequest('get widgets.example.com w1');
    expect(sent.url).toBe('/apis/example.com/VERSION/namespaces/default/widgets/w1');
    expect(fields(sent.request)).toEqual(['get', 'example.com', undefined, 'default', 'widgets', '', 'w1']);
    expect(sent.notes.join(' ')).toContain('not a resource this package knows');
  });

  it('says which other requests a command sends', () => {
    expect(kubectlRequest('apply deployment/web -n prod').notes.join(' ')).toContain(
      'POST /apis/apps/v1/namespaces/prod/deployments (verb create)',
    );
    expect(kubectlRequest('exec web-0 -- sh').notes.join(' ')).toContain(
      'GET /api/v1/namespaces/default/pods/web-0 (verb get)',
    );
    expect(kubectlRequest('drain n1').notes.join(' ')).toContain(
      'GET /api/v1/pods?fieldSelector=spec.nodeName%3Dn1',
    );
    expect(kubectlRequest('drain n1').notes.join(' ')).toContain('/eviction (verb create, pods/eviction)');
    expect(kubectlRequest('get pods -w').notes.join(' ')).toContain('(verb list)');
  });

  it('kubectl top reads metrics.k8s.io/v1beta1 only: no note promises a v1 (kubectl pkg/cmd/top)', () => {
    for (const command of ['top pods -n x', 'top nodes']) {
      const sent = kubectlRequest(command);
      expect(sent.url).toContain('/apis/metrics.k8s.io/v1beta1/');
      const notes = sent.notes.join(' ');
      expect(notes).not.toMatch(/metrics\.k8s\.io\/v1(?!beta1)/);
      expect(notes).toContain('metrics.k8s.io/v1beta1');
    }
  });
});
