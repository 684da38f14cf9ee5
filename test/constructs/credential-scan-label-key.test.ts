import { AuditLogDestination, scanCredentials } from '../../src/constructs';
import { ofKind, synthError, synthValid } from './helpers';
import { ship } from './credential-scan-helpers';

// Deckhouse's ClusterLogDestination CRD documents extraLabels with the example
// `{forwarder: vector, key: value, app_info: '{{ app }}', ...}` (x-doc-examples of spec.extraLabels): a label
// named `key` is a label. A key is a credential where the CRD puts one: the TLS clientCrt.keyFile/keyPass and
// Kafka's sasl.password, and a map key named `key` elsewhere.
describe('a label named key', () => {
  it('is a label in extraLabels: synthesized as written, not refused or hidden', () => {
    const destination: AuditLogDestination = {
      type: 'Vector',
      name: 'v',
      endpoint: 'v:6000',
      extraLabels: { forwarder: 'vector', key: 'value' },
    };
    const [rendered] = ofKind(synthValid(ship([destination]).chart), 'ClusterLogDestination');
    expect(rendered.spec.extraLabels).toEqual({ forwarder: 'vector', key: 'value' });
    expect(scanCredentials({ spec: { extraLabels: { key: 'value', Key: 'v2' } } })).toEqual([]);
  });

  it('a message about it quotes the value, as for any label', () => {
    const destination: AuditLogDestination = {
      type: 'Vector',
      name: 'v',
      endpoint: 'v:6000',
      extraLabels: { key: 'not a label value!' },
    };
    // The construct may refuse the prop at once (a prop wrong on its own) or at synth: either message counts.
    const messageOf = (make: () => string): string => {
      try {
        return make();
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    };
    const message = messageOf(() => synthError(ship([destination]).chart));
    expect(message).toContain('extraLabels.key');
    expect(message).toContain('"not a label value!"');
  });

  it('its value is still judged by its shape, and other secret-looking label names still count', () => {
    const found = scanCredentials({
      spec: { extraLabels: { key: 'ghp_0123456789abcdefghijklmnopqrstuvwxyz', api_key: 'abc123' } },
    });
    expect(found.map((f) => [f.pointer, f.what])).toEqual([
      ['/spec/extraLabels/key', 'GitHub token'],
      ['/spec/extraLabels/api_key', 'value under the secret-looking name "api_key"'],
    ]);
  });

  it('is a credential where it is one: the TLS key fields, and a map key named key outside extraLabels', () => {
    const found = scanCredentials({
      spec: {
        loki: { tls: { clientCrt: { keyFile: 'c2VjcmV0', keyPass: 'pass' } } },
        kafka: { sasl: { password: 'pw' } },
        splunk: { indexedFields: { key: 'abc123' } },
      },
    });
    expect(found.map((f) => f.pointer)).toEqual([
      '/spec/loki/tls/clientCrt/keyFile',
      '/spec/loki/tls/clientCrt/keyPass',
      '/spec/kafka/sasl/password',
      '/spec/splunk/indexedFields/key',
    ]);
  });
});
