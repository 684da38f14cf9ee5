import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateSyntheticLog } from '../../bench/synthetic-log';
import type { Level } from '../../src/policy/types';
import type { AuditEvent } from '../../src/replay/event';
import { EventLine, readEventLine } from '../../src/replay/event-line';
import {
  EventSizer,
  managedFieldsBytes,
  strippedEvent,
  truncatedEvent,
  writtenSizeSlow,
} from '../../src/replay/size';

const LEVELS: Level[] = ['Metadata', 'Request', 'RequestResponse'];
const FIXTURE = path.resolve(__dirname, '../fixtures/replay/basic.log');

function events(text: string): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (const line of text.split('\n')) {
    try {
      const v = JSON.parse(line);
      if (typeof v === 'object' && v !== null && typeof v.verb === 'string') out.push(v);
    } catch {
      // not an event
    }
  }
  return out;
}

/** The sizer of the line an event is written as. */
function sizerOf(ev: AuditEvent): EventSizer {
  return new EventSizer(readEventLine(JSON.stringify(ev)) as EventLine);
}

function expectFastEqualsSlow(list: AuditEvent[]): number {
  let checked = 0;
  for (const ev of list) {
    const before = JSON.stringify(ev);
    const sizer = sizerOf(ev);
    for (const level of LEVELS) {
      for (const omf of [false, true]) {
        expect({ line: before.slice(0, 80), level, omf, size: sizer.size(level, omf) }).toEqual({
          line: before.slice(0, 80),
          level,
          omf,
          size: writtenSizeSlow(ev, level, omf),
        });
        checked++;
      }
    }
    // Sizing must leave the event untouched.
    expect(JSON.stringify(ev)).toBe(before);
  }
  return checked;
}

const meta = (extra: Record<string, unknown> = {}) => ({
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'RequestResponse',
  stage: 'ResponseComplete',
  verb: 'list',
  requestURI: '/api/v1/pods',
  ...extra,
});
const mf = [{ manager: 'kubelet', operation: 'Update', fieldsV1: { 'f:status': {} } }];

describe('fast written size equals re-serializing the stripped event', () => {
  test('every event of the hand-made fixture, every level, with and without omitManagedFields', () => {
    expect(expectFastEqualsSlow(events(fs.readFileSync(FIXTURE, 'utf8')))).toBeGreaterThan(60);
  });

  test('a seeded synthetic log (leases, pods, lists with managedFields, patches)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replay-size-'));
    try {
      const file = path.join(dir, 'synthetic.log');
      generateSyntheticLog(file, 400 * 1024, 7);
      const list = events(fs.readFileSync(file, 'utf8'));
      expect(list.length).toBeGreaterThan(200);
      expectFastEqualsSlow(list);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('edge cases: managedFields in lists, tables, alone in metadata; no level; null bodies; unicode', () => {
    const list = [
      meta({
        responseObject: {
          kind: 'PodList',
          items: [
            { metadata: { name: 'a', managedFields: mf } },
            { metadata: { managedFields: mf } },
            { metadata: {} },
            'not an object',
          ],
        },
      }),
      meta({
        responseObject: {
          kind: 'Table',
          rows: [{ cells: ['a'], object: { metadata: { name: 'a', managedFields: mf } } }, { cells: [] }],
        },
      }),
      meta({ requestObject: { metadata: { managedFields: mf } }, responseObject: null }),
      meta({ requestObject: null, level: undefined }),
      { ...meta(), level: undefined, requestObject: { a: 'ünïcödé ✓ 𝄞' } },
      { verb: 'get', stage: 'ResponseComplete', level: 'Metadata' },
      meta({ level: 'Request', requestObject: { metadata: { managedFields: [] } } }),
    ].map((e) => JSON.parse(JSON.stringify(e)) as AuditEvent);
    expectFastEqualsSlow(list);
  });
});

describe('stripping by level', () => {
  const ev = JSON.parse(
    '{"kind":"Event","level":"RequestResponse","stage":"ResponseComplete","verb":"update",' +
      '"requestObject":{"metadata":{"name":"x","managedFields":[{"manager":"m"}]}},"responseObject":{"ok":true},' +
      '"stageTimestamp":"2026-01-05T10:00:00.000000Z"}',
  ) as AuditEvent;

  const metadataLine =
    '{"kind":"Event","level":"Metadata","stage":"ResponseComplete","verb":"update",' +
    '"stageTimestamp":"2026-01-05T10:00:00.000000Z"}';

  test('Metadata drops both bodies, Request drops the response; level replaced in place', () => {
    expect(JSON.stringify(strippedEvent(ev, 'Metadata', false))).toBe(metadataLine);
    expect(JSON.stringify(strippedEvent(ev, 'Request', false))).toBe(
      '{"kind":"Event","level":"Request","stage":"ResponseComplete","verb":"update",' +
        '"requestObject":{"metadata":{"name":"x","managedFields":[{"manager":"m"}]}},' +
        '"stageTimestamp":"2026-01-05T10:00:00.000000Z"}',
    );
    expect(JSON.stringify(strippedEvent(ev, 'Request', true))).toBe(
      '{"kind":"Event","level":"Request","stage":"ResponseComplete","verb":"update",' +
        '"requestObject":{"metadata":{"name":"x"}},"stageTimestamp":"2026-01-05T10:00:00.000000Z"}',
    );
  });

  test('managedFieldsBytes counts the member and its comma', () => {
    // ,"managedFields":[{"manager":"m"}]  = comma 1 + key 15 + colon 1 + value 17 = 34 bytes
    expect(managedFieldsBytes({ metadata: { name: 'x', managedFields: [{ manager: 'm' }] } })).toBe(34);
    // alone in metadata: no comma to remove
    expect(managedFieldsBytes({ metadata: { managedFields: [{ manager: 'm' }] } })).toBe(33);
    expect(managedFieldsBytes({ metadata: { name: 'x' } })).toBe(0);
    expect(managedFieldsBytes('text')).toBe(0);
  });

  test('sizes per level of the example', () => {
    const sizer = sizerOf(ev);
    const m = metadataLine.length + 1;
    expect(sizer.size('Metadata', false)).toBe(m);
    // Request: '"Metadata"' (10 bytes) becomes '"Request"' (9) and the request member is added.
    const requestMember = ',"requestObject":{"metadata":{"name":"x","managedFields":[{"manager":"m"}]}}';
    expect(sizer.size('Request', false)).toBe(m - 10 + 9 + requestMember.length);
    expect(sizer.size('Request', true)).toBe(sizer.size('Request', false) - 34);
    // RequestResponse: '"Request"' (9) becomes '"RequestResponse"' (17) and the response member is added.
    expect(sizer.size('RequestResponse', false)).toBe(
      sizer.size('Request', false) + 8 + ',"responseObject":{"ok":true}'.length,
    );
  });
});

describe('truncation (kube-apiserver --audit-log-truncate-enabled)', () => {
  test('truncatedSize equals re-serializing the truncated event, for every fixture event and level', () => {
    const list = events(fs.readFileSync(FIXTURE, 'utf8'));
    list.push(
      JSON.parse(
        '{"verb":"get","stage":"Panic","level":"Request","annotations":{"a":"b"},"requestObject":{}}',
      ),
      JSON.parse('{"verb":"get","stage":"Panic","level":"Request","annotations":{},"requestObject":{}}'),
      JSON.parse('{"verb":"get","stage":"Panic","annotations":null,"requestObject":{}}'),
      JSON.parse('{"verb":"get","stage":"Panic","annotations":{"audit.k8s.io/truncated":"yes"}}'),
      // The apiserver's layout: annotations after the timestamps (read on demand by the sizer).
      JSON.parse(
        '{"kind":"Event","level":"RequestResponse","stage":"ResponseComplete","requestURI":"/api/v1/pods",' +
          '"verb":"list","user":{"username":"u"},"sourceIPs":["10.0.0.1"],"requestObject":{"a":1},' +
          '"responseObject":{"b":2},"requestReceivedTimestamp":"2026-01-05T10:00:00.000000Z",' +
          '"stageTimestamp":"2026-01-05T10:00:00.000000Z","annotations":{"x":"RBAC: allowed \\"y\\""}}',
      ),
    );
    for (const ev of list) {
      const sizer = sizerOf(ev);
      for (const level of LEVELS) {
        expect(sizer.truncatedSize(level)).toBe(
          Buffer.byteLength(JSON.stringify(truncatedEvent(ev, level))) + 1,
        );
      }
    }
  });

  test('the truncated event: no bodies, level kept, annotation added', () => {
    const ev = JSON.parse(
      '{"verb":"create","stage":"ResponseComplete","level":"RequestResponse","requestObject":{"a":1},' +
        '"responseObject":{"b":2},"annotations":{"x":"y"}}',
    );
    expect(JSON.stringify(truncatedEvent(ev, 'Request'))).toBe(
      '{"verb":"create","stage":"ResponseComplete","level":"Request","annotations":{"x":"y","audit.k8s.io/truncated":"true"}}',
    );
  });
});
