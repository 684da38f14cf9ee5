import { stringify } from 'yaml';
import { Policy } from '../../src/policy/types';

/**
 * A policy as control-plane-manager writes the merged file (deckhouse audit_policy.go `serializePolicy`): the
 * apimachinery JSON serializer in YAML mode — encoding/json drops empty fields (`omitempty`: empty lists, the
 * core group `""`, `omitManagedFields: false`) and sigs.k8s.io/yaml's JSON-to-YAML step sorts map keys and
 * writes sequences unindented — with the `metadata:\n  creationTimestamp: null\n` line removed.
 */
export function renderAsDeckhouseWrites(policy: Policy): string {
  return stringify(omitEmpty(policy), { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}

function omitEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitEmpty);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = omitEmpty(v);
  }
  return out;
}

/** `kubectl get secret -o yaml` of a Secret holding `text` under `key` (in `data`, base64, or `stringData`). */
export function secretDump(
  key: string,
  text: string,
  options: { field?: 'data' | 'stringData' | 'both'; name?: string; otherKeys?: Record<string, string> } = {},
): string {
  const field = options.field ?? 'data';
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.otherKeys ?? {})) data[k] = b64(v);
  if (field !== 'stringData') data[key] = b64(text);
  const secret: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: options.name ?? 'd8-control-plane-manager-config', namespace: 'kube-system' },
    type: 'Opaque',
    data,
  };
  if (field !== 'data') secret.stringData = { [key]: text };
  return stringify(secret, { lineWidth: 0 });
}

/** `kubectl get configmap -o yaml` of a ConfigMap holding `text` under `key` (`data` or `binaryData`). */
export function configMapDump(
  key: string,
  text: string,
  field: 'data' | 'binaryData' | 'both' = 'data',
): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  const configMap: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'merged-audit-policy', namespace: 'default' },
  };
  if (field !== 'binaryData') configMap.data = { [key]: text };
  if (field !== 'data') configMap.binaryData = { [key]: b64 };
  return stringify(configMap, { lineWidth: 0 });
}
