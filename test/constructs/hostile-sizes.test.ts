import { Testing } from 'cdk8s';
import { AuditLogShipping, base64Pem, ControlPlaneAuditConfig } from '../../src/constructs';
import { isStdBase64 } from '../../src/constructs/destination-base64';
import { PLAIN_DATA_MAX_STRING_LENGTH } from '../../src/constructs/plain-data';
import { decodeBase64 } from '../../src/deckhouse/secret-key';
import { synthError, synthValid } from './helpers';

// Values of hostile size: a clear refusal naming the field, in bounded time, never a RangeError from the regular
// expression engine ("Maximum call stack size exceeded") or a synth that does not end.
// Fact: kube-apiserver refuses a request body over 3 MiB (k8s.io/apiserver pkg/server/config.go,
// MaxRequestBodyBytes: 3 * 1024 * 1024), so no object can hold a longer string.

const untyped = (props: unknown) => props as never;

describe('a string longer than any object the API server accepts', () => {
  test('is refused where the construct is created, naming the field and its length', () => {
    const long = 'a'.repeat(PLAIN_DATA_MAX_STRING_LENGTH + 1);
    expect(PLAIN_DATA_MAX_STRING_LENGTH).toBe(3 * 1024 * 1024);
    expect(
      () =>
        new AuditLogShipping(Testing.chart(), 'Shipping', {
          destinations: [{ type: 'Loki', name: 'l', endpoint: `https://${long}` }],
        }),
    ).toThrow(
      `[test/Shipping] destinations[0].endpoint: received a string of ${long.length + 8} characters, expected at most 3145728`,
    );
    expect(
      () =>
        new ControlPlaneAuditConfig(Testing.chart(), 'ControlPlane', {
          additionalSettings: { apiserver: { certSANs: [long] } },
        }),
    ).toThrow(
      '[test/ControlPlane] additionalSettings.apiserver.certSANs[0]: received a string of 3145729 characters',
    );
  });

  test('a CA bundle just under the bound is checked without exhausting the stack', () => {
    const body = `${'MIIF'.repeat(16)}\n`.repeat(Math.floor((PLAIN_DATA_MAX_STRING_LENGTH * 0.74) / 65));
    const caFile = base64Pem(`-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`);
    expect(caFile.length).toBeLessThan(PLAIN_DATA_MAX_STRING_LENGTH);
    expect(caFile.length).toBeGreaterThan(3_000_000);
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [
        { type: 'Socket', name: 's', address: 'siem.example.com:6514', mode: 'TCP', tls: { caFile } },
      ],
    });
    expect(synthValid(chart)).toHaveLength(2);
  });
});

test("base64 checks (Go's StdEncoding) are linear: a 6 MB value is judged, not a stack overflow", () => {
  // Both threw RangeError before: the repeated quartet group kept its backtracking on V8's stack.
  const valid = 'QUJD'.repeat(1_500_000);
  expect(isStdBase64(valid)).toBe(true);
  expect(decodeBase64(valid)?.length).toBe(4_500_000);
  // StdEncoding: whole quartets, at most two "=" at the end, CR and LF skipped.
  expect(isStdBase64('QUI=')).toBe(true);
  expect(isStdBase64('QQ==')).toBe(true);
  expect(isStdBase64('QUI=\r\n')).toBe(true);
  expect(isStdBase64('Q===')).toBe(false);
  expect(isStdBase64('QUI')).toBe(false);
  expect(isStdBase64('QU=I')).toBe(false);
  expect(isStdBase64(`${valid}=`)).toBe(false);
  expect(decodeBase64('QU=I')).toBeUndefined();
});

test('an address with hundreds of thousands of user:password@ parts is refused in seconds, without quoting it', () => {
  const address = `${'u:Zq9@s '.repeat(380_000)}siem.example.com:514`;
  const started = Date.now();
  const message = synthError(
    (() => {
      const chart = Testing.chart();
      new AuditLogShipping(
        chart,
        'Shipping',
        untyped({ destinations: [{ type: 'Socket', name: 's', address, mode: 'TCP' }] }),
      );
      return chart;
    })(),
  );
  // Cutting the parts out one by one copied the text once per part: minutes for this value.
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(message).toContain('destinations[0].socket.address: received a value that is not shown');
  expect(message).not.toContain('Zq9@');
});

test('an Elasticsearch index longer than 255 bytes outside its templates is refused', () => {
  const chart = Testing.chart();
  new AuditLogShipping(chart, 'Shipping', {
    destinations: [
      {
        type: 'Elasticsearch',
        name: 'e',
        endpoint: 'https://es.example.com:9200',
        index: `${'é'.repeat(128)}-%F`,
      },
    ],
  });
  expect(synthError(chart)).toContain('destinations[0].elasticsearch.index: received "éééééééé');
  expect(synthError(chart)).toContain('expected an index name of at most 255 bytes');
  const fits = Testing.chart();
  new AuditLogShipping(fits, 'Shipping', {
    destinations: [
      {
        type: 'Elasticsearch',
        name: 'e',
        endpoint: 'https://es.example.com:9200',
        index: `${'a'.repeat(250)}-{{ audit_ns }}-%F`,
        extraLabels: { audit_ns: '{{ objectRef.namespace }}' },
      },
    ],
  });
  expect(synthValid(fits)).toHaveLength(2);
});
