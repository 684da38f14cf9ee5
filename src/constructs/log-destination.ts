import { checkStringArgument } from '../policy/arguments';
// The props of a ClusterLogDestination (imports/schemas/clusterlogdestination.v1alpha1.json); the check
// is destination-check.ts, the mapping to the generated class destination-spec.ts.
import { AuditEventSelection, LogFilter } from './log-filter';
import { LogTransformation } from './log-transformation';
import { CLUSTER_LOG_DESTINATION_SCHEMA } from './schema-validation';
import { subschemaAt } from './schema-walk';

/** The destination types of the ClusterLogDestination CRD (`spec.type`). */
export type LogDestinationType =
  'Loki' | 'Elasticsearch' | 'Logstash' | 'Vector' | 'Kafka' | 'Splunk' | 'Socket';

/** All destination types, as the CRD lists them (its `spec.type` enum). */
export const LOG_DESTINATION_TYPES = subschemaAt(CLUSTER_LOG_DESTINATION_SCHEMA, 'spec.type')
  .enum as readonly LogDestinationType[];

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

/**
 * A Secret with the TLS material, read by log-shipper instead of inline fields (DKP ≥ 1.68; the CRD's
 * `tls.secretRef`). The Secret's contract (CRD description of `tls.secretRef`): namespace `d8-log-shipper`,
 * label `log-shipper.deckhouse.io/watch-secret: "true"`, keys `ca.pem`, `crt.pem`, `key.pem` and `keyPass`
 * (base64 PEM, like the inline fields); its values override the inline TLS fields.
 */
export interface TlsSecretRef {
  /** `metadata.name` of the Secret (a DNS subdomain) in namespace `d8-log-shipper`. */
  readonly name: string;
}

/** TLS options of an outgoing connection. */
export interface TlsOptions {
  /**
   * The Secret that holds the CA, the client certificate and its key (see {@link TlsSecretRef}): keeps the
   * private key out of Git. Defined in the same app (a v1 Secret, an ExternalSecret, a SealedSecret), its
   * namespace and label are checked at synth; otherwise a warning says where it must come from.
   * @default - no Secret: the inline fields below
   */
  readonly secretRef?: TlsSecretRef;
  /**
   * Base64-encoded CA certificate (PEM) to verify the remote host with; a CA certificate is public.
   * Logstash, Vector, Kafka and Socket use TLS only when a CA or a client certificate is given (here, in
   * `clientCrt` or in the Secret of `secretRef`): TLS options without one are refused.
   * @default - the agent's system CA bundle (Loki, Elasticsearch, Splunk with an https:// endpoint)
   */
  readonly caFile?: string;
  /**
   * Client certificate for mutual TLS, inline. Its key is refused unless `allowInlineCredentials`:
   * prefer `secretRef`.
   * @default - no client certificate
   */
  readonly clientCrt?: ClientCertificate;
  /**
   * Check that the remote host name matches its certificate. Socket: only `true` (log-shipper does not read the
   * flag the CRD has for a Socket, so `false` is refused).
   * @default true
   */
  readonly verifyHostname?: boolean;
  /**
   * Check the remote certificate. Socket: only `true` (log-shipper does not read the flag the CRD has for a
   * Socket, so `false` is refused).
   * @default true
   */
  readonly verifyCertificate?: boolean;
}

/**
 * Buffer settings of a destination: a disk buffer sized in bytes, or a memory buffer sized in events (the CRD's
 * `buffer` is one of the two, `disk.maxSize` or `memory.maxEvents`). The other type's size does not compile.
 */
export type BufferOptions = DiskBufferOptions | MemoryBufferOptions;

/** A disk buffer: survives agent restarts. */
export interface DiskBufferOptions {
  /** `Disk` (the CRD's `buffer.type`). */
  readonly type: 'Disk';
  /**
   * Disk buffer size (bytes or a quantity such as `1Gi`; at least ~256 MB, at most 4294967295 bytes: log-shipper
   * passes it on as a uint32, so `4Gi` and more would wrap around).
   * @default '1Gi'
   */
  readonly maxSize?: string | number;
  /** Not for a disk buffer (sized in bytes by `maxSize`): refused. */
  readonly maxEvents?: never;
  /**
   * What to do when the buffer is full: `Block` slows reading (no loss while the log file lasts),
   * `DropNewest` loses events.
   * @default 'Block'
   */
  readonly whenFull?: 'Block' | 'DropNewest';
}

/** A memory buffer: lost when the agent restarts. */
export interface MemoryBufferOptions {
  /** `Memory` (the CRD's `buffer.type`). */
  readonly type: 'Memory';
  /**
   * Memory buffer size in events (1 to 4294967295: log-shipper reads it as a uint32).
   * @default - the agent's default
   */
  readonly maxEvents?: number;
  /** Not for a memory buffer (sized in events by `maxEvents`): refused. */
  readonly maxSize?: never;
  /**
   * What to do when the buffer is full: `Block` slows reading (no loss while the log file lasts),
   * `DropNewest` loses events.
   * @default 'Block'
   */
  readonly whenFull?: 'Block' | 'DropNewest';
}

/** Rate limit of a destination (events over the limit are DROPPED). */
export interface RateLimitOptions {
  /**
   * Log records per minute the destination passes (the CRD's `rateLimit.linesPerMinute`); records over it are
   * dropped. A whole number from 1 to 2147483647 (log-shipper reads it as a signed 32-bit integer): anything else
   * is refused at synth.
   */
  readonly linesPerMinute: number;
  /**
   * Template of the key to rate-limit per value, on a field of the log record (`{{ host }}`, `{{ node }}`): the
   * agent's throttle reads it as a Vector template, so a bare `node` is one key for every event and is refused.
   * log-shipper applies the rate limit to the record, in which the audit event is the JSON text of `message`, so an
   * audit event field (`{{ user.username }}`) is refused too.
   * @default - one limit for all events
   */
  readonly keyField?: string;
  /**
   * Events matching these filters are not rate limited. They compare fields of the log record, not of the audit
   * event (which is the JSON text of `message`): match the event's text, e.g.
   * `contains('message', '"resource":"secrets"')`; an audit event field is refused.
   * @default - none
   */
  readonly excludes?: readonly LogFilter[];
}

/** Props every destination type has. */
export interface LogDestinationBase {
  /** `metadata.name` of the ClusterLogDestination (a DNS subdomain). */
  readonly name: string;
  /**
   * TLS options (Socket: only with `mode: TCP`). Loki, Elasticsearch and Splunk use TLS for an https://
   * endpoint (TLS options with an http:// one are refused); Logstash, Vector, Kafka and Socket only when a CA or
   * a client certificate is given (`caFile`, `clientCrt` or `secretRef`).
   * @default - no TLS options: https:// endpoints use TLS with the system CAs, Logstash, Vector, Kafka and
   * Socket connect without TLS
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
   * Labels attached to each batch; values are plain tokens or `{{ field }}` templates. Keys are letters, digits and
   * `_`; the dotted keys log-shipper's encoders read are accepted with their encoding: `syslog.severity`,
   * `syslog.message_id`, `syslog.app` (Socket, `encoding: 'Syslog'`), `cef.name`, `cef.severity` (Kafka or Socket,
   * `encoding: 'CEF'`).
   * @default - for Loki `{ verb, level, resource }` from the event; none otherwise
   */
  readonly extraLabels?: Readonly<Record<string, string>>;
  /**
   * Send only these selections of audit events (each becomes its own ClusterLoggingConfig).
   * @default - all audit events (the shared ClusterLoggingConfig)
   */
  readonly selections?: readonly AuditEventSelection[];
  /**
   * Changes each event before it is sent, in order (the CRD's `spec.transformations`; `AddLabels` runs
   * after `extraLabels`). The audit Event is the JSON text in `.message` until a ParseMessage (JSON) parses it:
   * paths into it come after that parse. Ready-made: {@link AuditTransformations}, e.g.
   * `[AuditTransformations.parseEvent(), AuditTransformations.dropBodies()]` before a destination priced per GB.
   * @default - none
   */
  readonly transformations?: readonly LogTransformation[];
  /**
   * Allow credentials (passwords, tokens, private keys, AWS keys, passwords in URLs) inline in the
   * manifest. They would be committed to Git in clear text (base64 is not encryption).
   * @default false
   */
  readonly allowInlineCredentials?: boolean;
}

/**
 * The CEF header fields (`encoding.cef` of Kafka and Socket; only with `encoding: 'CEF'`).
 * Unset fields take the CRD's defaults (`Deckhouse`, `log-shipper-agent`, `1`).
 */
export interface CefOptions {
  /** @default - the CRD's default, "Deckhouse" */
  readonly deviceVendor?: string;
  /** @default - the CRD's default, "log-shipper-agent" */
  readonly deviceProduct?: string;
  /** @default - the CRD's default, "1" */
  readonly deviceVersion?: string;
}

/** Basic authentication (the password base64-encoded, as the CRD wants). */
export interface BasicAuth {
  /** `Basic` (the CRD's default strategy). @default 'Basic' */
  readonly strategy?: 'Basic';
  /** The user name (not a secret); an empty one is refused (log-shipper drops it and the agent refuses its configuration). */
  readonly user: string;
  /**
   * The password, base64-encoded (the CRD: "Base64-encoded Basic authentication password"; `base64 -w0`): a
   * secret, refused unless `allowInlineCredentials`, and refused when it is not base64 or empty.
   */
  readonly password: string;
}

/** Loki: Basic or Bearer authentication. */
export type LokiAuth = BasicAuth | LokiBearerAuth;

/** Loki Bearer authentication. */
export interface LokiBearerAuth {
  /** `Bearer`. */
  readonly strategy: 'Bearer';
  /**
   * The token, as it is (the CRD: "The token to use for Bearer authentication"; not base64): a secret, refused
   * unless `allowInlineCredentials`, and refused when empty.
   */
  readonly token: string;
}

/**
 * Elasticsearch: Basic or AWS authentication. AWS is refused at synth: log-shipper reads the secret key from
 * `awsSecretAccessKey`, a field the CRD does not have, and never reads the CRD's `awsSecretKey`.
 */
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
  /** `Loki` (the CRD's `spec.type`). */
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
  /** `Elasticsearch` (the CRD's `spec.type`). */
  readonly type: 'Elasticsearch';
  /**
   * Base URL of Elasticsearch, `http://` or `https://` with an optional port (`https://es.example.com:9200`); the
   * agent appends `/_bulk`, so an endpoint holding it is refused.
   */
  readonly endpoint: string;
  /**
   * Index to write to (a template such as `audit-%F` is allowed). Not with `dataStreamEnabled`: a data stream
   * does not use it (events go to `logs-generic-default`).
   * @default - the agent's default index
   */
  readonly index?: string;
  /** @default - no ingest pipeline */
  readonly pipeline?: string;
  /**
   * Write to a data stream (Elasticsearch 7.16+): `logs-generic-default`, as log-shipper leaves the agent's data
   * stream settings at their defaults; `index` and `docType` are refused beside it.
   * @default false
   */
  readonly dataStreamEnabled?: boolean;
  /**
   * The document type, only for Elasticsearch 6 and earlier (log-shipper then uses the version 6 API).
   * @default - none (Elasticsearch 7+)
   */
  readonly docType?: string;
  /** @default - no authentication */
  readonly auth?: ElasticsearchAuth;
}

/** A Logstash destination (`host:port` of a tcp input with the json codec). */
export interface LogstashDestination extends LogDestinationBase {
  /** `Logstash` (the CRD's `spec.type`). */
  readonly type: 'Logstash';
  /**
   * `host:port` of the Logstash tcp input (`logstash.example.com:5044`), without a scheme: log-shipper hands it to
   * the agent's socket sink. A scheme, a space or a port outside 1-65535 is refused.
   */
  readonly endpoint: string;
}

/** A Vector destination (`host:port`, Vector API v2). */
export interface VectorDestination extends LogDestinationBase {
  /** `Vector` (the CRD's `spec.type`). */
  readonly type: 'Vector';
  /**
   * `host:port` of the receiving Vector's `vector` source, API v2 (`vector.example.com:6000`; the CRD's pattern
   * `^(.+):([0-9]{1,5})$`). A port outside 1-65535 is refused.
   */
  readonly endpoint: string;
}

/** A Kafka destination. */
export interface KafkaDestination extends LogDestinationBase {
  /** `Kafka` (the CRD's `spec.type`). */
  readonly type: 'Kafka';
  /** `host:port` of the bootstrap brokers (at least one; a port from 1 to 65535). */
  readonly bootstrapServers: readonly string[];
  /**
   * The topic, a template (the CRD's examples: `logs`, `logs-{{unit}}-%Y-%m-%d`): outside `{{ }}` and `%`
   * specifiers only letters, digits, `.`, `_` and `-`, at most 249 characters (Kafka's topic rule); others refused.
   */
  readonly topic: string;
  /** @default 'JSON' */
  readonly encoding?: 'JSON' | 'CEF';
  /**
   * The CEF header (with `encoding: 'CEF'` only).
   * @default - the CRD's defaults
   */
  readonly cef?: CefOptions;
  /**
   * Path of the log record field whose value keys the Kafka message (`host`, `node`; a path, not a `{{ }}`
   * template): an audit event field is refused (the record holds the event as the JSON text of `message`).
   * @default - no key
   */
  readonly keyField?: string;
  /**
   * SASL authentication; the password, as it is (not base64), is a secret, refused unless
   * `allowInlineCredentials`. An empty `username` or `password` is refused (log-shipper then turns SASL off).
   * @default - none
   */
  readonly sasl?: {
    readonly mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
    readonly username: string;
    readonly password: string;
  };
}

/** A Splunk HEC destination; its `token` is required by the CRD and is a secret. */
export interface SplunkDestination extends LogDestinationBase {
  /** `Splunk` (the CRD's `spec.type`). */
  readonly type: 'Splunk';
  /**
   * Base URL of the HTTP Event Collector, the instance with its port and no path
   * (`https://splunk.example.com:8088`; EXAMPLES.md "Splunk integration"): the agent appends the HEC path.
   */
  readonly endpoint: string;
  /**
   * The HEC token, as it is (not base64): required by the CRD, a secret, refused unless `allowInlineCredentials`,
   * and refused when empty.
   */
  readonly token: string;
  /** @default - the token's default index */
  readonly index?: string;
}

/** A raw socket destination (e.g. a SIEM's syslog or CEF listener). */
export interface SocketDestination extends LogDestinationBase {
  /** `Socket` (the CRD's `spec.type`). */
  readonly type: 'Socket';
  /**
   * `host:port` (`siem.example.com:6514`), without a scheme: a scheme, a space or a port outside 1-65535 is
   * refused.
   */
  readonly address: string;
  /** `TCP` (TLS possible, under the CRD's `socket.tcp`) or `UDP` (no TLS; a warning: it drops events silently). */
  readonly mode: 'TCP' | 'UDP';
  /** @default 'JSON' */
  readonly encoding?: 'Text' | 'JSON' | 'Syslog' | 'CEF' | 'GELF';
  /**
   * The CEF header (with `encoding: 'CEF'` only).
   * @default - the CRD's defaults
   */
  readonly cef?: CefOptions;
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
export const DEFAULT_SIEM_BUFFER: DiskBufferOptions = { type: 'Disk', maxSize: '1Gi', whenFull: 'Block' };

/** Encodes a PEM text as the base64 the CRD's `caFile`/`crtFile` fields want. */
export function base64Pem(pem: string): string {
  checkStringArgument('base64Pem', 'pem', pem, 'the PEM text (-----BEGIN CERTIFICATE----- ...)');
  return Buffer.from(pem, 'utf8').toString('base64');
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
