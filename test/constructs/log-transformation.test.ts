import { Testing } from 'cdk8s';
import {
  AuditLogDestination,
  AuditLogShipping,
  AuditTransformations,
  LogTransformation,
} from '../../src/constructs';
import { ofKind, synthError, synthValid } from './helpers';

function loki(transformations: readonly LogTransformation[]): AuditLogDestination {
  return { type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com', transformations };
}

function render(destination: AuditLogDestination) {
  const chart = Testing.chart();
  new AuditLogShipping(chart, 'Shipping', { destinations: [destination] });
  return chart;
}

// One of each action, in the shapes of the CRD's own x-doc-examples (cluster-log-destination.yaml).
const EVERY_ACTION: LogTransformation[] = [
  { action: 'ReplaceKeys', replaceKeys: { source: '.', target: '_', labels: ['.pod_labels'] } },
  {
    action: 'ParseMessage',
    parseMessage: {
      sourceFormat: 'String',
      string: { regex: '^(?P<msg>.*)$', setLabels: { msg: '{{ msg }}' } },
    },
  },
  { action: 'ParseMessage', parseMessage: { sourceFormat: 'Klog' } },
  { action: 'ParseMessage', parseMessage: { sourceFormat: 'JSON', targetLabel: '.', json: { depth: 1 } } },
  { action: 'DropLabels', dropLabels: { labels: ['.first', '.second'] } },
  {
    action: 'AddLabels',
    addLabels: {
      when: ['.namespace == "production"'],
      setLabels: { '.env': 'prod', '.source_app': '{{ .pod_labels.app }}' },
    },
  },
  { action: 'ReplaceValue', replaceValue: { source: '\\d+', target: 'REDACTED', labels: ['.message'] } },
];

describe('transformations', () => {
  test('every action synthesizes in the CRD shape, in order, and validates against the schema', () => {
    const objects = synthValid(render(loki(EVERY_ACTION)));
    const [destination] = ofKind(objects, 'ClusterLogDestination');
    expect(destination.spec.transformations).toEqual(EVERY_ACTION);
  });

  test('AuditTransformations: dropBodies and dropManagedFields are DropLabels on the audit Event fields', () => {
    expect(AuditTransformations.dropBodies()).toEqual({
      action: 'DropLabels',
      dropLabels: { labels: ['.requestObject', '.responseObject'] },
    });
    expect(AuditTransformations.dropManagedFields()).toEqual({
      action: 'DropLabels',
      dropLabels: {
        labels: ['.requestObject.metadata.managedFields', '.responseObject.metadata.managedFields'],
      },
    });
    const objects = synthValid(
      render({
        type: 'Elasticsearch',
        name: 'archive',
        endpoint: 'https://es.example.com:9200',
        transformations: [AuditTransformations.dropManagedFields(), AuditTransformations.dropBodies()],
      }),
    );
    expect(ofKind(objects, 'ClusterLogDestination')[0].spec.transformations).toHaveLength(2);
  });

  test.each<[string, unknown, string]>([
    [
      'a path without the leading dot',
      { action: 'DropLabels', dropLabels: { labels: ['requestObject'] } },
      'transformations[0].dropLabels.labels[0]: received "requestObject", expected a Vector path starting with "." matching ^\\.',
    ],
    [
      'keepChildKeys (not settled upstream)',
      { action: 'DropLabels', dropLabels: { labels: ['.pod_labels'], keepChildKeys: ['app'] } },
      'transformations[0].dropLabels.keepChildKeys: received ["app"], expected dropLabels with labels only',
    ],
    [
      'ParseMessage String without its string block',
      { action: 'ParseMessage', parseMessage: { sourceFormat: 'String' } },
      'transformations[0].parseMessage.string: received nothing, expected a value (the schema requires it)',
    ],
    [
      'a targetLabel the CRD forbids',
      { action: 'ParseMessage', parseMessage: { sourceFormat: 'JSON', targetLabel: '.parsed_data' } },
      'transformations[0].parseMessage.targetLabel: received ".parsed_data", expected a target other than .parsed_data',
    ],
    [
      'the deprecated targetField',
      { action: 'ParseMessage', parseMessage: { sourceFormat: 'String', string: { targetField: 'msg' } } },
      'transformations[0].parseMessage.string.targetField: received "msg", expected regex and setLabels',
    ],
    [
      'an unknown action',
      { action: 'Redact', dropLabels: { labels: ['.x'] } },
      'transformations[0].action: received "Redact", expected one of ReplaceKeys, ParseMessage, DropLabels, AddLabels, ReplaceValue',
    ],
    [
      'an action without its block',
      { action: 'AddLabels', dropLabels: { labels: ['.x'] } },
      'transformations[0].addLabels: received nothing, expected a value (the schema requires it)',
    ],
    [
      'a misspelt field in a block',
      { action: 'ReplaceValue', replaceValue: { source: 'x', target: 'y', label: ['.message'] } },
      'transformations[0].replaceValue.label: received [".message"], expected no field "label" (the schema does not know it; did you mean "labels"?). Fix: rename it to "labels"',
    ],
    [
      'an AddLabels key without the leading dot',
      { action: 'AddLabels', addLabels: { setLabels: { env: 'prod' } } },
      'transformations[0].addLabels.setLabels.env: received "env", expected a target path starting with "."',
    ],
    [
      'a JSON depth below the minimum',
      { action: 'ParseMessage', parseMessage: { sourceFormat: 'JSON', json: { depth: 0 } } },
      'transformations[0].parseMessage.json.depth: received 0, expected a value >= 1',
    ],
    [
      'an unknown source format',
      { action: 'ParseMessage', parseMessage: { sourceFormat: 'XML' } },
      'transformations[0].parseMessage.sourceFormat: received "XML", expected one of String, JSON, Klog, SysLog, CLF, Logfmt',
    ],
  ])('%s: one message naming the field', (_name, transformation, expected) => {
    const message = synthError(render(loki([transformation as LogTransformation])));
    expect(message).toContain(`[test/Shipping] destinations[0].${expected}`);
    expect(message.split('\n').filter((l) => l.startsWith('  ['))).toHaveLength(1);
  });

  test('transformations that are not a list of objects are refused without a crash', () => {
    expect(synthError(render(loki('DropLabels' as never)))).toContain(
      'destinations[0].transformations: received "DropLabels", expected an array of { action, <action block> }',
    );
    expect(synthError(render(loki([null as never])))).toContain(
      'destinations[0].transformations[0]: received null, expected an object',
    );
  });
});
