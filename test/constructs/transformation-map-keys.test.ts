import { AuditTransformations, LogTransformation } from '../../src/constructs';
import { transformationPathProblems } from '../../src/constructs/transformation-paths';

// log-shipper reads a transformation's label path with deckhouse modules/460-log-shipper/hooks/internal/parserlabels/
// path.go (ParseLabelPath): a bare segment runs to the next ".", a double- or single-quoted one is one key (its test:
// `.msg."a-b".level` → ["msg", "a-b", "level"]); `\.` is no escape there. The audit Event's annotations are
// map[string]string with keys such as authorization.k8s.io/decision, so an unquoted key is several segments that no
// event has.
const drop = (label: string): LogTransformation => ({
  action: 'DropLabels',
  dropLabels: { labels: [label] },
});

describe('transformation paths into a map of the audit Event', () => {
  test.each<[string, string]>([
    [
      '.message.annotations.authorization.k8s.io/decision',
      '.message.annotations."authorization.k8s.io/decision"',
    ],
    [
      '.message.annotations.authorization\\.k8s\\.io/decision',
      '.message.annotations."authorization.k8s.io/decision"',
    ],
    [
      '.message.user.extra.authentication.kubernetes.io/pod-name',
      '.message.user.extra."authentication.kubernetes.io/pod-name"',
    ],
  ])('%s names nothing and is refused for the quoted key', (label, meant) => {
    const problems = transformationPathProblems([AuditTransformations.parseEvent(), drop(label)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'transformations[1].dropLabels.labels[0]', received: label });
    expect(problems[0].fix).toBe(`write "${meant}" (the whole key double-quoted)`);
    expect(transformationPathProblems([AuditTransformations.parseEvent(), drop(meant)])).toEqual([]);
  });

  test('a quoted key counts as one level for json.depth', () => {
    const parse: LogTransformation = {
      action: 'ParseMessage',
      parseMessage: { sourceFormat: 'JSON', json: { depth: 2 } },
    };
    expect(
      transformationPathProblems([parse, drop('.message.annotations."authorization.k8s.io/decision"')]),
    ).toEqual([]);
    expect(
      transformationPathProblems([parse, drop('.message.requestObject.metadata.name')])[0].fix,
    ).toContain('json.depth to 3');
  });
});
