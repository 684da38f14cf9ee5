// The check of one destination's props. Facts the ClusterLogDestination schema holds (enums, patterns,
// required fields, CEF and transformation shapes) are checked by validating the object the props render
// to, and reported as the props' problems; by hand only what the schema cannot say (URLs, base64 PEM,
// DNS names, audit-specific advice) and the CEL rules ajv cannot run (read from the schema). Inline
// credentials: credential-scan.ts.
import { CredentialFinding, isCredentialField, scanCredentials } from './credential-scan';
import { destinationManifest } from './destination-spec';
import {
  AuditLogDestination,
  ClientCertificate,
  CLUSTER_LOG_DESTINATION_SCHEMA,
  effectiveExtraLabels,
  LOG_DESTINATION_TYPES,
  TlsOptions,
} from './log-destination';
import { checkLogFilters } from './log-filter';
import { isJsonObject } from './json-values';
import { PropProblem } from './messages';
import { celRules } from './schema-cel';
import { SchemaError } from './schema-errors';
import { pointerToField, SchemaHint, schemaProblem } from './schema-problems';
import { sharedValidator } from './schema-validation';
import { subschemaAt } from './schema-walk';

function forbiddenKeysAt(location: string): readonly string[] {
  return celRules(subschemaAt(CLUSTER_LOG_DESTINATION_SCHEMA, location)).flatMap(
    (r) => r.forbiddenKeys ?? [],
  );
}

/** extraLabels keys log-shipper reserves (the CRD's CEL rule on `spec.extraLabels`). */
export const RESERVED_EXTRA_LABELS: readonly string[] = forbiddenKeysAt('spec.extraLabels');

/** The values `parseMessage.targetLabel` must not take (the CRD's CEL rule). */
const FORBIDDEN_TARGET_LABELS = celRules(
  subschemaAt(CLUSTER_LOG_DESTINATION_SCHEMA, 'spec.transformations[].parseMessage.targetLabel'),
).flatMap((r) => (r.forbiddenValue === undefined ? [] : [r.forbiddenValue]));

/** Audit event fields whose values are (nearly) unique per event or per user: bad Loki labels. */
export const HIGH_CARDINALITY_FIELDS = [
  'auditID',
  'requestURI',
  'user',
  'impersonatedUser',
  'sourceIPs',
  'userAgent',
  'objectRef.name',
  'objectRef.uid',
  'objectRef.resourceVersion',
  'requestReceivedTimestamp',
  'stageTimestamp',
  'annotations',
  'requestObject',
  'responseObject',
  'responseStatus.message',
];

// metadata.name of a cluster-scoped object: a DNS-1123 subdomain (k8s.io/apimachinery validation), which
// no CRD schema holds.
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// Logstash's endpoint is host:port (a TCP input), but the CRD has no pattern for it (Vector's has).
const HOST_PORT = /^(.+):([0-9]{1,5})$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The result of checking one destination. */
export interface DestinationCheck {
  readonly errors: PropProblem[];
  readonly warnings: PropProblem[];
}

// The props each destination type accepts: a key outside them would be dropped silently by the mapping.
const COMMON_PROPS = [
  'type',
  'name',
  'tls',
  'buffer',
  'rateLimit',
  'extraLabels',
  'select',
  'transformations',
  'allowInlineCredentials',
];
const TYPE_PROPS: Readonly<Record<string, readonly string[]>> = {
  Loki: ['endpoint', 'tenantId', 'auth', 'allowHighCardinalityLabels'],
  Elasticsearch: ['endpoint', 'index', 'pipeline', 'dataStreamEnabled', 'docType', 'auth'],
  Logstash: ['endpoint'],
  Vector: ['endpoint'],
  Kafka: ['bootstrapServers', 'topic', 'encoding', 'cef', 'keyField', 'sasl'],
  Splunk: ['endpoint', 'token', 'index'],
  Socket: ['address', 'mode', 'encoding', 'cef'],
};
const NESTED_PROPS: Readonly<Record<string, readonly string[]>> = {
  tls: ['secretRef', 'caFile', 'clientCrt', 'verifyHostname', 'verifyCertificate'],
  'tls.secretRef': ['name'],
  'tls.clientCrt': ['crtFile', 'keyFile', 'keyPass'],
  buffer: ['type', 'maxSize', 'maxEvents', 'whenFull'],
  rateLimit: ['linesPerMinute', 'keyField', 'excludes'],
  cef: ['deviceVendor', 'deviceProduct', 'deviceVersion'],
  sasl: ['mechanism', 'username', 'password'],
  auth: [
    'strategy',
    'user',
    'password',
    'token',
    'awsAccessKey',
    'awsSecretKey',
    'awsAssumeRole',
    'awsRegion',
  ],
};

function unknownProps(value: unknown, allowed: readonly string[], field: string): PropProblem[] {
  if (!isJsonObject(value)) return [];
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({
      field: field ? `${field}.${key}` : key,
      showReceived: false, // a mistyped key may hold a secret
      expected: `a known prop (${allowed.join(', ')})`,
      fix: 'correct the spelling, or remove it',
    }));
}

function isBase64Pem(value: string): boolean {
  if (!BASE64.test(value) || value.length === 0) return false;
  return Buffer.from(value, 'base64').toString('utf8').trimStart().startsWith('-----BEGIN ');
}

function urlProblems(value: unknown, field: string): PropProblem[] {
  if (typeof value !== 'string' || value.length === 0) {
    return [{ field, received: value, expected: 'a URL', fix: 'e.g. "https://loki.example.com:3100"' }];
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [
      {
        field,
        received: value,
        expected: 'an absolute http(s) URL',
        fix: 'add the scheme, e.g. "https://host:port"',
      },
    ];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return [
      { field, received: value, expected: 'an http:// or https:// URL', fix: 'use the HTTP(S) endpoint' },
    ];
  }
  return [];
}

function checkTls(tls: TlsOptions | undefined, field: string, check: DestinationCheck): void {
  if (tls === undefined) return;
  if (!isJsonObject(tls)) {
    check.errors.push({
      field: 'tls',
      received: tls,
      expected: 'an object',
      fix: 'pass { secretRef: { name } }',
    });
    return;
  }
  if (tls.secretRef !== undefined) {
    check.errors.push(...unknownProps(tls.secretRef, NESTED_PROPS['tls.secretRef'], 'tls.secretRef'));
    const name = (tls.secretRef as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
      check.errors.push({
        field: `${field}.secretRef.name`,
        received: name,
        expected: 'the name of a Secret (a DNS subdomain)',
        fix: 'e.g. "siem-client-tls"',
      });
    }
    // The Secret's values override the inline fields (CRD description of tls.secretRef).
    const inline = (['caFile', 'clientCrt'] as const).filter((k) => tls[k] !== undefined);
    if (inline.length > 0) {
      check.warnings.push({
        field: `${field}.${inline[0]}`,
        showReceived: false,
        expected: `no inline ${inline.join(' or ')} beside secretRef`,
        fix: "the Secret's ca.pem/crt.pem/key.pem override the inline fields: keep the material in the Secret only",
      });
    }
  }
  if (tls.caFile !== undefined && (typeof tls.caFile !== 'string' || !isBase64Pem(tls.caFile))) {
    check.errors.push({
      field: `${field}.caFile`,
      received: tls.caFile,
      expected: 'a base64-encoded PEM certificate',
      fix: 'pass base64Pem(pemText) (from this package) or `base64 -w0 ca.pem`',
    });
  }
  if (tls.clientCrt !== undefined) {
    check.errors.push(...unknownProps(tls.clientCrt, NESTED_PROPS['tls.clientCrt'], 'tls.clientCrt'));
    const crt = tls.clientCrt as Partial<ClientCertificate> | null;
    if (typeof crt?.crtFile !== 'string' || !isBase64Pem(crt.crtFile)) {
      check.errors.push({
        field: `${field}.clientCrt.crtFile`,
        received: crt?.crtFile,
        expected: 'a base64-encoded PEM certificate',
        fix: 'pass base64Pem(pemText), or keep the certificate in the Secret of tls.secretRef',
      });
    }
  }
  for (const key of ['verifyHostname', 'verifyCertificate'] as const) {
    if (tls[key] === false) {
      check.warnings.push({
        field: `${field}.${key}`,
        received: false,
        expected: 'true for audit data',
        fix: 'pass the CA in caFile instead of turning verification off',
      });
    }
  }
}

function checkExtraLabels(destination: AuditLogDestination, check: DestinationCheck): void {
  const labels = effectiveExtraLabels(destination) ?? {};
  if (!isJsonObject(labels)) return; // the schema says what extraLabels must be
  for (const [key, value] of Object.entries(labels)) {
    const field = `extraLabels.${key}`;
    if (RESERVED_EXTRA_LABELS.includes(key)) {
      check.errors.push({
        field,
        received: key,
        expected: `a key other than the reserved ${RESERVED_EXTRA_LABELS.join(', ')}`,
        fix: `rename the label, e.g. "audit_${key}"`,
      });
    }
    if (destination.type !== 'Loki' || destination.allowHighCardinalityLabels) continue;
    const path = typeof value === 'string' ? /^\{\{ (.+) \}\}$/.exec(value)?.[1] : undefined;
    const hot =
      path &&
      HIGH_CARDINALITY_FIELDS.find((f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`));
    if (hot) {
      check.errors.push({
        field,
        received: value,
        expected:
          'a low-cardinality field as a Loki label (verb, level, objectRef.resource, objectRef.apiGroup, ...)',
        fix:
          `"${hot}" creates a Loki stream per value; query it with a line filter ` +
          '(| json | user_username="...") instead, or set allowHighCardinalityLabels: true',
      });
    }
  }
}

function checkTransformations(destination: AuditLogDestination, check: DestinationCheck): void {
  const list = destination.transformations;
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    check.errors.push({
      field: 'transformations',
      received: list,
      expected: 'an array of { action, <action block> }',
      fix: 'e.g. [AuditTransformations.dropBodies()]',
    });
    return;
  }
  list.forEach((t: unknown, i) => {
    const at = `transformations[${i}]`;
    if (!isJsonObject(t)) {
      check.errors.push({
        field: at,
        received: t,
        expected: 'an object { action, <action block> }',
        fix: 'e.g. AuditTransformations.dropBodies()',
      });
      return;
    }
    const dropLabels = t.dropLabels;
    if (isJsonObject(dropLabels) && 'keepChildKeys' in dropLabels) {
      check.errors.push({
        field: `${at}.dropLabels.keepChildKeys`,
        received: dropLabels.keepChildKeys,
        expected: 'dropLabels with labels only',
        fix: "keepChildKeys is not settled upstream (the CRD and Deckhouse's Go type differ): list the paths to drop in labels",
      });
    }
    const parse = t.parseMessage;
    const string = isJsonObject(parse) ? parse.string : undefined;
    if (isJsonObject(string) && 'targetField' in string) {
      check.errors.push({
        field: `${at}.parseMessage.string.targetField`,
        received: string.targetField,
        expected: 'regex and setLabels (targetField is deprecated upstream)',
        fix: 'use string: { regex: "^(?P<msg>.*)$", setLabels: { msg: "{{ msg }}" } }',
      });
    }
    if (isJsonObject(parse) && FORBIDDEN_TARGET_LABELS.includes(parse.targetLabel as string)) {
      check.errors.push({
        field: `${at}.parseMessage.targetLabel`,
        received: parse.targetLabel,
        expected: `a target other than ${FORBIDDEN_TARGET_LABELS.join(', ')} (the CRD's rule)`,
        fix: 'e.g. ".message" (the default) or ".parsed"',
      });
    }
  });
}

// Words for the schema positions whose errors need them; the allowed values and patterns are the schema's.
const VECTOR_PATH: SchemaHint = { expected: 'a Vector path starting with "."', fix: 'e.g. ".requestObject"' };
const EXPRESSION: SchemaHint = {
  expected: 'only the characters the CRD allows in an expression',
  fix: 'remove the characters the pattern does not list',
};
const SCHEMA_HINTS: Readonly<Record<string, SchemaHint>> = {
  'spec.vector.endpoint': { expected: 'host:port', fix: 'e.g. "vector.example.com:6000"' },
  'spec.socket.address': { expected: 'host:port', fix: 'e.g. "siem.example.com:6514"' },
  'spec.kafka.bootstrapServers[]': { expected: 'host:port', fix: 'e.g. "kafka-0.example.com:9093"' },
  'spec.buffer.disk.maxSize': { expected: 'bytes or a quantity', fix: 'e.g. "1Gi" (at least ~256 MB)' },
  'spec.extraLabels.*': {
    expected: 'a plain token or a template "{{ field.path }}"',
    fix: 'write a template with one space inside the braces, e.g. "{{ objectRef.resource }}"',
  },
  'spec.socket.encoding.cef': {
    expected: 'no cef unless encoding is "CEF"',
    fix: 'set encoding: "CEF", or drop cef',
  },
  'spec.kafka.encoding.cef': {
    expected: 'no cef unless encoding is "CEF"',
    fix: 'set encoding: "CEF", or drop cef',
  },
  'spec.transformations[].replaceKeys.labels[]': VECTOR_PATH,
  'spec.transformations[].dropLabels.labels[]': VECTOR_PATH,
  'spec.transformations[].replaceValue.labels[]': VECTOR_PATH,
  'spec.transformations[].parseMessage.targetLabel': VECTOR_PATH,
  'spec.transformations[].addLabels.setLabels.*': {
    expected: 'a target path starting with "."',
    fix: 'e.g. ".cluster"',
  },
  'spec.transformations[].replaceKeys.source': EXPRESSION,
  'spec.transformations[].replaceValue.source': EXPRESSION,
  'spec.transformations[].parseMessage.string.regex': EXPRESSION,
  'spec.transformations[].addLabels.when[]': EXPRESSION,
  'spec.transformations[].parseMessage': {
    expected:
      'the block its sourceFormat needs (String: string { regex, setLabels }; JSON: json, optional; others: none)',
    fix: 'e.g. { sourceFormat: "JSON" }',
  },
};

// The CRD's path where it differs from the prop's (the buffer's size props sit in a block per type).
const FIELD_RENAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^buffer\.disk\.maxSize$/, 'buffer.maxSize'],
  [/^buffer\.memory\.maxEvents$/, 'buffer.maxEvents'],
];

function propField(manifest: unknown, pointer: string): string {
  let field = pointerToField(manifest, pointer, '/spec');
  for (const [from, to] of FIELD_RENAMES) field = field.replace(from, to);
  return field;
}

function schemaProblems(manifest: Record<string, unknown>): PropProblem[] {
  return sharedValidator()
    .errorsOf(manifest)
    .map((error: SchemaError) =>
      schemaProblem(
        error,
        propField(manifest, error.field),
        SCHEMA_HINTS[error.location],
        !isCredentialField(error.field),
      ),
    );
}

/** A credential finding as the problem of the prop that set it (`field`: its prop path). */
export function credentialProblem(finding: CredentialFinding, field: string, where = ''): PropProblem {
  return { field, showReceived: false, expected: `no inline ${finding.what}${where}`, fix: finding.fix };
}

/**
 * The inline credentials of a rendered ClusterLogDestination (its `toJson()`, after escape-hatch patches),
 * as problems of the destination's spec paths; `allowInlineCredentials` lets through all but a private
 * key in a certificate field.
 */
export function renderedCredentialProblems(
  json: Record<string, unknown>,
  allowInlineCredentials: boolean,
): PropProblem[] {
  return scanCredentials(json)
    .filter((f) => f.always || !allowInlineCredentials)
    .map((f) =>
      credentialProblem(f, propField(json, f.pointer), ' in the rendered object (an escape-hatch patch?)'),
    );
}

function credentialProblems(manifest: Record<string, unknown>, allowed: boolean): PropProblem[] {
  return scanCredentials(manifest)
    .filter((f) => f.always || !allowed)
    .map((f) => credentialProblem(f, propField(manifest, f.pointer)));
}

// A field a hand check already reported is not reported again by the schema (one mistake, one message).
function coveredBy(field: string, reported: readonly PropProblem[]): boolean {
  return reported.some(
    (p) => field === p.field || field.startsWith(`${p.field}.`) || field.startsWith(`${p.field}[`),
  );
}

/**
 * Checks one destination: its props (what the ClusterLogDestination schema cannot say), the object they
 * render to against the schema, and that object for inline credentials. Fields in the messages are the
 * ClusterLogDestination spec paths (`loki.endpoint`, `socket.tcp.tls.caFile`, `extraLabels.x`).
 */
export function checkDestination(destination: AuditLogDestination): DestinationCheck {
  const check: DestinationCheck = { errors: [], warnings: [] };
  if (!isJsonObject(destination)) {
    check.errors.push({
      field: 'destination',
      received: destination,
      expected: 'an object',
      fix: 'pass { type, name, ... }',
    });
    return check;
  }
  if (!LOG_DESTINATION_TYPES.includes(destination.type)) {
    check.errors.push({
      field: 'type',
      received: (destination as { type?: unknown }).type,
      expected: `one of ${LOG_DESTINATION_TYPES.join(', ')}`,
      fix: 'set type to the kind of log storage',
    });
    return check;
  }
  check.errors.push(...unknownProps(destination, [...COMMON_PROPS, ...TYPE_PROPS[destination.type]], ''));
  let mappable = true;
  for (const [prop, allowed] of Object.entries(NESTED_PROPS)) {
    if (prop.includes('.')) continue;
    const value = (destination as Record<string, unknown>)[prop];
    if (value !== undefined && !isJsonObject(value)) {
      // The mapping would spread a string or an array into nonsense: say what is wrong with the prop.
      check.errors.push({
        field: prop,
        received: value,
        expected: 'an object',
        fix: `pass ${prop} as { ${allowed.join(', ')} }`,
      });
      mappable = false;
    }
    check.errors.push(...unknownProps(value, allowed, prop));
  }
  const labels = destination.extraLabels;
  if (labels !== undefined && !isJsonObject(labels)) {
    check.errors.push({
      field: 'extraLabels',
      received: labels,
      expected: 'an object of label name to value',
      fix: 'e.g. { cluster: "prod-1" }',
    });
    mappable = false;
  }
  if (
    typeof destination.name !== 'string' ||
    destination.name.length > 253 ||
    !DNS_SUBDOMAIN.test(destination.name)
  ) {
    check.errors.push({
      field: 'name',
      received: destination.name,
      expected: 'a DNS subdomain (lowercase letters, digits, "-" and ".", at most 253 characters)',
      fix: 'e.g. "siem" or "loki-audit"',
    });
  }
  switch (destination.type) {
    case 'Loki':
      check.errors.push(...urlProblems(destination.endpoint, 'loki.endpoint'));
      break;
    case 'Elasticsearch':
      check.errors.push(...urlProblems(destination.endpoint, 'elasticsearch.endpoint'));
      break;
    case 'Splunk':
      check.errors.push(...urlProblems(destination.endpoint, 'splunk.endpoint'));
      break;
    case 'Logstash':
      if (typeof destination.endpoint !== 'string' || !HOST_PORT.test(destination.endpoint)) {
        check.errors.push({
          field: 'logstash.endpoint',
          received: destination.endpoint,
          expected: `host:port matching ${HOST_PORT.source}`,
          fix: 'e.g. "logstash.example.com:5044"',
        });
      }
      break;
    case 'Kafka':
      if (!Array.isArray(destination.bootstrapServers) || destination.bootstrapServers.length === 0) {
        mappable = Array.isArray(destination.bootstrapServers);
        check.errors.push({
          field: 'kafka.bootstrapServers',
          received: destination.bootstrapServers,
          expected: 'at least one host:port',
          fix: 'list the bootstrap brokers, e.g. ["kafka-0.example.com:9093"]',
        });
      }
      if (typeof destination.topic !== 'string' || destination.topic.length === 0) {
        check.errors.push({
          field: 'kafka.topic',
          received: destination.topic,
          expected: 'a topic name',
          fix: 'e.g. "kube-audit"',
        });
      }
      break;
    case 'Socket':
      if (destination.mode === 'UDP') {
        if (destination.tls !== undefined) {
          check.errors.push({
            field: 'tls',
            received: destination.tls,
            expected: 'no TLS with mode UDP (the CRD has TLS only under socket.tcp)',
            fix: 'use mode: "TCP" for TLS',
          });
        }
        check.warnings.push({
          field: 'socket.mode',
          received: 'UDP',
          expected: 'TCP for audit data',
          fix: 'UDP drops events silently when the receiver is slow or down; use mode: "TCP"',
        });
      }
      break;
  }
  if (isJsonObject(destination.tls) || destination.tls === undefined) {
    checkTls(
      destination.tls,
      destination.type === 'Socket' ? 'socket.tcp.tls' : `${destination.type.toLowerCase()}.tls`,
      check,
    );
  }

  const buffer = destination.buffer;
  if (isJsonObject(buffer)) {
    if (buffer.type === 'Memory' && buffer.maxSize !== undefined) {
      check.errors.push({
        field: 'buffer.maxSize',
        received: buffer.maxSize,
        expected: 'no maxSize for Memory',
        fix: 'use maxEvents',
      });
    }
    if (buffer.type === 'Disk' && buffer.maxEvents !== undefined) {
      check.errors.push({
        field: 'buffer.maxEvents',
        received: buffer.maxEvents,
        expected: 'no maxEvents for Disk',
        fix: 'use maxSize',
      });
    }
    if (buffer.whenFull === 'DropNewest') {
      check.warnings.push({
        field: 'buffer.whenFull',
        received: 'DropNewest',
        expected: 'Block for audit data',
        fix: 'a full buffer then loses audit events; use whenFull: "Block"',
      });
    }
  }
  const rl = destination.rateLimit;
  if (isJsonObject(rl)) {
    // Its type is the schema's to check; that it is positive is not in the schema.
    if (typeof rl.linesPerMinute === 'number' && !(rl.linesPerMinute > 0)) {
      check.errors.push({
        field: 'rateLimit.linesPerMinute',
        received: rl.linesPerMinute,
        expected: 'a positive number',
        fix: 'e.g. 60000',
      });
    }
    const excludes = checkLogFilters(rl.excludes, 'rateLimit.excludes');
    mappable &&= !excludes.some(
      (p) => p.field === 'rateLimit.excludes' || /^rateLimit\.excludes\[\d+\]$/.test(p.field),
    );
    check.errors.push(...excludes);
    check.warnings.push({
      field: 'rateLimit',
      received: rl,
      expected: 'no rate limit on audit data',
      fix: 'events over the limit are dropped; exclude security-relevant events with rateLimit.excludes or remove the limit',
    });
  }
  checkExtraLabels(destination, check);
  checkTransformations(destination, check);
  const transformations = destination.transformations;
  mappable &&=
    transformations === undefined || (Array.isArray(transformations) && transformations.every(isJsonObject));
  (Array.isArray(destination.select) ? destination.select : []).forEach((selection, i) => {
    if (typeof selection?.name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(selection.name)) {
      check.errors.push({
        field: `select[${i}].name`,
        received: selection?.name,
        expected: 'a DNS label (lowercase letters, digits, "-")',
        fix: 'e.g. "rbac"',
      });
    }
    if (!Array.isArray(selection?.filters) || selection.filters.length === 0) {
      check.errors.push({
        field: `select[${i}].filters`,
        received: selection?.filters,
        expected: 'at least one filter',
        fix: 'an empty selection is every event: drop `select` instead',
      });
    }
    check.errors.push(...checkLogFilters(selection?.filters, `select[${i}].filters`));
  });

  if (mappable) {
    const manifest = destinationManifest(destination);
    const reported = [...check.errors];
    check.errors.push(...schemaProblems(manifest).filter((p) => !coveredBy(p.field, reported)));
    check.errors.push(...credentialProblems(manifest, destination.allowInlineCredentials === true));
  }
  return check;
}
