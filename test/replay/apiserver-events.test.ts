import type { Policy } from '../../src/policy/types';
import { simulate } from '../../src/replay';
import { eventProblem, eventToRequest } from '../../src/replay/event';
import type { AuditEvent } from '../../src/replay/event';
import { Readable } from 'stream';

// Events exactly as kube-apiserver writes them (field order and encoding of pkg/apis/audit/v1/types.go's
// Event), each for a case the replay once got wrong. Expected values come from the upstream source cited.

const ANONYMOUS = '{"username":"system:anonymous","groups":["system:unauthenticated"]}';

function line(fields: string): string {
  return `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"0b5c","${fields},"requestReceivedTimestamp":"2026-01-05T10:04:00.000000Z","stageTimestamp":"2026-01-05T10:04:00.000100Z"}`;
}

async function replay(lines: string[], policy: Policy) {
  return simulate([Readable.from([lines.join('\n') + '\n'])], { policy });
}

describe('a resource request whose method has no Kubernetes verb (OPTIONS, CONNECT, TRACE)', () => {
  // requestinfo.go: a resource request's verb is "" for any method but POST/GET/HEAD/PUT/PATCH/DELETE, and
  // types.go writes Verb without omitempty, so an anonymous OPTIONS probe is logged with "verb":"".
  const OPTIONS_PODS = line(
    'stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/pods","verb":"","user":' +
      ANONYMOUS +
      ',"sourceIPs":["203.0.113.9"],"userAgent":"scanner","objectRef":{"resource":"pods","namespace":"default","apiVersion":"v1"},"responseStatus":{"metadata":{},"status":"Failure","reason":"Forbidden","code":403}',
  );
  const policy: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [
      { level: 'Request', verbs: [''], resources: [{ group: '', resources: ['pods'] }] },
      { level: 'Metadata' },
    ],
  };

  test('is an event, not a malformed line', () => {
    expect(eventProblem(JSON.parse(OPTIONS_PODS))).toBeUndefined();
    expect(eventProblem({ stage: 'ResponseComplete' })).toBe('missing verb');
  });

  test('is decided on the verb "" RequestInfo gives it (a rule with verbs: [""] matches)', async () => {
    expect(eventToRequest(JSON.parse(OPTIONS_PODS) as AuditEvent)).toMatchObject({
      verb: '',
      resourceRequest: true,
      namespace: 'default',
      resource: 'pods',
      name: '',
    });
    const r = await replay([OPTIONS_PODS], policy);
    expect(r.malformed.count).toBe(0);
    expect(r.events).toBe(1);
    expect(r.rules.map((x) => x.hits)).toEqual([1, 0]);
    expect(r.written.byLevel.Request).toBe(1);
    expect(r.attributesFromObjectRef).toBe(0);
  });
});
