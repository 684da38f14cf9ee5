import { shellTokens } from '../../src/policy/shell-words';
import { RequestSpecError, kubectlRequest, requestFromKubectl } from '../../src/policy/request-info';

// Command lines as people paste them from shell history, runbooks and chat. The shell runs the prompt's
// program, wrappers and other commands locally; kube-apiserver only sees what kubectl itself sends. The
// wrappers' options are those of their manuals (sudo(8), env(1), time(1), nice(1), timeout(1), xargs(1),
// procps watch(1): -n/--interval, 2 seconds by default; it runs its words joined by spaces with sh -c).
const sent = (cmd: string) => {
  const r = kubectlRequest(cmd);
  return `${r.method} ${r.url}`;
};
const notes = (cmd: string) => kubectlRequest(cmd).notes.join('\n');
const PODS = 'GET /api/v1/namespaces/prod/pods?limit=500';

describe('the kubectl command behind a prompt, a wrapper or another name', () => {
  it.each<string>([
    'sudo kubectl get pods -n prod',
    'sudo -E kubectl get pods -n prod',
    'sudo -u admin kubectl get pods -n prod',
    'sudo -Eu admin kubectl get pods -n prod',
    'sudo --user=admin -H kubectl get pods -n prod',
    'sudo KUBECONFIG=/etc/kubernetes/admin.conf kubectl get pods -n prod',
    'env KUBECONFIG=/x kubectl get pods -n prod',
    'env -u HTTPS_PROXY kubectl get pods -n prod',
    'env -i PATH=/usr/bin kubectl get pods -n prod',
    'time kubectl get pods -n prod',
    'time -p kubectl get pods -n prod',
    'nice kubectl get pods -n prod',
    'nice -n 10 kubectl get pods -n prod',
    'nice -10 kubectl get pods -n prod',
    'nohup kubectl get pods -n prod',
    'command kubectl get pods -n prod',
    'timeout 30s kubectl get pods -n prod',
    'timeout -s KILL 30 kubectl get pods -n prod',
    'stdbuf -oL kubectl get pods -n prod',
    'watch kubectl get pods -n prod',
    'watch -n 5 kubectl get pods -n prod',
    'watch -d -n1 kubectl get pods -n prod',
    "watch 'kubectl get pods -n prod | grep web'",
    "sh -c 'kubectl get pods -n prod'",
    'bash -lc "kubectl get pods -n prod"',
    '$ kubectl get pods -n prod',
    '# kubectl get pods -n prod',
    '% kubectl get pods -n prod',
    '> kubectl get pods -n prod',
    'user@host:~$ kubectl get pods -n prod',
    'root@master-0:~# kubectl get pods -n prod',
    '[root@master ~]# kubectl get pods -n prod',
    '(venv) $ kubectl get pods -n prod',
    'PS C:\\Users\\me> kubectl get pods -n prod',
    '$ sudo kubectl get pods -n prod',
    '/usr/local/bin/kubectl get pods -n prod',
    'kubectl.exe get pods -n prod',
    'k get pods -n prod',
    'kubecolor get pods -n prod',
    'd8 k get pods -n prod',
    'd8 kubectl get pods -n prod',
    'microk8s kubectl get pods -n prod',
    'k3s kubectl get pods -n prod',
    'minikube kubectl -- get pods -n prod',
    // ssh(1): ssh [options] DESTINATION COMMAND runs COMMAND in the remote user's shell.
    'ssh master-0 kubectl get pods -n prod',
    'ssh -i key.pem -p 2222 root@master-0 "sudo kubectl get pods -n prod"',
    'ssh -t master-0 sudo -i kubectl get pods -n prod',
    'if kubectl get pods -n prod; then echo ok; fi',
    'su - admin -c "kubectl get pods -n prod"',
    "sudo su -c 'kubectl get pods -n prod'",
    '\u276f kubectl get pods -n prod',
    '\u279c  ~ kubectl get pods -n prod',
    '\u279c  deploy git:(main) \u2717 kubectl get pods -n prod',
    // Continuations as pasted: blanks after the backslash, or a last line ending in one.
    'kubectl get pods \\  \n  -n prod',
    'kubectl get pods -n prod \\',
  ])('%s', (cmd) => {
    expect(sent(cmd)).toBe(PODS);
  });

  it('watch: the request repeats every interval, 2 s unless -n says', () => {
    expect(notes('watch kubectl get pods -n prod')).toMatch(/every 2 s: .*once per run/);
    expect(notes('watch -n 5 kubectl get pods -n prod')).toMatch(/every 5 s/);
    expect(notes('watch -n0.5 kubectl get pods -n prod')).toMatch(/every 0.5 s/);
    expect(notes('watch --interval=10 kubectl get pods -n prod')).toMatch(/every 10 s/);
  });

  it('sudo: the caller is whoever the kubeconfig it reads names, not the local user', () => {
    expect(notes('sudo -u admin kubectl get pods -n prod')).toMatch(/kubeconfig .* decides the credentials/);
    expect(notes('KUBECONFIG=/x kubectl get pods -n prod')).toMatch(/KUBECONFIG chooses the kubeconfig/);
  });

  it('ssh: the kubeconfig on the remote host decides the user', () => {
    expect(notes('ssh master-0 kubectl get pods -n prod')).toMatch(
      /ssh runs kubectl on master-0: the kubeconfig there decides the credentials/,
    );
  });

  it('command -v only prints where kubectl is: no request', () => {
    expect(() => requestFromKubectl('command -v kubectl')).toThrow(/runs nothing: no request/);
  });
});

describe('pipes, lists and redirections around the one kubectl command', () => {
  it.each<[string, string, RegExp]>([
    ['kubectl get pods -n prod | grep web', PODS, /piped to "grep", which runs locally/],
    ['kubectl get pods -n prod | grep web | wc -l', PODS, /"wc" \(joined by "\|"\) runs locally/],
    ['cd /tmp && kubectl get pods -n prod', PODS, /"cd" \(joined by "&&"\) runs locally/],
    ['kubectl get pods -n prod || echo failed', PODS, /"echo" \(joined by "\|\|"\) runs locally/],
    ['export KUBECONFIG=/x; kubectl get pods -n prod', PODS, /"export" \(joined by ";"\) runs locally/],
    [
      'command -v kubectl >/dev/null && kubectl get pods -n prod',
      PODS,
      /"command" \(joined by "&&"\) runs locally/,
    ],
    ['kubectl get pods -n prod\necho done', PODS, /"echo" \(on another line\) runs locally/],
    ['(kubectl get pods -n prod) | less', PODS, /piped to "less"/],
    [
      'kubectl get pods -n prod || { echo failed; exit 1; }',
      PODS,
      /^"echo" \(joined by "\|\|"\) runs locally: no request of its own\n"exit" \(joined by ";"\) runs locally/,
    ],
    // bash runs a process substitution <(cmd) / >(cmd) beside the command, which gets the pipe's name
    // (/dev/fd/63) as a word, or as the file of a redirection ("> >(tee f)", "done < <(cmd)").
    [
      'diff <(kubectl get pods -n prod) expected.txt',
      PODS,
      /"diff" \(whose process substitution <\(\.\.\.\) runs kubectl\)/,
    ],
    [
      'kubectl get pods -n prod > >(tee out.log)',
      PODS,
      /"tee" \(in a process substitution >\(\.\.\.\)\) runs locally/,
    ],
    ['while read p; do echo "$p"; done < <(kubectl get pods -n prod)', PODS, /"echo" \(joined by ";"\)/],
    ['kubectl get pods -n prod | tee >(grep web)', PODS, /"grep" \(in a process substitution/],
  ])('%j', (cmd, request, note) => {
    expect(sent(cmd)).toBe(request);
    expect(notes(cmd)).toMatch(note);
  });

  // The shell runs a command substitution $(...) / `...` first; when no other kubectl command is on the line,
  // the one inside it is the line's kubectl command (the outer program runs locally).
  it.each<[string, string, RegExp]>([
    [
      'echo $(kubectl get pods -n prod)',
      PODS,
      /"echo" \(whose command substitution \$\(\.\.\.\) runs kubectl\)/,
    ],
    ['echo `kubectl get pods -n prod`', PODS, /"echo" \(whose command substitution `\.\.\.` runs kubectl\)/],
    [
      'for p in $(kubectl get pods -n prod -o name); do echo "$p"; done',
      PODS,
      /"for" \(whose command substitution/,
    ],
  ])('%j: the kubectl command in the substitution', (cmd, request, note) => {
    expect(sent(cmd)).toBe(request);
    expect(notes(cmd)).toMatch(note);
  });

  it('a program that embeds kubectl, running a command of its own, is not taken as a kubectl command', () => {
    expect(() => requestFromKubectl('d8 platform queue list')).toThrow(
      /"d8 platform queue list" is a command of d8 itself, not of its kubectl: only "d8 k \.\.\." runs kubectl/,
    );
    expect(() => requestFromKubectl('minikube start')).toThrow(/only "minikube kubectl \.\.\." runs kubectl/);
  });

  it('a process substitution is neither a word of its command nor the kubectl command named after it', () => {
    // bash: source <(kubectl completion bash) runs kubectl completion (local), not a kubectl "source".
    expect(() => requestFromKubectl('source <(kubectl completion bash)')).toThrow(
      /"completion" runs locally/,
    );
    expect(() =>
      requestFromKubectl('diff <(kubectl get pod a -n prod -o yaml) <(kubectl get pod b -n prod -o yaml)'),
    ).toThrow(/the line runs 2 kubectl commands \("kubectl get pod a/);
    expect(notes('while read p; do echo "$p"; done < <(kubectl get pods -n prod)')).not.toMatch(/dev\/fd/);
  });

  it.each<string>([
    'kubectl get pods -n prod 2>&1',
    'kubectl get pods -n prod > out.txt',
    'kubectl get pods -n prod >> out.txt 2>/dev/null',
    'kubectl get pods -n prod &>/dev/null',
    'kubectl get pods -n prod # all of them',
    'kubectl get pods \\\n  -n prod',
    'kubectl get pods -n prod &',
    'kubectl get pods -n prod;',
  ])('%j sends the same request', (cmd) => {
    expect(sent(cmd)).toBe(PODS);
  });

  it('a here-document is input: its lines are not commands', () => {
    const cmd = 'kubectl exec -i web-0 -n prod -- sh <<EOF\nkubectl get pods\nEOF';
    expect(sent(cmd)).toBe(
      'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh&stderr=true&stdin=true&stdout=true',
    );
  });

  it.each<[string, RegExp]>([
    [
      'kubectl apply -f app.yaml && kubectl rollout status deploy/web',
      /^the line runs 2 kubectl commands \("kubectl apply -f app.yaml", "kubectl rollout status deploy\/web"\), each sending its own requests: give them one at a time$/,
    ],
    ['kubectl get ns x || kubectl create ns x', /runs 2 kubectl commands/],
    ['kubectl get pods\nkubectl get svc', /runs 2 kubectl commands/],
    ['watch "kubectl get pods; kubectl get svc"', /runs 2 kubectl commands/],
    ['kubectl port-forward svc/web 8080:80 & kubectl get pods', /runs 2 kubectl commands/],
    // xargs appends the words it reads: the names are not in the line.
    ['kubectl get pods -o name | xargs kubectl delete', /runs 2 kubectl commands/],
    [
      'cat pods.txt | xargs -n 1 kubectl delete pod -n prod',
      /xargs reads from its input.*"kubectl delete pod -n prod NAME"/,
    ],
  ])('refuses %j', (cmd, message) => {
    expect(() => requestFromKubectl(cmd)).toThrow(RequestSpecError);
    expect(() => requestFromKubectl(cmd)).toThrow(message);
  });
});

describe('shell expansions: what kind, and whether they decide the request', () => {
  it('keeps a command substitution whole, nested parentheses and quotes included', () => {
    expect(shellTokens('delete pod $(kubectl get pods -o name | head -1)')[2]).toMatchObject({
      text: '$(kubectl get pods -o name | head -1)',
      expansion: '$(kubectl get pods -o name | head -1)',
    });
    expect(shellTokens('x "$(echo "(a)")" y').map((t) => t.text)).toEqual(['x', '$(echo "(a)")', 'y']);
    expect(shellTokens('x `echo a b` y').map((t) => t.text)).toEqual(['x', '`echo a b`', 'y']);
  });

  it.each<[string, RegExp]>([
    [
      'kubectl delete pod $(kubectl get pods -o name)',
      /^"\$\(kubectl get pods -o name\)" is a command substitution: the shell runs that command first and puts its output here \(that inner kubectl command sends requests of its own.*"kubectl delete pod VALUE"$/,
    ],
    [
      'kubectl delete pod `kubectl get pods -o name`',
      /^"`kubectl get pods -o name`" is a command substitution/,
    ],
    ['kubectl get pods -n ${NS}', /^"\$\{NS\}" is a shell variable/],
    ['kubectl get pods -n "$NS"', /^"\$NS" is a shell variable.*"kubectl get pods -n VALUE"$/],
    ['kubectl logs $POD -n prod', /^"\$POD" is a shell variable/],
    ['kubectl get pods -l app=$APP', /^"\$APP" is a shell variable.*-l app=VALUE/],
    ['kubectl $CMD pods', /^"\$CMD" is a shell variable/],
    ['kubectl scale deploy web --replicas=$((N+1)) -n prod', /^"\$\(\(N\+1\)\)" is an arithmetic expansion/],
    ['for p in a b; do kubectl delete pod $p; done', /^"\$p" is a shell variable/],
  ])('refuses %j, naming the kind of expansion', (cmd, message) => {
    expect(() => requestFromKubectl(cmd)).toThrow(RequestSpecError);
    expect(() => requestFromKubectl(cmd)).toThrow(message);
  });

  it('an expansion in a value that changes nothing the policy sees is answered, with a note', () => {
    expect(sent('kubectl --context "$CTX" get pods -n prod')).toBe(PODS);
    expect(notes('kubectl --context "$CTX" get pods -n prod')).toMatch(
      /"\$CTX" \(in the value of --context\)/,
    );
    expect(sent('kubectl get pods -n prod --kubeconfig $HOME/.kube/prod')).toBe(PODS);
    expect(sent('kubectl get pods -n prod -o jsonpath="{.items[*].metadata.name}" --kubeconfig=$KC')).toBe(
      PODS,
    );
  });

  it('an unquoted glob in a name is matched against files, not objects', () => {
    expect(sent("kubectl delete pod 'web-*' -n prod")).toBe('DELETE /api/v1/namespaces/prod/pods/web-*');
    expect(notes("kubectl delete pod 'web-*' -n prod")).not.toMatch(/shell pattern/);
    expect(notes('kubectl delete pod web-* -n prod')).toMatch(
      /unquoted "web-\*" is a shell pattern: .*kubectl does not match object names by pattern/,
    );
  });
});

// kubectl rollout restart's own example: "kubectl rollout restart deployment -n test-namespace" restarts every
// Deployment of the namespace (restart.go: ResourceTypeOrNameArgs(true, ...)): a list, then one PATCH each.
it('rollout restart TYPE is every object of the type: refused with the list it sends', () => {
  expect(() => requestFromKubectl('kubectl rollout restart deployment -n test-namespace')).toThrow(
    /lists the objects \(GET \/apis\/apps\/v1\/namespaces\/test-namespace\/deployments\) and then sends one PATCH per object by name/,
  );
});

describe('text pasted from a terminal session or a chat', () => {
  it('a prompt line followed by what the command printed: the output lines are left out', () => {
    const session =
      '$ kubectl get pods -n prod\nNAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          5d';
    expect(sent(session)).toBe(PODS);
    expect(notes(session)).toMatch(/lines after the prompt line are taken as what the command printed/);
    // A command typed over several lines shows the continuation prompt "> " on the next ones.
    expect(sent('$ kubectl get pods \\\n> -n prod\nNAME   READY\nweb-0  1/1')).toBe(PODS);
    // Markdown from a chat or a runbook: a fenced block, or one code span around the command.
    expect(sent('```bash\n$ kubectl get pods -n prod\n```')).toBe(PODS);
    expect(sent('```\nkubectl get pods \\\n  -n prod\n```')).toBe(PODS);
    expect(sent('`kubectl get pods -n prod`')).toBe(PODS);
    // A runbook's list item: the marker ("1.", "2)", "-", "*") is Markdown; to the shell it would be a program.
    expect(sent('1. kubectl get pods -n prod')).toBe(PODS);
    expect(sent('2) `kubectl get pods -n prod`')).toBe(PODS);
    expect(sent('- sudo kubectl get pods -n prod')).toBe(PODS);
    expect(sent('* `d8 k get pods -n prod`')).toBe(PODS);
    // A runbook's comment over the command is no prompt: the command is kept.
    expect(sent('# list the pods\nkubectl get pods -n prod')).toBe(PODS);
    // Without a prompt, or with a prompt on each line, every line is a command.
    expect(() => requestFromKubectl('$ kubectl get pods\n$ kubectl get svc')).toThrow(
      /runs 2 kubectl commands/,
    );
  });

  // The shell reads none of these as quotes, spaces or flag dashes: kubectl would get "\u2014all-namespaces" as a
  // name. Chat apps and word processors put them in place of what was typed.
  it.each<[string, RegExp]>([
    ['kubectl get pods \u2014all-namespaces', /a long dash \(write - or --\)/],
    ['kubectl get pods \u2013n prod', /a long dash/],
    ['kubectl get pods -l \u201capp=web\u201d', /curly double quotes \(write "\)/],
    ['kubectl get pods -l \u2018app=web\u2019', /curly single quotes \(write '\)/],
    ['kubectl get\u00a0pods', /a non-breaking space \(write a plain space\)/],
  ])('refuses %j, naming the character to type', (cmd, message) => {
    expect(() => requestFromKubectl(cmd)).toThrow(message);
  });

  it('typographic characters inside straight quotes are the value itself', () => {
    expect(sent("kubectl annotate pod web-0 -n prod 'note=a \u2013 \u201cb\u201d'")).toBe(
      'PATCH /api/v1/namespaces/prod/pods/web-0',
    );
  });
});

// kubectl's plugin handler (cmd.go NewDefaultKubectlCommandWithArgs): an unknown command NAME runs the program
// kubectl-NAME from PATH, which sends requests of its own.
it('an unknown subcommand is named as the plugin kubectl would run', () => {
  expect(() => requestFromKubectl('kubectl neat get pod web-0')).toThrow(
    /unknown command "neat" \(kubectl itself would run it as the plugin program "kubectl-neat"/,
  );
});
