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

  // Deckhouse's VRL for these actions (modules/460-log-shipper/hooks/internal/vrl/transformation.go): ParseMessage
  // JSON is `if is_string(.message) { .message = parse_json(.message) ?? .message }`, DropLabels is
  // `if exists(PATH) { del(PATH) }`; the audit Event is the log line's JSON text in `.message` (the File source).
  test('AuditTransformations: parseEvent parses .message; dropBodies and dropManagedFields drop paths inside it', () => {
    expect(AuditTransformations.parseEvent()).toEqual({
      action: 'ParseMessage',
      parseMessage: { sourceFormat: 'JSON' },
    });
    expect(AuditTransformations.dropBodies()).toEqual({
      action: 'DropLabels',
      dropLabels: { labels: ['.message.requestObject', '.message.responseObject'] },
    });
    expect(AuditTransformations.dropManagedFields()).toEqual({
      action: 'DropLabels',
      dropLabels: {
        labels: [
          '.message.requestObject.metadata.managedFields',
          '.message.responseObject.metadata.managedFields',
        ],
      },
    });
    const objects = synthValid(
      render({
        type: 'Elasticsearch',
        name: 'archive',
        endpoint: 'https://es.example.com:9200',
        transformations: [
          AuditTransformations.parseEvent(),
          AuditTransformations.dropManagedFields(),
          AuditTransformations.dropBodies(),
        ],
      }),
    );
    expect(ofKind(objects, 'ClusterLogDestination')[0].spec.transformations).toHaveLength(3);
  });

  test.each<[string, LogTransformation[], string]>([
    [
      'dropBodies without the parse: .message is still the line as a string',
      [AuditTransformations.dropBodies()],
      'transformations[0].dropLabels.labels[0]: received ".message.requestObject", expected a path inside .message only after a ParseMessage (sourceFormat JSON) made it an object',
    ],
    [
      'the parse after the step that needs it',
      [AuditTransformations.dropBodies(), AuditTransformations.parseEvent()],
      'transformations[0].dropLabels.labels[0]: received ".message.requestObject", expected a path inside .message only after',
    ],
    [
      'an Event field at the root, where no log event has it',
      [{ action: 'DropLabels', dropLabels: { labels: ['.requestObject'] } }],
      'transformations[0].dropLabels.labels[0]: received ".requestObject", expected a path where the event has it: the audit Event is the JSON text in .message, not fields at the root, so this path names nothing. Fix: write ".message.requestObject" and put AuditTransformations.parseEvent()',
    ],
    [
      'a misspelt Event field at the root',
      [{ action: 'ReplaceValue', replaceValue: { source: 'x', target: 'y', labels: ['.objectref.name'] } }],
      'transformations[0].replaceValue.labels[0]: received ".objectref.name", expected a path where the event has it',
    ],
    [
      'a path deeper than the parse went',
      [
        { action: 'ParseMessage', parseMessage: { sourceFormat: 'JSON', json: { depth: 1 } } },
        AuditTransformations.dropManagedFields(),
      ],
      'transformations[1].dropLabels.labels[0]: received ".message.requestObject.metadata.managedFields", expected a path at most 1 level below .message',
    ],
    [
      'a misspelt Event field after the parse',
      [
        AuditTransformations.parseEvent(),
        { action: 'DropLabels', dropLabels: { labels: ['.message.requestObjects'] } },
      ],
      'transformations[1].dropLabels.labels[0]: received ".message.requestObjects", expected a field of an audit.k8s.io/v1 Event (a path no event has matches nothing). Fix: did you mean ".message.requestObject"?',
    ],
    [
      'a misspelt Event field after a parse into the root',
      [
        { action: 'ParseMessage', parseMessage: { sourceFormat: 'JSON', targetLabel: '.' } },
        { action: 'ReplaceKeys', replaceKeys: { source: '.', target: '_', labels: ['.user.extras'] } },
      ],
      'transformations[1].replaceKeys.labels[0]: received ".user.extras", expected a field of an audit.k8s.io/v1 Event (a path no event has matches nothing). Fix: did you mean ".user.extra"?',
    ],
  ])('%s: refused at synth, naming the path and the fix', (_name, transformations, expected) => {
    const message = synthError(render(loki(transformations)));
    expect(message).toContain(`[test/Shipping] destinations[0].${expected}`);
  });

  test("paths that name something are accepted: log-shipper's own fields, the Event after a parse into the root or a deep enough parse", () => {
    const objects = synthValid(
      render(
        loki([
          {
            action: 'ReplaceValue',
            replaceValue: { source: 'Bearer \\S+', target: 'Bearer ***', labels: ['.message'] },
          },
          { action: 'DropLabels', dropLabels: { labels: ['.host', '.pod_labels', '.first'] } },
          { action: 'ParseMessage', parseMessage: { sourceFormat: 'JSON', json: { depth: 3 } } },
          AuditTransformations.dropManagedFields(),
          { action: 'ParseMessage', parseMessage: { sourceFormat: 'JSON', targetLabel: '.' } },
          { action: 'DropLabels', dropLabels: { labels: ['.requestObject', '.user.extra', '.message'] } },
        ]),
      ),
    );
    expect(ofKind(objects, 'ClusterLogDestination')[0].spec.transformations).toHaveLength(6);
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
