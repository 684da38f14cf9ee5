// Hand checks of a destination's parts, for what the ClusterLogDestination schema cannot say: unknown prop
// keys (the mapping would drop them silently), TLS material as base64 PEM and a Secret name, reserved and
// high-cardinality labels, the transformation fields this package does not model, and the CEL rules ajv
// cannot run (read from the schema).
import { decodeStdBase64, isStdBase64 } from './destination-base64';
import { AuditLogDestination, ClientCertificate, effectiveExtraLabels, TlsOptions } from './log-destination';
import { isJsonObject } from './json-values';
import { quote } from '../policy/echo';
import { PropProblem } from './messages';
import { celRules } from './schema-cel';
import { CLUSTER_LOG_DESTINATION_SCHEMA } from './schema-validation';
import { subschemaAt } from './schema-walk';
import { labelTemplateProblem } from './label-template';
import { parsedMessageEncodingProblems } from './parsed-message-encoding';
import { transformationPathProblems } from './transformation-paths';
import { RESERVED_EXTRA_LABELS } from './log-event-fields';
import { auditFieldPathFix, auditFieldPathFixText } from '../policy/audit-event-fields';

export { RESERVED_EXTRA_LABELS };

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
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The result of checking one destination. */
export interface DestinationCheck {
  readonly errors: PropProblem[];
  readonly warnings: PropProblem[];
}

// The props each destination type accepts: a key outside them would be dropped silently by the mapping.
export const COMMON_PROPS = [
  'type',
  'name',
  'tls',
  'buffer',
  'rateLimit',
  'extraLabels',
  'selections',
  'transformations',
  'allowInlineCredentials',
];
export const TYPE_PROPS: Readonly<Record<string, readonly string[]>> = {
  Loki: ['endpoint', 'tenantId', 'auth', 'allowHighCardinalityLabels'],
  Elasticsearch: ['endpoint', 'index', 'pipeline', 'dataStreamEnabled', 'docType', 'auth'],
  Logstash: ['endpoint'],
  Vector: ['endpoint'],
  Kafka: ['bootstrapServers', 'topic', 'encoding', 'cef', 'keyField', 'sasl'],
  Splunk: ['endpoint', 'token', 'index'],
  Socket: ['address', 'mode', 'encoding', 'cef'],
};
export const NESTED_PROPS: Readonly<Record<string, readonly string[]>> = {
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

export function unknownProps(value: unknown, allowed: readonly string[], field: string): PropProblem[] {
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

// Base64 as log-shipper decodes it (Go's StdEncoding: line breaks ignored), then PEM.
function isBase64Pem(value: string): boolean {
  if (value.length === 0 || !isStdBase64(value)) return false;
  return decodeStdBase64(value).trimStart().startsWith('-----BEGIN ');
}

export function checkTls(tls: TlsOptions | undefined, field: string, check: DestinationCheck): void {
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
    // One that is not an object is reported by checkDestination ("expected an object").
    const name = (isJsonObject(tls.secretRef) ? tls.secretRef : { name: '' }).name;
    if (
      isJsonObject(tls.secretRef) &&
      (typeof name !== 'string' || name.length > 253 || !DNS_SUBDOMAIN.test(name))
    ) {
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
  if (isJsonObject(tls.clientCrt)) {
    const crt = tls.clientCrt as Partial<ClientCertificate>;
    if (typeof crt.crtFile !== 'string' || !isBase64Pem(crt.crtFile)) {
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

/**
 * Destination types whose extraLabels log-shipper applies only from deckhouse PR #16989 (merged 2025-12-11, "log
 * enrichment is now performed on all recipients"): before it, hooks/internal/vector/transform/destination.go (at
 * 417901f7) adds the extra_fields transform for Elasticsearch, Logstash, Vector and Kafka only, loki.go renders them
 * as Loki labels, and socket.go/splunk.go never read them.
 */
const EXTRA_LABELS_SINCE_16989: readonly string[] = ['Socket', 'Splunk'];

/**
 * An extraLabels key log-shipper and its receivers accept. The CRD checks only the values (its `anyOf` patterns);
 * log-shipper writes each key into a VRL assignment (`.<key>="value"`, hooks/internal/vector/transform/
 * extra_fields.go processExtraFieldKey), quoting it (escapeVectorString) only when it holds a "-" or "\\", so a
 * space, "." or any other character outside letters, digits and "_" makes vector refuse the whole config or
 * writes a nested field instead; Loki takes the key as a label name, which must match [a-zA-Z_][a-zA-Z0-9_]*
 * (the Prometheus data model).
 */
export const EXTRA_LABEL_KEY = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * A key with a "-" among letters, digits and "_" (`cluster-name`): escapeVectorString quotes it (`."cluster-name"=`),
 * so the destinations that take extraLabels through that VRL transform as event fields get it as written. Loki
 * (a label name) and Splunk (indexed fields) are not among them.
 */
const QUOTED_EXTRA_LABEL_KEY = /^[a-zA-Z0-9_-]*-[a-zA-Z0-9_-]*$/;
const QUOTED_KEY_TYPES: readonly string[] = ['Elasticsearch', 'Logstash', 'Vector', 'Kafka', 'Socket'];

/**
 * Dotted keys that set a header field of the message encoding, by the encoding that reads them. log-shipper writes a
 * dotted key unquoted (`.syslog.severity="alert"`), which VRL takes as a nested field, and its encoders read these:
 * the Syslog rule (hooks/internal/vrl SyslogEncodingRule) takes the severity from `.syslog.severity`, the MSGID from
 * `.syslog.message_id` and the APP-NAME from `.syslog.app`; the CEF encoder (destination/kafka.go, socket.go) takes
 * the Name from `cef.name` and the Severity from `cef.severity`. Deckhouse's own examples set them so
 * (modules/460-log-shipper/docs/EXAMPLES.md, "Syslog" and "Logs in CEF Format").
 */
const ENCODING_HEADER_KEYS: Readonly<Record<string, readonly string[]>> = {
  Syslog: ['syslog.severity', 'syslog.message_id', 'syslog.app'],
  CEF: ['cef.name', 'cef.severity'],
};

// The encoding whose header a destination's extraLabels may set: Socket's, or Kafka's (JSON or CEF only).
function headerKeysOf(destination: AuditLogDestination): readonly string[] {
  if (destination.type !== 'Socket' && destination.type !== 'Kafka') return [];
  const encoding: unknown = destination.encoding;
  return typeof encoding === 'string' ? (ENCODING_HEADER_KEYS[encoding] ?? []) : [];
}

/** The severity keywords VRL's to_syslog_severity knows (the Syslog rule converts a string `syslog.severity`). */
const SYSLOG_SEVERITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

// The CRD's pattern for a templated extraLabels value (the second alternative of its anyOf).
const LABEL_TEMPLATE = new RegExp(
  (
    subschemaAt(CLUSTER_LOG_DESTINATION_SCHEMA, 'spec.extraLabels').additionalProperties as {
      anyOf: Array<{ pattern: string }>;
    }
  ).anyOf.find((a) => a.pattern.startsWith('^\\{\\{'))!.pattern,
);

export function checkExtraLabels(destination: AuditLogDestination, check: DestinationCheck): void {
  const labels = effectiveExtraLabels(destination) ?? {};
  if (!isJsonObject(labels)) return; // the schema says what extraLabels must be
  if (EXTRA_LABELS_SINCE_16989.includes(destination.type) && Object.keys(labels).length > 0) {
    check.warnings.push({
      field: 'extraLabels',
      received: labels,
      expected:
        `a log-shipper that applies extraLabels to a ${destination.type} destination: releases before deckhouse ` +
        'PR #16989 (merged 2025-12-11) add them only for Loki, Elasticsearch, Logstash, Vector and Kafka and ' +
        `drop them silently here`,
      fix: "check that the cluster's log-shipper includes that change, or ship these labels to a destination type that applies them",
    });
  }
  const headerKeys = headerKeysOf(destination);
  for (const [key, value] of Object.entries(labels)) {
    const field = EXTRA_LABEL_KEY.test(key) ? `extraLabels.${key}` : `extraLabels[${quote(key)}]`;
    if (headerKeys.includes(key)) {
      // A keyword to_syslog_severity does not know aborts the Syslog rule (`to_syslog_severity!`): the event would
      // leave without its syslog header.
      const literal = typeof value === 'string' && !value.startsWith('{{');
      if (key === 'syslog.severity' && literal && !SYSLOG_SEVERITIES.includes(value)) {
        check.errors.push({
          field,
          received: value,
          expected: `a syslog severity keyword (${SYSLOG_SEVERITIES.join(', ')}): log-shipper's Syslog rule converts it with VRL's to_syslog_severity`,
          fix: 'e.g. "notice"',
        });
      }
    }
    const quoted = QUOTED_KEY_TYPES.includes(destination.type) && QUOTED_EXTRA_LABEL_KEY.test(key);
    if (!headerKeys.includes(key) && !EXTRA_LABEL_KEY.test(key) && !quoted) {
      const renamed = key.replace(/[^a-zA-Z0-9_]/g, '_').replace(/^(?=[0-9])/, '_');
      const header = Object.entries(ENCODING_HEADER_KEYS).find(([, keys]) => keys.includes(key));
      if (header !== undefined) {
        // The one key log-shipper reads with a dot: say what it needs instead of suggesting a rename.
        const [encoding] = header;
        check.errors.push({
          field,
          received: key,
          expected:
            `a key of letters, digits and "_" ([a-zA-Z_][a-zA-Z0-9_]*); "${key}" is read only by the ${encoding} ` +
            `encoding of a ${encoding === 'CEF' ? 'Kafka or Socket' : 'Socket'} destination, which this ` +
            `${destination.type} destination does not use`,
          fix: `set encoding: "${encoding}" on a ${encoding === 'CEF' ? 'Kafka or Socket' : 'Socket'} destination, or remove the label`,
        });
        continue;
      }
      check.errors.push({
        field,
        received: key,
        expected: QUOTED_EXTRA_LABEL_KEY.test(key)
          ? 'a key of letters, digits and "_" not starting with a digit ([a-zA-Z_][a-zA-Z0-9_]*) for a ' +
            `${destination.type} destination: log-shipper quotes a key with "-" for ${QUOTED_KEY_TYPES.join(', ')} ` +
            'only, and Loki takes the key as a label name of that form'
          : 'a key of letters, digits and "_" not starting with a digit ([a-zA-Z_][a-zA-Z0-9_]*): log-shipper writes ' +
            'it into a vector (VRL) assignment, quoted only for a "-", which refuses or nests any other character, ' +
            'and Loki takes it as a label name of that form',
        fix: `rename the label, e.g. "${renamed}"`,
      });
      continue;
    }
    if (RESERVED_EXTRA_LABELS.includes(key)) {
      check.errors.push({
        field,
        received: key,
        expected: `a key other than the reserved ${RESERVED_EXTRA_LABELS.join(', ')}`,
        fix: `rename the label, e.g. "audit_${key}"`,
      });
    }
    const template = typeof value === 'string' ? labelTemplateProblem(value) : undefined;
    if (template !== undefined) {
      check.errors.push({ field, received: value, ...template });
      continue;
    }
    const path = typeof value === 'string' ? /^\{\{ (.+) \}\}$/.exec(value)?.[1] : undefined;
    if (path !== undefined && !LABEL_TEMPLATE.test(value as string)) {
      // The schema would say "write a template with one space inside the braces" about a value that has them.
      check.errors.push({
        field,
        received: value,
        expected:
          'a template whose path holds only letters, digits, "_", "-", ".", "[" and "]" (the CRD\'s pattern ' +
          `${LABEL_TEMPLATE.source}): a field whose key needs quotes, such as an annotation ` +
          '(annotations."authorization.k8s.io/decision"), cannot fill a label',
        fix: 'label by a field with a plain path (e.g. "{{ objectRef.resource }}"), and keep that one in the event',
      });
      continue;
    }
    const meant = path === undefined ? undefined : auditFieldPathFix(path);
    if (meant !== undefined) {
      check.errors.push({
        field,
        received: value,
        expected:
          'a field of an audit.k8s.io/v1 Event (a path no event has gives every event an empty label)',
        fix: auditFieldPathFixText(meant, (p) => `{{ ${p} }}`),
      });
    }
    // Only true turns the check off: a string 'no' is truthy.
    if (destination.type !== 'Loki' || destination.allowHighCardinalityLabels === true) continue;
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

/** The action blocks of a ClusterLogDestination transformation (the CRD's `transformations[]` properties). */
const TRANSFORMATION_BLOCKS = ['replaceKeys', 'parseMessage', 'dropLabels', 'addLabels', 'replaceValue'];

export function checkTransformations(destination: AuditLogDestination, check: DestinationCheck): void {
  const list = destination.transformations;
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    check.errors.push({
      field: 'transformations',
      received: list,
      expected: 'an array of { action, <action block> }',
      fix: 'e.g. [AuditTransformations.parseEvent(), AuditTransformations.dropBodies()]',
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
    // log-shipper runs the block its action names; another block would sit in the manifest and never run.
    const own =
      typeof t.action === 'string' ? t.action.charAt(0).toLowerCase() + t.action.slice(1) : undefined;
    // Only beside a valid action and its own block: otherwise the schema's one message says what is missing.
    const ownPresent = own !== undefined && TRANSFORMATION_BLOCKS.includes(own) && t[own] !== undefined;
    for (const block of ownPresent ? TRANSFORMATION_BLOCKS : []) {
      if (block !== own && t[block] !== undefined) {
        check.errors.push({
          field: `${at}.${block}`,
          received: block,
          expected: `only the ${own} block of action ${JSON.stringify(t.action)} (log-shipper runs the block its action names)`,
          fix: 'write each action as a transformation of its own',
        });
      }
    }
    const dropLabels = t.dropLabels;
    if (isJsonObject(dropLabels) && dropLabels.labels !== undefined) {
      const labels = dropLabels.labels;
      if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
        check.errors.push({
          field: `${at}.dropLabels.labels`,
          received: labels,
          expected: 'a list of label paths, e.g. [".message.requestObject"]',
          fix: `write labels: [${JSON.stringify(labels)}]`,
        });
      }
    }
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
  check.errors.push(...transformationPathProblems(list));
  check.errors.push(...parsedMessageEncodingProblems(destination, list));
}
