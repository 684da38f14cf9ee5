// A JSON ParseMessage into `.message` (AuditTransformations.parseEvent()) leaves the audit Event as an object in
// the field every sink sends. The JSON-based encodings write it as JSON, and so does Vector's text codec
// (Loki, Splunk, Socket Text: lib/codecs encoding/format/text.rs coerce_to_bytes, JSON for a map). Three encodings
// of log-shipper do not:
// - Syslog: log-shipper builds the line in VRL (deckhouse modules/460-log-shipper/hooks/internal/vrl/syslog.go,
//   SyslogEncodingRule) with `to_string!(.message || encode_json(.))`; VRL's to_string fails on an object, the
//   remap aborts and the event leaves without its syslog header;
// - CEF: Vector's CEF encoder (lib/codecs encoding/format/cef.rs get_log_event_value) writes an object as "", so
//   the `message` extension log-shipper maps (destination/socket.go, kafka.go) is left out: no event in the record;
// - GELF: log-shipper flattens the event for GELF (vrl/codecs.go GELFCodecRelabeling, `. = flatten(.)` and
//   dots in keys turned into "_"), so the Event becomes message_* fields and there is no `message` left.
import { isJsonObject } from './json-values';
import { AuditLogDestination } from './log-destination';
import { PropProblem } from './messages';

const BROKEN: Readonly<Record<string, string>> = {
  Syslog:
    "log-shipper's Syslog rule converts .message with VRL's to_string, which fails on an object: the event " +
    'would leave without its syslog header',
  CEF: "Vector's CEF encoder writes an object as empty, so the message extension and the audit event would be left out",
  GELF: 'log-shipper flattens the event for GELF, so the parsed Event becomes message_* fields and GELF has no message',
};

/** The encoding a Socket or Kafka destination sets, if it is one that cannot send a parsed `.message`. */
function brokenEncoding(destination: AuditLogDestination): string | undefined {
  if (destination.type !== 'Socket' && destination.type !== 'Kafka') return undefined;
  const encoding: unknown = destination.encoding;
  return typeof encoding === 'string' && encoding in BROKEN ? encoding : undefined;
}

/**
 * The JSON ParseMessage into `.message` of a destination whose encoding cannot send the object it makes
 * (transformations already known to be an array).
 */
export function parsedMessageEncodingProblems(
  destination: AuditLogDestination,
  transformations: readonly unknown[],
): PropProblem[] {
  const encoding = brokenEncoding(destination);
  if (encoding === undefined) return [];
  const index = transformations.findIndex((t) => {
    if (!isJsonObject(t) || t.action !== 'ParseMessage' || !isJsonObject(t.parseMessage)) return false;
    const { sourceFormat, targetLabel } = t.parseMessage;
    return sourceFormat === 'JSON' && (targetLabel === undefined || targetLabel === '.message');
  });
  if (index < 0) return [];
  return [
    {
      field: `transformations[${index}]`,
      received: transformations[index],
      expected:
        `no JSON parse of .message with encoding "${encoding}": it makes the audit Event an object, and ` +
        BROKEN[encoding],
      fix:
        'leave the ParseMessage (and the steps that need it, such as dropBodies) out for this destination, ' +
        'or use encoding "JSON", which sends the parsed Event as JSON',
    },
  ];
}
