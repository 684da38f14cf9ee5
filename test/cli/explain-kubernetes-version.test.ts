import { runInProcess } from './helpers';

describe('explain --url follows --kubernetes-version when it derives the request', () => {
  // labels.Parse accepts "x in (a,,)" from Kubernetes 1.35; before, the failed list-options decode drops
  // the fieldSelector name, so the list carries no name.
  const url = 'GET /api/v1/namespaces/prod/pods?fieldSelector=metadata.name%3Dweb-0&labelSelector=x+in+(a,,)';
  test.each([
    ['1.36', 'web-0'],
    ['1.34', undefined],
  ])('Kubernetes %s: name %s', async (version, name) => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubernetes-version',
      version,
      '--url',
      url,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const request = (JSON.parse(run.stdout) as { request: { verb: string; name?: string } }).request;
    expect(request.verb).toBe('list');
    expect(request.name || undefined).toBe(name);
  });
});
