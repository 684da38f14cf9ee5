import { ApiObject, Chart, Testing } from 'cdk8s';
import {
  AuditLogDestination,
  AuditLogShipping,
  base64Pem,
  collectWarnings,
  onWarnings,
  TLS_SECRET_CONTRACT,
  TlsOptions,
} from '../../src/constructs';
import { ManifestValidator } from '../../src/constructs/schema-validation';
import { secretSourceOf } from '../../src/constructs/tls-secret';
import { ofKind, synthError, synthValid } from './helpers';

const CA = base64Pem('-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n');
const KEY = base64Pem('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----\n');
const SECRET = 'siem-client-tls';
const validator = new ManifestValidator();
const tls: TlsOptions = { secretRef: { name: SECRET } };

// The label and namespace log-shipper wants (CRD description of tls.secretRef).
const WATCHED = { 'log-shipper.deckhouse.io/watch-secret': 'true' };

/** One destination of each type that has TLS, all reading it from the Secret. */
const PIPELINES: Array<[string, string, AuditLogDestination]> = [
  ['Loki', 'loki', { type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com', tls }],
  [
    'Elasticsearch',
    'elasticsearch',
    { type: 'Elasticsearch', name: 'es', endpoint: 'https://es.example.com:9200', tls },
  ],
  [
    'Logstash',
    'logstash',
    { type: 'Logstash', name: 'logstash', endpoint: 'logstash.example.com:5044', tls },
  ],
  ['Vector', 'vector', { type: 'Vector', name: 'vector', endpoint: 'vector.example.com:6000', tls }],
  [
    'Kafka',
    'kafka',
    {
      type: 'Kafka',
      name: 'kafka',
      bootstrapServers: ['kafka-0.example.com:9093'],
      topic: 'kube-audit',
      tls,
    },
  ],
  [
    'Splunk',
    'splunk',
    {
      type: 'Splunk',
      name: 'splunk',
      endpoint: 'https://splunk.example.com:8088',
      token: 'hec',
      tls,
      allowInlineCredentials: true,
    },
  ],
  [
    'Socket',
    'socket.tcp',
    { type: 'Socket', name: 'siem', address: 'siem.example.com:6514', mode: 'TCP', encoding: 'Syslog', tls },
  ],
];

function tlsOf(spec: Record<string, unknown>, block: string): unknown {
  return block.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec);
}

function secret(chart: Chart, id: string, props: Record<string, unknown>): ApiObject {
  return new ApiObject(chart, id, props as never);
}

describe('TLS from a Secret, on every destination type that has TLS', () => {
  test.each(PIPELINES)(
    '%s: tls.secretRef renders to spec.%s.tls.secretRef.name, without key material',
    (_type, block, destination) => {
      const chart = Testing.chart();
      new AuditLogShipping(chart, 'Shipping', { destinations: [destination] });
      // The Secret comes from the secret store through an ExternalSecret in the same app.
      secret(chart, 'SiemTls', {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name: SECRET, namespace: 'd8-log-shipper' },
        spec: {
          secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
          target: { template: { metadata: { labels: WATCHED } } },
          data: ['ca.pem', 'crt.pem', 'key.pem'].map((secretKey) => ({
            secretKey,
            remoteRef: { key: `siem/${secretKey}` },
          })),
        },
      });
      const objects = Testing.synth(chart);
      const [rendered] = ofKind(objects, 'ClusterLogDestination');
      expect((tlsOf(rendered.spec, block) as { tls: unknown }).tls).toEqual({ secretRef: { name: SECRET } });
      expect(JSON.stringify(objects)).not.toContain('PRIVATE KEY');
      expect(collectWarnings(chart)).toEqual([]);
      expect(validator.validateAll(ofKind(objects, 'ClusterLogDestination'))).toEqual([]);
    },
  );

  test.each(PIPELINES)(
    '%s: without the Secret in the app, a warning says where it must come from',
    (_type, block, destination) => {
      const chart = Testing.chart();
      new AuditLogShipping(chart, 'Shipping', { destinations: [destination] });
      synthValid(chart);
      const warnings = collectWarnings(chart).join('\n');
      expect(warnings).toContain(
        `destinations[0].${block}.tls.secretRef.name: received "${SECRET}", expected ${TLS_SECRET_CONTRACT}`,
      );
      expect(warnings).toContain('namespace d8-log-shipper');
      expect(warnings).toContain('log-shipper.deckhouse.io/watch-secret: "true"');
      expect(warnings).toContain('keys ca.pem, crt.pem, key.pem, keyPass (DKP ≥ 1.68)');
      // deckhouse modules/460-log-shipper/hooks/generate_config.go returns the error for the whole config.
      expect(warnings).toContain('no destination of the cluster gets a new configuration until it exists');
    },
  );

  test('a plain app.synth() prints the warning once, although it needs the whole app', () => {
    const app = Testing.app();
    new AuditLogShipping(new Chart(app, 'pipeline'), 'Shipping', { destinations: [PIPELINES[0][2]] });
    const printed: string[] = [];
    onWarnings(app, (warning) => printed.push(warning));
    app.synth();
    app.synth();
    expect(printed).toEqual([
      expect.stringContaining('[pipeline/Shipping] destinations[0].loki.tls.secretRef.name'),
    ]);
  });

  test('the warning is given once however often the app is synthesized', () => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', { destinations: [PIPELINES[0][2]] });
    Testing.synth(chart);
    Testing.synth(chart);
    expect(collectWarnings(chart)).toHaveLength(1);
  });
});

describe('no inline key beside the Secret', () => {
  test('an inline keyFile is refused unless allowInlineCredentials, and the error points to tls.secretRef', () => {
    const destination: AuditLogDestination = {
      type: 'Socket',
      name: 'siem',
      address: 'siem:6514',
      mode: 'TCP',
      tls: { clientCrt: { crtFile: CA, keyFile: KEY } },
    };
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'S', { destinations: [destination] });
    const message = synthError(chart);
    expect(message).toContain(
      'destinations[0].socket.tcp.tls.clientCrt.keyFile: expected no inline private key',
    );
    expect(message).toContain(`set tls.secretRef.name (${TLS_SECRET_CONTRACT})`);
    expect(message).not.toContain(KEY);
  });

  test('secretRef beside an inline key: the key is still refused; beside inline CA/certificate: a warning', () => {
    const withKey = Testing.chart();
    new AuditLogShipping(withKey, 'S', {
      destinations: [
        {
          type: 'Vector',
          name: 'v',
          endpoint: 'v:6000',
          tls: { secretRef: { name: SECRET }, clientCrt: { crtFile: CA, keyFile: KEY } },
        },
      ],
    });
    expect(synthError(withKey)).toContain(
      'destinations[0].vector.tls.clientCrt.keyFile: expected no inline private key',
    );

    const withCa = Testing.chart();
    new AuditLogShipping(withCa, 'S', {
      destinations: [
        { type: 'Vector', name: 'v', endpoint: 'v:6000', tls: { secretRef: { name: SECRET }, caFile: CA } },
      ],
    });
    synthValid(withCa);
    expect(collectWarnings(withCa).join('\n')).toContain(
      "destinations[0].vector.tls.caFile: expected no inline caFile beside secretRef. Fix: the Secret's ca.pem/crt.pem/key.pem override the inline fields",
    );
  });

  test('a secretRef name that cannot be a Secret name is refused', () => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'S', {
      destinations: [
        { type: 'Loki', name: 'l', endpoint: 'https://l', tls: { secretRef: { name: 'Siem_TLS' } } },
      ],
    });
    expect(synthError(chart)).toContain(
      'destinations[0].loki.tls.secretRef.name: received "Siem_TLS", expected the name of a Secret',
    );
  });
});

describe('the Secret the app defines is checked against the contract', () => {
  function app(...objects: Array<Record<string, unknown>>) {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', { destinations: [PIPELINES[6][2]] });
    objects.forEach((o, i) => secret(chart, `Object${i}`, o));
    return chart;
  }
  const v1Secret = (metadata: Record<string, unknown>, data: Record<string, string> = { 'ca.pem': CA }) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: SECRET, ...metadata },
    data,
  });

  test('a v1 Secret with the namespace, the label and only public keys passes', () => {
    const chart = app(
      v1Secret({ namespace: 'd8-log-shipper', labels: WATCHED }, { 'ca.pem': CA, 'crt.pem': CA }),
    );
    synthValid(chart);
    expect(collectWarnings(chart)).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    [
      'a v1 Secret in another namespace',
      v1Secret({ namespace: 'default', labels: WATCHED }),
      'received "Secret/siem-client-tls in namespace default", expected the Secret in namespace d8-log-shipper',
    ],
    [
      'a v1 Secret without a namespace',
      v1Secret({ labels: WATCHED }),
      'received "Secret/siem-client-tls in namespace (none)"',
    ],
    [
      'a v1 Secret without the label',
      v1Secret({ namespace: 'd8-log-shipper' }),
      'expected the Secret labelled log-shipper.deckhouse.io/watch-secret: "true"',
    ],
    [
      'a v1 Secret with the label "false"',
      v1Secret({ namespace: 'd8-log-shipper', labels: { 'log-shipper.deckhouse.io/watch-secret': 'false' } }),
      'with log-shipper.deckhouse.io/watch-secret: \\"false\\"',
    ],
    [
      'a v1 Secret holding the private key (it would be in dist/)',
      v1Secret(
        { namespace: 'd8-log-shipper', labels: WATCHED },
        { 'ca.pem': CA, 'crt.pem': CA, 'key.pem': KEY },
      ),
      'expected no private key in the manifests',
    ],
    // A PEM private key lands in dist/ whatever the key is called: cert-manager's tls.key, a typo of
    // key.pem, raw PEM in stringData, an RSA or EC key.
    [
      'a v1 Secret holding a private key under tls.key (cert-manager naming)',
      v1Secret({ namespace: 'd8-log-shipper', labels: WATCHED }, { 'ca.pem': CA, 'tls.key': KEY }),
      'expected no private key in the manifests',
    ],
    [
      'a v1 Secret holding a private key under a mistyped key name',
      v1Secret({ namespace: 'd8-log-shipper', labels: WATCHED }, { 'key.pm': KEY }),
      'expected no private key in the manifests',
    ],
    // The CRD describes the Secret's values as "Base64-encoded PEM": in `data`, which Kubernetes base64-encodes
    // once more, that is the key encoded twice.
    [
      'a v1 Secret holding a private key as the CRD describes it (base64 PEM) in data, under tls.key',
      v1Secret(
        { namespace: 'd8-log-shipper', labels: WATCHED },
        { 'ca.pem': CA, 'tls.key': Buffer.from(KEY, 'utf8').toString('base64') },
      ),
      'expected no private key in the manifests',
    ],
    [
      'a v1 Secret holding a raw PEM RSA key in stringData',
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: SECRET, namespace: 'd8-log-shipper', labels: WATCHED },
        stringData: {
          'client.key': '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n',
        },
      },
      'expected no private key in the manifests',
    ],
    [
      'an ExternalSecret in another namespace',
      {
        apiVersion: 'external-secrets.io/v1beta1',
        kind: 'ExternalSecret',
        metadata: { name: 'whatever', namespace: 'security' },
        spec: { target: { name: SECRET, template: { metadata: { labels: WATCHED } } }, data: [] },
      },
      'received "ExternalSecret/whatever in namespace security"',
    ],
    [
      'a SealedSecret without the label in its template',
      {
        apiVersion: 'bitnami.com/v1alpha1',
        kind: 'SealedSecret',
        metadata: { name: SECRET, namespace: 'd8-log-shipper', labels: WATCHED },
        spec: {
          encryptedData: { 'key.pem': 'AgBy...' },
          template: { metadata: { labels: { team: 'sec' } } },
        },
      },
      'Fix: add the label to the template metadata of SealedSecret/siem-client-tls',
    ],
  ])('%s is an error', (_name, object, expected) => {
    const message = synthError(app(object));
    expect(message).toContain('[test/Shipping] destinations[0].socket.tcp.tls.secretRef.name:');
    expect(message).toContain(expected);
    expect(message).not.toContain(KEY);
  });

  test("a v1 Secret with the key is the user's choice with allowInlineCredentials", () => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [{ ...PIPELINES[3][2], allowInlineCredentials: true } as AuditLogDestination],
    });
    secret(
      chart,
      'S',
      v1Secret({ namespace: 'd8-log-shipper', labels: WATCHED }, { 'key.pem': KEY, 'crt.pem': CA }),
    );
    expect(Testing.synth(chart).length).toBe(3);
  });

  test('a SealedSecret and an ExternalSecret whose own labels carry the label pass', () => {
    const sealed = app({
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: { name: SECRET, namespace: 'd8-log-shipper' },
      spec: {
        encryptedData: { 'ca.pem': 'Ag..', 'crt.pem': 'Ag..', 'key.pem': 'Ag..' },
        template: { metadata: { labels: WATCHED } },
      },
    });
    expect(Testing.synth(sealed)).toHaveLength(3);
    expect(collectWarnings(sealed)).toEqual([]);
    // external-secrets copies the ExternalSecret's labels to the Secret it creates.
    const external = app({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: SECRET, namespace: 'd8-log-shipper', labels: WATCHED },
      spec: { dataFrom: [{ extract: { key: 'siem/tls' } }] },
    });
    expect(Testing.synth(external)).toHaveLength(3);
    expect(collectWarnings(external)).toEqual([]);
  });

  test('keys outside the contract (cert-manager names beside ca.pem) are a warning', () => {
    // Without ca.pem or crt.pem the Socket would connect in plain text: an error (destination-effect.test.ts).
    const chart = app(
      v1Secret(
        { namespace: 'd8-log-shipper', labels: WATCHED },
        { 'tls.crt': CA, 'ca.crt': CA, 'ca.pem': CA },
      ),
    );
    synthValid(chart);
    expect(collectWarnings(chart).join('\n')).toContain(
      'received "Secret/siem-client-tls with keys [\\"ca.crt\\",\\"ca.pem\\",\\"tls.crt\\"]", expected the keys log-shipper reads: ca.pem, crt.pem, key.pem, keyPass',
    );
  });

  test('the Secret is found in another chart of the app; objects that only mention the name are not it', () => {
    const testApp = Testing.app();
    const pipeline = new Chart(testApp, 'pipeline');
    new AuditLogShipping(pipeline, 'Shipping', { destinations: [PIPELINES[0][2]] });
    const secrets = new Chart(testApp, 'secrets');
    new ApiObject(secrets, 'Push', {
      apiVersion: 'external-secrets.io/v1alpha1',
      kind: 'PushSecret',
      metadata: { name: SECRET, namespace: 'elsewhere' },
    });
    new ApiObject(secrets, 'Cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: SECRET } });
    testApp.synth(); // no error: neither produces the Secret
    expect(collectWarnings(pipeline).join('\n')).toContain('this app does not define the Secret');
    new ApiObject(secrets, 'Tls', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: SECRET, namespace: 'kube-system', labels: WATCHED },
    });
    expect(() => testApp.synth()).toThrow('in namespace kube-system');
  });
});

describe('secretSourceOf', () => {
  test('reads the Secret each kind produces', () => {
    expect(
      secretSourceOf({
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name: 'es', namespace: 'd8-log-shipper', labels: { a: '1' } },
        spec: {
          target: {
            name: 'tls',
            template: { metadata: { labels: { b: '2' } }, data: { 'ca.pem': '{{ .ca }}' } },
          },
        },
      }),
    ).toEqual({
      object: 'ExternalSecret/es',
      secretName: 'tls',
      namespace: 'd8-log-shipper',
      labels: { a: '1', b: '2' },
      keys: ['ca.pem'],
      holdsKeyMaterial: false,
    });
    expect(secretSourceOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).toBeUndefined();
  });

  test("an ExternalSecret's keys: known only where its manifest decides them (external-secrets.io semantics)", () => {
    const keysOf = (spec: Record<string, unknown>) =>
      secretSourceOf({
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name: 'es', namespace: 'd8-log-shipper' },
        spec,
      })?.keys;
    const data = [{ secretKey: 'ca.pem', remoteRef: { key: 'siem/ca' } }];
    const dataFrom = [{ extract: { key: 'siem/tls' } }];
    const labelsOnly = { metadata: { labels: WATCHED } };
    expect(keysOf({ data })).toEqual(['ca.pem']);
    expect(keysOf({ data: [] })).toEqual([]);
    // The store decides what dataFrom brings; a template without data or templateFrom changes no key.
    expect(keysOf({ dataFrom })).toBeUndefined();
    expect(keysOf({ dataFrom, target: { template: labelsOnly } })).toBeUndefined();
    expect(keysOf({ data, target: { template: labelsOnly } })).toEqual(['ca.pem']);
    // templateFrom: ConfigMaps or Secrets elsewhere decide.
    expect(
      keysOf({ data, target: { template: { templateFrom: [{ configMap: { name: 'tpl' } }] } } }),
    ).toBeUndefined();
    // Template data replaces the keys (mergePolicy Replace, the default), or adds to them (Merge).
    const templateData = { data: { 'crt.pem': '{{ .crt }}' } };
    expect(keysOf({ data, dataFrom, target: { template: templateData } })).toEqual(['crt.pem']);
    expect(keysOf({ data, target: { template: { ...templateData, mergePolicy: 'Merge' } } })).toEqual([
      'crt.pem',
      'ca.pem',
    ]);
    expect(
      keysOf({ data, dataFrom, target: { template: { ...templateData, mergePolicy: 'Merge' } } }),
    ).toBeUndefined();
    expect(
      secretSourceOf({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'x' },
        stringData: { keyPass: 'p' },
      }),
    ).toMatchObject({
      holdsKeyMaterial: true,
      keys: ['keyPass'],
    });
  });
});
