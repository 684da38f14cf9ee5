import { ApiObject, JsonPatch } from 'cdk8s';
import { AuditLogDestination, scanCredentials } from '../../src/constructs';
import { ofKind, synthError, synthValid } from './helpers';
import { allow, ship } from './credential-scan-helpers';

describe('the rendered objects are scanned after escape-hatch patches', () => {
  function patched(destination: AuditLogDestination, ...patches: JsonPatch[]) {
    const { chart, shipping } = ship([destination]);
    const object = shipping.node
      .findAll()
      .find((c) => ApiObject.isApiObject(c) && c.kind === 'ClusterLogDestination');
    (object as ApiObject).addJsonPatch(...patches);
    return chart;
  }

  test.each<[string, JsonPatch, string]>([
    [
      'Loki auth',
      JsonPatch.add('/spec/loki/auth', { strategy: 'Bearer', token: 'c2VjcmV0' }),
      'loki.auth.token',
    ],
    [
      'a Loki password',
      JsonPatch.add('/spec/loki/auth', { user: 'u', password: 'c2VjcmV0' }),
      'loki.auth.password',
    ],
    [
      'a client key',
      JsonPatch.add('/spec/loki/tls', { clientCrt: { crtFile: 'Y3J0', keyFile: 'c2VjcmV0' } }),
      'loki.tls.clientCrt.keyFile',
    ],
    [
      'an endpoint with a password',
      JsonPatch.replace('/spec/loki/endpoint', 'https://a:c2VjcmV0@loki'),
      'loki.endpoint',
    ],
    ['a token label', JsonPatch.add('/spec/extraLabels/token', 'c2VjcmV0'), 'extraLabels.token'],
  ])('a patch that adds %s fails synth', (_name, patch, field) => {
    const destination: AuditLogDestination = {
      type: 'Loki',
      name: 'loki',
      endpoint: 'https://loki.example.com',
    };
    const message = synthError(patched(destination, patch));
    expect(message).toContain(`[test/Shipping] destinations[0].${field}: expected no inline`);
    expect(message).toContain('in the rendered object (an escape-hatch patch?)');
    expect(message).not.toContain('c2VjcmV0');
  });

  test("with allowInlineCredentials the patched credential is the user's choice", () => {
    const chart = patched(
      allow({ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }),
      JsonPatch.add('/spec/loki/auth', { strategy: 'Bearer', token: 'dG9rZW4=' }),
    );
    expect(ofKind(synthValid(chart), 'ClusterLogDestination')[0].spec.loki.auth).toEqual({
      strategy: 'Bearer',
      token: 'dG9rZW4=',
    });
  });

  test.each<[string, string, string[]]>([
    ['a 1 MB run of JWT-like words', 'eyJ-'.repeat(250_000), []],
    ['a 1 MB scheme without an @', `a://${'x'.repeat(1_000_000)}`, []],
    ['a 1 MB user name before an @', `${'a'.repeat(1_000_000)}:p@host`, ['url-userinfo']],
    ['many @ in a row', '@a'.repeat(500_000), []],
    ['a 1 MB BEGIN line', `-----BEGIN ${'A'.repeat(1_000_000)}`, []],
    [
      'a 700 KB base64 CA bundle',
      Buffer.from('-----BEGIN CERTIFICATE-----\n'.repeat(25_000)).toString('base64'),
      [],
    ],
    ['a long query', `https://h/?${'a=b&'.repeat(250_000)}token=x`, ['query-parameter']],
  ])('%s is scanned in one pass (hostile or large values)', (_name, value, kinds) => {
    expect(scanCredentials({ spec: { loki: { endpoint: value } } }).map((f) => f.kind)).toEqual(kinds);
  });

  test('the scanner walks any depth without recursion', () => {
    let deep: unknown = 'https://a:b@host';
    for (let i = 0; i < 100_000; i++) deep = { x: deep };
    expect(scanCredentials({ spec: deep }).map((f) => f.kind)).toEqual(['url-userinfo']);
  });
});
