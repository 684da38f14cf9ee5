import { Chart, Testing } from 'cdk8s';
import { LogShipperModule } from '../../src/constructs/log-shipper-module';
import { collectWarnings } from '../../src/constructs/warnings';

// log-shipper's settings schema, deckhouse/deckhouse modules/460-log-shipper/openapi/config-values.yaml: the keys
// debug, nodeSelector, tolerations and resourcesRequests (mode, vpa {mode, cpu {min, max}, memory {min, max}},
// static {cpu, memory}). A ModuleConfig whose settings carry another key is refused by Deckhouse.
function warningsFor(settings: Record<string, unknown>): string[] {
  const chart = new Chart(Testing.app(), 'c');
  new LogShipperModule(chart, 'ls', { settings, version: 1 });
  return collectWarnings(chart);
}

describe('LogShipperModule: settings keys the log-shipper schema does not know', () => {
  test('the settings of the schema, at every depth, give no warning', () => {
    expect(
      warningsFor({
        debug: true,
        nodeSelector: { 'node-role.kubernetes.io/system': '' },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'system', effect: 'NoSchedule' }],
        resourcesRequests: {
          mode: 'VPA',
          vpa: { mode: 'Auto', cpu: { min: '50m', max: 2 }, memory: { min: '256Mi', max: '2Gi' } },
          static: { cpu: '55m', memory: '256Ki' },
        },
      }),
    ).toEqual([]);
  });

  test('a misspelt key is named with its path and the key it is probably meant to be', () => {
    const warnings = warningsFor({
      debg: true,
      resourcesRequests: { mode: 'VPA', vpa: { cpu: { maxx: 2 } } },
    });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('settings.debg: not a log-shipper setting');
    expect(warnings[0]).toContain('Fix: write debug');
    expect(warnings[1]).toContain('settings.resourcesRequests.vpa.cpu.maxx: not a log-shipper setting');
    expect(warnings[1]).toContain('Fix: write max');
    expect(warnings[1]).toContain('Deckhouse refuses a ModuleConfig with an unknown settings key');
  });

  test('a key far from every known one is to be removed; free maps (nodeSelector) take any key', () => {
    const warnings = warningsFor({ bufferSize: 10, nodeSelector: { anything: 'x' } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('settings.bufferSize: not a log-shipper setting');
    expect(warnings[0]).toContain('Fix: remove it');
  });
});
