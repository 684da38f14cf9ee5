/**
 * The keys of the log-shipper module's settings (`spec.settings` of ModuleConfig log-shipper), as its schema
 * lists them: deckhouse/deckhouse modules/460-log-shipper/openapi/config-values.yaml (main, 2025). Deckhouse
 * validates a ModuleConfig's settings against the module's schema with every object closed (the way
 * schema-compile.ts closes the control-plane-manager schema), so a misspelt key is refused and Argo CD cannot
 * sync the ModuleConfig. log-shipper is an external module from DKP 1.77 and a newer release may add keys, so
 * an unknown key is a warning, not an error.
 */
import { closestMatch } from '../policy/did-you-mean';
import { isJsonObject } from './json-values';

/** A settings object's known keys: each to the keys of its own value when that is an object, else true. */
export interface SettingsKeys {
  readonly [key: string]: SettingsKeys | true;
}

const CPU_RANGE: SettingsKeys = { min: true, max: true };

/** log-shipper's settings keys (config-values.yaml); nodeSelector is a free map, tolerations a list. */
export const LOG_SHIPPER_SETTINGS_KEYS: SettingsKeys = {
  debug: true,
  nodeSelector: true,
  tolerations: true,
  resourcesRequests: {
    mode: true,
    vpa: { mode: true, cpu: CPU_RANGE, memory: CPU_RANGE },
    static: { cpu: true, memory: true },
  },
};

/**
 * One message per key of `settings` (at any depth of a known object) that `known` does not list: its path
 * (`settings.resourcesRequests.vpa.cpu.mx`), the closest known key when one is near, and what Deckhouse does.
 */
export function unknownSettingsKeys(
  settings: unknown,
  known: SettingsKeys = LOG_SHIPPER_SETTINGS_KEYS,
  path = 'settings',
): string[] {
  if (!isJsonObject(settings)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    const inner = Object.prototype.hasOwnProperty.call(known, key) ? known[key] : undefined;
    if (inner === undefined) {
      const near = closestMatch(key, Object.keys(known));
      out.push(
        `${path}.${key}: not a log-shipper setting (modules/460-log-shipper/openapi/config-values.yaml knows ` +
          `${Object.keys(known).join(', ')}); Deckhouse refuses a ModuleConfig with an unknown settings key, so ` +
          `Argo CD cannot sync it. Fix: ${near !== undefined ? `write ${near}` : 'remove it'}, unless your ` +
          'log-shipper release added it',
      );
    } else if (inner !== true) out.push(...unknownSettingsKeys(value, inner, `${path}.${key}`));
  }
  return out;
}
