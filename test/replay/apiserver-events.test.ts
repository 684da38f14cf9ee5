import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Policy } from '../../src/policy/types';
import { simulate } from '../../src/replay';
import { eventProblem, eventToRequest } from '../../src/replay/event';
import type { AuditEvent } from '../../src/replay/event';
import { Readable } from 'stream';
import { renderSimulationReport, simulationWarnings } from '../../src/cli/report';
import { runInProcess } from '../cli/helpers';

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

  test('the simulate report shows its verb as "" in the top requests', async () => {
    const text = renderSimulationReport(await replay([OPTIONS_PODS], policy), 'policy.yaml');
    expect(text).toMatch(/^system:anonymous +"" +pods +1 /m);
  });

  test('explain --url with OPTIONS agrees, and its note allows a rule with verbs: [""]', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbless-')), 'p.json');
    fs.writeFileSync(file, JSON.stringify(policy));
    const url = 'OPTIONS /api/v1/namespaces/default/pods';
    const run = await runInProcess(['explain', '--policy', file, '--url', url, '--user', 'system:anonymous']);
    expect(run.stdout).toContain('Rule:     rule #1 (rules[0])');
    expect(run.stderr).toContain('so only rules without verbs, or with "" among them, can match it');
  });
});

describe('stages the log lacks because the policy that wrote it omitted them', () => {
  // filters/audit.go WithAudit: every audited request writes RequestReceived, then (long-running requests,
  // BasicLongRunningRequestCheck with verbs watch/proxy and subresources attach/exec/proxy/log/portforward)
  // ResponseStarted, then ResponseComplete or Panic, each unless its stage is omitted. Deckhouse's built-in
  // rules omit RequestReceived, so a log from a Deckhouse cluster lacks it for the requests they decide.
  const ALICE = '{"username":"alice","groups":["system:authenticated"]}';
  const request = (id: string, stage: string, uri: string, verb: string, user = ALICE) =>
    line(
      `stage":"${stage}","requestURI":"${uri}","verb":"${verb}","user":${user},"sourceIPs":["10.0.0.2"],"userAgent":"kubectl/v1.31.0","responseStatus":{"metadata":{},"code":200}`,
    ).replace('"auditID":"0b5c"', `"auditID":"${id}"`);
  const log = [
    // get: RequestReceived omitted by the source policy
    request('1', 'ResponseComplete', '/api/v1/namespaces/prod/configmaps/c', 'get'),
    // get with both stages in the log
    request('2', 'RequestReceived', '/api/v1/namespaces/prod/configmaps/d', 'get'),
    request('2', 'ResponseComplete', '/api/v1/namespaces/prod/configmaps/d', 'get'),
    // watch: RequestReceived omitted, ResponseStarted kept
    request('3', 'ResponseStarted', '/api/v1/namespaces/prod/pods?watch=true', 'watch'),
    request('3', 'ResponseComplete', '/api/v1/namespaces/prod/pods?watch=true', 'watch'),
    // exec: RequestReceived and ResponseStarted omitted
    request('4', 'ResponseComplete', '/api/v1/namespaces/prod/pods/p/exec?command=sh', 'get'),
    // a failed login (authn_audit.go): ResponseStarted alone, no user; it implies no other stage
    request('5', 'ResponseStarted', '/api/v1/namespaces/prod/pods', 'list', '{}'),
  ];
  const all: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };

  test('are reported as missing, per stage, for a policy that writes them', async () => {
    const r = await replay(log, all);
    expect(r.written.events).toBe(7);
    expect(r.unloggedStages).toEqual({
      RequestReceived: { requests: 4, missing: 3 },
      ResponseStarted: { requests: 2, missing: 1 },
    });
  });

  test('not for a policy that omits them, nor for requests it does not record', async () => {
    const omitting: Policy = { ...all, omitStages: ['RequestReceived', 'ResponseStarted'] };
    expect((await replay(log, omitting)).unloggedStages).toEqual({
      RequestReceived: { requests: 0, missing: 0 },
      ResponseStarted: { requests: 0, missing: 0 },
    });
    const podsOnly: Policy = {
      ...all,
      rules: [
        { level: 'None', resources: [{ group: '', resources: ['configmaps'] }] },
        { level: 'Metadata' },
      ],
    };
    expect((await replay(log, podsOnly)).unloggedStages.RequestReceived).toEqual({ requests: 2, missing: 2 });
  });

  test('a complete log has none missing', async () => {
    const complete = [
      request('1', 'RequestReceived', '/api/v1/namespaces/prod/pods?watch=true', 'watch'),
      request('1', 'ResponseStarted', '/api/v1/namespaces/prod/pods?watch=true', 'watch'),
      request('1', 'ResponseComplete', '/api/v1/namespaces/prod/pods?watch=true', 'watch'),
      request('2', 'RequestReceived', '/healthz', 'get'),
      request('2', 'ResponseComplete', '/healthz', 'get'),
    ];
    expect((await replay(complete, all)).unloggedStages).toEqual({
      RequestReceived: { requests: 2, missing: 0 },
      ResponseStarted: { requests: 1, missing: 0 },
    });
  });

  test('simulate warns that the written counts lack them', async () => {
    const warnings = simulationWarnings(await replay(log, all));
    expect(warnings).toContain(
      'the policy writes a RequestReceived event for 4 of the requests in the log, but the log holds 1 of them ' +
        '(the policy that wrote it omitted RequestReceived): about 3 RequestReceived events are not counted in ' +
        'the written events and bytes',
    );
    expect(warnings.filter((w) => w.includes('ResponseStarted event for 2'))).toHaveLength(1);
  });

  test('diff marks the warning with the side whose counts lack the events (here A, not B)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unlogged-'));
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const a = write('a.json', JSON.stringify(all));
    const b = write('b.json', JSON.stringify({ ...all, omitStages: ['RequestReceived', 'ResponseStarted'] }));
    const logFile = write('audit.log', log.join('\n') + '\n');
    const run = await runInProcess(['diff', '--policy', a, '--policy', b, logFile, '--json']);
    const warnings = (JSON.parse(run.stdout) as { warnings: string[] }).warnings;
    expect(
      warnings.filter((w) => w.startsWith('A: the policy writes a RequestReceived event for 4')),
    ).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('RequestReceived event for') && !w.startsWith('A: '))).toEqual(
      [],
    );
  });
});

describe('a line another tool re-encoded with \\u escapes (Python json.dumps: spaced, ensure_ascii)', () => {
  // Go's encoding/json writes the Event's string fields with appendString, from the decoded string: ü is 2
  // raw bytes, "—" 3, "/" 1 (encode.go); only requestObject/responseObject are copied as written. So the
  // re-encoded line measures what kube-apiserver wrote: the length of its own line.
  const GO_LINE = line(
    'stage":"ResponseComplete","requestURI":"/api/v1/namespaces/d/configmaps?limit=500\\u0026labelSelector=a%3Db","verb":"list","user":{"username":"jürgen","groups":["system:authenticated"],"extra":{"über/id":["ключ"]}},"sourceIPs":["10.0.0.2"],"userAgent":"kubectl/v1.31.0 — 🚀 \\u003cx\\u003e","objectRef":{"resource":"configmaps","namespace":"d","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"responseObject":{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[]}',
  )
    .replace(
      /}$/,
      ',"annotations":{"authorization.k8s.io/reason":"RBAC: allowed by ClusterRoleBinding \\"é\\""}}',
    )
    .replace('"level":"Metadata"', '"level":"RequestResponse"');
  const pythonDefault = (text: string) =>
    JSON.stringify(JSON.parse(text), null, 1)
      .replace(/\n */g, ' ')
      .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/\//g, '\\/');
  const rr: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'RequestResponse' }] };

  test('measures the bytes kube-apiserver wrote', async () => {
    const reencoded = pythonDefault(GO_LINE);
    expect(reencoded).toContain('j\\u00fcrgen');
    expect(reencoded).toContain('\\ud83d\\ude80');
    expect(reencoded).toContain('\\/api\\/v1');
    // Recorded and decided at RequestResponse: the line and its newline.
    const asWritten = (await replay([GO_LINE], rr)).written.bytes;
    expect(asWritten).toBe(Buffer.byteLength(GO_LINE) + 1);
    expect((await replay([reencoded], rr)).written.bytes).toBe(asWritten);
  });

  test('a line kube-apiserver wrote still measures its length when read by the exact scanner (CRLF)', async () => {
    // appendString writes an invalid UTF-8 byte as the escape \ufffd and a control character as \u00XX.
    const withEscapes = GO_LINE.replace('\\u003cx', '\\ufffd\\u0001\\u0026\\u003cx');
    expect(withEscapes).not.toBe(GO_LINE);
    const r = await replay([withEscapes + '\r'], rr);
    expect(r.written.bytes).toBe(Buffer.byteLength(withEscapes) + 1);
  });
});

describe('members a log pipeline wrote as null', () => {
  // Go's encoding/json decodes null into a struct, pointer, slice or string by leaving it unset (its
  // "null is a no-op" rule in decode.go), so kube-apiserver's own tools read these events as ones without
  // the member; shippers and exporters write absent fields as null.
  const policy: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [
      { level: 'None', users: ['system:anonymous'] },
      { level: 'Request', resources: [{ group: '', resources: ['configmaps'] }] },
      { level: 'Metadata' },
    ],
  };
  const NULL_USER = line(
    'stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/configmaps/app","verb":"get","user":null,"impersonatedUser":null,"sourceIPs":null,"userAgent":null,"objectRef":null,"responseStatus":null,"requestObject":null,"responseObject":null',
  );
  const NULL_TIMESTAMPS = `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"0b5d","stage":"ResponseComplete","requestURI":"/version","verb":"get","user":${ANONYMOUS},"requestReceivedTimestamp":null,"stageTimestamp":null}`;

  test('are events, decided as if the member were absent (no user: the users rule cannot match)', async () => {
    for (const text of [NULL_USER, NULL_TIMESTAMPS]) expect(eventProblem(JSON.parse(text))).toBeUndefined();
    expect(eventToRequest(JSON.parse(NULL_USER) as AuditEvent)).toEqual(
      expect.objectContaining({ resourceRequest: true, resource: 'configmaps', name: 'app' }),
    );
    expect(eventToRequest(JSON.parse(NULL_USER) as AuditEvent).user).toBeUndefined();
    const r = await replay([NULL_USER, NULL_TIMESTAMPS], policy);
    expect(r.malformed.count).toBe(0);
    expect(r.events).toBe(2);
    // NULL_USER: no user info, so rule 0 (users) cannot hold and rule 1 decides; /version: rule 0 (anonymous).
    expect(r.rules.map((x) => x.hits)).toEqual([1, 1, 0]);
  });

  test('a null verb or stage is still malformed: an Event always has both', () => {
    expect(eventProblem({ verb: null, stage: 'ResponseComplete' })).toBe('verb is null, expected a string');
    expect(eventProblem({ verb: 'get', stage: null })).toBe('unknown stage null');
    expect(eventProblem({ verb: 'get', stage: 'ResponseComplete', objectRef: 'pods' })).toContain(
      'objectRef is not an object',
    );
  });
});

describe('audit.k8s.io/v1beta1 events (kube-apiserver before Kubernetes 1.24)', () => {
  // The v1beta1 Event of staging/src/k8s.io/apiserver/pkg/apis/audit/v1beta1/types.go (removed by kubernetes PR
  // #108092 in 1.24): v1's fields plus ObjectMeta (written as "metadata":{"creationTimestamp":null}) after
  // apiVersion and "timestamp" after level, as in the Kubernetes 1.8 auditing documentation's sample log.
  const v1beta1 = (stage: string, auditID: string) =>
    `{"kind":"Event","apiVersion":"audit.k8s.io/v1beta1","metadata":{"creationTimestamp":null},"level":"Metadata","timestamp":"2017-09-05T10:04:55Z","auditID":"${auditID}","stage":"${stage}","requestURI":"/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles","verb":"list","user":{"username":"kubecfg","groups":["system:masters","system:authenticated"]},"sourceIPs":["172.16.116.128"],"objectRef":{"resource":"roles","namespace":"default","apiGroup":"rbac.authorization.k8s.io","apiVersion":"v1"},"requestReceivedTimestamp":"2017-09-05T10:04:55.000000Z","stageTimestamp":"2017-09-05T10:04:55.010000Z"}`;
  const policy: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [
      { level: 'Request', resources: [{ group: 'rbac.authorization.k8s.io', resources: ['roles'] }] },
      { level: 'Metadata' },
    ],
  };

  test('are decided like v1 events, with a note on the bytes only v1beta1 writes', async () => {
    const lines = [v1beta1('RequestReceived', '77e5'), v1beta1('ResponseComplete', '77e5')];
    expect(eventProblem(JSON.parse(lines[0]))).toBeUndefined();
    const r = await replay(lines, policy);
    expect(r.malformed.count).toBe(0);
    expect(r.events).toBe(2);
    expect(r.rules.map((x) => x.hits)).toEqual([2, 0]);
    // `"metadata":{"creationTimestamp":null},` (38) + `"timestamp":"2017-09-05T10:04:55Z",` (35) + "beta1" (5).
    expect(r.sources[0].warnings).toEqual([
      expect.stringMatching(/^2 events are audit\.k8s\.io\/v1beta1, .* about 78 bytes an event\), /),
    ]);
    expect(simulationWarnings(r).join('\n')).toContain('audit.k8s.io/v1beta1');
  });

  test('v1alpha1 (Kubernetes 1.7-1.8: no objectRef.apiGroup) is malformed, with the versions read', async () => {
    const alpha = v1beta1('ResponseComplete', 'a1').replace('audit.k8s.io/v1beta1', 'audit.k8s.io/v1alpha1');
    const r = await replay([alpha], policy);
    expect(r.events).toBe(0);
    expect(r.malformed.lines[0].reason).toBe(
      'not an audit.k8s.io/v1 Event: apiVersion is "audit.k8s.io/v1alpha1", expected "audit.k8s.io/v1" ' +
        '(or "audit.k8s.io/v1beta1" from Kubernetes before 1.24)',
    );
  });
});
