// A line that sends its request to kube-apiserver without kubectl (curl -k https://10.0.0.1:6443/api/v1/pods,
// wget, httpie): the request is the URL itself, which can be described as "METHOD /path".

const API_PATH =
  /^(?:\/api(?:\/|$)|\/apis(?:\/|$)|\/version$|\/healthz|\/livez|\/readyz|\/openapi\/|\/metrics$)/;

const DATA_FLAGS = new Set([
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-urlencode',
  '--json',
  '-F',
]);

/**
 * "GET /api/v1/pods" for a line whose words hold an http(s) URL with a kube-apiserver path; undefined otherwise.
 * The method is curl's: -X/--request, else POST when a body is given (-d, --data, --json, ...), else GET.
 */
export function directRequest(words: readonly string[]): string | undefined {
  let path: string | undefined;
  let method: string | undefined;
  let body = false;
  words.forEach((w, i) => {
    const url = /^https?:\/\/[^/\s]+(\/[^\s]*)$/.exec(w);
    if (url && API_PATH.test(url[1])) path ??= url[1];
    if (w === '-X' || w === '--request') method = words[i + 1];
    else if (/^-X[A-Z]+$/.test(w)) method = w.slice(2);
    else if (w.startsWith('--request=')) method = w.slice('--request='.length);
    if (DATA_FLAGS.has(w.split('=')[0])) body = true;
  });
  if (path === undefined) return undefined;
  return `${(method ?? (body ? 'POST' : 'GET')).toUpperCase()} ${path}`;
}

/**
 * Programs and shell builtins pasted in place of a kubectl command, whose names are close to a kubectl command
 * ("git" to get, "export" to expose, "helm" to help): no "did you mean", they are other programs.
 */
export const OTHER_PROGRAMS: ReadonlySet<string> = new Set([
  ...['export', 'cd', 'source', 'alias', 'unset', 'echo', 'printf', 'ls', 'cat', 'less', 'tail', 'head'],
  ...['git', 'helm', 'docker', 'podman', 'crictl', 'ctr', 'nerdctl', 'systemctl', 'journalctl', 'kubeadm'],
  ...['kubelet', 'etcdctl', 'grep', 'jq', 'yq', 'vi', 'vim', 'nano', 'ping', 'dig', 'nslookup', 'ps'],
]);
