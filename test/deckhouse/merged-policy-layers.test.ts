import { DECKHOUSE_BASIC_RULES } from '../../src/deckhouse/basic-rules';
import { isSystemNamespaceRule, isSystemServiceAccountRule } from '../../src/deckhouse/built-in-rule-shapes';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { readMergedAuditPolicy } from '../../src/deckhouse/merged-policy';
import { Policy, PolicyRule, RuleLayer } from '../../src/policy/types';
import { renderAsDeckhouseWrites } from '../support/deckhouse-merged-file';
import { mulberry32, pick } from '../support/seeded-random';

// Layer recognition across releases: whatever rules a release adds or removes, the layers read from the
// merged file are the layers it was built from, and the rules read back rebuild the file.

const SNAP = DECKHOUSE_BASIC_RULES;
const SA = SNAP.basic.findIndex(isSystemServiceAccountRule);
const NS = SNAP.basic.findIndex(isSystemNamespaceRule);

interface Layers {
  basic: PolicyRule[];
  virtualization: PolicyRule[];
  custom: PolicyRule[];
  tail: PolicyRule[];
  omitStages?: Policy['omitStages'];
}

// Rules no Deckhouse release has: what a release might add, or what a user writes.
const NEW_BASIC: PolicyRule[] = [
  { level: 'None', resources: [{ group: 'example.deckhouse.io', resources: ['heartbeats'] }] },
  { level: 'Metadata', verbs: ['create', 'delete'], resources: [{ resources: ['persistentvolumes'] }] },
  { level: 'None', users: ['system:serviceaccount:d8-new:probe'], verbs: ['update'] },
];
const CUSTOM: PolicyRule[] = [
  { level: 'Request', verbs: ['get', 'create'], resources: [{ resources: ['pods/exec'] }] },
  { level: 'Metadata', resources: [{ resources: ['secrets', 'configmaps'] }] },
  { level: 'None', users: ['system:kube-proxy'], verbs: ['watch'] },
  {
    level: 'RequestResponse',
    resources: [{ group: 'apps', resources: ['deployments'] }],
    namespaces: ['prod'],
  },
  { level: 'Metadata', nonResourceURLs: ['/version', '/healthz*'] },
  { level: 'Request', userGroups: ['admins'], omitStages: ['RequestReceived'] },
];
const NEW_VIRTUALIZATION: PolicyRule = {
  level: 'Metadata',
  verbs: ['create', 'delete'],
  resources: [{ group: 'network.virtualization.deckhouse.io', resources: ['vmnetworks'] }],
};

function fileOf(layers: Layers): string {
  const rules = [...layers.basic, ...layers.virtualization, ...layers.custom, ...layers.tail];
  return renderAsDeckhouseWrites({
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    ...(layers.omitStages ? { omitStages: layers.omitStages } : {}),
    rules,
  });
}

function expectRead(layers: Layers): void {
  const merged = readMergedAuditPolicy(fileOf(layers));
  expect(merged.errors).toEqual([]);
  const expected = (['basic', 'virtualization', 'custom', 'tail'] as RuleLayer[]).flatMap((layer) =>
    layers[layer].map((_, index) => ({ layer, index })),
  );
  expect(merged.origins).toEqual(expected);
  const again = deckhouseEffectivePolicy({
    basicRules: merged.builtInRules,
    customPolicy: merged.customPolicy,
  });
  expect(again.policy.rules).toEqual(merged.policy!.rules);
  expect(again.policy.omitStages).toEqual(merged.policy!.omitStages);
}

const without = (list: readonly PolicyRule[], ...indexes: number[]) =>
  list.filter((_, i) => !indexes.includes(i));
const snapshotLayers = (custom: PolicyRule[] = CUSTOM.slice(0, 2)): Layers => ({
  basic: [...SNAP.basic],
  virtualization: [...SNAP.virtualization],
  custom,
  tail: [...SNAP.tail],
});

describe('layers of merged files of other releases', () => {
  it.each<[string, () => Layers]>([
    ['the snapshot', () => snapshotLayers()],
    [
      'the always-shadowed pods/log rule (basic #20) removed',
      () => ({ ...snapshotLayers(), basic: without(SNAP.basic, 19) }),
    ],
    [
      'both pods/log rules removed (1.76)',
      () => ({ ...snapshotLayers(), basic: without(SNAP.basic, 10, 19) }),
    ],
    ['a new basic rule first', () => ({ ...snapshotLayers(), basic: [NEW_BASIC[0], ...SNAP.basic] })],
    [
      'a new basic rule after the list rules',
      () => ({
        ...snapshotLayers(),
        basic: [...SNAP.basic.slice(0, 15), NEW_BASIC[1], ...SNAP.basic.slice(15)],
      }),
    ],
    ['a new last basic rule', () => ({ ...snapshotLayers(), basic: [...SNAP.basic, NEW_BASIC[2]] })],
    [
      'the ServiceAccount and namespace rules swapped',
      () => {
        const basic = [...SNAP.basic];
        [basic[SA], basic[NS]] = [basic[NS], basic[SA]];
        return { ...snapshotLayers(), basic };
      },
    ],
    [
      'an extra ServiceAccount appended verbatim, malformed (extra-audit-policy-config)',
      () => {
        const basic = [...SNAP.basic];
        basic[SA] = { ...basic[SA], users: [...basic[SA].users!, 'd8-istio:istiod-v1x21'] };
        return { ...snapshotLayers(), basic };
      },
    ],
    ['no virtualization rules (an older release)', () => ({ ...snapshotLayers(), virtualization: [] })],
    ['no tail (before deckhouse PR #16714)', () => ({ ...snapshotLayers(), tail: [] })],
    ['neither virtualization nor tail', () => ({ ...snapshotLayers(), virtualization: [], tail: [] })],
    [
      'a new virtualization rule inside the run',
      () => ({
        ...snapshotLayers(),
        virtualization: [
          ...SNAP.virtualization.slice(0, 3),
          NEW_VIRTUALIZATION,
          ...SNAP.virtualization.slice(3),
        ],
      }),
    ],
    [
      'a new virtualization rule at the start of the run',
      () => ({ ...snapshotLayers(), virtualization: [NEW_VIRTUALIZATION, ...SNAP.virtualization] }),
    ],
    [
      'a virtualization rule removed',
      () => ({ ...snapshotLayers(), virtualization: without(SNAP.virtualization, 4) }),
    ],
    ['no custom rules', () => snapshotLayers([])],
    [
      'no custom rules, custom omitStages only',
      () => ({ ...snapshotLayers([]), omitStages: ['RequestReceived'] }),
    ],
    [
      'custom rules that copy built-in ones (the list rule, a basic rule, a tail rule)',
      () => snapshotLayers([CUSTOM[0], SNAP.basic[SA], SNAP.basic[14], SNAP.tail[0], CUSTOM[1]]),
    ],
    ['a custom catch-all before the tail', () => snapshotLayers([CUSTOM[0], { level: 'Metadata' }])],
    // The hook writes each built-in rule once: a user's copy of one the file already has is custom, even where
    // no virtualization run marks the end of the basic rules (a release before deckhouse PR #13086).
    [
      'no virtualization rules, custom rules that start with copies of basic rules (leases, system namespaces)',
      () => ({
        ...snapshotLayers([SNAP.basic[1], SNAP.basic[NS], CUSTOM[0], CUSTOM[1]]),
        virtualization: [],
        tail: [],
      }),
    ],
    [
      'no virtualization rules, a copy of the last basic rule first',
      () => ({ ...snapshotLayers([SNAP.basic[19], CUSTOM[1]]), virtualization: [] }),
    ],
    [
      'a custom rule that copies a virtualization rule first (the run does not take it)',
      () => snapshotLayers([SNAP.virtualization[1], CUSTOM[0]]),
    ],
    [
      'a 1.77+ release (upmeter rules gone, basic #20 gone), custom rules copying basic #2 and virtualization #1',
      () => ({
        ...snapshotLayers([SNAP.basic[1], SNAP.virtualization[0], CUSTOM[1]]),
        basic: without(SNAP.basic, 5, 6, 19),
      }),
    ],
  ])('%s', (_name, layers) => expectRead(layers()));
});

describe('a rule about virtualization resources right after the virtualization rules', () => {
  it('is read as custom (users write such rules on DVP), with a warning naming it', () => {
    const layers = snapshotLayers([NEW_VIRTUALIZATION, CUSTOM[0]]);
    expectRead(layers);
    const merged = readMergedAuditPolicy(fileOf(layers), { source: 'f.yaml' });
    expect(merged.warnings).toEqual([
      {
        message: expect.stringMatching(
          /^f\.yaml: rules\[27\] selects virtualization resources right after Deckhouse's virtualization rules; it is read as your first custom rule/,
        ),
        field: 'rules[27]',
      },
    ]);
    expect(readMergedAuditPolicy(fileOf(snapshotLayers())).warnings).toEqual([]);
  });
});

describe('layer recognition, property: random releases and custom policies', () => {
  const anchors = new Set([SA, NS]);
  it('reads back the layers of 120 generated merged files', () => {
    const rng = mulberry32(20260715);
    for (let run = 0; run < 120; run++) {
      const withVirtualization = rng() < 0.8;
      const withTail = rng() < 0.8;
      // Known basic rules, each kept or dropped (the two list rules always kept: every release has them).
      let basic = SNAP.basic.filter((_, i) => anchors.has(i) || rng() < 0.85);
      // A release may add rules anywhere before its list rules; after them only when the virtualization run
      // marks where the basic rules end (without it, an unknown rule there is indistinguishable from a custom one)
      // and the tail follows (without it, unknown rules right before a run that ends the file are the custom
      // rules of a release before deckhouse PR #15603: merged-policy-old-releases.test.ts).
      if (rng() < 0.5) {
        const lastAnchor = Math.max(...basic.map((r, i) => (anchors.has(SNAP.basic.indexOf(r)) ? i : -1)));
        const at = Math.floor(rng() * ((withVirtualization && withTail ? basic.length : lastAnchor) + 1));
        basic = [...basic.slice(0, at), pick(rng, NEW_BASIC), ...basic.slice(at)];
      }
      const virtualization = withVirtualization
        ? SNAP.virtualization.filter((_, i) => i === 0 || rng() < 0.85)
        : [];
      const custom = Array.from({ length: Math.floor(rng() * 5) }, () => pick(rng, CUSTOM));
      const tail = withTail ? [...SNAP.tail] : [];
      const omitStages: Policy['omitStages'] = rng() < 0.3 ? ['RequestReceived'] : undefined;
      expectRead({ basic, virtualization, custom, tail, omitStages });
    }
  });
});
