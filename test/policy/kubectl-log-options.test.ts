import { goDurationNs } from '../../src/policy/kubectl-log-options';
import { kubectlRequest, requestFromKubectl } from '../../src/policy/request-info';

// kubectl logs' options become corev1.PodLogOptions (pkg/cmd/logs/logs.go ToLogOptions) and so query
// parameters of the pods/log GET: --tail → tailLines (10 with -l unless --tail is given), --since →
// sinceSeconds (Round(time.Second)), --since-time → sinceTime (metav1.Time's query form: UTC RFC 3339),
// --timestamps → timestamps=true, --limit-bytes → limitBytes. Keys are sorted as url.Values.Encode sorts them.
const url = (cmd: string) => kubectlRequest(cmd).url;

describe('kubectl logs options in the request', () => {
  it.each<[string, string]>([
    ['logs web-0 -n prod --tail=100', '/api/v1/namespaces/prod/pods/web-0/log?tailLines=100'],
    [
      'logs web-0 -n prod --tail 20 -c nginx',
      '/api/v1/namespaces/prod/pods/web-0/log?container=nginx&tailLines=20',
    ],
    ['logs web-0 -n prod --tail=-1', '/api/v1/namespaces/prod/pods/web-0/log'],
    ['logs web-0 -n prod --since=1h', '/api/v1/namespaces/prod/pods/web-0/log?sinceSeconds=3600'],
    [
      'logs web-0 -n prod --since=1m30s -f',
      '/api/v1/namespaces/prod/pods/web-0/log?follow=true&sinceSeconds=90',
    ],
    ['logs web-0 -n prod --since=1500ms', '/api/v1/namespaces/prod/pods/web-0/log?sinceSeconds=2'],
    [
      'logs web-0 -n prod --since-time=2026-01-02T15:04:05+03:00',
      '/api/v1/namespaces/prod/pods/web-0/log?sinceTime=2026-01-02T12%3A04%3A05Z',
    ],
    ['logs web-0 -n prod --timestamps', '/api/v1/namespaces/prod/pods/web-0/log?timestamps=true'],
    ['logs web-0 -n prod --timestamps=false', '/api/v1/namespaces/prod/pods/web-0/log'],
    ['logs web-0 -n prod --limit-bytes=1024', '/api/v1/namespaces/prod/pods/web-0/log?limitBytes=1024'],
    ['logs -l app=web -n prod', '/api/v1/namespaces/prod/pods/POD/log?tailLines=10'],
    ['logs -l app=web -n prod --tail=-1', '/api/v1/namespaces/prod/pods/POD/log'],
    ['logs -l app=web -n prod --tail=5', '/api/v1/namespaces/prod/pods/POD/log?tailLines=5'],
    [
      'logs deploy/web -n prod --tail=50 -p',
      '/api/v1/namespaces/prod/pods/POD/log?previous=true&tailLines=50',
    ],
  ])('%s → %s', (cmd, expected) => {
    expect(url(cmd)).toBe(expected);
  });

  it.each<[string, RegExp]>([
    ['logs web-0 --tail=-2', /--tail must be greater than or equal to -1/],
    ['logs web-0 --since=1d', /--since=1d: not a duration/],
    [
      'logs web-0 --since=1h --since-time=2026-01-02T15:04:05Z',
      /at most one of `sinceTime` or `sinceSeconds`/,
    ],
    ['logs web-0 --since-time=yesterday', /RFC 3339/],
  ])('refuses %j as kubectl does', (cmd, message) => {
    expect(() => requestFromKubectl(cmd)).toThrow(message);
  });

  it('reads durations as Go time.ParseDuration does', () => {
    expect(goDurationNs('1h30m')).toBe(5400e9);
    expect(goDurationNs('1.5h')).toBe(5400e9);
    expect(goDurationNs('0')).toBe(0);
    expect(goDurationNs('10')).toBeUndefined();
    expect(goDurationNs('')).toBeUndefined();
    expect(goDurationNs('5x')).toBeUndefined();
  });
});
