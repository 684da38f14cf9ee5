import { kubectlRequest } from '../../src/policy/request-info';
import { kubectlRefusal } from '../support/kubectl-refusal';

// kubectl refuses object names together with a selector and sends nothing. The messages are kubectl's own:
// cli-runtime resource.Builder.visitBySelector ("name cannot be provided when a selector is specified" for
// TYPE NAME, "selectors and the all flag cannot be used when passing resource/name arguments" for TYPE/NAME and
// for ResourceNames' Node tuples; delete's --all is SelectAllParam's match-everything selector), and
// top pod / top node Validate ("only one of NAME or selector can be provided").

const refusal = kubectlRefusal;

describe('TYPE NAME with a selector: "name cannot be provided when a selector is specified"', () => {
  it.each([
    'get pods web-0 -l app=web',
    'describe pods web-0 -l app=web',
    'delete pods web-0 -l app=web',
    'delete pods web-0 --all',
    'label pods web-0 -l app=web tier=fe',
    'annotate pods web-0 -l app=web note=x',
    'scale deployment web --replicas=2 -l app=web',
    'wait pods web-0 --for=delete -l app=web',
    'set resources deployment web --limits=cpu=200m -l app=web',
    'rollout restart deployment web -l app=web',
  ])('%s', (cmd) => {
    const message = refusal(cmd);
    expect(message).toContain('"name cannot be provided when a selector is specified"');
    expect(message).toMatch(/sends nothing: leave out web(-0)? /);
  });
});

describe('TYPE/NAME with a selector: the resource/name refusal', () => {
  it.each([
    'get pod/web-0 -l app=web',
    'describe pod/web-0 -l app=web',
    'delete pod/web-0 --field-selector status.phase=Failed',
    'set image deployment/web web=nginx:1.27 -l app=web',
    'set env deployment/web LOG=debug -l app=web',
    'rollout status deployment/web -l app=web',
    'cordon worker-1 -l pool=a',
    'drain worker-1 -l pool=a',
  ])('%s', (cmd) => {
    expect(refusal(cmd)).toContain(
      '"selectors and the all flag cannot be used when passing resource/name arguments"',
    );
  });
});

describe('logs POD CONTAINER with a selector', () => {
  // logs.go Complete refuses one argument with -l itself; with two, ResourceNames("pods", POD) meets the selector
  // in the builder.
  it('logs web-0 app -l app=web', () => {
    expect(refusal('logs web-0 app -l app=web')).toContain(
      '"selectors and the all flag cannot be used when passing resource/name arguments"',
    );
  });

  it("logs web-0 -l app=web keeps logs.go's own message", () => {
    expect(refusal('logs web-0 -l app=web')).toContain('only a selector (-l) or a POD name is allowed');
  });
});

describe('top pod NAME / top node NAME with a selector', () => {
  it.each(['top pod web-0 -l app=web', 'top node worker-1 -l pool=a', 'top pod web-0 --field-selector a=b'])(
    '%s',
    (cmd) => {
      expect(refusal(cmd)).toContain('"only one of NAME or selector can be provided"');
    },
  );
});

describe('a selector without names is still read', () => {
  it('top pod -l lists the metrics of the selected Pods', () => {
    expect(kubectlRequest('top pod -l app=web -n prod').url).toBe(
      '/apis/metrics.k8s.io/v1beta1/namespaces/prod/pods?labelSelector=app%3Dweb',
    );
  });

  it('get pods -l lists with the selector', () => {
    expect(kubectlRequest('get pods -l app=web -n prod').url).toBe(
      '/api/v1/namespaces/prod/pods?labelSelector=app%3Dweb&limit=500',
    );
  });

  it('label with a selector and its label pairs names no object', () => {
    expect(refusal('label pods -l app=web tier=fe')).toMatch(/one PATCH per object/);
  });
});

describe('--all with a selector', () => {
  // delete.go Complete runs the builder, whose SelectAllParam refuses a selector beside --all before Validate's
  // own checks; label.go/annotate.go Validate, set resources/subject Validate and taint.go validateFlags refuse
  // the pair themselves.
  it.each([
    ['delete pods --all -l app=web', "setting 'all' parameter but found a non empty selector."],
    [
      'delete pods --all --field-selector status.phase=Failed',
      "setting 'all' parameter but found a non empty selector.",
    ],
    ['label pods --all -l app=web tier=fe', 'cannot set --all and --selector at the same time'],
    [
      'annotate pods --all --field-selector status.phase=Running a=b',
      'cannot set --all and --field-selector at the same time',
    ],
    [
      'set resources deployments --all -l app=web --limits=cpu=200m',
      'cannot set --all and --selector at the same time',
    ],
    [
      'taint nodes --all -l pool=a dedicated=x:NoSchedule',
      "setting 'all' parameter with a non empty selector is prohibited",
    ],
  ])('%s', (cmd, message) => {
    expect(refusal(cmd)).toContain(`("${message}")`);
  });
});
