import { AuditLogDestination } from '../../src/constructs';
import { synthValid } from './helpers';
import { destinationSpec, ship } from './audit-log-shipping-helpers';

describe('AuditLogShipping: CEF encoding', () => {
  test.each<[string, AuditLogDestination, string]>([
    [
      'Socket',
      {
        type: 'Socket',
        name: 'siem',
        address: 'siem.example.com:6514',
        mode: 'TCP',
        encoding: 'CEF',
        cef: { deviceVendor: 'Flant', deviceProduct: 'kube-audit', deviceVersion: '1.77' },
      },
      'socket',
    ],
    [
      'Kafka',
      {
        type: 'Kafka',
        name: 'kafka',
        bootstrapServers: ['kafka-0.example.com:9093'],
        topic: 'kube-audit',
        encoding: 'CEF',
        cef: { deviceVendor: 'Flant', deviceProduct: 'kube-audit', deviceVersion: '1.77' },
      },
      'kafka',
    ],
  ])(
    '%s: encoding CEF with cef renders encoding { codec: CEF, cef } and validates',
    (_type, destination, block) => {
      const objects = synthValid(ship([destination]).chart);
      expect(destinationSpec(objects, destination.name)[block].encoding).toEqual({
        codec: 'CEF',
        cef: { deviceVendor: 'Flant', deviceProduct: 'kube-audit', deviceVersion: '1.77' },
      });
    },
  );

  test('CEF without cef leaves the header to the CRD defaults; a partial cef keeps only the given fields', () => {
    const objects = synthValid(
      ship([
        { type: 'Socket', name: 'a', address: 's:6514', mode: 'TCP', encoding: 'CEF' },
        {
          type: 'Socket',
          name: 'b',
          address: 's:6514',
          mode: 'TCP',
          encoding: 'CEF',
          cef: { deviceProduct: 'audit' },
        },
      ]).chart,
    );
    expect(destinationSpec(objects, 'a').socket.encoding).toEqual({ codec: 'CEF' });
    expect(destinationSpec(objects, 'b').socket.encoding).toEqual({
      codec: 'CEF',
      cef: { deviceProduct: 'audit' },
    });
  });
});
