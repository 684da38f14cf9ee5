import * as L1 from '../../imports/deckhouse.io';
import { l1Filters } from './l1-filters';
import { AuditEventSelection, checkLogFilters, LogFilter, LogFilterOperator } from './log-filter';
import { PropProblem } from './messages';

/** The destination types of the ClusterLogDestination CRD. */
export type LogDestinationType =
  'Loki' | 'Elasticsearch' | 'Logstash' | 'Vector' | 'Kafka' | 'Splunk' | 'Socket';

/** All destination types, as the CRD lists them. */
export const LOG_DESTINATION_TYPES: readonly LogDestinationType[] = [
  'Loki',
  'Elasticsearch',
  'Logstash',
  'Vector',
  'Kafka',
  'Splunk',
  'Socket',
];

/**
 * Types that usually feed a SIEM or an archive, where a lost audit event is a gap in the record:
 * they default to a disk buffer that blocks when full instead of dropping events.
 */
export const SIEM_DESTINATION_TYPES: readonly LogDestinationType[] = [
  'Elasticsearch',
  'Logstash',
  'Vector',
  'Kafka',
  'Splunk',
  'Socket',
];

/** A client certificate for mutual TLS (base64-encoded PEM, as the CRD wants). */
export interface ClientCertificate {
  /** Base64-encoded certificate in PEM format. */
  readonly crtFile: string;
  /** Base64-encoded private key (PKCS#8 PEM): a secret, refused unless `allowInlineCredentials`. */
  readonly keyFile: string;
  /** Base64-encoded pass phrase of the key: a secret, refused unless `allowInlineCredentials`. */
  readonly keyPass?: string;
}

/** TLS options of an outgoing connection. */
export interface TlsOptions {
  /**
   * Base64-encoded CA certificate (PEM) to verify the remote host with; a CA certificate is public.
   * @default - the agent's system CA bundle
   */
  readonly caFile?: string;
  /**
   * Client certificate for mutual TLS.
   * @default - no client certificate
   */
  readonly clientCrt?: ClientCertificate;
  /**
   * Check that the remote host name matches its certificate.
   * @default true
   */
  readonly verifyHostname?: boolean;
  /**
   * Check the remote certificate.
   * @default true
   */
  readonly verifyCertificate?: boolean;
}

/** Buffer settings of a destination. */
export interface BufferOptions {
  /** `Disk` survives agent restarts; `Memory` does not. */
  readonly type: 'Disk' | 'Memory';
  /**
   * Disk buffer size (bytes or a quantity such as `1Gi`; at least ~256 MB).
   * @default '1Gi' for Disk
   */
  readonly maxSize?: string | number;
  /**
   * Memory buffer size in events.
   * @default - the agent's default
   */
  readonly maxEvents?: number;
  /**
   * What to do when the buffer is full: `Block` slows reading (no loss while the log file lasts),
   * `DropNewest` loses events.
   * @default 'Block'
   */
  readonly whenFull?: 'Block' | 'DropNewest';
}

/** Rate limit of a destination (events over the limit are DROPPED). */
export interface RateLimitOptions {
  readonly linesPerMinute: number;
  /**
   * Field whose value is hashed to rate-limit per value.
   * @default - one limit for all events
   */
  readonly keyField?: string;
  /**
   * Events matching these filters are not rate limited.
   * @default - none
   */
  readonly excludes?: readonly LogFilter[];
}

/** Props every destination type has. */
export interface LogDestinationBase {
  /** `metadata.name` of the ClusterLogDestination (a DNS subdomain). */
  readonly name: string;
  /**
   * TLS options (Socket: only with `mode: TCP`).
   * @default - no TLS options (https endpoints still use TLS with the system CAs)
   */
  readonly tls?: TlsOptions;
  /**
   * Buffer settings.
   * @default - Disk 1Gi with `whenFull: Block` for SIEM-type destinations (all but Loki); the
   * agent's default (memory) for Loki
   */
  readonly buffer?: BufferOptions;
  /**
   * Rate limit (drops events over the limit: think twice for audit data).
   * @default - no rate limit
   */
  readonly rateLimit?: RateLimitOptions;
  /**
   * Labels attached to each batch; values are plain tokens or `{{ field }}` templates.
   * @default - for Loki `{ verb, level, resource }` from the event; none otherwise
   */
  readonly extraLabels?: Readonly<Record<string, string>>;
  /**
   * Send only these selections of audit events (each becomes its own ClusterLoggingConfig).
   * @default - all audit events (the shared ClusterLoggingConfig)
   */
  readonly select?: readonly AuditEventSelection[];
  /**
   * Allow credentials (passwords, tokens, private keys, AWS keys) inline in the manifest. They
   * would be committed to Git in clear text (base64 is not encryption).
   * @default false
   */
  readonly allowInlineCredentials?: boolean;
}

/** Basic authentication (the password base64-encoded, as the CRD wants). */
export interface BasicAuth {
  readonly strategy?: 'Basic';
  readonly user: string;
  readonly password: string;
}

/** Loki: Basic or Bearer authentication. */
export type LokiAuth = BasicAuth | { readonly strategy: 'Bearer'; readonly token: string };

/** Elasticsearch: Basic or AWS authentication. */
export type ElasticsearchAuth =
  | BasicAuth
  | {
      readonly strategy: 'AWS';
      /** Base64-encoded AWS access key. */
      readonly awsAccessKey: string;
      /** Base64-encoded AWS secret key. */
      readonly awsSecretKey: string;
      readonly awsAssumeRole?: string;
      readonly awsRegion?: string;
    };

/** A Loki destination. */
export interface LokiDestination extends LogDestinationBase {
  readonly type: 'Loki';
  /** Base URL of Loki (the agent appends `/loki/api/v1/push`). */
  readonly endpoint: string;
  /** @default - no tenant */
  readonly tenantId?: string;
  /** @default - no authentication */
  readonly auth?: LokiAuth;
  /**
   * Allow Loki labels from high-cardinality fields (user names, object names, IPs, ...).
   * @default false
   */
  readonly allowHighCardinalityLabels?: boolean;
}

/** An Elasticsearch destination. */
export interface ElasticsearchDestination extends LogDestinationBase {
  readonly type: 'Elasticsearch';
  readonly endpoint: string;
  /** @default - the agent's default index */
  readonly index?: string;
  /** @default - no ingest pipeline */
  readonly pipeline?: string;
  /** @default false */
  readonly dataStreamEnabled?: boolean;
  /** @default - none (Elasticsearch 7+) */
  readonly docType?: string;
  /** @default - no authentication */
  readonly auth?: ElasticsearchAuth;
}

/** A Logstash destination (`host:port` of a tcp input with the json codec). */
export interface LogstashDestination extends LogDestinationBase {
  readonly type: 'Logstash';
  readonly endpoint: string;
}

/** A Vector destination (`host:port`, Vector API v2). */
export interface VectorDestination extends LogDestinationBase {
  readonly type: 'Vector';
  readonly endpoint: string;
}

/** A Kafka destination. */
export interface KafkaDestination extends LogDestinationBase {
  readonly type: 'Kafka';
  /** `host:port` of the bootstrap brokers (at least one). */
  readonly bootstrapServers: readonly string[];
  readonly topic: string;
  /** @default 'JSON' */
  readonly encoding?: 'JSON' | 'CEF';
  /** @default - no key */
  readonly keyField?: string;
  /** SASL authentication (the password is a secret). @default - none */
  readonly sasl?: {
    readonly mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
    readonly username: string;
    readonly password: string;
  };
}

/** A Splunk HEC destination; its `token` is required by the CRD and is a secret. */
export interface SplunkDestination extends LogDestinationBase {
  readonly type: 'Splunk';
  readonly endpoint: string;
  readonly token: string;
  /** @default - the token's default index */
  readonly index?: string;
}

/** A raw socket destination (e.g. a SIEM's syslog or CEF listener). */
export interface SocketDestination extends LogDestinationBase {
  readonly type: 'Socket';
  /** `host:port`. */
  readonly address: string;
  readonly mode: 'TCP' | 'UDP';
  /** @default 'JSON' */
  readonly encoding?: 'Text' | 'JSON' | 'Syslog' | 'CEF' | 'GELF';
}

/** One destination of the audit log: every type of the ClusterLogDestination CRD. */
export type AuditLogDestination =
  | LokiDestination
  | ElasticsearchDestination
  | LogstashDestination
  | VectorDestination
  | KafkaDestination
  | SplunkDestination
  | SocketDestination;

/** Default Loki labels: low-cardinality fields of the audit event. */
export const DEFAULT_LOKI_LABELS: Readonly<Record<string, string>> = {
  level: '{{ level }}',
  resource: '{{ objectRef.resource }}',
  verb: '{{ verb }}',
};

/** Default buffer of SIEM-type destinations. */
export const DEFAULT_SIEM_BUFFER: BufferOptions = { type: 'Disk', maxSize: '1Gi', whenFull: 'Block' };

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

/** Encodes a PEM text as the base64 the CRD's `caFile`/`crtFile` fields want. */
export function base64Pem(pem: string): string {
  return Buffer.from(pem, 'utf8').toString('base64');
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

/** The labels a destination gets: its own, or the low-cardinality defaults for Loki. */
export function effectiveExtraLabels(
  destination: AuditLogDestination,
): Readonly<Record<string, string>> | undefined {
  if (destination.extraLabels !== undefined) return destination.extraLabels;
  return destination.type === 'Loki' ? DEFAULT_LOKI_LABELS : undefined;
}

/** The buffer a destination gets: its own, or the SIEM default. */
export function effectiveBuffer(destination: AuditLogDestination): BufferOptions | undefined {
  if (destination.buffer !== undefined) return destination.buffer;
  return SIEM_DESTINATION_TYPES.includes(destination.type) ? DEFAULT_SIEM_BUFFER : undefined;
}

const TYPE: Record<LogDestinationType, L1.ClusterLogDestinationSpecType> = {
  Loki: L1.ClusterLogDestinationSpecType.LOKI,
  Elasticsearch: L1.ClusterLogDestinationSpecType.ELASTICSEARCH,
  Logstash: L1.ClusterLogDestinationSpecType.LOGSTASH,
  Vector: L1.ClusterLogDestinationSpecType.VECTOR,
  Kafka: L1.ClusterLogDestinationSpecType.KAFKA,
  Splunk: L1.ClusterLogDestinationSpecType.SPLUNK,
  Socket: L1.ClusterLogDestinationSpecType.SOCKET,
};
const SOCKET_CODEC: Record<
  NonNullable<SocketDestination['encoding']>,
  L1.ClusterLogDestinationSpecSocketEncodingCodec
> = {
  Text: L1.ClusterLogDestinationSpecSocketEncodingCodec.TEXT,
  JSON: L1.ClusterLogDestinationSpecSocketEncodingCodec.JSON,
  Syslog: L1.ClusterLogDestinationSpecSocketEncodingCodec.SYSLOG,
  CEF: L1.ClusterLogDestinationSpecSocketEncodingCodec.CEF,
  GELF: L1.ClusterLogDestinationSpecSocketEncodingCodec.GELF,
};
const KAFKA_CODEC: Record<
  NonNullable<KafkaDestination['encoding']>,
  L1.ClusterLogDestinationSpecKafkaEncodingCodec
> = {
  JSON: L1.ClusterLogDestinationSpecKafkaEncodingCodec.JSON,
  CEF: L1.ClusterLogDestinationSpecKafkaEncodingCodec.CEF,
};
const SASL: Record<
  NonNullable<KafkaDestination['sasl']>['mechanism'],
  L1.ClusterLogDestinationSpecKafkaSaslMechanism
> = {
  PLAIN: L1.ClusterLogDestinationSpecKafkaSaslMechanism.PLAIN,
  'SCRAM-SHA-256': L1.ClusterLogDestinationSpecKafkaSaslMechanism.SCRAM_HYPHEN_SHA_HYPHEN_256,
  'SCRAM-SHA-512': L1.ClusterLogDestinationSpecKafkaSaslMechanism.SCRAM_HYPHEN_SHA_HYPHEN_512,
};
const OPERATOR: Record<LogFilterOperator, L1.ClusterLogDestinationSpecRateLimitExcludesOperator> = {
  In: L1.ClusterLogDestinationSpecRateLimitExcludesOperator.IN,
  NotIn: L1.ClusterLogDestinationSpecRateLimitExcludesOperator.NOT_IN,
  Regex: L1.ClusterLogDestinationSpecRateLimitExcludesOperator.REGEX,
  NotRegex: L1.ClusterLogDestinationSpecRateLimitExcludesOperator.NOT_REGEX,
  Exists: L1.ClusterLogDestinationSpecRateLimitExcludesOperator.EXISTS,
  DoesNotExist: L1.ClusterLogDestinationSpecRateLimitExcludesOperator.DOES_NOT_EXIST,
};

/** The TLS block shared by the HTTP-like destinations (same shape for each type in the CRD). */
function tlsSpec(tls: TlsOptions | undefined): L1.ClusterLogDestinationSpecLokiTls | undefined {
  if (tls === undefined) return undefined;
  return {
    caFile: tls.caFile,
    clientCrt: tls.clientCrt && {
      crtFile: tls.clientCrt.crtFile,
      keyFile: tls.clientCrt.keyFile,
      keyPass: tls.clientCrt.keyPass,
    },
    verifyHostname: tls.verifyHostname,
    verifyCertificate: tls.verifyCertificate,
  };
}

function socketSpec(destination: SocketDestination): L1.ClusterLogDestinationSpecSocket {
  const tls = destination.tls;
  return {
    address: destination.address,
    mode:
      destination.mode === 'UDP'
        ? L1.ClusterLogDestinationSpecSocketMode.UDP
        : L1.ClusterLogDestinationSpecSocketMode.TCP,
    encoding: destination.encoding ? { codec: SOCKET_CODEC[destination.encoding] } : undefined,
    // The socket CRD keeps the verify flags beside tls (under tcp), not inside it.
    tcp:
      destination.mode === 'TCP' && tls
        ? {
            tls:
              tls.caFile !== undefined || tls.clientCrt !== undefined
                ? { caFile: tls.caFile, clientCrt: tls.clientCrt && { ...tls.clientCrt } }
                : undefined,
            verifyHostname: tls.verifyHostname,
            verifyCertificate: tls.verifyCertificate,
          }
        : undefined,
  };
}

function bufferSpec(buffer: BufferOptions | undefined): L1.ClusterLogDestinationSpecBuffer | undefined {
  if (buffer === undefined) return undefined;
  const maxSize = buffer.maxSize ?? DEFAULT_SIEM_BUFFER.maxSize ?? '1Gi';
  return {
    type:
      buffer.type === 'Memory'
        ? L1.ClusterLogDestinationSpecBufferType.MEMORY
        : L1.ClusterLogDestinationSpecBufferType.DISK,
    disk:
      buffer.type === 'Disk'
        ? {
            maxSize:
              typeof maxSize === 'number'
                ? L1.ClusterLogDestinationSpecBufferDiskMaxSize.fromNumber(maxSize)
                : L1.ClusterLogDestinationSpecBufferDiskMaxSize.fromString(maxSize),
          }
        : undefined,
    memory: buffer.type === 'Memory' ? { maxEvents: buffer.maxEvents } : undefined,
    // The CRD's oneOf requires whenFull to be present, so the default is written out.
    whenFull:
      buffer.whenFull === 'DropNewest'
        ? L1.ClusterLogDestinationSpecBufferWhenFull.DROP_NEWEST
        : L1.ClusterLogDestinationSpecBufferWhenFull.BLOCK,
  };
}

function rateLimitSpec(
  rateLimit: RateLimitOptions | undefined,
): L1.ClusterLogDestinationSpecRateLimit | undefined {
  if (rateLimit === undefined) return undefined;
  return {
    linesPerMinute: rateLimit.linesPerMinute,
    keyField: rateLimit.keyField,
    excludes: rateLimit.excludes
      ? l1Filters(rateLimit.excludes, OPERATOR, L1.ClusterLogDestinationSpecRateLimitExcludesValues)
      : undefined,
  };
}

/** The typed `spec` of the ClusterLogDestination for a destination. */
export function destinationSpec(destination: AuditLogDestination): L1.ClusterLogDestinationSpec {
  const common = {
    type: TYPE[destination.type],
    buffer: bufferSpec(effectiveBuffer(destination)),
    rateLimit: rateLimitSpec(destination.rateLimit),
    extraLabels: effectiveExtraLabels(destination) && { ...effectiveExtraLabels(destination) },
  };
  switch (destination.type) {
    case 'Loki': {
      const auth = destination.auth;
      return {
        ...common,
        loki: {
          endpoint: destination.endpoint,
          tenantId: destination.tenantId,
          auth:
            auth === undefined
              ? undefined
              : auth.strategy === 'Bearer'
                ? { strategy: L1.ClusterLogDestinationSpecLokiAuthStrategy.BEARER, token: auth.token }
                : {
                    strategy: L1.ClusterLogDestinationSpecLokiAuthStrategy.BASIC,
                    user: auth.user,
                    password: auth.password,
                  },
          tls: tlsSpec(destination.tls),
        },
      };
    }
    case 'Elasticsearch': {
      const auth = destination.auth;
      return {
        ...common,
        elasticsearch: {
          endpoint: destination.endpoint,
          index: destination.index,
          pipeline: destination.pipeline,
          dataStreamEnabled: destination.dataStreamEnabled,
          docType: destination.docType,
          auth:
            auth === undefined
              ? undefined
              : auth.strategy === 'AWS'
                ? {
                    strategy: L1.ClusterLogDestinationSpecElasticsearchAuthStrategy.AWS,
                    awsAccessKey: auth.awsAccessKey,
                    awsSecretKey: auth.awsSecretKey,
                    awsAssumeRole: auth.awsAssumeRole,
                    awsRegion: auth.awsRegion,
                  }
                : {
                    strategy: L1.ClusterLogDestinationSpecElasticsearchAuthStrategy.BASIC,
                    user: auth.user,
                    password: auth.password,
                  },
          tls: tlsSpec(destination.tls),
        },
      };
    }
    case 'Logstash':
      return { ...common, logstash: { endpoint: destination.endpoint, tls: tlsSpec(destination.tls) } };
    case 'Vector':
      return { ...common, vector: { endpoint: destination.endpoint, tls: tlsSpec(destination.tls) } };
    case 'Kafka':
      return {
        ...common,
        kafka: {
          bootstrapServers: [...destination.bootstrapServers],
          topic: destination.topic,
          encoding: destination.encoding ? { codec: KAFKA_CODEC[destination.encoding] } : undefined,
          keyField: destination.keyField,
          sasl: destination.sasl && {
            mechanism: SASL[destination.sasl.mechanism],
            username: destination.sasl.username,
            password: destination.sasl.password,
          },
          tls: tlsSpec(destination.tls),
        },
      };
    case 'Splunk':
      return {
        ...common,
        splunk: {
          endpoint: destination.endpoint,
          token: destination.token,
          index: destination.index,
          tls: tlsSpec(destination.tls),
        },
      };
    case 'Socket':
      return { ...common, socket: socketSpec(destination) };
  }
}
