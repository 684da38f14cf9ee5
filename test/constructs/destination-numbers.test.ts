// Numbers of a ClusterLogDestination that the CRD's schema lets through but log-shipper cannot use. Facts:
// the CRD's description of spec.buffer.disk.maxSize ("Must be at least ~256MB (268435488 bytes)", in
// ../shared/upstream/deckhouse/crds/cluster-log-destination.yaml; the bundled schema has no prose), and the Go types log-shipper
// decodes the object into (deckhouse modules/460-log-shipper/apis/v1alpha1/cluster_log_destination.go:
// BufferMemory.MaxEvents uint32, RateLimitSpec.LinesPerMinute *int32).
import { Testing } from 'cdk8s';
import { AuditLogDestination, AuditLogShipping } from '../../src/constructs';
import { DISK_BUFFER_MAX_BYTES, DISK_BUFFER_MIN_BYTES, parseQuantity } from '../../src/constructs/quantity';
import { synthError, synthValid, ofKind } from './helpers';

const KAFKA = {
  type: 'Kafka' as const,
  name: 'k',
  bootstrapServers: ['kafka.example.com:9092'],
  topic: 'audit',
};

function shipping(destination: AuditLogDestination): ReturnType<typeof Testing.chart> {
  const chart = Testing.chart();
  new AuditLogShipping(chart, 'ship', { destinations: [destination] });
  return chart;
}

describe('the disk buffer minimum from the CRD', () => {
  test("the constant is the CRD description's number (test-shared checks it against the CRD text)", () => {
    expect(DISK_BUFFER_MIN_BYTES).toBe(268435488);
  });

  // 256Mi is 268435456 bytes: 32 bytes short of the minimum.
  test.each(['10Mi', '256M', '256Mi', 268435487, '0.25Gi'])('maxSize %p is refused', (maxSize) => {
    const message = synthError(shipping({ ...KAFKA, buffer: { type: 'Disk', maxSize } }));
    expect(message).toMatch(
      /destinations\[0\]\.buffer\.maxSize: received .*, expected at least 268435488 bytes/,
    );
    expect(message).toMatch(/Fix: e\.g\. "1Gi"/);
  });

  test.each(['1Gi', '257Mi', '268435488', 268435488, '1e9', '0.5Gi', '300M'])(
    'maxSize %p is accepted',
    (maxSize) => {
      const [destination] = ofKind(
        synthValid(shipping({ ...KAFKA, buffer: { type: 'Disk', maxSize } })),
        'ClusterLogDestination',
      );
      expect(destination!.spec.buffer.disk.maxSize).toBe(maxSize);
    },
  );

  test('parseQuantity reads Kubernetes quantities as bytes', () => {
    expect(parseQuantity('1Gi')).toBe(1073741824);
    expect(parseQuantity('256Mi')).toBe(268435456);
    expect(parseQuantity('1k')).toBe(1000);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('.5Ki')).toBe(512);
    expect(parseQuantity(42)).toBe(42);
    expect(parseQuantity('lots')).toBeUndefined();
  });
});

// log-shipper converts the quantity with `uint32(buffer.Disk.MaxSize.Value())` (deckhouse
// modules/460-log-shipper/hooks/internal/vector/destination/common.go, buildVectorBufferNotNil): Go's conversion
// keeps the low 32 bits, so 4Gi becomes 0 (then raised to the 268435488-byte minimum) and 10Gi becomes 2Gi.
describe('the disk buffer maximum of log-shipper (an unsigned 32-bit byte count)', () => {
  test('the constant is 2^32 - 1', () => {
    expect(DISK_BUFFER_MAX_BYTES).toBe(4294967295);
  });

  test.each(['4Gi', '10Gi', '10Ti', 4294967296, '5G', '4294967295.5'])('maxSize %p is refused', (maxSize) => {
    const message = synthError(shipping({ ...KAFKA, buffer: { type: 'Disk', maxSize } }));
    expect(message).toMatch(
      /\[test\/ship\] destinations\[0\]\.buffer\.maxSize: received .*, expected at most 4294967295 bytes/,
    );
    expect(message).toContain('uint32');
    expect(message).toMatch(/Fix: e\.g\. "4095Mi"/);
  });

  test('the message says what the agent would get', () => {
    expect(synthError(shipping({ ...KAFKA, buffer: { type: 'Disk', maxSize: '10Gi' } }))).toContain(
      'this size would become 2147483648 bytes',
    );
    expect(synthError(shipping({ ...KAFKA, buffer: { type: 'Disk', maxSize: '4Gi' } }))).toContain(
      'this size would become 0 bytes, raised to the 268435488-byte minimum',
    );
    expect(synthError(shipping({ ...KAFKA, buffer: { type: 'Disk', maxSize: '1e400' } }))).toContain(
      'expected at most 4294967295 bytes',
    );
  });

  test.each(['4095Mi', 4294967295, '4G', '4294967295'])('maxSize %p is accepted', (maxSize) => {
    synthValid(shipping({ ...KAFKA, buffer: { type: 'Disk', maxSize } }));
  });
});

describe('integers where log-shipper decodes integers', () => {
  test.each([-1, 0.5, 4294967296])('memory maxEvents %p is refused (uint32)', (maxEvents) => {
    expect(synthError(shipping({ ...KAFKA, buffer: { type: 'Memory', maxEvents } }))).toMatch(
      /destinations\[0\]\.buffer\.maxEvents: received .*, expected a whole number of events from 1 to 4294967295/,
    );
  });

  test('memory maxEvents 10000 is accepted', () => {
    const objects = synthValid(shipping({ ...KAFKA, buffer: { type: 'Memory', maxEvents: 10000 } }));
    expect(ofKind(objects, 'ClusterLogDestination')[0]!.spec.buffer.memory.maxEvents).toBe(10000);
  });

  test.each([0.5, 1000.25, 2147483648])(
    'rateLimit.linesPerMinute %p is refused (int32)',
    (linesPerMinute) => {
      expect(synthError(shipping({ ...KAFKA, rateLimit: { linesPerMinute } }))).toMatch(
        /destinations\[0\]\.rateLimit\.linesPerMinute: received .*, expected a whole number from 1 to 2147483647/,
      );
    },
  );
});
