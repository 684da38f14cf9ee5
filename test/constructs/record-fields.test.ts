// The two keys a ClusterLogDestination names in the log record are different kinds of value in the agent:
// - rateLimit.keyField: Deckhouse's hook passes it unchanged as the throttle transform's key_field (deckhouse
//   modules/460-log-shipper/hooks/testdata/throttle-with-filter at 50d4fe1f: `keyField: namespace` →
//   `"key_field": "namespace"`), which Vector reads as a template (vectordotdev/vector
//   src/transforms/throttle/config.rs at cffec416: `key_field: Option<Template>`; transform.rs at bfb99c58 renders
//   it per event): "{{ namespace }}" keys by the field, a bare "namespace" is one constant key for every event;
// - kafka.keyField: passed unchanged as the Kafka sink's key_field (testdata/file-to-kafka at c5db5495:
//   `"key_field": "host"`), a field path in Vector (src/sinks/kafka/config.rs at bee77fb4:
//   `key_field: Option<ConfigTargetPath>`), not a template.
// Both, and rateLimit.excludes, are checked on the rendered object at synth as well, so an escape-hatch patch that
// puts an audit event field back fails synth like the props do.
import { JsonPatch, Testing } from 'cdk8s';
import { AuditLogDestination, AuditLogShipping, checkDestination } from '../../src/constructs';
import { synthError, synthValid } from './helpers';

const LOKI = { type: 'Loki' as const, name: 'l', endpoint: 'https://loki' };
const KAFKA = { type: 'Kafka' as const, name: 'k', bootstrapServers: ['k:9093'], topic: 't' };

function errors(destination: AuditLogDestination) {
  return checkDestination(destination).errors;
}

describe('the rate-limit key is a Vector template', () => {
  test('a bare field name is one key for every event: refused, with the template to write', () => {
    const [problem, ...rest] = errors({ ...LOKI, rateLimit: { linesPerMinute: 600, keyField: 'node' } });
    expect(rest).toEqual([]);
    expect(problem.field).toBe('rateLimit.keyField');
    expect(problem.expected).toContain('the same key for every event');
    expect(problem.fix).toContain('"{{ node }}"');
  });

  test('a template on a record field is accepted and rendered as it is', () => {
    const d: AuditLogDestination = { ...LOKI, rateLimit: { linesPerMinute: 600, keyField: '{{ node }}' } };
    expect(errors(d)).toEqual([]);
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', { destinations: [d] });
    const [object] = synthValid(chart).filter((o) => o.kind === 'ClusterLogDestination');
    expect(object.spec.rateLimit.keyField).toBe('{{ node }}');
  });

  test('a template on an audit event field names nothing in the record: refused', () => {
    const [problem] = errors({
      ...LOKI,
      rateLimit: { linesPerMinute: 600, keyField: '{{ user.username }}' },
    });
    expect(problem.field).toBe('rateLimit.keyField');
    expect(problem.expected).toContain('"user.username" names nothing there');
  });
});

describe("Kafka's key is a field path", () => {
  test('a template is no path: refused, with the path to write', () => {
    const [problem, ...rest] = errors({ ...KAFKA, keyField: '{{ host }}' });
    expect(rest).toEqual([]);
    expect(problem.field).toBe('kafka.keyField');
    expect(problem.fix).toContain('"host"');
  });

  test('a record field path is accepted', () => {
    expect(errors({ ...KAFKA, keyField: 'host' })).toEqual([]);
  });
});

describe('an escape-hatch patch is checked like the props', () => {
  test('audit event fields patched into rateLimit and kafka.keyField fail synth', () => {
    const chart = Testing.chart();
    const shipping = new AuditLogShipping(chart, 'Shipping', {
      destinations: [
        { ...LOKI, rateLimit: { linesPerMinute: 600 } },
        { ...KAFKA, keyField: 'host' },
      ],
    });
    shipping.destinations
      .get('l')!
      .addJsonPatch(
        JsonPatch.add('/spec/rateLimit/keyField', '{{ objectRef.namespace }}'),
        JsonPatch.add('/spec/rateLimit/excludes', [{ field: 'objectRef.resource', operator: 'Exists' }]),
      );
    shipping.destinations.get('k')!.addJsonPatch(JsonPatch.replace('/spec/kafka/keyField', 'user.username'));
    const message = synthError(chart);
    expect(message).toContain(
      '[test/Shipping] destinations[0].rateLimit.keyField: received "{{ objectRef.namespace }}"',
    );
    expect(message).toContain(
      '[test/Shipping] destinations[0].rateLimit.excludes[0].field: received "objectRef.resource"',
    );
    expect(message).toContain('[test/Shipping] destinations[1].kafka.keyField: received "user.username"');
    expect(message).toContain('(an escape-hatch patch?)');
  });

  test('a patch that turns the rate-limit key into plain text fails synth', () => {
    const chart = Testing.chart();
    const shipping = new AuditLogShipping(chart, 'Shipping', {
      destinations: [{ ...LOKI, rateLimit: { linesPerMinute: 600, keyField: '{{ node }}' } }],
    });
    shipping.destinations.get('l')!.addJsonPatch(JsonPatch.replace('/spec/rateLimit/keyField', 'node'));
    expect(synthError(chart)).toContain(
      'destinations[0].rateLimit.keyField: received "node", expected a Vector template',
    );
  });
});
