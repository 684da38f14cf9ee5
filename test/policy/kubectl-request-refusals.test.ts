import { RequestSpecError, requestFromKubectl, requestFromUrl } from '../../src/policy/request-info';

describe('requestFromKubectl: refusals', () => {
  it.each([
    ['', /give a kubectl command/],
    ['frobnicate pods', /"frobnicate pods" is not a kubectl command line/],
    ['kubectl frobnicate pods', /unknown command "frobnicate"/],
    ['get', /needs a resource type/],
    ['get foos', /unknown resource type "foos"/],
    ['get pods a b', /one object at a time/],
    ['get pods,svc', /one resource type at a time/],
    ['delete -f x.yaml', /files are not read/],
    ['apply -f x.yaml', /files are not read/],
    ['edit deploy', /needs an object name/],
    ['exec', /needs a Pod name or TYPE\/NAME/],
    ['get pods --bogus', /unsupported flag --bogus/],
    ['get pods -n', /-n needs a value/],
    // resource.Builder visitByName: "a resource cannot be retrieved by name across all namespaces".
    ['get pod p -A', /"a resource cannot be retrieved by name across all namespaces"/],
    ['delete pod/p -A', /"a resource cannot be retrieved by name across all namespaces"/],
    ['describe pods p --all-namespaces', /"a resource cannot be retrieved by name across all namespaces"/],
    ['wait --for=delete pod/p -A', /"a resource cannot be retrieved by name across all namespaces"/],
    ['get pods --as x --unauthenticated', /cannot be combined/],
    ['get pods "unterminated', /unterminated/],
    ['create pods --field-selector metadata.name=x', /--field-selector applies/],
    ['logs web-0 -w', /-w\/--watch is supported with "get", "events" and "rollout status" only/],
    // kubectl delete --all / -l lists the objects and deletes each by name (delete.go deleteResource);
    // it never sends a deletecollection.
    ['delete pods -n x --all', /one DELETE per object by name/],
    ['delete pods -l app=web', /one DELETE per object by name/],
    ['label pods --all team=a', /one PATCH per object by name/],
    ['delete pods', /needs an object name/],
    ['proxy', /sends no request of its own/],
    ['get pods --dry-run=client', /"get" has no --dry-run flag/],
    ['delete pod p --dry-run=client', /sends no request to kube-apiserver/],
    ['auth can-i', /needs VERB and TYPE/],
    ['rollout frobnicate deploy/web', /supported: rollout/],
    ['cp a b', /exactly one of SOURCE, DESTINATION/],
    ['get pods --spdy', /--spdy applies/],
  ])('rejects %j', (cmd, message) => {
    expect(() => requestFromKubectl(cmd)).toThrow(RequestSpecError);
    expect(() => requestFromKubectl(cmd)).toThrow(message);
  });

  // A refusal echoes what it refuses; like the loader's echoes it must stay short and must not carry
  // characters that drive a terminal, whatever the input (a 10 MB argument, an ANSI escape).
  it.each<[string, () => unknown]>([
    ['a 10 MB resource type', () => requestFromKubectl(`get ${'a'.repeat(10_000_000)}`)],
    ['a million object names', () => requestFromKubectl(`get pods ${'x '.repeat(1_000_000)}`)],
    ['a 1 MB flag', () => requestFromKubectl(`get pods --${'x'.repeat(1_000_000)}=1`)],
    [
      'a million bad percent-escapes',
      () => requestFromUrl(`GET /api/v1/namespaces/${'%zz'.repeat(1_000_000)}/pods`),
    ],
    ['an ANSI escape in a resource type', () => requestFromKubectl('get \u001b[2Jpods')],
    ['a right-to-left override in a command', () => requestFromKubectl('frob\u202enicate pods')],
  ])('%s: the refusal is short and escaped', (_name, call) => {
    let message = '';
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(RequestSpecError);
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    expect(message.length).toBeLessThan(2500);
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('a word longer than Linux passes to a program (MAX_ARG_STRLEN, 131,072 bytes) is refused before reading', () => {
    expect(() => requestFromKubectl(`get ${'a'.repeat(10_000_000)}`)).toThrow(/MAX_ARG_STRLEN/);
    expect(() => requestFromKubectl(`get pods -l app=${'b'.repeat(131_069)}`)).toThrow(/MAX_ARG_STRLEN/);
    // At the limit the word is read as kubectl would get it.
    expect(() => requestFromKubectl(`get ${'a'.repeat(131_072)}`)).toThrow(/unknown resource type/);
  });

  it('throws a TypeError for a command that is not a string', () => {
    expect(() => requestFromKubectl(undefined as unknown as string)).toThrow(TypeError);
    expect(() => requestFromKubectl(undefined as unknown as string)).toThrow(/command must be a string/);
  });
});
