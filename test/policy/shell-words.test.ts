import { shellTokens, shellWords } from '../../src/policy/shell-words';
import { RequestSpecError, kubectlRequest, requestFromKubectl } from '../../src/policy/request-info';

// POSIX shell word splitting (IEEE Std 1003.1, Shell Command Language §2.2 Quoting, §2.3 Token
// Recognition): what a command line copied from a terminal, a README or a runbook means to the shell.
describe('shellWords', () => {
  it.each<[string, string[]]>([
    // §2.2.1: a backslash-newline outside quotes is a line continuation, removed entirely.
    ['kubectl get pods \\\n  -n prod', ['kubectl', 'get', 'pods', '-n', 'prod']],
    ['kubectl get \\\npods', ['kubectl', 'get', 'pods']],
    ['get po\\\nds', ['get', 'pods']],
    // A script saved with CRLF line ends: the continuation is backslash, CR, LF.
    ['kubectl get pods \\\r\n  -n prod', ['kubectl', 'get', 'pods', '-n', 'prod']],
    // §2.2.3: inside double quotes a backslash escapes only $ ` " \ and newline; it stays before others.
    [
      'exec web-0 -- sh -c "echo \\"a\\" \\$HOME \\\\ \\n"',
      ['exec', 'web-0', '--', 'sh', '-c', 'echo "a" $HOME \\ \\n'],
    ],
    ['"a\\\nb"', ['ab']],
    // §2.2.2: nothing escapes inside single quotes.
    ["'a\\b'", ['a\\b']],
    // §2.3 rule 9: a word starting with # begins a comment running to the end of the line.
    ['kubectl get pods -n prod # all of them', ['kubectl', 'get', 'pods', '-n', 'prod']],
    ['get pods -l app=a#b', ['get', 'pods', '-l', 'app=a#b']],
    ['echo "#x" \'#y\'', ['echo', '#x', '#y']],
    // Empty quotes are a word.
    ['a "" b', ['a', '', 'b']],
  ])('%j', (text, words) => {
    expect(shellWords(text)).toEqual(words);
  });

  it('a command continued over lines is the same request as on one line', () => {
    expect(requestFromKubectl('kubectl get secrets \\\n  -n prod \\\n  -o yaml')).toEqual(
      requestFromKubectl('kubectl get secrets -n prod -o yaml'),
    );
  });
});

describe('shellTokens: operators and expansions', () => {
  it.each<[string, Array<[string, boolean]>]>([
    // §2.3/§2.9: unquoted | & ; < > end a word and form operators; digits before a redirection are its fd.
    [
      'get pods|grep web',
      [
        ['get', false],
        ['pods', false],
        ['|', true],
        ['grep', false],
        ['web', false],
      ],
    ],
    [
      'get pods 2>&1 >out',
      [
        ['get', false],
        ['pods', false],
        ['2>&', true],
        ['1', false],
        ['>', true],
        ['out', false],
      ],
    ],
    [
      'a && b',
      [
        ['a', false],
        ['&&', true],
        ['b', false],
      ],
    ],
    [
      '"a|b" \'c;d\' e\\|f',
      [
        ['a|b', false],
        ['c;d', false],
        ['e|f', false],
      ],
    ],
  ])('%j', (text, tokens) => {
    expect(shellTokens(text).map((t) => [t.text, t.operator])).toEqual(tokens);
  });

  it('names an expansion only the shell can do, and not one that is quoted', () => {
    expect(shellTokens('-n $NS')[1]).toMatchObject({ text: '$NS', expansion: '$NS' });
    expect(shellTokens('-n "${NS}"')[1]).toMatchObject({ expansion: '${NS}' });
    expect(shellTokens('-n $(cat f)')[1]).toMatchObject({ expansion: '$(cat f)' });
    expect(shellTokens("-n '$NS'")[1].expansion).toBeUndefined();
    expect(shellTokens('-o jsonpath="{$.items}"')[1].expansion).toBeUndefined();
  });
});

describe('requestFromKubectl: a command line as copied from a terminal or runbook', () => {
  const sent = (cmd: string) => {
    const r = kubectlRequest(cmd);
    return `${r.method} ${r.url}`;
  };

  it.each<[string, string]>([
    ['$ kubectl get secrets -n prod', 'GET /api/v1/namespaces/prod/secrets?limit=500'],
    ['KUBECONFIG=~/.kube/prod kubectl get secrets -n prod', 'GET /api/v1/namespaces/prod/secrets?limit=500'],
    ['/usr/local/bin/kubectl get secrets -n prod', 'GET /api/v1/namespaces/prod/secrets?limit=500'],
    // What the output goes to runs locally: the request is the same.
    ['kubectl get secrets -n prod -o yaml > secrets.yaml', 'GET /api/v1/namespaces/prod/secrets?limit=500'],
    ['kubectl get pods -n prod 2>&1 | grep web', 'GET /api/v1/namespaces/prod/pods?limit=500'],
    ['kubectl get pods -n prod 2>/dev/null', 'GET /api/v1/namespaces/prod/pods?limit=500'],
    ['kubectl port-forward web-0 8080:80 -n prod &', 'GET /api/v1/namespaces/prod/pods/web-0/portforward'],
    // An expansion in the command exec runs changes nothing the policy sees.
    [
      'kubectl exec web-0 -n prod -- sh -c "echo $HOME"',
      'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh&command=-c&command=echo+%24HOME&stderr=true&stdout=true',
    ],
  ])('%s → %s', (cmd, request) => {
    expect(sent(cmd)).toBe(request);
  });

  it.each<[string, RegExp]>([
    // Before this, "-n $NS" was namespace "$NS" and "get pods | grep web" a Pod named "|".
    [
      'kubectl get secrets -n $NS',
      /^"\$NS" is a shell variable: .*write the value itself in its place, e.g. "kubectl get secrets -n VALUE"$/,
    ],
    ['kubectl get secrets -n "$(cat ns)"', /^"\$\(cat ns\)" is a command substitution: the shell runs/],
    [
      'kubectl get pods && kubectl delete pod web-0',
      /runs 2 kubectl commands \("kubectl get pods", "kubectl delete pod web-0"\).*one at a time/,
    ],
    ['kubectl get pods; kubectl get svc', /runs 2 kubectl commands/],
    // A pipe into kubectl again sends more requests (xargs kubectl delete deletes what get printed).
    ['kubectl get pods -o name | xargs kubectl delete', /runs 2 kubectl commands/],
    ['kubectl create cm x --dry-run=client -o yaml | kubectl apply -f -', /runs 2 kubectl commands/],
    // A here-document is input, not a second command: the refusal is the one for -f.
    ['kubectl apply -f - <<EOF', /-f: files are not read/],
  ])('refuses %j', (cmd, message) => {
    expect(() => requestFromKubectl(cmd)).toThrow(RequestSpecError);
    expect(() => requestFromKubectl(cmd)).toThrow(message);
  });

  it('says that piped output runs locally', () => {
    expect(kubectlRequest('kubectl get pods -n x | grep web').notes.join(' ')).toContain('piped to "grep"');
  });
});

// bash(1) QUOTING: $'...' is ANSI-C quoting (backslash escapes decoded, no expansion); $"..." is a double-quoted
// string translated by the locale, read as "..." when no catalog has it.
describe("bash's $'...' and $\"...\" quoting", () => {
  it.each<[string, string[]]>([
    ["-n $'prod'", ['-n', 'prod']],
    ['-n $"prod"', ['-n', 'prod']],
    ["--from-literal=key=$'line1\\nline2'", ['--from-literal=key=line1\nline2']],
    ["$'it\\'s' $'a\\tb'", ["it's", 'a\tb']],
    ["$'\\x41\\101\\u00e9'", ['AA\u00e9']],
    // An escape bash does not know keeps its backslash; $'...' expands nothing.
    ["$'a\\qb' $'$HOME'", ['a\\qb', '$HOME']],
  ])('%s', (text, words) => {
    expect(shellWords(text)).toEqual(words);
  });

  it('a namespace in $\'...\' is the namespace, not "$prod"', () => {
    expect(requestFromKubectl("kubectl get pods -n $'prod'").namespace).toBe('prod');
    expect(shellTokens("x $'$HOME'")[1].expansion).toBeUndefined();
  });

  it("refuses an unterminated $'", () => {
    expect(() => shellWords("echo $'oops")).toThrow(/unterminated \$' quote/);
  });
});
