import {
  AuditLogDestination,
  effectiveExtraLabels,
  LOG_DESTINATION_TYPES,
  TlsOptions,
} from './log-destination';
import { checkLogFilters } from './log-filter';
import { PropProblem } from './messages';

/** extraLabels keys log-shipper reserves (the CRD's validation rule). */
export const RESERVED_EXTRA_LABELS = [
  'pod',
  'pod_ip',
  'pod_owner',
  'parsed_data',
  'namespace',
  'image',
  'container',
  'node',
];

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

// The CRD's patterns for extraLabels values (Go regexes; these are valid JS without the u flag).
const LABEL_VALUE_PLAIN = /^[a-zA-Z0-9_-]+$/;
const LABEL_VALUE_TEMPLATE = /^\{\{ [a-zA-Z0-9\\-][a-zA-Z0-9[\]_\\\-.]+ \}\}$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const HOST_PORT = /^(.+):([0-9]{1,5})$/;
const SOCKET_ADDRESS = /^.*:[1-9][0-9]+$/;
const QUANTITY =
  /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The result of checking one destination. */
export interface DestinationCheck {
  readonly errors: PropProblem[];
  readonly warnings: PropProblem[];
}

function isBase64Pem(value: string): boolean {
  if (!BASE64.test(value) || value.length === 0) return false;
  return Buffer.from(value, 'base64').toString('utf8').trimStart().startsWith('-----BEGIN ');
}

function credentialProblem(field: string, what: string): PropProblem {
  return {
    field,
    showReceived: false,
    expected: `no inline ${what}`,
    fix:
      `this value would be committed to Git in clear text with the manifests (base64 is not encryption); ` +
      `prefer a destination that authenticates by network policy or a client certificate kept out of Git, ` +
      `or, if the manifests are encrypted (SOPS, sealed secrets), set allowInlineCredentials: true on this destination`,
  };
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

function hostPortProblems(value: unknown, field: string, pattern: RegExp): PropProblem[] {
  if (typeof value !== 'string' || !pattern.test(value)) {
    return [
      {
        field,
        received: value,
        expected: `host:port matching ${pattern.source}`,
        fix: 'e.g. "siem.example.com:6514"',
      },
    ];
  }
  return [];
}

function checkTls(
  tls: TlsOptions | undefined,
  field: string,
  allowCredentials: boolean,
  check: DestinationCheck,
): void {
  if (tls === undefined) return;
  if (tls.caFile !== undefined && (typeof tls.caFile !== 'string' || !isBase64Pem(tls.caFile))) {
    check.errors.push({
      field: `${field}.caFile`,
      received: tls.caFile,
      expected: 'a base64-encoded PEM certificate',
      fix: 'pass base64Pem(pemText) (from this package) or `base64 -w0 ca.pem`',
    });
  }
  if (tls.clientCrt !== undefined) {
    const crt = tls.clientCrt;
    if (typeof crt.crtFile !== 'string' || !isBase64Pem(crt.crtFile)) {
      check.errors.push({
        field: `${field}.clientCrt.crtFile`,
        received: crt.crtFile,
        expected: 'a base64-encoded PEM certificate',
        fix: 'pass base64Pem(pemText)',
      });
    }
    if (!allowCredentials) {
      check.errors.push(credentialProblem(`${field}.clientCrt.keyFile`, 'private key'));
      if (crt.keyPass !== undefined)
        check.errors.push(credentialProblem(`${field}.clientCrt.keyPass`, 'key pass phrase'));
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

function checkExtraLabels(
  destination: AuditLogDestination,
  labels: Readonly<Record<string, string>>,
  check: DestinationCheck,
): void {
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
    if (typeof value !== 'string' || !(LABEL_VALUE_PLAIN.test(value) || LABEL_VALUE_TEMPLATE.test(value))) {
      check.errors.push({
        field,
        received: value,
        expected: 'a plain token [a-zA-Z0-9_-]+ or a template "{{ field.path }}"',
        fix: 'write a template with one space inside the braces, e.g. "{{ objectRef.resource }}"',
      });
      continue;
    }
    if (destination.type === 'Loki' && !destination.allowHighCardinalityLabels) {
      const template = /^\{\{ (.+) \}\}$/.exec(value);
      const path = template?.[1];
      const hot =
        path &&
        HIGH_CARDINALITY_FIELDS.find(
          (f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`),
        );
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
}

/** Checks one destination against the CRD and the audit-specific rules (credentials, labels, TLS). */
export function checkDestination(destination: AuditLogDestination): DestinationCheck {
  const check: DestinationCheck = { errors: [], warnings: [] };
  if (typeof destination !== 'object' || destination === null) {
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
  const creds = destination.allowInlineCredentials === true;
  const block = destination.type.toLowerCase();
  switch (destination.type) {
    case 'Loki':
      check.errors.push(...urlProblems(destination.endpoint, 'loki.endpoint'));
      if (destination.auth !== undefined && !creds) {
        const auth = destination.auth;
        check.errors.push(
          credentialProblem(
            auth.strategy === 'Bearer' ? 'loki.auth.token' : 'loki.auth.password',
            'Loki credentials',
          ),
        );
      }
      break;
    case 'Elasticsearch':
      check.errors.push(...urlProblems(destination.endpoint, 'elasticsearch.endpoint'));
      if (destination.auth !== undefined && !creds) {
        if (destination.auth.strategy === 'AWS') {
          check.errors.push(credentialProblem('elasticsearch.auth.awsAccessKey', 'AWS keys'));
          check.errors.push(credentialProblem('elasticsearch.auth.awsSecretKey', 'AWS keys'));
        } else {
          check.errors.push(credentialProblem('elasticsearch.auth.password', 'Elasticsearch password'));
        }
      }
      break;
    case 'Logstash':
      check.errors.push(...hostPortProblems(destination.endpoint, 'logstash.endpoint', HOST_PORT));
      break;
    case 'Vector':
      check.errors.push(...hostPortProblems(destination.endpoint, 'vector.endpoint', HOST_PORT));
      break;
    case 'Kafka':
      if (!Array.isArray(destination.bootstrapServers) || destination.bootstrapServers.length === 0) {
        check.errors.push({
          field: 'kafka.bootstrapServers',
          received: destination.bootstrapServers,
          expected: 'at least one host:port',
          fix: 'list the bootstrap brokers, e.g. ["kafka-0.example.com:9093"]',
        });
      } else {
        destination.bootstrapServers.forEach((server, i) =>
          check.errors.push(...hostPortProblems(server, `kafka.bootstrapServers[${i}]`, HOST_PORT)),
        );
      }
      if (typeof destination.topic !== 'string' || destination.topic.length === 0) {
        check.errors.push({
          field: 'kafka.topic',
          received: destination.topic,
          expected: 'a topic name',
          fix: 'e.g. "kube-audit"',
        });
      }
      if (destination.sasl !== undefined && !creds)
        check.errors.push(credentialProblem('kafka.sasl.password', 'SASL password'));
      break;
    case 'Splunk':
      check.errors.push(...urlProblems(destination.endpoint, 'splunk.endpoint'));
      if (!creds)
        check.errors.push(credentialProblem('splunk.token', 'HEC token (the CRD requires it inline)'));
      break;
    case 'Socket':
      check.errors.push(...hostPortProblems(destination.address, 'socket.address', SOCKET_ADDRESS));
      if (destination.mode !== 'TCP' && destination.mode !== 'UDP') {
        check.errors.push({
          field: 'socket.mode',
          received: destination.mode,
          expected: 'TCP or UDP',
          fix: 'use "TCP"',
        });
      }
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
  checkTls(destination.tls, destination.type === 'Socket' ? 'socket.tcp.tls' : `${block}.tls`, creds, check);

  const buffer = destination.buffer;
  if (buffer !== undefined) {
    if (buffer.type !== 'Disk' && buffer.type !== 'Memory') {
      check.errors.push({
        field: 'buffer.type',
        received: buffer.type,
        expected: 'Disk or Memory',
        fix: 'use "Disk"',
      });
    }
    if (
      buffer.maxSize !== undefined &&
      !(typeof buffer.maxSize === 'number' || QUANTITY.test(String(buffer.maxSize)))
    ) {
      check.errors.push({
        field: 'buffer.maxSize',
        received: buffer.maxSize,
        expected: 'bytes or a quantity',
        fix: 'e.g. "1Gi"',
      });
    }
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
  if (destination.rateLimit !== undefined) {
    const rl = destination.rateLimit;
    if (typeof rl.linesPerMinute !== 'number' || !(rl.linesPerMinute > 0)) {
      check.errors.push({
        field: 'rateLimit.linesPerMinute',
        received: rl.linesPerMinute,
        expected: 'a positive number',
        fix: 'e.g. 60000',
      });
    }
    check.errors.push(...checkLogFilters(rl.excludes, 'rateLimit.excludes'));
    check.warnings.push({
      field: 'rateLimit',
      received: rl,
      expected: 'no rate limit on audit data',
      fix: 'events over the limit are dropped; exclude security-relevant events with rateLimit.excludes or remove the limit',
    });
  }
  checkExtraLabels(destination, effectiveExtraLabels(destination) ?? {}, check);
  (destination.select ?? []).forEach((selection, i) => {
    if (typeof selection.name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(selection.name)) {
      check.errors.push({
        field: `select[${i}].name`,
        received: selection.name,
        expected: 'a DNS label (lowercase letters, digits, "-")',
        fix: 'e.g. "rbac"',
      });
    }
    if (!Array.isArray(selection.filters) || selection.filters.length === 0) {
      check.errors.push({
        field: `select[${i}].filters`,
        received: selection.filters,
        expected: 'at least one filter',
        fix: 'an empty selection is every event: drop `select` instead',
      });
    }
    check.errors.push(...checkLogFilters(selection.filters, `select[${i}].filters`));
  });
  return check;
}
