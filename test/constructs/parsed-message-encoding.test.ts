import { Testing } from 'cdk8s';
import { AuditLogDestination, AuditLogShipping, AuditTransformations } from '../../src/constructs';
import { synthError, synthValid } from './helpers';

// What each sink does with `.message` once AuditTransformations.parseEvent() made it an object:
// - Syslog (Socket): deckhouse modules/460-log-shipper/hooks/internal/vrl/syslog.go builds the line with
//   `to_string!(.message || encode_json(.))`, and VRL's to_string takes no object;
// - CEF (Socket, Kafka): vector lib/codecs/src/encoding/format/cef.rs get_log_event_value gives "" for an object, so
//   the `message` extension (hooks/internal/vector/destination/socket.go) is skipped;
// - GELF (Socket): vrl/codecs.go GELFCodecRelabeling runs `. = flatten(.)` over the event;
// - Text (Socket, and Loki/Splunk, which log-shipper gives codec "text"): vector format/text.rs coerce_to_bytes
//   serializes a map as JSON.
const PARSED = [AuditTransformations.parseEvent(), AuditTransformations.dropBodies()];

function shipping(destination: AuditLogDestination) {
  const chart = Testing.chart();
  new AuditLogShipping(chart, 'Shipping', { destinations: [destination] });
  return chart;
}

describe('a parsed .message and the encoding that sends it', () => {
  test.each<[string, AuditLogDestination, string]>([
    [
      'Socket Syslog',
      {
        type: 'Socket',
        name: 's',
        address: 's:6514',
        mode: 'TCP',
        encoding: 'Syslog',
        transformations: PARSED,
      },
      'without its syslog header',
    ],
    [
      'Socket CEF',
      { type: 'Socket', name: 's', address: 's:6514', mode: 'TCP', encoding: 'CEF', transformations: PARSED },
      'the message extension and the audit event would be left out',
    ],
    [
      'Kafka CEF',
      {
        type: 'Kafka',
        name: 'k',
        bootstrapServers: ['k:9092'],
        topic: 't',
        encoding: 'CEF',
        transformations: PARSED,
      },
      'the message extension and the audit event would be left out',
    ],
    [
      'Socket GELF',
      {
        type: 'Socket',
        name: 's',
        address: 's:12201',
        mode: 'TCP',
        encoding: 'GELF',
        transformations: PARSED,
      },
      'GELF has no message',
    ],
  ])('%s is refused at synth with the fix', (_name, destination, why) => {
    const message = synthError(shipping(destination));
    expect(message).toContain('destinations[0].transformations[0]');
    expect(message).toContain(why);
    expect(message).toContain('use encoding "JSON"');
  });

  test.each<[string, AuditLogDestination]>([
    [
      'Socket Text',
      {
        type: 'Socket',
        name: 's',
        address: 's:6514',
        mode: 'TCP',
        encoding: 'Text',
        transformations: PARSED,
      },
    ],
    ['Socket JSON', { type: 'Socket', name: 's', address: 's:6514', mode: 'TCP', transformations: PARSED }],
    [
      'Kafka JSON',
      { type: 'Kafka', name: 'k', bootstrapServers: ['k:9092'], topic: 't', transformations: PARSED },
    ],
    [
      'Splunk',
      {
        type: 'Splunk',
        name: 'sp',
        endpoint: 'https://splunk.example.com',
        token: 'x',
        transformations: PARSED,
      },
    ],
    [
      'Socket Syslog without a parse',
      { type: 'Socket', name: 's', address: 's:6514', mode: 'TCP', encoding: 'Syslog' },
    ],
  ])('%s synthesizes', (_name, destination) => {
    const manifests = synthValid(
      shipping({ ...destination, allowInlineCredentials: true } as AuditLogDestination),
    );
    expect(manifests.some((m) => m.kind === 'ClusterLogDestination')).toBe(true);
  });
});
