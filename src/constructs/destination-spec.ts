// The mapping of a destination's props to the generated ClusterLogDestination class (imports/).
import * as L1 from '../../imports/deckhouse.io';
import { l1Filters } from './l1-filters';
import {
  AuditLogDestination,
  BufferOptions,
  CefOptions,
  DEFAULT_SIEM_BUFFER,
  effectiveBuffer,
  effectiveExtraLabels,
  LokiDestination,
  ElasticsearchDestination,
  RateLimitOptions,
  SocketDestination,
  TlsOptions,
} from './log-destination';
import { LogTransformation } from './log-transformation';

// The generated enums are string enums whose values are the CRD's own strings: a prop's value is passed
// as it is, so that a wrong value reaches the schema check (and its message) instead of turning into a
// default here.
function enumValue<E>(value: string | undefined): E | undefined {
  return value as unknown as E | undefined;
}

/** The TLS block shared by the HTTP-like destinations (same shape for each type in the CRD). */
function tlsSpec(tls: TlsOptions | undefined): L1.ClusterLogDestinationSpecLokiTls | undefined {
  if (tls === undefined) return undefined;
  return {
    secretRef: tls.secretRef && { name: tls.secretRef.name },
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

function encodingSpec<Codec>(
  encoding: string | undefined,
  cef: CefOptions | undefined,
): { codec?: Codec; cef?: L1.ClusterLogDestinationSpecSocketEncodingCef } | undefined {
  if (encoding === undefined && cef === undefined) return undefined;
  return {
    codec: enumValue<Codec>(encoding),
    cef: cef && {
      deviceVendor: cef.deviceVendor,
      deviceProduct: cef.deviceProduct,
      deviceVersion: cef.deviceVersion,
    },
  };
}

function socketSpec(destination: SocketDestination): L1.ClusterLogDestinationSpecSocket {
  const tls = destination.tls;
  const inline =
    tls && (tls.secretRef !== undefined || tls.caFile !== undefined || tls.clientCrt !== undefined);
  return {
    address: destination.address,
    mode: enumValue<L1.ClusterLogDestinationSpecSocketMode>(
      destination.mode,
    ) as L1.ClusterLogDestinationSpecSocketMode,
    encoding: encodingSpec<L1.ClusterLogDestinationSpecSocketEncodingCodec>(
      destination.encoding,
      destination.cef,
    ),
    // The socket CRD keeps the verify flags beside tls (under tcp), not inside it.
    tcp:
      destination.mode === 'TCP' && tls
        ? {
            tls: inline
              ? {
                  secretRef: tls.secretRef && { name: tls.secretRef.name },
                  caFile: tls.caFile,
                  clientCrt: tls.clientCrt && { ...tls.clientCrt },
                }
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
    type: enumValue<L1.ClusterLogDestinationSpecBufferType>(
      buffer.type,
    ) as L1.ClusterLogDestinationSpecBufferType,
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
    whenFull: enumValue<L1.ClusterLogDestinationSpecBufferWhenFull>(buffer.whenFull ?? 'Block'),
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
      ? l1Filters<
          L1.ClusterLogDestinationSpecRateLimitExcludesOperator,
          L1.ClusterLogDestinationSpecRateLimitExcludesValues
        >(rateLimit.excludes, L1.ClusterLogDestinationSpecRateLimitExcludesValues)
      : undefined,
  };
}

function lokiAuth(auth: LokiDestination['auth']): L1.ClusterLogDestinationSpecLokiAuth | undefined {
  if (auth === undefined) return undefined;
  const fields = auth as { strategy?: string; user?: string; password?: string; token?: string };
  return {
    strategy: enumValue<L1.ClusterLogDestinationSpecLokiAuthStrategy>(fields.strategy ?? 'Basic'),
    user: fields.user,
    password: fields.password,
    token: fields.token,
  };
}

function elasticsearchAuth(
  auth: ElasticsearchDestination['auth'],
): L1.ClusterLogDestinationSpecElasticsearchAuth | undefined {
  if (auth === undefined) return undefined;
  const fields = auth as Record<string, string | undefined>;
  return {
    strategy: enumValue<L1.ClusterLogDestinationSpecElasticsearchAuthStrategy>(fields.strategy ?? 'Basic'),
    user: fields.user,
    password: fields.password,
    awsAccessKey: fields.awsAccessKey,
    awsSecretKey: fields.awsSecretKey,
    awsAssumeRole: fields.awsAssumeRole,
    awsRegion: fields.awsRegion,
  };
}

/**
 * A transformation as plain JSON: the props are the CRD's shape already, so this is a copy (what the
 * schema check validates, unknown keys included).
 */
export function transformationJson(transformation: LogTransformation): Record<string, unknown> {
  return JSON.parse(JSON.stringify(transformation) ?? 'null') as Record<string, unknown>;
}

/** The typed `spec` of the ClusterLogDestination for a destination. */
export function destinationSpec(destination: AuditLogDestination): L1.ClusterLogDestinationSpec {
  const extraLabels = effectiveExtraLabels(destination);
  const common = {
    type: enumValue<L1.ClusterLogDestinationSpecType>(destination.type),
    buffer: bufferSpec(effectiveBuffer(destination)),
    rateLimit: rateLimitSpec(destination.rateLimit),
    extraLabels: extraLabels && { ...extraLabels },
    transformations: destination.transformations?.map(
      (t) => transformationJson(t) as L1.ClusterLogDestinationSpecTransformations,
    ),
  };
  switch (destination.type) {
    case 'Loki':
      return {
        ...common,
        loki: {
          endpoint: destination.endpoint,
          tenantId: destination.tenantId,
          auth: lokiAuth(destination.auth),
          tls: tlsSpec(destination.tls),
        },
      };
    case 'Elasticsearch':
      return {
        ...common,
        elasticsearch: {
          endpoint: destination.endpoint,
          index: destination.index,
          pipeline: destination.pipeline,
          dataStreamEnabled: destination.dataStreamEnabled,
          docType: destination.docType,
          auth: elasticsearchAuth(destination.auth),
          tls: tlsSpec(destination.tls),
        },
      };
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
          encoding: encodingSpec<L1.ClusterLogDestinationSpecKafkaEncodingCodec>(
            destination.encoding,
            destination.cef,
          ),
          keyField: destination.keyField,
          sasl: destination.sasl && {
            mechanism: enumValue<L1.ClusterLogDestinationSpecKafkaSaslMechanism>(
              destination.sasl.mechanism,
            ) as L1.ClusterLogDestinationSpecKafkaSaslMechanism,
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

/**
 * The ClusterLogDestination a destination renders to, as JSON (`metadata.name` and `spec`; the Argo CD
 * annotations are added by the construct). Its `spec.transformations` are the props as given, so that a
 * key the generated class would drop is seen by the schema check.
 */
export function destinationManifest(destination: AuditLogDestination): Record<string, unknown> {
  const manifest = L1.ClusterLogDestination.manifest({
    metadata: { name: destination.name },
    spec: destinationSpec(destination),
  }) as { spec: Record<string, unknown> } & Record<string, unknown>;
  if (destination.transformations !== undefined) {
    manifest.spec.transformations = destination.transformations.map(transformationJson);
  }
  return manifest;
}
