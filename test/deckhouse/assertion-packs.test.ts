import {
  ASSERTION_PACKS,
  AssertionPack,
  failedStatements,
  cis,
  dvpDocumentedExclusions,
  dvpDocumentedPromises,
  falcoNeedsBodies,
  runAssertionPack,
} from '../../src/deckhouse/assertion-packs';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { evaluatePolicy } from '../../src/policy/evaluate';
import { lintPolicy } from '../../src/policy/lint';
import { toRequestAttributes } from '../../src/policy/assertions';
import { Policy, PolicyRule } from '../../src/policy/types';

const builtIn = () => deckhouseEffectivePolicy({});
const custom = (rules: PolicyRule[]): Policy => ({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules });
const failedIds = (pack: AssertionPack, policy = builtIn()) =>
  runAssertionPack(pack, policy)
    .filter((r) => !r.ok)
    .map((r) => r.id);
const fixRulesOf = (pack: AssertionPack) =>
  failedStatements(pack, runAssertionPack(pack, builtIn())).flatMap((b) => b.fixRules);

describe('pack data', () => {
  it('ids are unique and every request spec builds', () => {
    for (const pack of ASSERTION_PACKS) {
      const ids = pack.items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of pack.items) {
        if (item.request !== undefined) expect(() => toRequestAttributes(item.request!)).not.toThrow();
      }
    }
  });

  it('is plain data (serialisable for synth-time use)', () => {
    for (const pack of ASSERTION_PACKS) expect(JSON.parse(JSON.stringify(pack))).toEqual(pack);
  });
});

describe('dvpDocumentedPromises against the real built-in rules', () => {
  const results = runAssertionPack(dvpDocumentedPromises, builtIn());
  const broken = failedStatements(dvpDocumentedPromises, results);

  it('reports exactly the documented statements the built-in rules do not keep', () => {
    // The page promises exec auditing, but the basic rules list only pods/attach and pods/ephemeralcontainers.
    // (ClusterRoleBinding patches are a gap too; falcoNeedsBodies reports it.)
    expect(failedIds(dvpDocumentedPromises)).toEqual([
      'dvp.interactive.exec-websocket',
      'dvp.interactive.exec-spdy',
    ]);
    expect(broken.map((b) => b.statement)).toEqual([
      'exec and attach into Pods and added ephemeral containers are recorded',
    ]);
  });

  it('explains each failure: request, expectation, decision, deciding rule and layer', () => {
    const exec = results.find((r) => r.id === 'dvp.interactive.exec-websocket')!;
    expect(exec.decision!.level).toBe('None');
    expect(exec.origin).toEqual({ layer: 'tail', index: 0 });
    expect(exec.message).toContain('get pods/exec "web-0" in namespace "prod"');
    expect(exec.message).toContain('expected: recorded at Metadata or higher');
    expect(exec.message).toContain('decided by tail rule #1 (rules[27])');
    expect(exec.fixRules).toEqual([
      {
        level: 'Request',
        verbs: ['get', 'create'],
        resources: [{ group: '', resources: ['pods/exec'] }],
        omitStages: ['RequestReceived'],
      },
    ]);
  });

  it('the shipped fix rules, added as the custom policy, make the whole pack pass', () => {
    const fixed = deckhouseEffectivePolicy({ customPolicy: custom(fixRulesOf(dvpDocumentedPromises)) });
    expect(failedIds(dvpDocumentedPromises, fixed)).toEqual([]);
  });

  it('the fix rules lint without errors or dead rules', () => {
    const fixed = deckhouseEffectivePolicy({ customPolicy: custom(fixRulesOf(dvpDocumentedPromises)) });
    const custom_ = lintPolicy(fixed).filter((f) => f.layer === 'custom');
    expect(custom_.filter((f) => f.severity === 'error' || f.code === 'exec-websocket')).toEqual([]);
  });

  it('with the built-in rules switched off and no custom policy, nothing is kept', () => {
    const off = deckhouseEffectivePolicy({ basicAuditPolicyEnabled: false });
    expect(runAssertionPack(dvpDocumentedPromises, off).every((r) => !r.ok)).toBe(true);
  });

  it('with the built-in rules off, each interactive request is offered the rule that records it', () => {
    // Deckhouse's basic rule #19 records pods/attach and pods/ephemeralcontainers (get, patch, create) at
    // Request; without the built-in rules the exec rule alone would leave attach and debug unrecorded.
    const off = deckhouseEffectivePolicy({ basicAuditPolicyEnabled: false });
    const results = runAssertionPack(dvpDocumentedPromises, off);
    const offered = (id: string) =>
      results.find((r) => r.id === `dvp.interactive.${id}`)!.fixRules!.map((r) => r.resources![0].resources);
    expect(offered('exec-websocket')).toEqual([['pods/exec']]);
    expect(offered('attach-spdy')).toEqual([['pods/attach', 'pods/ephemeralcontainers']]);
    expect(offered('ephemeral')).toEqual([['pods/attach', 'pods/ephemeralcontainers']]);
    const statement = failedStatements(dvpDocumentedPromises, results).find((b) =>
      b.statement.startsWith('exec and attach'),
    )!;
    const fixed = deckhouseEffectivePolicy({
      basicAuditPolicyEnabled: false,
      customPolicy: custom(statement.fixRules),
    });
    expect(
      failedIds(dvpDocumentedPromises, fixed).filter((id) => id!.startsWith('dvp.interactive.')),
    ).toEqual([]);
  });
});

describe('dvpDocumentedExclusions', () => {
  it('finds the EndpointSlice/events.k8s.io exclusions the core-group-only noise rule does not make', () => {
    const results = runAssertionPack(dvpDocumentedExclusions, builtIn());
    expect(results.filter((r) => !r.ok).map((r) => [r.id, r.origin?.layer, r.origin?.index])).toEqual([
      ['dvp-excluded.endpoints-events.endpointslices-update', 'basic', 13],
      ['dvp-excluded.endpoints-events.events-list', 'basic', 14],
    ]);
    const fail = results.find((r) => !r.ok)!;
    expect(fail.fix).toContain('cannot be overridden');
  });
});

describe('cis against the real built-in rules', () => {
  const results = runAssertionPack(cis, builtIn());

  it('audit logging is on, but Secrets/ConfigMaps reads and writes by users are not recorded', () => {
    expect(results.filter((r) => r.ok).map((r) => r.id)).toEqual([
      'cis.1.2.audit-log',
      'cis.3.2.1.policy',
      'cis.3.2.2.secrets.list',
      'cis.3.2.2.configmaps.list',
      'cis.3.2.2.workloads.pod-create',
      'cis.3.2.2.workloads.pod-delete',
    ]);
  });

  it('checks "Metadata only" by evaluation: a policy recording Secret bodies fails, one at Metadata passes', () => {
    const bodies = custom([{ level: 'RequestResponse' }]);
    const secrets = runAssertionPack(cis, bodies).filter((r) => r.id?.startsWith('cis.3.2.2.secrets'));
    expect(
      secrets.every((r) => !r.ok && r.message.includes('level is RequestResponse, expected Metadata')),
    ).toBe(true);
    const k3s = custom([{ level: 'Metadata' }]);
    expect(runAssertionPack(cis, k3s).every((r) => r.ok)).toBe(true);
  });

  it('the fix rules make it pass on Deckhouse', () => {
    const fixed = deckhouseEffectivePolicy({ customPolicy: custom(fixRulesOf(cis)) });
    expect(failedIds(cis, fixed)).toEqual([]);
  });

  it('an empty effective policy fails the enablement items', () => {
    const off = runAssertionPack(cis, deckhouseEffectivePolicy({ basicAuditPolicyEnabled: false }));
    expect(off.slice(0, 2).map((r) => [r.ok, r.fix !== undefined])).toEqual([
      [false, true],
      [false, true],
    ]);
  });
});

describe('falcoNeedsBodies against the real built-in rules', () => {
  it('RoleBindings are not covered and ClusterRoleBinding patches are not recorded', () => {
    expect(failedIds(falcoNeedsBodies)).toEqual([
      'falco.rolebindings.create',
      'falco.rolebindings.update',
      'falco.rolebindings.patch',
      'falco.clusterrolebindings.patch',
    ]);
  });

  it('Pod bodies are recorded by basic rule 12', () => {
    const pods = runAssertionPack(falcoNeedsBodies, builtIn()).filter((r) => r.id?.startsWith('falco.pods'));
    expect(pods.every((r) => r.ok && r.origin?.layer === 'basic' && r.origin.index === 12)).toBe(true);
  });

  it('the fix rules make it pass', () => {
    const fixed = deckhouseEffectivePolicy({ customPolicy: custom(fixRulesOf(falcoNeedsBodies)) });
    expect(failedIds(falcoNeedsBodies, fixed)).toEqual([]);
    const patch = toRequestAttributes(
      falcoNeedsBodies.items.find((i) => i.id === 'falco.clusterrolebindings.patch')!.request!,
    );
    expect(evaluatePolicy(fixed.policy, patch)).toMatchObject({ level: 'Request', ruleIndex: 27 });
  });
});
