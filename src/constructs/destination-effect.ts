// Props the schema accepts but log-shipper would not apply, so that the destination would not do what they say.
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
import { DestinationCheck } from './destination-field-checks';
import { isJsonObject } from './json-values';
import { AuditLogDestination } from './log-destination';

/** Destination types whose TLS is on only with a CA or a client certificate. */
export const TLS_BY_MATERIAL: readonly string[] = ['Logstash', 'Vector', 'Kafka', 'Socket'];

/** Destination types whose TLS is decided by the endpoint URL's scheme. */
const TLS_BY_SCHEME: readonly string[] = ['Loki', 'Elasticsearch', 'Splunk'];

function tlsField(destination: AuditLogDestination): string {
  return destination.type === 'Socket' ? 'socket.tcp.tls' : `${destination.type.toLowerCase()}.tls`;
}

/**
 * Refuses Elasticsearch AWS authentication (log-shipper never reads its secret key), and TLS options log-shipper
 * would ignore: TLS without a CA or client certificate on the TCP types, an
 * http:// endpoint with TLS options on the HTTP types, and Socket verify flags turned off. Reports the verify
 * flags' generic warning as this error instead.
 */
export function checkAppliedProps(destination: AuditLogDestination, check: DestinationCheck): void {
  if (
    destination.type === 'Elasticsearch' &&
    isJsonObject(destination.auth) &&
    destination.auth.strategy === 'AWS'
  ) {
    check.errors.push({
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
  const tls: unknown = destination.tls;
  if (!isJsonObject(tls)) return; // no TLS options, or ones checkTls reports
  // UDP sockets have no TLS at all: reported by the Socket check.
  if (destination.type === 'Socket' && destination.mode !== 'TCP') return;
  const field = tlsField(destination);
  if (TLS_BY_MATERIAL.includes(destination.type)) {
    if (tls.caFile === undefined && tls.clientCrt === undefined && tls.secretRef === undefined) {
      check.errors.push({
        field,
        showReceived: false,
        expected:
          `a CA or a client certificate with the TLS options (caFile, clientCrt or secretRef): log-shipper turns ` +
          `TLS on for a ${destination.type} destination only when one is given, so these options would leave ` +
          'the connection in plain text (verifyHostname and verifyCertificate unused)',
        fix:
          "add caFile: base64Pem(<PEM of the CA that signed the receiver's certificate>) or tls.secretRef " +
          '(a Secret with ca.pem); for a connection without TLS, remove tls',
      });
    }
  }
  if (destination.type === 'Socket') {
    for (const key of ['verifyHostname', 'verifyCertificate'] as const) {
      if (tls[key] !== false) continue;
      const at = `${field}.${key}`;
      // The generic "keep verification on" warning says less than this error.
      const warning = check.warnings.findIndex((w) => w.field === at);
      if (warning >= 0) check.warnings.splice(warning, 1);
      check.errors.push({
        field: at,
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
  }
  if (TLS_BY_SCHEME.includes(destination.type)) {
    const endpoint = (destination as { endpoint?: unknown }).endpoint;
    if (typeof endpoint === 'string' && /^http:\/\//i.test(endpoint)) {
      check.errors.push({
        field,
        showReceived: false,
        expected:
          `an https:// endpoint with TLS options: log-shipper sends to ${endpoint} in plain text and would not ` +
          'use them',
        fix: `use the https:// endpoint of the ${destination.type} server, or remove tls`,
      });
    }
  }
}
