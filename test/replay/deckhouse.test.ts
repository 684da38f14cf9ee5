import * as fs from 'fs';
import * as path from 'path';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import type { Policy } from '../../src/policy/types';
import { simulate } from '../../src/replay';

// test/fixtures/replay/deckhouse.log replayed under Deckhouse's effective policy (basic rules 0-19,
// virtualization 20-26, tail 27 "None for system:authenticated" and 28 "Metadata for everything else"):
//  1 kubectl exec by alice (WebSocket: verb get, pods/exec), ResponseStarted -> no basic rule covers
//    pods/exec; tail 27 None: not written (the gap the DVP page does not mention)
//  2 pod create by a non-Deckhouse ServiceAccount, RequestReceived -> basic 12 (pods create at Request,
//    omitStages RequestReceived): not written
//  3 same request, ResponseComplete, image nginx:1.27 -> basic 12 Request: written without responseObject
//  4 list secrets by alice, RequestReceived -> basic 14 (list at Metadata, no omitStages): written
//  5 same list, ResponseComplete -> basic 14: written
//  6 failed login (user {}), GET /api, ResponseStarted -> no user, not a list: tail 28 Metadata, written
//  7 lease update by a node -> basic 1 None
//  8 configmap get by alice -> tail 27 None
//  9 GET /healthz by system:anonymous (system:unauthenticated, not system:authenticated) -> tail 28 Metadata

const LOG = path.resolve(__dirname, '../fixtures/replay/deckhouse.log');
const LINES = fs.readFileSync(LOG, 'utf8').split('\n');
const asIs = (n: number) => Buffer.byteLength(LINES[n - 1]) + 1;
// Line 3 at Request: its response member goes, and '"RequestResponse"' (17 bytes) becomes '"Request"' (9).
const LINE3_REQUEST =
  asIs(3) - Buffer.byteLength(',"responseObject":{"kind":"Pod","metadata":{"name":"web-1"}}') - 8;

describe("replay under Deckhouse's effective policy", () => {
  test('basic rules alone', async () => {
    const r = await simulate([LOG], { policy: deckhouseEffectivePolicy() });
    expect(r.events).toBe(9);
    expect(r.decided).toEqual({ None: 3, Metadata: 4, Request: 2, RequestResponse: 0 });
    expect(r.written.events).toBe(5);
    expect(r.written.byLevel).toEqual({ Metadata: 4, Request: 1, RequestResponse: 0 });
    expect(r.written.bytes).toBe(LINE3_REQUEST + asIs(4) + asIs(5) + asIs(6) + asIs(9));
    expect(r.omittedByStage.RequestReceived).toBe(1);
    const hits = r.rules
      .filter((x) => x.hits > 0)
      .map((x) => [x.index, x.layer, x.layerIndex, x.hits, x.written]);
    expect(hits).toEqual([
      [1, 'basic', 1, 1, 0],
      [12, 'basic', 12, 2, 1],
      [14, 'basic', 14, 2, 2],
      [27, 'tail', 0, 2, 0],
      [28, 'tail', 1, 2, 2],
    ]);
    expect(r.unmatched).toBe(0);
    expect(r.imagesWithoutDigest).toBe(1);
    expect(r.imagesWithoutDigestRecorded).toBe(1);
    // 12:00 to 13:00.
    expect(r.span.seconds).toBe(3600);
    expect(r.bytesPerDay).toBe(r.written.bytes * 24);
  });

  test('a custom rule closes the exec gap but cannot override a basic rule', async () => {
    const custom: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [
        { level: 'Metadata', resources: [{ group: '', resources: ['pods/exec'] }] },
        // Too late for line 4/5: basic 14 (list at Metadata) decides lists of secrets first.
        { level: 'None', resources: [{ group: '', resources: ['secrets'] }] },
      ],
    };
    const r = await simulate([LOG], { policy: deckhouseEffectivePolicy({ customPolicy: custom }) });
    const customRules = r.rules.filter((x) => x.layer === 'custom');
    expect(customRules.map((x) => [x.index, x.layerIndex, x.hits, x.written])).toEqual([
      [27, 0, 1, 1], // line 1, exec, now written at Metadata
      [28, 1, 0, 0],
    ]);
    expect(r.written.events).toBe(6);
    expect(r.written.bytes).toBe(LINE3_REQUEST + asIs(1) + asIs(4) + asIs(5) + asIs(6) + asIs(9));
    expect(r.rules.find((x) => x.index === 14)!.written).toBe(2);
  });

  test('a custom policy-level omitStages applies to the basic rules too', async () => {
    const custom: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      omitStages: ['RequestReceived'],
      rules: [{ level: 'None', users: ['nobody'] }],
    };
    const r = await simulate([LOG], { policy: deckhouseEffectivePolicy({ customPolicy: custom }) });
    // Line 4 (RequestReceived of the secrets list) is no longer written.
    expect(r.written.events).toBe(4);
    expect(r.omittedByStage.RequestReceived).toBe(2);
  });
});
