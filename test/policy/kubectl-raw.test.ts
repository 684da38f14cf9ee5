import { RequestSpecError, kubectlRequest } from '../../src/policy/request-info';

// create/replace/delete --raw, checked against kubectl's source: create.go (Validate: exactly one -f;
// Run: rawhttp.RawPost(restClient, ..., o.Raw, Filenames[0])), replace.go (Validate: exactly one -f;
// rawhttp.RawPut) and delete.go (Validate: at most one -f; rawhttp.RawDelete). The path is sent as written.

const sent = (cmd: string) => {
  const r = kubectlRequest(cmd);
  return `${r.method} ${r.url}`;
};

describe('--raw with a body file', () => {
  it.each([
    ['create --raw /api/v1/namespaces/x/pods -f pod.json', 'POST /api/v1/namespaces/x/pods'],
    [
      'create --raw=/apis/apps/v1/namespaces/x/deployments --filename=-',
      'POST /apis/apps/v1/namespaces/x/deployments',
    ],
    ['replace --raw /api/v1/namespaces/x/pods/y -f -', 'PUT /api/v1/namespaces/x/pods/y'],
    ['delete --raw /api/v1/namespaces/x/pods/y -f opts.json', 'DELETE /api/v1/namespaces/x/pods/y'],
    ['delete --raw /api/v1/namespaces/x/pods/y', 'DELETE /api/v1/namespaces/x/pods/y'],
  ])('%s sends %s', (cmd, want) => {
    expect(sent(cmd)).toBe(want);
  });

  it.each([
    ['create --raw /api/v1/namespaces/x/pods', 'exactly one -f FILE'],
    ['replace --raw /api/v1/namespaces/x/pods/y', 'exactly one -f FILE'],
    ['create --raw /api/v1/namespaces/x/pods -f a.json -f b.json', 'got 2'],
    ['delete --raw /api/v1/namespaces/x/pods/y -f a.json -f b.json', 'at most one -f FILE'],
    ['create --raw /api/v1/namespaces/x/pods -f a.json pods', 'takes no resource type or name'],
    ['create --raw api/v1/pods -f a.json', 'starting with "/"'],
  ])('%s is refused (%s)', (cmd, why) => {
    expect(() => kubectlRequest(cmd)).toThrow(RequestSpecError);
    expect(() => kubectlRequest(cmd)).toThrow(why);
  });

  it.each(['create -f x.yaml', 'replace --force -f x.yaml', 'delete -f x.yaml', 'delete --filename x.yaml'])(
    'without --raw the file holds objects we do not read: %s is refused',
    (cmd) => {
      expect(() => kubectlRequest(cmd)).toThrow('files are not read');
    },
  );
});

describe('auth can-i --subresource and certificate with several CSRs', () => {
  // cani.go NewCmdCanI: cmd.Flags().StringVar(&o.Subresource, "subresource", ...); RunAccessCheck puts it in
  // the SelfSubjectAccessReview's ResourceAttributes: the request is the same POST.
  it('auth can-i get pods --subresource=log is the SelfSubjectAccessReview POST', () => {
    const r = kubectlRequest('auth can-i get pods --subresource=log -n prod');
    expect(`${r.method} ${r.url}`).toBe('POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
    expect(r.notes.join(' ')).toContain('--subresource log is part of the question');
  });

  it('--subresource stays refused where kubectl has no such flag', () => {
    expect(() => kubectlRequest('auth whoami --subresource=log')).toThrow('auth can-i only');
    expect(() => kubectlRequest('logs web-0 --subresource=log')).toThrow('auth can-i only');
  });

  // certificates.go: ResourceNames("certificatesigningrequests", csrNames...): one GET and PUT per CSR.
  it('certificate approve with two CSRs is refused as one request per CSR, naming them', () => {
    expect(() => kubectlRequest('certificate approve csr-a csr-b')).toThrow(
      'one CSR at a time: got csr-a, csr-b',
    );
    expect(() => kubectlRequest('certificate approve')).toThrow('needs a CSR name');
  });
});
