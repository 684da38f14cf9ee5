import { AuditLogDestination, scanCredentials } from '../../src/constructs';
import { synthError, synthValid } from './helpers';
import { LOWER, allow, random, ship, word } from './credential-scan-helpers';

// Places a credential hid from the scanner before, each with the rule that says it is one.

// RFC 3986, section 3.2.1: userinfo = *( unreserved / pct-encoded / sub-delims / ":" ), and section 2.2:
// sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "=". A password may hold all of them
// unescaped; the WHATWG URL parser (Node's URL, which reads these endpoints) gives them back as the password.
const UNRESERVED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~';
const SUB_DELIMS = "!$&'()*+,;=";

describe('user:password@ whatever characters the password has', () => {
  test.each([...SUB_DELIMS].map((c) => [c]))('a password with %s is refused and not quoted', (c) => {
    const endpoint = `https://admin:pa${c}Zq9Secret@loki.example.com`;
    // Node's own URL parser agrees that this is a password: what the agent would send as basic auth.
    expect(new URL(endpoint).password).not.toBe('');
    const destination: AuditLogDestination = { type: 'Loki', name: 'l', endpoint };
    const message = synthError(ship([destination]).chart);
    expect(message).toContain('destinations[0].loki.endpoint: expected no inline credentials in the address');
    expect(message).not.toContain('Zq9Secret');
    expect(synthValid(ship([allow(destination)]).chart).length).toBeGreaterThan(0);
  });

  test.each<[string, AuditLogDestination, string]>([
    [
      'Kafka bootstrap server',
      { type: 'Kafka', name: 'k', bootstrapServers: ['user:a=Zq9Secret@kafka-1:9093'], topic: 't' },
      'kafka.bootstrapServers[0]',
    ],
    [
      'Logstash endpoint',
      { type: 'Logstash', name: 'l', endpoint: "u:it's(Zq9Secret)@ls:5044" },
      'logstash.endpoint',
    ],
    [
      'Socket address',
      { type: 'Socket', name: 's', address: 'u:a,b;Zq9Secret@siem:514', mode: 'TCP' },
      'socket.address',
    ],
  ])('%s without a scheme', (_name, destination, field) => {
    const message = synthError(ship([destination]).chart);
    expect(message).toContain(`destinations[0].${field}: expected no inline credentials in the address`);
    expect(message).not.toContain('Zq9Secret');
  });

  test('fuzz: any RFC 3986 userinfo is found, with or without a scheme, and never quoted', () => {
    const next = random(31);
    const alphabet = UNRESERVED + SUB_DELIMS;
    for (let i = 0; i < 300; i++) {
      const host = `${word(next, LOWER, 1, 12)}.${word(next, LOWER, 2, 6)}`;
      const port = 1 + Math.floor(next() * 65535);
      const user = word(next, alphabet, 1, 10);
      const password = word(next, alphabet, 1, 24);
      for (const address of [
        `https://${user}:${password}@${host}:${port}/loki`,
        `${user}:${password}@${host}:${port}`,
      ]) {
        const found = scanCredentials({ spec: { vector: { endpoint: address } } });
        expect({ address, kinds: found.map((f) => f.kind) }).toEqual({ address, kinds: ['url-userinfo'] });
      }
    }
  });

  test('an "@" in a path or a query, or an e-mail address, is not user information', () => {
    for (const value of [
      'https://loki.example.com/tenants/@team',
      'https://es.example.com:9200/?q=a@b',
      'audit@example.com',
    ]) {
      expect({ value, found: scanCredentials({ spec: { loki: { endpoint: value } } }) }).toEqual({
        value,
        found: [],
      });
    }
  });
});

describe('secret parameters in the fragment, after ";", and under more names', () => {
  test.each([
    ['https://loki.example.com/#access_token=Zq9Secret', 'access_token'],
    ['https://loki.example.com/?tenant=a;token=Zq9Secret', 'token'],
    ['https://loki.example.com/?tenant=a#jwt=Zq9Secret', 'jwt'],
    ['https://loki.example.com/?bearer=Zq9Secret', 'bearer'],
    ['https://loki.example.com/?pw=Zq9Secret', 'pw'],
    ['https://loki.example.com/?sessionid=Zq9Secret', 'sessionid'],
  ])('%s is refused and not quoted', (endpoint, parameter) => {
    const destination: AuditLogDestination = { type: 'Loki', name: 'l', endpoint };
    const message = synthError(ship([destination]).chart);
    expect(message).toContain(
      `loki.endpoint: expected no inline secret in the URL's query parameter "${parameter}"`,
    );
    expect(message).not.toContain('Zq9Secret');
    expect(synthValid(ship([allow(destination)]).chart).length).toBeGreaterThan(0);
  });

  test('a fragment or a ";" with ordinary names is no secret', () => {
    for (const value of ['https://loki.example.com/#section=2', 'https://es.example.com/?a=1;index=audit']) {
      expect({ value, found: scanCredentials({ spec: { loki: { endpoint: value } } }) }).toEqual({
        value,
        found: [],
      });
    }
  });
});

describe('label and map names with a secret word anywhere', () => {
  test.each([
    'secret_value',
    'db_password_prod',
    'api_key_id',
    'authTokenValue',
    'pw',
    'pass',
    'session',
    'jwt',
  ])('extraLabels.%s with a literal value is refused and not quoted', (name) => {
    const destination: AuditLogDestination = {
      type: 'Vector',
      name: 'v',
      endpoint: 'vector.example.com:6000',
      extraLabels: { [name]: 'Zq9Secret' },
    };
    const message = synthError(ship([destination]).chart);
    expect(message).toContain(`expected no inline value under the secret-looking name "${name}"`);
    expect(message).not.toContain('Zq9Secret');
  });

  test.each(['secret_ref', 'token_url', 'password_file', 'passenger', 'tokenizer', 'session_ttl', 'keyword'])(
    'extraLabels.%s names something about a secret, or no secret: kept',
    (name) => {
      expect(scanCredentials({ spec: { extraLabels: { [name]: 'audit' } } })).toEqual([]);
    },
  );
});

test('an OpenPGP secret key in caFile is refused even with allowInlineCredentials', () => {
  const pem =
    '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0Zq9Secret\n-----END PGP PRIVATE KEY BLOCK-----\n';
  const destination: AuditLogDestination = {
    type: 'Socket',
    name: 's',
    address: 'siem.example.com:6514',
    mode: 'TCP',
    allowInlineCredentials: true,
    tls: { caFile: Buffer.from(pem).toString('base64') },
  };
  const message = synthError(ship([destination]).chart);
  expect(message).toContain('socket.tcp.tls.caFile: expected no inline PEM private key');
  expect(message).not.toContain('Zq9Secret');
});

describe('the opt-in itself', () => {
  test.each([
    ['"true"', 'true'],
    ['1', 1],
    ['"yes"', 'yes'],
  ])(
    'allowInlineCredentials: %s (YAML or JSON that quoted it) is refused as the flag, and the credential stays refused',
    (_shown, flag) => {
      const destination = {
        type: 'Splunk',
        name: 's',
        endpoint: 'https://splunk.example.com:8088',
        token: 'Zq9SecretHecToken',
        allowInlineCredentials: flag,
      };
      const message = synthError(ship([destination as never]).chart);
      expect(message).toContain(
        `destinations[0].allowInlineCredentials: received ${JSON.stringify(flag)}, expected true or false`,
      );
      expect(message).toContain('destinations[0].splunk.token: expected no inline token');
      expect(message).not.toContain('Zq9Secret');
    },
  );
});
