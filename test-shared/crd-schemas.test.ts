import * as fs from 'fs';
import * as path from 'path';
import { synthFiles } from '../test/support/synth';
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { buildExampleApp } from '../main';
import {
  DEFAULT_DECKHOUSE_DIR,
  readControlPlaneManagerSettingsSchema,
  readDeckhouseCrds,
  renderImports,
} from '../scripts/import-crds';
import {
  AuditLogDestination,
  AuditLogShipping,
  AuditTransformations,
  base64Pem,
  DeckhouseClusterAudit,
  LogShipperModule,
} from '../src/constructs';
import { ManifestValidator } from '../src/constructs/schema-validation';
import { DISK_BUFFER_MIN_BYTES } from '../src/constructs/quantity';
import { BASE64_DECODED_FIELDS } from '../src/constructs/destination-base64';

const IMPORTS = path.resolve(__dirname, '../imports');

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
}

// Regenerated once (it runs `cdk8s import`): the committed files must be byte-identical.
const generated = renderImports(DEFAULT_DECKHOUSE_DIR);

describe('imports/ is fresh against ../shared/upstream/deckhouse', () => {
  test('the same files (run `npm run import` when this fails)', () => {
    expect(listFiles(IMPORTS).sort()).toEqual([...generated.keys()].sort());
  });

  test.each([...generated.keys()])('%s is byte-identical to a regeneration', (name) => {
    expect(fs.readFileSync(path.join(IMPORTS, name), 'utf8')).toBe(generated.get(name));
  });

  test('no description survives in the committed schemas, except properties named so', () => {
    for (const name of [...generated.keys()].filter((n) => n.endsWith('.json'))) {
      expect(generated.get(name)).not.toMatch(/"descriptions?": "/);
    }
  });
});

// The original CRDs (with their prose) are the reference: validate what we synthesize against them.
function originalValidator(): ManifestValidator {
  const byFile = new Map<string, Record<string, unknown>>();
  for (const { crd } of readDeckhouseCrds()) {
    const spec = crd.spec as Record<string, unknown>;
    const kind = String((spec.names as Record<string, unknown>).kind).toLowerCase();
    for (const version of spec.versions as Array<Record<string, unknown>>) {
      byFile.set(
        `${kind}.${String(version.name)}.json`,
        (version.schema as Record<string, unknown>).openAPIV3Schema as Record<string, unknown>,
      );
    }
  }
  return new ManifestValidator((file) => {
    const schema = byFile.get(file);
    if (!schema) throw new Error(`no original schema for ${file}`);
    return schema;
  }, readControlPlaneManagerSettingsSchema());
}

describe('synthesized objects validate against the original Deckhouse schemas', () => {
  const validator = originalValidator();

  test('the example app (dist/)', () => {
    for (const [name, text] of synthFiles(buildExampleApp())) {
      const objects = parseAllDocuments(text).map((d) => d.toJS());
      expect(objects.length).toBeGreaterThan(3);
      expect({ name, errors: validator.validateAll(objects) }).toEqual({ name, errors: [] });
    }
  });

  test('every destination type, Stdout source, custom settings', () => {
    const ca = base64Pem('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const destinations: AuditLogDestination[] = [
      {
        type: 'Loki',
        name: 'loki',
        endpoint: 'https://l',
        auth: { strategy: 'Bearer', token: 't' },
        allowInlineCredentials: true,
      },
      {
        type: 'Elasticsearch',
        name: 'es',
        endpoint: 'https://e:9200',
        // AWS is refused: log-shipper never reads the CRD's awsSecretKey (destination-effect.test.ts).
        auth: { strategy: 'Basic', user: 'shipper', password: 'cA==' },
        allowInlineCredentials: true,
      },
      { type: 'Logstash', name: 'ls', endpoint: 'l:5044', tls: { caFile: ca } },
      {
        type: 'Vector',
        name: 'v',
        endpoint: 'v:6000',
        buffer: { type: 'Memory', maxEvents: 1000, whenFull: 'Block' },
      },
      {
        type: 'Kafka',
        name: 'k',
        bootstrapServers: ['k:9092'],
        topic: 't',
        sasl: { mechanism: 'SCRAM-SHA-512', username: 'u', password: 'p' },
        allowInlineCredentials: true,
      },
      { type: 'Splunk', name: 's', endpoint: 'https://s:8088', token: 't', allowInlineCredentials: true },
      {
        type: 'Socket',
        name: 'sock',
        address: 's:6514',
        mode: 'TCP',
        encoding: 'GELF',
        tls: {
          caFile: ca,
          // log-shipper base64-decodes keyFile and wants a PEM private key in it.
          clientCrt: {
            crtFile: ca,
            keyFile: base64Pem('-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n'),
          },
          // A Socket's verify flags can only stay on: log-shipper never reads them (destination-effect.test.ts).
          verifyHostname: true,
        },
        allowInlineCredentials: true,
      },
      {
        type: 'Socket',
        name: 'udp',
        address: 's:514',
        mode: 'UDP',
        encoding: 'Text',
        // A field of the log record: rate limits do not see the audit event's fields (destination-effect.test.ts).
        rateLimit: { linesPerMinute: 100, excludes: [{ field: 'host', operator: 'Exists' }] },
      },
    ];
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', { destinations, auditLog: { output: 'Stdout' } });
    new DeckhouseClusterAudit(chart, 'Audit', {
      assertionPacks: [],
      // The ModuleConfig must make kube-apiserver write where the pipeline reads (checked at synth).
      auditLog: { output: 'Stdout' },
      controlPlaneSettings: { apiserver: { certSANs: ['api.example.com'] }, kubernetesVersion: '1.33' },
    });
    const objects = Testing.synth(chart);
    expect(objects).toHaveLength(1 + destinations.length + 1);
    expect(validator.validateAll(objects)).toEqual([]);
  });
});

describe('the new ClusterLogDestination fields validate against the original CRD', () => {
  const validator = originalValidator();

  test('tls.secretRef on every type with TLS, CEF on Kafka and Socket, every transformation action', () => {
    const tls = { secretRef: { name: 'siem-client-tls' }, verifyHostname: true };
    const cef = { deviceVendor: 'Flant', deviceProduct: 'kube-audit', deviceVersion: '1' };
    const transformations: AuditLogDestination['transformations'] = [
      AuditTransformations.parseEvent(),
      AuditTransformations.dropBodies(),
      AuditTransformations.dropManagedFields(),
      { action: 'ReplaceKeys', replaceKeys: { source: '.', target: '_', labels: ['.message.objectRef'] } },
      {
        action: 'ParseMessage',
        parseMessage: { sourceFormat: 'JSON', targetLabel: '.', json: { depth: 2 } },
      },
      {
        action: 'ParseMessage',
        parseMessage: {
          sourceFormat: 'String',
          string: { regex: '^(?P<m>.*)$', setLabels: { m: '{{ m }}' } },
        },
      },
      { action: 'ParseMessage', parseMessage: { sourceFormat: 'Logfmt' } },
      { action: 'AddLabels', addLabels: { when: ['.verb == "create"'], setLabels: { '.cluster': 'prod' } } },
      {
        action: 'ReplaceValue',
        replaceValue: { source: 'token=\\S+', target: 'token=REDACTED', labels: ['.requestURI'] },
      },
    ];
    const destinations: AuditLogDestination[] = [
      { type: 'Loki', name: 'loki', endpoint: 'https://loki', tls, transformations },
      { type: 'Elasticsearch', name: 'es', endpoint: 'https://es:9200', tls, transformations },
      { type: 'Logstash', name: 'ls', endpoint: 'ls:5044', tls },
      { type: 'Vector', name: 'v', endpoint: 'v:6000', tls },
      { type: 'Kafka', name: 'k', bootstrapServers: ['k:9093'], topic: 't', encoding: 'CEF', cef, tls },
      {
        type: 'Splunk',
        name: 's',
        endpoint: 'https://s:8088',
        token: 't',
        tls,
        allowInlineCredentials: true,
      },
      {
        type: 'Socket',
        name: 'sock',
        address: 's:6514',
        mode: 'TCP',
        encoding: 'CEF',
        cef,
        tls,
        // CEF sends the line as text: no JSON parse of .message (Vector's CEF encoder would write the object as
        // empty, and synth refuses it), so the steps that work on the text.
        transformations: [
          {
            action: 'ReplaceValue',
            replaceValue: { source: 'token=\\S+', target: 'token=REDACTED', labels: ['.message'] },
          },
          { action: 'AddLabels', addLabels: { setLabels: { '.cluster': 'prod' } } },
        ],
      },
    ];
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', { destinations });
    new LogShipperModule(chart, 'LogShipper', { source: 'deckhouse' });
    const objects = Testing.synth(chart);
    expect(objects).toHaveLength(destinations.length + 2);
    expect(validator.validateAll(objects)).toEqual([]);
  });
});

describe('facts taken from the CRD descriptions (the bundled schemas have no prose)', () => {
  test('the disk buffer minimum is the one the ClusterLogDestination CRD states', () => {
    const text = fs.readFileSync(
      path.join(DEFAULT_DECKHOUSE_DIR, 'crds/cluster-log-destination.yaml'),
      'utf8',
    );
    expect(text).toContain(`Must be at least ~256MB (${DISK_BUFFER_MIN_BYTES} bytes).`);
  });

  test('the fields checked as base64 are the string fields the CRD describes as "Base64-encoded"', () => {
    const crd = readDeckhouseCrds().find((c) => c.file === 'cluster-log-destination.yaml')?.crd as
      { spec: { versions: Array<{ schema: { openAPIV3Schema: unknown } }> } } | undefined;
    const found: string[] = [];
    const walk = (schema: unknown, at: string): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const node = schema as { type?: string; description?: string; properties?: Record<string, unknown> };
      if (node.type === 'string' && /^Base64-encoded/.test(node.description ?? '')) found.push(at);
      for (const [name, sub] of Object.entries(node.properties ?? {})) walk(sub, `${at}/${name}`);
    };
    walk(crd?.spec.versions[0].schema.openAPIV3Schema, '');
    expect(found.length).toBeGreaterThan(0);
    expect([...BASE64_DECODED_FIELDS].sort()).toEqual(found.sort());
  });
});

// destination-effect.ts refuses props whose CRD field log-shipper's Go types do not read (they read
// socket.tcp.tls.verifyHostname/verifyCertificate and elasticsearch.auth.awsSecretAccessKey). When the CRD moves
// these fields to where the Go types read them, the refusals must go.
describe('the CRD fields log-shipper does not read are still where destination-effect.ts says', () => {
  type Node = { properties?: Record<string, Node> };
  const crd = readDeckhouseCrds().find((c) => c.file === 'cluster-log-destination.yaml')?.crd as
    { spec: { versions: Array<{ schema: { openAPIV3Schema: Node } }> } } | undefined;
  const spec = crd?.spec.versions[0].schema.openAPIV3Schema.properties?.spec;
  const keys = (node: Node | undefined): string[] => Object.keys(node?.properties ?? {}).sort();

  test('a Socket has its verify flags beside tls under tcp, none inside tls', () => {
    const tcp = spec?.properties?.socket?.properties?.tcp;
    expect(keys(tcp)).toEqual(['tls', 'verifyCertificate', 'verifyHostname']);
    expect(keys(tcp?.properties?.tls)).not.toContain('verifyHostname');
    expect(keys(tcp?.properties?.tls)).not.toContain('verifyCertificate');
  });

  test('Elasticsearch auth has awsSecretKey and no awsSecretAccessKey', () => {
    const auth = spec?.properties?.elasticsearch?.properties?.auth;
    expect(keys(auth)).toContain('awsSecretKey');
    expect(keys(auth)).not.toContain('awsSecretAccessKey');
  });
});
