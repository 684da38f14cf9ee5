import { JsonPatch, Testing } from 'cdk8s';
import { ControlPlaneAuditConfig, DeckhouseClusterAudit, LogShipperModule } from '../../src/constructs';
import { synthError, synthValid } from './helpers';

// ModuleConfig settings are committed with the other manifests and neither module has a credential setting:
// control-plane-manager's URL settings (apiserver.authn.webhookURL, apiserver.authz.webhookURL,
// apiserver.authn.oidcIssuerURL) and CA settings (oidcCA, webhookCA, kubeconfigGeneratorMasterCA, whose
// description tells to read Secret kubernetes-api-ca-key-pair, which also holds the CA's key) are where a
// credential lands by mistake (control-plane-manager.config-values.yaml in ../shared/upstream).

const KEY_PAIR = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nMIIBcert\n-----END CERTIFICATE-----\n' +
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEZq9Secret\n-----END RSA PRIVATE KEY-----\n',
).toString('base64');
const CERTIFICATE = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nMIIBcert\n-----END CERTIFICATE-----\n',
).toString('base64');

describe('credentials in control-plane-manager settings', () => {
  test.each<[string, Record<string, unknown>, string]>([
    [
      'user:password@ in the authentication webhook URL',
      { apiserver: { authn: { webhookURL: 'https://hook:Zq9Secret@authn.example.com/check' } } },
      'controlPlaneSettings.apiserver.authn.webhookURL',
    ],
    [
      'a token parameter in the OIDC issuer URL',
      { apiserver: { authn: { oidcIssuerURL: 'https://dex.example.com/?access_token=Zq9Secret' } } },
      'controlPlaneSettings.apiserver.authn.oidcIssuerURL',
    ],
    [
      'the CA key pair pasted as the OIDC CA',
      { apiserver: { authn: { oidcCA: KEY_PAIR } } },
      'controlPlaneSettings.apiserver.authn.oidcCA',
    ],
  ])('%s is refused, naming the setting, without the value', (_name, settings, field) => {
    const chart = Testing.chart();
    new DeckhouseClusterAudit(chart, 'Audit', { controlPlaneSettings: settings, lint: { enabled: false } });
    const message = synthError(chart);
    expect(message).toContain(`[test/Audit/ControlPlane] ${field}: expected no inline credential`);
    expect(message).not.toMatch(/Zq9Secret|MIIEZq9/);
  });

  test('a CA certificate alone and ordinary URLs are kept', () => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'ControlPlane', {
      additionalSettings: {
        apiserver: { authn: { oidcIssuerURL: 'https://dex.example.com/', oidcCA: CERTIFICATE } },
      },
    });
    const [moduleConfig] = synthValid(chart);
    expect(moduleConfig.spec.settings.apiserver.authn.oidcCA).toBe(CERTIFICATE);
  });

  test('an escape-hatch patch that adds one is refused at synth', () => {
    const chart = Testing.chart();
    const config = new ControlPlaneAuditConfig(chart, 'ControlPlane', {});
    config.resource.addJsonPatch(
      JsonPatch.add('/spec/settings/apiserver/authz', {
        webhookURL: 'https://u:Zq9Secret@authz.example.com',
      }),
    );
    const message = synthError(chart);
    expect(message).toContain('additionalSettings.apiserver.authz.webhookURL: expected no inline credential');
    expect(message).not.toContain('Zq9Secret');
  });
});

describe('credentials in log-shipper settings', () => {
  test('a token is refused; toleration keys and node selector labels are no secrets', () => {
    const chart = Testing.chart();
    new LogShipperModule(chart, 'LogShipper', {
      version: 1,
      settings: {
        nodeSelector: { 'node-role/secret': 'true' },
        tolerations: [{ key: 'dedicated', value: 'ops' }],
      },
    });
    expect(synthValid(chart)[0].spec.settings.tolerations).toEqual([{ key: 'dedicated', value: 'ops' }]);

    const leaky = Testing.chart();
    new LogShipperModule(leaky, 'LogShipper', {
      version: 1,
      settings: { tolerations: [{ key: 'x', value: 'glpat-Zq9SecretZq9SecretZq9' }] },
    });
    const message = synthError(leaky);
    expect(message).toContain(
      '[test/LogShipper] settings.tolerations[0].value: expected no inline credential',
    );
    expect(message).not.toContain('Zq9Secret');
  });
});
