import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { BUNDLED_VALIDATORS } from '../../imports/schemas/validators';
import { renderValidators } from '../../scripts/import-crds';
import {
  AuditLogShipping,
  AuditTransformations,
  base64Pem,
  DeckhouseClusterAudit,
  contains,
  LogShipperModule,
} from '../../src/constructs';
import {
  bundledSchema,
  CONTROL_PLANE_MANAGER_SETTINGS_FILE,
  CRD_SCHEMA_FILES,
  ManifestValidator,
} from '../../src/constructs/schema-validation';
import { mulberry32, pick, Rng } from '../support/seeded-random';
import { Manifest } from './helpers';

// The validator is only useful if it rejects what the apiserver (or Deckhouse) would: check it does.
describe('ManifestValidator (imports/schemas)', () => {
  const validator = new ManifestValidator();
  const destination = (spec: Record<string, unknown>) => ({
    apiVersion: 'deckhouse.io/v1alpha1',
    kind: 'ClusterLogDestination',
    metadata: { name: 'd' },
    spec,
  });

  test('accepts a minimal Loki destination', () => {
    expect(validator.validate(destination({ type: 'Loki', loki: { endpoint: 'https://loki' } }))).toEqual([]);
  });

  test('rejects a Go-regex pattern mismatch (socket address without port)', () => {
    const errors = validator.validate(
      destination({ type: 'Socket', socket: { address: 'siem', mode: 'TCP' } }),
    );
    expect(errors.join('\n')).toContain('/spec/socket/address must match pattern');
  });

  test('rejects unknown fields the apiserver would prune', () => {
    const errors = validator.validate(
      destination({ type: 'Loki', loki: { endpoint: 'https://l', url: 'x' } }),
    );
    expect(errors.join('\n')).toContain('must NOT have additional properties');
  });

  test('applies the defaults before the checks, as the apiserver does: a buffer without whenFull gets Block', () => {
    // The CRD's buffer oneOf requires whenFull, but whenFull has `default: Block`, and the apiserver
    // defaults a custom resource (structural schema defaulting) before it validates it.
    const withoutWhenFull = destination({
      type: 'Loki',
      loki: { endpoint: 'https://l' },
      buffer: { type: 'Disk', disk: { maxSize: '1Gi' } },
    });
    expect(validator.validate(withoutWhenFull)).toEqual([]);
    expect(withoutWhenFull.spec).toEqual({
      type: 'Loki',
      loki: { endpoint: 'https://l' },
      buffer: { type: 'Disk', disk: { maxSize: '1Gi' } },
    }); // the caller's object is not defaulted
  });

  test('rejects a buffer without the block of its type (the CRD oneOf needs it), as one error', () => {
    const errors = validator.validate(
      destination({
        type: 'Loki',
        loki: { endpoint: 'https://l' },
        buffer: { type: 'Disk', whenFull: 'Block' },
      }),
    );
    expect(errors).toEqual(["ClusterLogDestination/d: /spec/buffer must have required property 'disk'"]);
  });

  test('judges a cef block by the default codec (JSON), where the CRD forbids it', () => {
    const errors = validator.validate(
      destination({ type: 'Socket', socket: { address: 's:514', mode: 'TCP', encoding: { cef: {} } } }),
    );
    expect(errors).toEqual(['ClusterLogDestination/d: /spec/socket/encoding must NOT have "cef" here']);
  });

  test('checks control-plane-manager settings against config-values (pattern on auditLog.path)', () => {
    const errors = validator.validate({
      apiVersion: 'deckhouse.io/v1alpha1',
      kind: 'ModuleConfig',
      metadata: { name: 'control-plane-manager' },
      spec: { version: 3, settings: { apiserver: { auditLog: { output: 'File', path: '/var/log/x/' } } } },
    });
    expect(errors.join('\n')).toContain('settings/apiserver/auditLog/path must match pattern');
  });

  test('checks Secret data is canonical base64', () => {
    const errors = validator.validate({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { 'audit-policy.yaml': 'not base64!' },
    });
    expect(errors).toEqual(['Secret/s: data.audit-policy.yaml is not canonical base64']);
  });
});

// The validators of the bundled schemas are precompiled by `npm run import` (ajv standalone code in
// imports/schemas/*.validate.cjs). They must be exactly what a run-time compile of the same schemas gives.
describe('the precompiled validators (imports/schemas/*.validate.cjs)', () => {
  const SCHEMAS_DIR = path.resolve(__dirname, '../../imports/schemas');
  const committedSchemas = new Map(
    fs
      .readdirSync(SCHEMAS_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(SCHEMAS_DIR, f), 'utf8')]),
  );
  const regenerated = renderValidators(committedSchemas);

  test('are fresh: regenerated from the committed schemas, byte-identical (run `npm run import` when this fails)', () => {
    const committed = fs.readdirSync(SCHEMAS_DIR).filter((f) => !f.endsWith('.json'));
    expect(committed.sort()).toEqual([...regenerated.keys()].sort());
    for (const [name, text] of regenerated) {
      expect({ name, text: fs.readFileSync(path.join(SCHEMAS_DIR, name), 'utf8') }).toEqual({ name, text });
    }
  });

  test('cover every schema the validator uses', () => {
    for (const file of [...Object.values(CRD_SCHEMA_FILES), CONTROL_PLANE_MANAGER_SETTINGS_FILE]) {
      expect(typeof BUNDLED_VALIDATORS[file]?.()).toBe('function');
    }
  });

  // Real objects: what the constructs synthesize for every destination type and module, plus the kinds the
  // constructs do not emit (PodLoggingConfig, ClusterLoggingConfig v1alpha1), as the CRDs describe them.
  function realObjects(): Manifest[] {
    const chart = Testing.chart();
    const ca = base64Pem('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const tls = { caFile: ca, verifyHostname: false };
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [
        { type: 'Loki', name: 'loki', endpoint: 'https://l', tls, extraLabels: { cluster: 'prod' } },
        { type: 'Elasticsearch', name: 'es', endpoint: 'https://e:9200', index: 'audit' },
        { type: 'Logstash', name: 'ls', endpoint: 'l:5044', tls },
        {
          type: 'Vector',
          name: 'v',
          endpoint: 'v:6000',
          buffer: { type: 'Memory', maxEvents: 10, whenFull: 'Block' },
        },
        { type: 'Kafka', name: 'k', bootstrapServers: ['k:9092'], topic: 't' },
        {
          type: 'Splunk',
          name: 's',
          endpoint: 'https://s:8088',
          token: 't',
          allowInlineCredentials: true,
          tls: { secretRef: { name: 'splunk-tls' } },
        },
        {
          type: 'Socket',
          name: 'sock',
          address: 's:6514',
          mode: 'TCP',
          encoding: 'Syslog',
          // log-shipper never reads a Socket's verify flags: only the default (true) is accepted.
          tls: { ...tls, verifyHostname: true },
        },
        {
          type: 'Socket',
          name: 'syslog-udp',
          address: 'siem:514',
          mode: 'UDP',
          encoding: 'Text',
          transformations: [
            AuditTransformations.parseEvent(),
            AuditTransformations.dropBodies(),
            AuditTransformations.dropManagedFields(),
          ],
          rateLimit: { linesPerMinute: 600, excludes: [contains('message', '"resource":"secrets"')] },
        },
      ],
    });
    new LogShipperModule(chart, 'LogShipper', { source: 'deckhouse' });
    new DeckhouseClusterAudit(chart, 'Audit', {
      assertionPacks: [],
      controlPlaneSettings: { apiserver: { certSANs: ['api.example.com'] }, kubernetesVersion: '1.33' },
    });
    return [
      ...(Testing.synth(chart) as Manifest[]),
      {
        apiVersion: 'deckhouse.io/v1alpha1',
        kind: 'PodLoggingConfig',
        metadata: { name: 'p', namespace: 'prod' },
        spec: { clusterDestinationRefs: ['loki'], labelSelector: { matchLabels: { app: 'web' } } },
      },
      {
        apiVersion: 'deckhouse.io/v1alpha1',
        kind: 'ClusterLoggingConfig',
        metadata: { name: 'c' },
        spec: { type: 'File', file: { include: ['/var/log/x.log'] }, destinationRefs: ['loki'] },
      },
    ];
  }

  // The path (keys from the root) of every value in `value`, for mutations.
  function positions(value: unknown, at: readonly string[] = []): string[][] {
    if (value === null || typeof value !== 'object') return [[...at]];
    const children = Object.entries(value).flatMap(([k, v]) => positions(v, [...at, k]));
    return [[...at], ...children];
  }

  const REPLACEMENTS: readonly unknown[] = [
    null,
    0,
    -1,
    1.5,
    '',
    'x',
    'Block',
    'TCP',
    'a:1',
    'http://x',
    true,
    [],
    ['x'],
    {},
    { a: 1 },
    'x'.repeat(300),
  ];

  // One seeded mutation of a copy of `object`: delete a value, replace it, add an unknown key, or misspell one.
  function mutate(object: Manifest, rng: Rng): Manifest {
    const copy = structuredClone(object);
    const parts = pick(rng, positions(copy).slice(1));
    const key = parts.pop() as string;
    const parent = parts.reduce<Manifest>((node, part) => node[part], copy);
    const value = parent[key];
    const operation = pick(rng, ['delete', 'replace', 'add', 'misspell']);
    if (operation === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (operation === 'replace') {
      parent[key] = structuredClone(pick(rng, REPLACEMENTS));
    } else if (operation === 'add' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      value[pick(rng, ['unknown', 'type', 'tls', 'x-extra'])] = structuredClone(pick(rng, REPLACEMENTS));
    } else if (!Array.isArray(parent) && key.length > 1) {
      delete parent[key];
      parent[key.slice(0, -1)] = value;
    }
    return copy;
  }

  test('give the same errors as a run-time compile of the same schemas, on real objects and 600 seeded mutations', () => {
    const precompiled = new ManifestValidator();
    const compiledNow = new ManifestValidator(bundledSchema);
    const objects = realObjects();
    expect(new Set(objects.map((o) => `${o.apiVersion}/${o.kind}`)).size).toBe(5);
    for (const object of objects) {
      expect(precompiled.errorsOf(object)).toEqual([]);
      expect(compiledNow.errorsOf(object)).toEqual([]);
    }
    const rng = mulberry32(20261201);
    let failing = 0;
    for (let i = 0; i < 600; i++) {
      const object = mutate(pick(rng, objects), rng);
      const errors = precompiled.errorsOf(object);
      expect({ object, errors }).toEqual({ object, errors: compiledNow.errorsOf(object) });
      if (errors.length > 0) failing++;
    }
    // Many mutations break the object (others touch open fields such as metadata): errors are compared too.
    expect(failing).toBeGreaterThan(200);
  });
});
