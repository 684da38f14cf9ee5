import { kubectlRequest } from '../../src/policy/request-info';
import { kubectlRefusal } from '../support/kubectl-refusal';

// Commands and flags old posts still show, with the kubectl release that removed each (kubernetes CHANGELOG
// and the pull requests named in src/policy/kubectl-removed.ts): version --short 1.28 (#116720), get --export
// 1.18 (#88649), get --show-all/-a 1.14 (#69255), run --generator/--replicas/--schedule 1.21 (#99732), run
// --serviceaccount/--hostport/--requests/--limits 1.24 (#108820), rolling-update 1.18, convert 1.20
// (kubectl#725), run-container renamed run after v0.17.

const refusal = kubectlRefusal;

describe('a removed flag names the release that removed it', () => {
  it.each([
    ['kubectl version --short', '--short was removed from "kubectl version" in kubectl 1.28'],
    ['kubectl version --client --short', '--short was removed from "kubectl version" in kubectl 1.28'],
    ['kubectl get deploy web -o yaml --export', '--export was removed from "kubectl get" in kubectl 1.18'],
    ['kubectl get pods --show-all', '--show-all was removed from "kubectl get" in kubectl 1.14'],
    ['kubectl get pods -a', '-a was removed from "kubectl get" in kubectl 1.14'],
    [
      'kubectl run nginx --image=nginx --generator=run-pod/v1',
      '--generator was removed from "kubectl run" in kubectl 1.21',
    ],
    [
      'kubectl run nginx --image=nginx --replicas=3',
      '--replicas was removed from "kubectl run" in kubectl 1.21',
    ],
    [
      'kubectl run hello --image=busybox --schedule="*/1 * * * *"',
      '--schedule was removed from "kubectl run" in kubectl 1.21',
    ],
    [
      "kubectl run nginx --image=nginx --restart=Never --requests='cpu=100m' --limits='cpu=200m'",
      '--requests was removed from "kubectl run" in kubectl 1.24',
    ],
    [
      'kubectl run web --image=nginx --serviceaccount=backend',
      '--serviceaccount was removed from "kubectl run" in kubectl 1.24',
    ],
    ['kubectl drain worker-1 --ignore-daemonsets --delete-local-data', 'in kubectl 1.31'],
  ])('%s', (cmd, message) => {
    const text = refusal(cmd);
    expect(text).toContain(message);
    expect(text).toContain('sends nothing');
  });

  it('says what to write instead', () => {
    expect(refusal('kubectl drain worker-1 --delete-local-data')).toContain('write --delete-emptydir-data');
    expect(refusal('kubectl run web --image=nginx --replicas=2')).toContain('kubectl create deployment');
  });

  it('the same flags are still read where kubectl has them', () => {
    expect(kubectlRequest('kubectl scale deploy web --replicas=3 -n prod').url).toBe(
      '/apis/apps/v1/namespaces/prod/deployments/web/scale',
    );
    expect(kubectlRequest('kubectl set resources deploy web --limits=cpu=200m -n prod').method).toBe('PATCH');
    expect(kubectlRequest('kubectl drain worker-1 --delete-emptydir-data').url).toBe(
      '/api/v1/nodes/worker-1',
    );
  });
});

describe('a removed command names the release that removed it', () => {
  it.each([
    ['kubectl rolling-update web --image=nginx:1.27', '"kubectl rolling-update" was removed in kubectl 1.18'],
    [
      'kubectl run-container web --image=nginx',
      '"kubectl run-container" was removed in kubectl 0.18, renamed to run',
    ],
    ['kubectl convert -f old.yaml --output-version apps/v1', '"kubectl convert" was removed in kubectl 1.20'],
  ])('%s', (cmd, message) => {
    expect(refusal(cmd)).toContain(message);
  });
});

describe('--record is deprecated, not removed', () => {
  it('set image --record sends the same PATCH and says where the annotation goes', () => {
    const r = kubectlRequest('kubectl set image deployment/web web=nginx:1.27 --record -n prod');
    expect(`${r.method} ${r.url}`).toBe('PATCH /apis/apps/v1/namespaces/prod/deployments/web');
    expect(r.notes.join('\n')).toMatch(
      /--record \(deprecated since kubectl 1\.22.*kubernetes\.io\/change-cause/,
    );
  });

  it('scale --record: scale.go sends a second merge PATCH of the object', () => {
    const r = kubectlRequest('kubectl scale deployment web --replicas=3 --record -n prod');
    expect(r.url).toBe('/apis/apps/v1/namespaces/prod/deployments/web/scale');
    expect(r.notes.join('\n')).toMatch(/second request, a merge PATCH of the object itself/);
  });
});

describe('run --restart: what kubectl made before 1.18 (generators), a Pod since', () => {
  it.each([
    [
      'kubectl run pi --image=perl --restart=OnFailure -- perl -e 1',
      /kubectl before 1\.18 created a Job here/,
    ],
    ['kubectl run nginx --image=nginx --restart Always', /kubectl before 1\.18 created a Deployment here/],
  ])('%s', (cmd, note) => {
    const r = kubectlRequest(cmd);
    expect(`${r.method} ${r.url}`).toBe('POST /api/v1/namespaces/default/pods');
    expect(r.notes.join('\n')).toMatch(note);
  });

  it('--restart=Never made a Pod before 1.18 too: no note', () => {
    expect(kubectlRequest('kubectl run x --image=busybox --restart=Never').notes.join('\n')).not.toMatch(
      /before 1\.18/,
    );
  });
});
