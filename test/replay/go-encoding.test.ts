import { Readable } from 'stream';
import type { Level, Policy } from '../../src/policy/types';
import { createReplayAccumulator, simulate } from '../../src/replay';
import { mulberry32, pick, Rng } from '../support/seeded-random';

// kube-apiserver's log backend writes each Event with Go's encoding/json (json.Marshal, HTML escaping on):
// in strings '<', '>', '&' become \u003c, \u003e, \u0026 and U+2028/U+2029 become \u2028/\u2029; raw JSON
// (requestObject, responseObject) is compacted with the same escaping (encode.go appendString,
// indent.go appendCompact); control characters other than \b \f \n \r \t are \u00XX (lower-case hex).
// An independent reference encoder following those rules:

const HEX = '0123456789abcdef';

function goString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&') out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
    else if (c === 0x2028 || c === 0x2029) out += '\\u202' + HEX[c & 15];
    else out += ch;
  }
  return out + '"';
}

function goEncode(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error('integers only');
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goEncode).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${members.map(([k, v]) => `${goString(k)}:${goEncode(v)}`).join(',')}}`;
}

/** Bytes of the line written for `ev` at `level` (bodies dropped by level, managedFields by the flag). */
function referenceSize(ev: Record<string, unknown>, level: Level, omitManagedFields: boolean): number {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ev)) {
    if (k === 'level') out.level = level;
    else if (k === 'requestObject') {
      if (level === 'Request' || level === 'RequestResponse') out[k] = omitManagedFields ? noMf(v) : v;
    } else if (k === 'responseObject') {
      if (level === 'RequestResponse') out[k] = omitManagedFields ? noMf(v) : v;
    } else out[k] = v;
  }
  if (!('level' in out)) out.level = level;
  return Buffer.byteLength(goEncode(out)) + 1;
}

function noMf(body: unknown): unknown {
  const strip = (o: unknown) => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return o;
    const obj = o as Record<string, unknown>;
    const meta = obj.metadata;
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return o;
    const rest = { ...(meta as Record<string, unknown>) };
    delete rest.managedFields;
    return { ...obj, metadata: rest };
  };
  const top = strip(body) as Record<string, unknown>;
  if (typeof top !== 'object' || top === null || Array.isArray(top)) return top;
  if (Array.isArray(top.items)) return { ...top, items: top.items.map(strip) };
  return top;
}

const everything = (level: Level, omitManagedFields = false): Policy => ({
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  ...(omitManagedFields ? { omitManagedFields: true } : {}),
  rules: [{ level }],
});

function writtenBytes(lines: string[], policy: Policy): number {
  const acc = createReplayAccumulator(policy);
  lines.forEach((l, i) => acc.addLine(l, i + 1, 'log'));
  const r = acc.report();
  expect(r.malformed.count).toBe(0);
  return r.written.bytes;
}

describe('issue 9 §2: written sizes are the bytes kube-apiserver writes', () => {
  // A watch as client-go's reflector sends it, recorded at Metadata; the apiserver writes every & of the
  // URI as \u0026 (four of them), 5 bytes more each than a JavaScript re-encoding.
  const watchLine =
    '{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"2b7d6a3e-4c1f-4e6b-9a8d-1f0e5c3b7a29","stage":"ResponseStarted","requestURI":"/api/v1/namespaces/kube-system/configmaps?allowWatchBookmarks=true\\u0026fieldSelector=metadata.name%3Dextension-apiserver-authentication\\u0026resourceVersion=48213\\u0026timeout=9m16s\\u0026timeoutSeconds=556\\u0026watch=true","verb":"watch","user":{"username":"system:kube-controller-manager","groups":["system:authenticated"]},"sourceIPs":["10.0.0.11"],"userAgent":"kube-controller-manager/v1.32.4 (linux/amd64) kubernetes/59526cd/shared-informers","objectRef":{"resource":"configmaps","namespace":"kube-system","name":"extension-apiserver-authentication","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"requestReceivedTimestamp":"2026-01-05T10:00:00.000000Z","stageTimestamp":"2026-01-05T10:00:00.001000Z","annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"RBAC: allowed by RoleBinding \\"system::extension-apiserver-authentication-reader/kube-system\\" of Role \\"extension-apiserver-authentication-reader\\" to User \\"system:kube-controller-manager\\""}}';

  test('a real escaped line is counted at its size on disk', async () => {
    const onDisk = Buffer.byteLength(watchLine) + 1;
    expect(watchLine.split('\\u0026').length - 1).toBe(5);
    const r = await simulate([Readable.from([watchLine + '\n'])], { policy: everything('Metadata') });
    expect(r.written.bytes).toBe(onDisk);
    // JSON.stringify of the decoded event writes each & raw: 5 bytes less each.
    expect(Buffer.byteLength(JSON.stringify(JSON.parse(watchLine))) + 1).toBe(onDisk - 25);
    // The same event re-encoded by a tool that did not escape: still the apiserver's size.
    const unescaped = JSON.stringify(JSON.parse(watchLine));
    expect(writtenBytes([unescaped], everything('Metadata'))).toBe(onDisk);
  });

  test('bodies too: <, >, &, U+2028 and U+2029 in a request body, at each level', () => {
    const ev = {
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'RequestResponse',
      stage: 'ResponseComplete',
      requestURI:
        '/api/v1/namespaces/web/configmaps?fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
      verb: 'create',
      user: { username: 'alice', groups: ['system:authenticated'] },
      requestObject: {
        kind: 'ConfigMap',
        metadata: { name: 'page', annotations: { note: 'a<b && c>d' } },
        data: { 'index.html': '<html>\u2028<p>Tom & Jerry</p>\u2029</html>' },
      },
      responseObject: { kind: 'ConfigMap', metadata: { name: 'page', uid: 'u' } },
      requestReceivedTimestamp: '2026-01-05T10:00:00.000000Z',
      stageTimestamp: '2026-01-05T10:00:00.002000Z',
    };
    const line = goEncode(ev);
    for (const level of ['Metadata', 'Request', 'RequestResponse'] as const) {
      expect({ level, bytes: writtenBytes([line], everything(level)) }).toEqual({
        level,
        bytes: referenceSize(ev, level, false),
      });
    }
    // 1 & in the URI; in the body 1 <, 1 >, 2 & in the annotation, 4 <, 4 >, 1 & in data (5 bytes more each)
    // and U+2028, U+2029 (3 bytes more each).
    expect(
      referenceSize(ev, 'Request', false) -
        (Buffer.byteLength(JSON.stringify({ ...ev, level: 'Request', responseObject: undefined })) + 1),
    ).toBe((1 + 4 + 9) * 5 + 2 * 3);
  });
});

// ------------------------------------------------------------------------------------ property test

const PIECES = [
  'a',
  'Z',
  '0',
  ' ',
  '<',
  '>',
  '&',
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '\u0001',
  '\u001f',
  'é',
  'ü',
  '€',
  '\u2028',
  '\u2029',
  '𝄞',
  '😀',
  '中',
  '\u007f',
  '\u0085',
  '\ufffd',
];

function randomString(rnd: Rng, max = 12): string {
  let s = '';
  const n = Math.floor(rnd() * max);
  for (let i = 0; i < n; i++) s += pick(rnd, PIECES);
  return s;
}

function randomValue(rnd: Rng, depth: number): unknown {
  const r = rnd();
  if (depth > 3 || r < 0.35) return randomString(rnd);
  if (r < 0.45) return Math.floor(rnd() * 2000) - 1000;
  if (r < 0.5) return rnd() < 0.5;
  if (r < 0.53) return null;
  if (r < 0.75) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomValue(rnd, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = Math.floor(rnd() * 4); i > 0; i--)
    obj[randomString(rnd, 6) || 'k'] = randomValue(rnd, depth + 1);
  return obj;
}

function randomBody(rnd: Rng): unknown {
  const body: Record<string, unknown> = { kind: randomString(rnd), metadata: { name: randomString(rnd) } };
  if (rnd() < 0.5) (body.metadata as Record<string, unknown>).managedFields = [randomValue(rnd, 2)];
  if (rnd() < 0.3)
    body.items = [{ metadata: { name: 'i', managedFields: [randomValue(rnd, 2)] } }, { metadata: {} }];
  if (rnd() < 0.6) body.spec = randomValue(rnd, 1);
  return body;
}

function randomEvent(rnd: Rng): Record<string, unknown> {
  const ev: Record<string, unknown> = { kind: 'Event', apiVersion: 'audit.k8s.io/v1' };
  if (rnd() < 0.9) ev.level = pick(rnd, ['Metadata', 'Request', 'RequestResponse']);
  ev.auditID = randomString(rnd);
  ev.stage = pick(rnd, ['RequestReceived', 'ResponseComplete', 'ResponseStarted', 'Panic']);
  ev.requestURI = `/api/v1/namespaces/${encodeURIComponent(randomString(rnd, 5)) || 'n'}/pods?x=${randomString(rnd, 5)}&y=1`;
  ev.verb = pick(rnd, ['get', 'list', 'create', 'update', 'patch', 'delete']);
  ev.user = { username: randomString(rnd) || 'u', groups: [randomString(rnd), 'system:authenticated'] };
  if (rnd() < 0.7) ev.userAgent = randomString(rnd, 30);
  if (rnd() < 0.5) ev.requestObject = randomBody(rnd);
  if (rnd() < 0.5) ev.responseObject = randomBody(rnd);
  ev.requestReceivedTimestamp = '2026-01-05T10:00:00.000000Z';
  ev.stageTimestamp = '2026-01-05T10:00:01.000000Z';
  if (rnd() < 0.5) ev.annotations = { [randomString(rnd, 5) || 'a']: randomString(rnd) };
  return ev;
}

describe('property: our written size equals the length of a Go-style encoding', () => {
  test.each([1, 2, 3, 4, 5])(
    'seed %i: 200 random events, every level, with and without omitManagedFields',
    (seed) => {
      const rnd = mulberry32(seed);
      const events = Array.from({ length: 200 }, () => randomEvent(rnd));
      // Lines as kube-apiserver writes them, and as a tool that re-encoded them with JavaScript would.
      const goLines = events.map(goEncode);
      const jsLines = events.map((e) => JSON.stringify(e));
      for (const level of ['Metadata', 'Request', 'RequestResponse'] as const) {
        for (const omf of [false, true]) {
          const want = events.reduce((n, e) => n + referenceSize(e, level, omf), 0);
          expect({ level, omf, go: writtenBytes(goLines, everything(level, omf)) }).toEqual({
            level,
            omf,
            go: want,
          });
          expect({ level, omf, js: writtenBytes(jsLines, everything(level, omf)) }).toEqual({
            level,
            omf,
            js: want,
          });
        }
      }
    },
  );
});

describe('lines are read around their bodies only where that is sound', () => {
  const policyAt = (level: Level): Policy => everything(level);
  const ev = (extra: Record<string, unknown>) => ({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'RequestResponse',
    auditID: 'x',
    stage: 'ResponseComplete',
    requestURI: '/api/v1/namespaces/n/configmaps/c',
    verb: 'update',
    user: { username: 'u', groups: ['system:authenticated'] },
    ...extra,
    requestReceivedTimestamp: '2026-01-05T10:00:00.000000Z',
    stageTimestamp: '2026-01-05T10:00:00.000000Z',
    annotations: { a: 'b' },
  });
  const cases: Array<[string, Record<string, unknown>]> = [
    [
      'a body-member name nested in user.extra before the bodies',
      {
        user: { username: 'u', groups: ['g'], extra: { x: ['1'], requestObject: ['planted'] } },
        requestObject: { a: 1 },
        responseObject: { b: 2 },
      },
    ],
    [
      'a nested responseObject key and timestamp key inside the request body',
      {
        requestObject: { data: { responseObject: { requestReceivedTimestamp: 'x' } }, z: [1] },
        responseObject: { b: ',"requestReceivedTimestamp":"' },
      },
    ],
    ['only a response body', { responseObject: { kind: 'Status', items: [{ a: '<&>' }] } }],
    [
      'only a request body (a JSON patch array)',
      { requestObject: [{ op: 'add', path: '/a', value: '\u2028' }] },
    ],
  ];
  test.each(cases)('%s', (_title, extra) => {
    const e = ev(extra);
    const line = goEncode(e);
    for (const level of ['Metadata', 'Request', 'RequestResponse'] as const) {
      expect({ level, bytes: writtenBytes([line], policyAt(level)) }).toEqual({
        level,
        bytes: referenceSize(e, level, false),
      });
    }
  });

  test('a line with spaces between tokens is measured as kube-apiserver would write it', () => {
    const e = ev({ requestObject: { a: [1, 2], b: 'x, y' }, responseObject: { c: true } });
    const spaced = JSON.stringify(e).replace(/,"/g, ', "').replace(/":/g, '": ');
    for (const level of ['Metadata', 'Request', 'RequestResponse'] as const) {
      expect(writtenBytes([spaced], policyAt(level))).toBe(referenceSize(e, level, false));
    }
  });

  test('bodies after the timestamps (not the apiserver order) are read whole', () => {
    const e = ev({});
    const reordered = { ...e, requestObject: { a: 1 }, responseObject: { b: 2 } };
    for (const level of ['Metadata', 'Request', 'RequestResponse'] as const) {
      expect(writtenBytes([goEncode(reordered)], policyAt(level))).toBe(
        referenceSize(reordered, level, false),
      );
    }
  });
});
