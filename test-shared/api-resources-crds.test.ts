import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_DECKHOUSE_DIR, readDeckhouseCrds } from '../scripts/import-crds';
import { API_RESOURCES } from '../src/policy/api-resources';
import { DECKHOUSE_CRD_RESOURCES } from '../src/policy/deckhouse-crd-resources';
import { kubectlRequest } from '../src/policy/kubectl-request';

// The kubectl resource table's rows for the Deckhouse kinds must say what the CRDs in
// ../shared/upstream/deckhouse/crds say: plural, group, scope, names, and the version kubectl uses.

interface CrdNames {
  plural: string;
  singular?: string;
  shortNames?: string[];
}
interface CrdSpec {
  group: string;
  scope: 'Cluster' | 'Namespaced';
  names: CrdNames;
  versions: Array<{ name: string; served: boolean }>;
}

// Discovery lists a group's versions by Kubernetes version priority (k8s.io/apimachinery
// version.CompareKubeAwareVersionStrings): GA before beta before alpha, higher numbers first. kubectl uses
// the first, the preferred version.
function priority(version: string): [number, number, number] {
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!match) return [-1, 0, 0];
  const stability = match[2] === undefined ? 2 : match[2] === 'beta' ? 1 : 0;
  return [stability, Number(match[1]), Number(match[3] ?? 0)];
}

function preferredVersion(versions: CrdSpec['versions']): string {
  return versions
    .filter((v) => v.served)
    .map((v) => v.name)
    .sort((a, b) => {
      const [pa, pb] = [priority(a), priority(b)];
      return pb[0] - pa[0] || pb[1] - pa[1] || pb[2] - pa[2];
    })[0];
}

const crds = readDeckhouseCrds().map(({ file, crd }) => ({ file, spec: crd.spec as unknown as CrdSpec }));

describe('kubectl resource table against the Deckhouse CRDs', () => {
  test('the shared directory holds the CRDs this test reads', () => {
    expect(crds.map((c) => c.spec.names.plural).sort()).toEqual(
      expect.arrayContaining(['clusterlogdestinations', 'clusterloggingconfigs', 'moduleconfigs']),
    );
  });

  test.each(crds.map((c) => [c.spec.names.plural, c] as const))('%s', (_plural, { spec }) => {
    const row = API_RESOURCES.find((r) => r.group === spec.group && r.resource === spec.names.plural);
    expect(row).toBeDefined();
    expect(row?.namespaced).toBe(spec.scope === 'Namespaced');
    expect(row?.version).toBe(preferredVersion(spec.versions));
    expect(row?.aliases).toEqual(
      expect.arrayContaining([spec.names.singular ?? spec.names.plural, ...(spec.names.shortNames ?? [])]),
    );
  });

  test.each(crds.map((c) => [c.spec.names.plural, c] as const))(
    'kubectl get %s: the URL and scope kubectl uses',
    (plural, { spec }) => {
      const version = preferredVersion(spec.versions);
      const { method, url, request } = kubectlRequest(`get ${plural} -n prod`);
      const namespaced = spec.scope === 'Namespaced';
      expect(`${method} ${url}`).toBe(
        `GET /apis/${spec.group}/${version}${namespaced ? '/namespaces/prod' : ''}/${plural}?limit=500`,
      );
      expect(request.namespace ?? '').toBe(namespaced ? 'prod' : '');
    },
  );

  // SOURCES.md rows: | crds/FILE | UPSTREAM PATH | index version @SHA ... |
  const sources = new Map(
    fs
      .readFileSync(path.join(DEFAULT_DECKHOUSE_DIR, 'SOURCES.md'), 'utf8')
      .split('\n')
      .map((line) => /^\| crds\/([^ |]+) \| ([^ |]+) \| [^|]*?@([0-9a-f]{40})/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], `deckhouse/deckhouse:${m[2]}@${m[3]}`]),
  );

  test.each(crds.map((c) => [c.spec.names.plural, c] as const))(
    '%s: the data table names the upstream file SOURCES.md gives',
    (plural, { file }) => {
      const row = DECKHOUSE_CRD_RESOURCES.find((r) => r.resource === plural && r.group === 'deckhouse.io');
      expect(row?.source).toBe(sources.get(file));
    },
  );
});
