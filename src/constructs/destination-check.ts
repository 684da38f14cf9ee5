// The check of one destination's props. Facts the ClusterLogDestination schema holds (enums, patterns,
// required fields, CEF and transformation shapes) are checked by validating the object the props render
// to, and reported as the props' problems (destination-render-check.ts); by hand only what the schema
// cannot say (destination-field-checks.ts and the per-type checks here). Inline credentials:
// credential-scan.ts.
import {
  checkExtraLabels,
  checkTls,
  checkTransformations,
  DestinationCheck,
  DNS_SUBDOMAIN,
  COMMON_PROPS,
  NESTED_PROPS,
  TYPE_PROPS,
  unknownProps,
} from './destination-field-checks';
import { coveredBy, credentialProblems, decodingProblems, schemaProblems } from './destination-render-check';
import { destinationManifest } from './destination-spec';
import { unappliedFieldProblems } from './destination-effect';
import {
  appendedPathProblems,
  indexNameProblems,
  kafkaTopicProblems,
  socketAddressProblems,
  splunkIndexProblems,
} from './destination-endpoints';
import { isJsonObject } from './json-values';
import { AuditLogDestination, LOG_DESTINATION_TYPES } from './log-destination';
import { notInAbsentFieldWarnings } from './filter-absent-fields';
import { checkLogFilters } from './log-filter';
import { PropProblem } from './messages';
import { DISK_BUFFER_MAX_BYTES, DISK_BUFFER_MIN_BYTES, parseQuantity } from './quantity';

const UINT32_MAX = 4294967295;
const INT32_MAX = 2147483647;

export type { DestinationCheck } from './destination-field-checks';
export { HIGH_CARDINALITY_FIELDS, RESERVED_EXTRA_LABELS } from './destination-field-checks';

// Logstash's endpoint is host:port (a TCP input), but the CRD has no pattern for it (Vector's has).
const HOST_PORT = /^(.+):([0-9]{1,5})$/;

// The port of an absolute URL as written (`https://user@host:99999/path` -> "99999"), or undefined: read by hand,
// since the URL parser refuses a port over 65535 without saying why.
const URL_PORT = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:@]*):([0-9]+)(?:[/?#]|$)/;

function urlProblems(value: unknown, field: string, example: string): PropProblem[] {
  if (typeof value !== 'string' || value.length === 0) {
    return [{ field, received: value, expected: 'a URL', fix: `e.g. "${example}"` }];
  }
  // The URL parser drops tabs and newlines and trims spaces, so "https://x\n.com" parsed as https://x.com
  // while the manifest kept the raw text.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(value)) {
    return [
      {
        field,
        received: value,
        expected: 'a URL without spaces or control characters',
        fix: 'remove the whitespace (percent-encode a space in a path as %20)',
      },
    ];
  }
  const port = URL_PORT.exec(value)?.[1];
  if (port !== undefined) {
    const problems = portRangeProblems(`:${port}`, value, field, example);
    if (problems.length > 0) return problems;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [
      /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(value)
        ? {
            field,
            received: value,
            expected:
              'an absolute http(s) URL the agent can parse (a host name or IP address, an optional port)',
            fix: `correct the host and port, e.g. "${example}"`,
          }
        : {
            field,
            received: value,
            expected: 'an absolute http(s) URL',
            fix: `add the scheme, e.g. "${example}"`,
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

// The CRD's patterns accept any digits after the colon (Vector's and Kafka's `{1,5}`, the Socket's `[1-9][0-9]+`,
// none for Logstash): "host:99999" or "host:0" pass, but a TCP or UDP port is 1 to 65535 (port 0 is reserved and
// cannot be connected to: RFC 6335, section 6), so the agent cannot connect. `text` is checked; the problem quotes
// `received`.
function portRangeProblems(text: unknown, received: unknown, field: string, example: string): PropProblem[] {
  const port = typeof text === 'string' ? /:([0-9]+)$/.exec(text)?.[1] : undefined;
  if (port === undefined || (Number(port) >= 1 && Number(port) <= 65535)) return [];
  return [
    {
      field,
      received,
      expected: `a port from 1 to 65535 (received port ${port.length > 6 ? `${port.slice(0, 6)}...` : port})`,
      fix: `e.g. "${example}"`,
    },
  ];
}

// The disk buffer the agent gets for a size over the uint32 range (log-shipper raises a result under the minimum).
function describeWrapped(size: number): string {
  if (!Number.isSafeInteger(Math.ceil(size))) return 'its low 32 bits';
  const wrapped = Number(BigInt(Math.ceil(size)) % 4294967296n);
  return wrapped < DISK_BUFFER_MIN_BYTES
    ? `${wrapped} bytes, raised to the ${DISK_BUFFER_MIN_BYTES}-byte minimum`
    : `${wrapped} bytes`;
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
  // The package's own switches are no CRD fields, so no schema types them: a "true" from YAML or JSON read as
  // false would refuse the credentials the user allowed with a message that tells them to allow them.
  for (const flag of ['allowInlineCredentials', 'allowHighCardinalityLabels'] as const) {
    const value = (destination as Record<string, unknown>)[flag];
    if (value !== undefined && typeof value !== 'boolean') {
      check.errors.push({
        field: flag,
        received: value,
        expected: 'true or false',
        fix: `write ${flag}: true or false, unquoted`,
      });
    }
  }
  let mappable = true;
  for (const [prop, allowed] of Object.entries(NESTED_PROPS)) {
    // A block inside a block (tls.secretRef) is looked at when its parent is an object; the parent's own
    // problem is reported by its entry.
    const [parent, child] = prop.split('.');
    const holder = child === undefined ? destination : (destination as Record<string, unknown>)[parent];
    if (!isJsonObject(holder)) continue;
    const value = holder[child ?? parent];
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
      check.errors.push(...urlProblems(destination.endpoint, 'loki.endpoint', 'https://loki.example.com'));
      check.errors.push(...appendedPathProblems('Loki', destination.endpoint, 'loki.endpoint'));
      // Sent as the X-Scope-OrgID header: a control character would end or split the header.
      // eslint-disable-next-line no-control-regex
      if (typeof destination.tenantId === 'string' && /[\u0000-\u001f\u007f]/.test(destination.tenantId)) {
        check.errors.push({
          field: 'loki.tenantId',
          received: destination.tenantId,
          expected: 'a tenant ID without control characters (it is sent as the X-Scope-OrgID header)',
          fix: 'e.g. "audit"',
        });
      }
      break;
    case 'Elasticsearch':
      check.errors.push(
        ...urlProblems(destination.endpoint, 'elasticsearch.endpoint', 'https://es.example.com:9200'),
      );
      check.errors.push(
        ...appendedPathProblems('Elasticsearch', destination.endpoint, 'elasticsearch.endpoint'),
      );
      check.errors.push(...indexNameProblems(destination.index, 'elasticsearch.index'));
      break;
    case 'Splunk':
      check.errors.push(
        ...urlProblems(destination.endpoint, 'splunk.endpoint', 'https://splunk.example.com:8088'),
      );
      check.errors.push(...appendedPathProblems('Splunk', destination.endpoint, 'splunk.endpoint'));
      check.errors.push(...splunkIndexProblems(destination.index, 'splunk.index'));
      // The CRD requires a token; an empty one passes `required` and every request is then refused by Splunk.
      if (destination.token === '') {
        check.errors.push({
          field: 'splunk.token',
          received: '',
          expected: 'the HEC token (the CRD requires one)',
          fix: 'set the token of the Splunk HTTP Event Collector',
        });
      }
      break;
    case 'Logstash':
      if (typeof destination.endpoint !== 'string' || !HOST_PORT.test(destination.endpoint)) {
        check.errors.push({
          field: 'logstash.endpoint',
          received: destination.endpoint,
          expected: `host:port matching ${HOST_PORT.source}`,
          fix: 'e.g. "logstash.example.com:5044"',
        });
      } else {
        check.errors.push(
          ...portRangeProblems(
            destination.endpoint,
            destination.endpoint,
            'logstash.endpoint',
            'logstash.example.com:5044',
          ),
        );
        check.errors.push(
          ...socketAddressProblems(destination.endpoint, 'logstash.endpoint', 'logstash.example.com:5044'),
        );
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
      if (Array.isArray(destination.bootstrapServers)) {
        destination.bootstrapServers.forEach((server: unknown, i) =>
          check.errors.push(
            ...portRangeProblems(server, server, `kafka.bootstrapServers[${i}]`, 'kafka-0.example.com:9093'),
          ),
        );
      }
      if (typeof destination.topic !== 'string' || destination.topic.length === 0) {
        check.errors.push({
          field: 'kafka.topic',
          received: destination.topic,
          expected: 'a topic name',
          fix: 'e.g. "kube-audit"',
        });
      } else check.errors.push(...kafkaTopicProblems(destination.topic, 'kafka.topic'));
      break;
    case 'Vector':
      check.errors.push(
        ...portRangeProblems(
          destination.endpoint,
          destination.endpoint,
          'vector.endpoint',
          'vector.example.com:6000',
        ),
      );
      break;
    case 'Socket':
      check.errors.push(
        ...portRangeProblems(
          destination.address,
          destination.address,
          'socket.address',
          'siem.example.com:6514',
        ),
      );
      check.errors.push(
        ...socketAddressProblems(destination.address, 'socket.address', 'siem.example.com:6514'),
      );
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
    // The schema checks the quantity's form; the CRD states the minimum only in prose.
    const size =
      buffer.type === 'Disk' && (typeof buffer.maxSize === 'string' || typeof buffer.maxSize === 'number')
        ? parseQuantity(buffer.maxSize)
        : undefined;
    if (size !== undefined && size < DISK_BUFFER_MIN_BYTES) {
      check.errors.push({
        field: 'buffer.maxSize',
        received: buffer.maxSize,
        expected: `at least ${DISK_BUFFER_MIN_BYTES} bytes (~256 MB: the CRD's minimum for a disk buffer; log-shipper refuses a smaller one or raises it to the minimum)`,
        fix: 'e.g. "1Gi" (the default), or a Memory buffer',
      });
    }
    // resource.Quantity's Value() rounds up to a whole byte before log-shipper's uint32 conversion.
    if (size !== undefined && Math.ceil(size) > DISK_BUFFER_MAX_BYTES) {
      check.errors.push({
        field: 'buffer.maxSize',
        received: buffer.maxSize,
        expected:
          `at most ${DISK_BUFFER_MAX_BYTES} bytes (log-shipper passes the size to the agent as a uint32, which ` +
          `keeps only its low 32 bits: this size would become ${describeWrapped(size)})`,
        fix: 'e.g. "4095Mi", the largest whole MiB it keeps',
      });
    }
    // log-shipper decodes it into a uint32 (apis/v1alpha1 BufferMemory.MaxEvents).
    const maxEvents = buffer.maxEvents;
    if (
      typeof maxEvents === 'number' &&
      (!Number.isInteger(maxEvents) || maxEvents < 1 || maxEvents > UINT32_MAX)
    ) {
      check.errors.push({
        field: 'buffer.maxEvents',
        received: maxEvents,
        expected: `a whole number of events from 1 to ${UINT32_MAX} (log-shipper reads it as an unsigned 32-bit integer)`,
        fix: 'e.g. 10000',
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
    // log-shipper decodes it into an int32 (apis/v1alpha1 RateLimitSpec.LinesPerMinute).
    const lines = rl.linesPerMinute;
    if (typeof lines === 'number' && !(Number.isInteger(lines) && lines > 0 && lines <= INT32_MAX)) {
      check.errors.push({
        field: 'rateLimit.linesPerMinute',
        received: lines,
        expected: `a whole number from 1 to ${INT32_MAX} (log-shipper reads it as a signed 32-bit integer)`,
        fix: 'e.g. 60000',
      });
    }
    // The record fields they name are checked on the rendered spec (record-fields.ts, via unappliedFieldProblems).
    const excludes = checkLogFilters(rl.excludes, 'rateLimit.excludes', true);
    mappable &&= !excludes.some(
      (p) => p.field === 'rateLimit.excludes' || /^rateLimit\.excludes\[\d+\]$/.test(p.field),
    );
    check.errors.push(...excludes);
    check.warnings.push({
      field: 'rateLimit',
      received: rl,
      expected: 'no rate limit on audit data',
      fix:
        'events over the limit are dropped; exclude security-relevant events with rateLimit.excludes (on the ' +
        `event's text: contains('message', '"resource":"secrets"')) or remove the limit`,
    });
  }
  checkExtraLabels(destination, check);
  checkTransformations(destination, check);
  const transformations = destination.transformations;
  // The generated classes map lists with .map: a transformation, or a dropLabels.labels, of another type is
  // reported above and not rendered.
  mappable &&=
    transformations === undefined ||
    (Array.isArray(transformations) &&
      transformations.every(
        (t) =>
          isJsonObject(t) &&
          (!isJsonObject(t.dropLabels) ||
            t.dropLabels.labels === undefined ||
            Array.isArray(t.dropLabels.labels)),
      ));
  (Array.isArray(destination.selections) ? destination.selections : []).forEach((selection, i) => {
    if (typeof selection?.name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(selection.name)) {
      check.errors.push({
        field: `selections[${i}].name`,
        received: selection?.name,
        // The name becomes part of a ClusterLoggingConfig name (a DNS subdomain, length checked on the joined
        // name); no dots, so that the joined name stays one label-like word.
        expected: 'a name of lowercase letters, digits and "-" that starts and ends with a letter or digit',
        fix: 'e.g. "rbac"',
      });
    }
    if (!Array.isArray(selection?.filters) || selection.filters.length === 0) {
      check.errors.push({
        field: `selections[${i}].filters`,
        received: selection?.filters,
        expected: 'at least one filter',
        fix: 'an empty selection is every event: drop `selections` instead',
      });
    }
    check.errors.push(...checkLogFilters(selection?.filters, `selections[${i}].filters`));
    check.warnings.push(...notInAbsentFieldWarnings(selection?.filters, `selections[${i}].filters`));
  });

  if (mappable) {
    const manifest = destinationManifest(destination);
    const reported = [...check.errors];
    check.errors.push(...schemaProblems(manifest).filter((p) => !coveredBy(p.field, reported)));
    check.errors.push(...credentialProblems(manifest, destination.allowInlineCredentials === true));
    const unapplied = unappliedFieldProblems(manifest.spec);
    check.errors.push(...unapplied);
    // A Socket's verify flag refused above needs no "keep verification on" warning beside it.
    const refusedFlags = new Set(unapplied.map((p) => p.field.replace(/^socket\.tcp\./, 'socket.tcp.tls.')));
    check.warnings.splice(
      0,
      check.warnings.length,
      ...check.warnings.filter((w) => !refusedFlags.has(w.field)),
    );
    // An inline secret refused above is to be removed, not re-encoded: one message for it.
    const refused = [...check.errors];
    check.errors.push(...decodingProblems(manifest).filter((p) => !coveredBy(p.field, refused)));
  }
  return check;
}
