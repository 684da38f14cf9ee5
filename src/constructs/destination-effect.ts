// Fields of a ClusterLogDestination the schema accepts but log-shipper would not apply, so that the destination would
// not do what its props say. Checked on the object the props render to, and at synth on the final object (after
// escape-hatch patches).
// Elasticsearch AWS authentication: the CRD names the secret key `auth.awsSecretKey`, the Go types log-shipper
// decodes the object into (apis/v1alpha1 and v1alpha2 ElasticsearchAuthSpec) read `awsSecretAccessKey`, which the
// CRD does not have (the API server prunes it): the agent never gets the secret key.
// How Deckhouse's log-shipper hook turns a ClusterLogDestination's TLS block into the agent's
// (deckhouse modules/460-log-shipper/hooks/internal/vector/destination/*.go):
// - Logstash, Vector, Kafka and Socket (TCP) turn TLS on only when a CA or a client certificate is given, inline
//   or from the Secret of tls.secretRef (`tls.Enabled` when `CAFile != "" || CertFile != ""`): TLS options
//   without one leave the connection in plain text, their verify flags unused;
// - Socket reads verifyHostname/verifyCertificate from socket.tcp.tls (apis/v1alpha1 SocketTCPSpec), where the
//   CRD has no such fields (it has them beside tls, under socket.tcp, and prunes them inside tls): `false` is
//   never read, the agent verifies anyway;
// - Loki, Elasticsearch and Splunk are HTTP sinks: their endpoint's scheme decides TLS, http:// is plain text.
import { PropProblem } from './messages';
import { isJsonObject } from './json-values';
import { recordFieldProblems } from './record-fields';

/** Destination types whose TLS is on only with a CA or a client certificate. */
export const TLS_BY_MATERIAL: readonly string[] = ['Logstash', 'Vector', 'Kafka', 'Socket'];

/** Destination types whose TLS is decided by the endpoint URL's scheme. */
const TLS_BY_SCHEME: readonly string[] = ['Loki', 'Elasticsearch', 'Splunk'];

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return isJsonObject(value) ? value : undefined;
}

const hasMaterial = (tls: Json | undefined): boolean =>
  tls !== undefined &&
  (tls.caFile !== undefined || tls.clientCrt !== undefined || tls.secretRef !== undefined);

/**
 * The fields of a ClusterLogDestination `spec` log-shipper would not apply, as problems of their spec paths
 * (`kafka.tls`, `socket.tcp.verifyHostname`, `elasticsearch.auth.strategy`): Elasticsearch AWS authentication
 * (log-shipper never reads its secret key), an Elasticsearch index or docType beside dataStreamEnabled, TLS options without a CA or client certificate on the types that
 * need one, TLS options with an http:// endpoint, a Socket's verify flags turned off, and record fields
 * (rateLimit, Kafka's keyField) that name an audit event field or are the wrong kind of value (record-fields.ts).
 */
export function unappliedFieldProblems(spec: unknown): PropProblem[] {
  // rateLimit and Kafka's keyField name fields of the log record (record-fields.ts).
  const problems: PropProblem[] = [...recordFieldProblems(spec)];
  const s = object(spec);
  const type = s?.type;
  if (s === undefined || typeof type !== 'string') return problems;
  const block = type.toLowerCase();
  const settings = object(s[block]);
  if (settings === undefined) return problems;
  if (type === 'Elasticsearch' && object(settings.auth)?.strategy === 'AWS') {
    problems.push({
      field: 'elasticsearch.auth.strategy',
      received: 'AWS',
      expected:
        'an authentication log-shipper can apply: it reads the AWS secret key from auth.awsSecretAccessKey (its Go ' +
        "type's field), which the ClusterLogDestination CRD does not have, and never reads the CRD's " +
        'auth.awsSecretKey, so the agent would sign requests without the secret key',
      fix:
        'use Basic authentication (an internal user of Elasticsearch/OpenSearch), or point the endpoint at a ' +
        'request-signing proxy that holds the AWS credentials',
    });
  }
  if (type === 'Kafka') problems.push(...saslProblems(object(settings.sasl)));
  if (type === 'Loki' || type === 'Elasticsearch')
    problems.push(...emptyAuthProblems(block, object(settings.auth)));
  if (type === 'Elasticsearch' && settings.dataStreamEnabled === true)
    problems.push(...dataStreamProblems(settings));
  // A Socket's TLS options sit under tcp (the verify flags beside tls): TCP only, UDP has none.
  const tcp = type === 'Socket' ? object(settings.tcp) : undefined;
  const options = type === 'Socket' ? tcp : object(settings.tls);
  const material = type === 'Socket' ? object(tcp?.tls) : options;
  if (TLS_BY_MATERIAL.includes(type) && options !== undefined && !hasMaterial(material)) {
    problems.push({
      field: type === 'Socket' ? 'socket.tcp' : `${block}.tls`,
      showReceived: false,
      expected:
        `a CA or a client certificate with the TLS options (caFile, clientCrt or secretRef): log-shipper turns ` +
        `TLS on for a ${type} destination only when one is given, so these options would leave the connection ` +
        'in plain text (verifyHostname and verifyCertificate unused)',
      fix:
        "add caFile: base64Pem(<PEM of the CA that signed the receiver's certificate>) or tls.secretRef " +
        '(a Secret with ca.pem); for a connection without TLS, remove tls',
    });
  }
  for (const key of ['verifyHostname', 'verifyCertificate'] as const) {
    if (tcp?.[key] !== false) continue;
    problems.push({
      field: `socket.tcp.${key}`,
      received: false,
      expected:
        `no ${key}: false on a Socket destination: log-shipper reads the flag from socket.tcp.tls, where the ` +
        `CRD has no such field, and never reads socket.tcp.${key}, so the agent would verify anyway`,
      fix:
        key === 'verifyCertificate'
          ? "give the CA that signed the receiver's certificate in caFile (or as ca.pem of the tls.secretRef " +
            'Secret), and remove verifyCertificate'
          : "use an address with a host name the receiver's certificate names, and remove verifyHostname",
    });
  }
  const endpoint = settings.endpoint;
  if (
    TLS_BY_SCHEME.includes(type) &&
    settings.tls !== undefined &&
    typeof endpoint === 'string' &&
    /^http:\/\//i.test(endpoint)
  ) {
    problems.push({
      field: `${block}.tls`,
      showReceived: false,
      expected: `an https:// endpoint with TLS options: log-shipper sends to ${endpoint} in plain text and would not use them`,
      fix: `use the https:// endpoint of the ${type} server, or remove tls`,
    });
  }
  return problems;
}

/**
 * Elasticsearch fields a data stream does not use. With dataStreamEnabled log-shipper sets the agent's sink to
 * `mode: data_stream` and passes `index` only as `bulk.index` (hooks/internal/vector/destination/elasticsearch.go);
 * the sink's data_stream mode names the stream from its `data_stream` settings, which log-shipper leaves at their
 * defaults (type `logs`, dataset `generic`, namespace `default`), so events go to `logs-generic-default` whatever the
 * index says. A docType makes log-shipper pick the Elasticsearch 6 API (`api_version: v6`), while data streams need
 * Elasticsearch 7.16 or later (the CRD's description of dataStreamEnabled).
 */
function dataStreamProblems(settings: Json): PropProblem[] {
  const problems: PropProblem[] = [];
  if (settings.index !== undefined) {
    problems.push({
      field: 'elasticsearch.index',
      received: settings.index,
      expected:
        'no index with dataStreamEnabled: log-shipper passes it to the agent as the bulk index, which a data stream ' +
        'does not use: events go to the data stream logs-generic-default',
      fix: 'remove index (events go to logs-generic-default), or set dataStreamEnabled: false to write to this index',
    });
  }
  if (settings.docType !== undefined) {
    problems.push({
      field: 'elasticsearch.docType',
      received: settings.docType,
      expected:
        'no docType with dataStreamEnabled: a docType makes log-shipper use the Elasticsearch 6 API, data streams ' +
        'need Elasticsearch 7.16 or later',
      fix: 'remove docType (it is only for Elasticsearch 6 and earlier)',
    });
  }
  return problems;
}

/**
 * Kafka SASL with an empty username or password. The CRD requires the three fields but accepts empty strings;
 * log-shipper turns SASL on only when mechanism, username and password are all non-empty (`sasl.Enabled`,
 * hooks/internal/vector/destination/kafka.go), so the agent would connect without authenticating.
 */
function saslProblems(sasl: Json | undefined): PropProblem[] {
  if (sasl === undefined) return [];
  return (['username', 'password'] as const)
    .filter((key) => sasl[key] === '')
    .map((key) => ({
      field: `kafka.sasl.${key}`,
      received: '',
      expected:
        `a non-empty ${key}: log-shipper turns SASL on only when mechanism, username and password are all set, so ` +
        'the agent would connect without authenticating',
      fix: `set the SASL ${key} of the Kafka user, or remove sasl for a broker without authentication`,
    }));
}

/**
 * An empty user, password or token of Loki's or Elasticsearch's authentication. The CRD requires the fields of the
 * strategy but accepts empty strings; log-shipper writes them to the agent's config with `omitempty`
 * (LokiAuth, ElasticsearchAuth in hooks/internal/vector/destination/loki.go, elasticsearch.go), so an empty one is
 * left out, and the agent refuses a basic or bearer authentication without it: its whole configuration is then
 * invalid.
 */
function emptyAuthProblems(block: string, auth: Json | undefined): PropProblem[] {
  if (auth === undefined) return [];
  const needed = auth.strategy === 'Bearer' ? ['token'] : auth.strategy === 'AWS' ? [] : ['user', 'password'];
  return needed
    .filter((key) => auth[key] === '')
    .map((key) => ({
      field: `${block}.auth.${key}`,
      received: '',
      expected:
        `a non-empty ${key}: log-shipper leaves an empty one out of the agent's configuration, which refuses ` +
        `${auth.strategy === 'Bearer' ? 'bearer' : 'basic'} authentication without it`,
      fix: `set the ${key}, or remove auth for a ${block === 'loki' ? 'Loki' : 'Elasticsearch'} without authentication`,
    }));
}
