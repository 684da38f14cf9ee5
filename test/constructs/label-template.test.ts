import { Testing } from 'cdk8s';
import { AuditLogShipping } from '../../src/constructs';
import { labelTemplateProblem } from '../../src/constructs/label-template';
import { synthError, synthValid } from './helpers';

// log-shipper's template regex (deckhouse modules/460-log-shipper/hooks/internal/vector/transform/extra_fields.go,
// vector/destination/loki.go: validMustacheTemplate) wants a letter or digit first; the CRD's spec.extraLabels
// pattern also takes "\" and "-" (crds/cluster-log-destination.yaml). loki.go writes a template label as
// `{{ parsed_data.<path> }}`; extra_fields.go as `.parsed_data.<path>` (extra_fields_test.go:
// `{{ simple_template }}` → `if exists(.parsed_data.simple_template) { .key1=.parsed_data.simple_template }`).
const HOOK_TEMPLATE = /^\{\{ ([a-zA-Z0-9][a-zA-Z0-9[\]_\\\-.]+) \}\}$/;
const CRD_TEMPLATE = /^\{\{ [a-zA-Z0-9\\-][a-zA-Z0-9[\]_\\\-.]+ \}\}$/;

function lokiWith(extraLabels: Record<string, string>) {
  const chart = Testing.chart();
  new AuditLogShipping(chart, 'Shipping', {
    destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com', extraLabels }],
  });
  return chart;
}

describe('extraLabels templates as log-shipper reads them', () => {
  test.each([
    ['{{ -verb }}', 'write "{{ verb }}"'],
    ['{{ \\.verb }}', 'write "{{ verb }}"'],
  ])('%s passes the CRD but is no template to log-shipper: refused', (value, fix) => {
    expect(CRD_TEMPLATE.test(value)).toBe(true);
    expect(HOOK_TEMPLATE.test(value)).toBe(false);
    const message = synthError(lokiWith({ audit_verb: value }));
    expect(message).toContain(`extraLabels.audit_verb: received ${JSON.stringify(value)}`);
    expect(message).toContain('sends this text itself as the label');
    expect(message).toContain(`Fix: ${fix}`);
  });

  test('a path that names parsed_data itself is refused for the path below it', () => {
    const message = synthError(lokiWith({ audit_verb: '{{ parsed_data.verb }}' }));
    expect(message).toContain('parsed_data.parsed_data');
    expect(message).toContain('Fix: write "{{ verb }}"');
    expect(labelTemplateProblem('{{ parsed_data }}')?.fix).toContain('name one field of the event');
  });

  test('a template log-shipper reads passes', () => {
    for (const value of ['{{ verb }}', '{{ objectRef.resource }}', '{{ sourceIPs[0] }}', 'plain']) {
      expect(labelTemplateProblem(value)).toBeUndefined();
    }
    const manifests = synthValid(lokiWith({ audit_verb: '{{ verb }}' }));
    const destination = manifests.find((m) => m.kind === 'ClusterLogDestination')!;
    expect(destination.spec.extraLabels.audit_verb).toBe('{{ verb }}');
  });
});

describe('a template the CRD refuses for its path', () => {
  test('an annotation (a key that needs quotes) is refused once, saying why, not "write one space inside the braces"', () => {
    const value = '{{ annotations."authorization.k8s.io/decision" }}';
    expect(CRD_TEMPLATE.test(value)).toBe(false);
    const message = synthError(lokiWith({ decision: value }));
    const lines = message.split('\n').filter((l) => l.includes('extraLabels.decision'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('expected a template whose path holds only letters, digits');
    expect(lines[0]).toContain('cannot fill a label');
    expect(lines[0]).not.toContain('one space inside the braces');
  });
});
