import { shellTokens } from '../../src/policy/shell-words';
import { kubectlRequest } from '../../src/policy/request-info';

// Lines pasted from runbooks that the shell, not kubectl, gives their meaning: bash expands a process
// substitution <(cmd) in the middle of a word to the pipe's name (/dev/fd/63 for the first one), so
// `--from-file=key=<(vault read ...)` reaches kubectl as the one word `--from-file=key=/dev/fd/63`; and a line
// with no kubectl in it at all.

describe('a process substitution inside a flag value', () => {
  it('stays in its word', () => {
    const words = shellTokens('kubectl create secret generic s --from-file=key=<(cat k)').filter(
      (t) => !t.operator,
    );
    expect(words.find((t) => t.text.startsWith('--from-file'))).toMatchObject({ runsOn: true });
  });

  it.each([
    [
      'kubectl create secret generic db --from-file=password=<(vault kv get -field=pw secret/db) -n prod',
      'POST /api/v1/namespaces/prod/secrets',
    ],
    [
      'kubectl create configmap app --from-file=<(echo hi) -n prod',
      'POST /api/v1/namespaces/prod/configmaps',
    ],
    [
      'kubectl create secret tls web --cert=<(cat tls.crt) --key=<(cat tls.key) -n prod',
      'POST /api/v1/namespaces/prod/secrets',
    ],
  ])('%s', (cmd, expected) => {
    const r = kubectlRequest(cmd);
    expect(`${r.method} ${r.url}`).toBe(expected);
    expect(r.notes.join('\n')).toMatch(/in a process substitution <\(\.\.\.\)\) runs locally/);
  });
});

describe('a line that does not run kubectl', () => {
  it.each(['echo hi', 'ls -la /tmp', '$ echo hi'])('%j says it is not a kubectl command line', (cmd) => {
    expect(() => kubectlRequest(cmd)).toThrow(/is not a kubectl command line: .* give a kubectl command/);
    expect(() => kubectlRequest(cmd)).not.toThrow(/plugin/);
  });

  it.each(['export KUBECONFIG=/etc/kubernetes/admin.conf', 'git status', 'helm list -A'])(
    '%j, a program whose name is close to a kubectl command, is no typo of it',
    (cmd) => {
      expect(() => kubectlRequest(cmd)).toThrow(/is not a kubectl command line/);
      expect(() => kubectlRequest(cmd)).not.toThrow(/did you mean/);
    },
  );

  it('a typo of a kubectl command written without kubectl still gets the command meant', () => {
    expect(() => kubectlRequest('gte pods -n prod')).toThrow(/did you mean "get"/);
  });

  it('an unknown word after kubectl is still the plugin kubectl would run', () => {
    expect(() => kubectlRequest('kubectl ctx prod')).toThrow(/plugin program "kubectl-ctx"/);
  });
});

describe('curl or wget straight to kube-apiserver', () => {
  // No kubectl: the request is the URL in the line (curl's method: -X, else POST with a body, else GET).
  it.each([
    [
      'curl -k -H "Authorization: Bearer $TOKEN" https://10.0.0.1:6443/api/v1/namespaces/default/pods',
      'GET /api/v1/namespaces/default/pods',
    ],
    [
      'curl -k -X DELETE https://api.example.com:6443/apis/apps/v1/namespaces/prod/deployments/web',
      'DELETE /apis/apps/v1/namespaces/prod/deployments/web',
    ],
    [
      "curl -k https://10.0.0.1:6443/api/v1/namespaces/prod/pods/web-0/eviction -d '{}'",
      'POST /api/v1/namespaces/prod/pods/web-0/eviction',
    ],
    ['wget -qO- https://10.0.0.1:6443/version', 'GET /version'],
  ])('%s', (cmd, request) => {
    expect(() => kubectlRequest(cmd)).toThrow(`describe it as that request, "${request}"`);
  });

  it('a URL that is no kube-apiserver path is just another program', () => {
    expect(() => kubectlRequest('curl https://example.com/')).toThrow(/is not a kubectl command line/);
  });
});

describe('lines that send nothing say so', () => {
  // label.go, annotate.go and the set commands: with --local the object read from the file is changed on this
  // machine and printed; nothing reaches kube-apiserver.
  it.each([
    'kubectl label --local -f pod.yaml status=unhealthy -o yaml',
    'kubectl annotate -f pod.yaml --local description=x -o yaml',
    'kubectl set image --local -f deploy.yaml nginx=nginx:1.27 -o yaml',
    'kubectl set resources -f deploy.yaml --local --limits=cpu=200m -o yaml',
  ])('%s runs locally', (cmd) => {
    expect(() => kubectlRequest(cmd)).toThrow(
      /--local" runs locally: kubectl sends no request to kube-apiserver/,
    );
  });

  it('-f without --local is still refused for the file', () => {
    expect(() => kubectlRequest('kubectl label -f pod.yaml status=unhealthy')).toThrow(/files are not read/);
  });

  it.each(['kubectl --help', 'kubectl -h'])('%s prints help', (cmd) => {
    expect(() => kubectlRequest(cmd)).toThrow(/prints help: kubectl sends no request to kube-apiserver/);
  });
});

describe('line continuations of Windows shells', () => {
  // PowerShell continues a line that ends in a backtick, cmd.exe one that ends in ^; bash would read an unclosed
  // command substitution, or ^ as a NAME (GET .../pods/%5E).
  it.each([
    'kubectl get pods `\n  -n prod',
    'kubectl get pods ^\n  -n prod',
    'kubectl get pods ^\r\n  -n prod',
  ])('%j', (cmd) => {
    expect(kubectlRequest(cmd).url).toBe('/api/v1/namespaces/prod/pods?limit=500');
  });

  it('a ^ that does not end a line is a word as written', () => {
    expect(kubectlRequest('kubectl exec web-0 -n prod -- grep ^root /etc/passwd').url).toBe(
      '/api/v1/namespaces/prod/pods/web-0/exec?command=grep&command=%5Eroot&command=%2Fetc%2Fpasswd&stderr=true&stdout=true',
    );
  });
});

describe('a kubectl plugin beside the kubectl command', () => {
  // cmd.go's plugin handler runs "kubectl NAME" for an unknown NAME as the program kubectl-NAME: the line's
  // own kubectl command is the other one.
  it('kubectl get ... | kubectl neat describes the get', () => {
    const r = kubectlRequest('kubectl -n prod get pod web -o yaml | kubectl neat');
    expect(`${r.method} ${r.url}`).toBe('GET /api/v1/namespaces/prod/pods/web');
    expect(r.notes).toContain(
      '"kubectl neat" runs the plugin program kubectl-neat: any request it sends is its own, not known here',
    );
  });

  it('two kubectl commands are still refused, whatever flags come first', () => {
    expect(() => kubectlRequest('kubectl -n prod get pods -o yaml | kubectl -n prod apply -f -')).toThrow(
      /the line runs 2 kubectl commands/,
    );
  });
});
