import * as L1 from '../../imports/deckhouse.io';
import { l1Filters } from './l1-filters';
import {
  AuditLogDestination,
  BufferOptions,
  DEFAULT_SIEM_BUFFER,
  effectiveBuffer,
  effectiveExtraLabels,
  KafkaDestination,
  LogDestinationType,
  RateLimitOptions,
  SocketDestination,
  TlsOptions,
} from './log-destination';
import { LogFilterOperator } from './log-filter';

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
