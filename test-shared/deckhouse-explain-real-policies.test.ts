import * as fs from 'fs';
import * as path from 'path';
import { deckhouseEffectivePolicy } from '../src/deckhouse/effective';
import { explain } from '../src/deckhouse/explain';
import { loadPolicy } from '../src/policy/parse';
import { requestFromKubectl, requestFromUrl } from '../src/policy/request-info';
import { Policy } from '../src/policy/types';

const POLICIES = path.resolve(__dirname, '../../shared/upstream/kubernetes/policies');

function load(file: string): Policy {
  const result = loadPolicy(fs.readFileSync(path.join(POLICIES, file), 'utf8'));
  expect(result.errors).toEqual([]);
  return result.policy!;
}

describe('explain with real-world policies as the Deckhouse custom policy', () => {
  it('k8s docs example: its pods rule is pre-empted for lists, its policy-level omitStages reach the basic rules', () => {
    const custom = load('k8s-docs-example.yaml');
    const effective = deckhouseEffectivePolicy({ customPolicy: custom });
    expect(effective.policy.omitStages).toEqual(['RequestReceived']);
    expect(effective.origins.filter((o) => o.layer === 'custom')).toHaveLength(custom.rules.length);

    const list = explain(effective, requestFromKubectl('get pods -n prod --as alice'));
    expect(list.origin).toEqual({ layer: 'basic', index: 14 });
    // "list at Metadata" has no omitStages of its own; the custom policy-level one applies to it.
    expect(list.decision.omitStages).toEqual(['RequestReceived']);
    expect(list.preempted[0]).toMatchObject({
      origin: { layer: 'custom', index: 0 },
      wantedLevel: 'RequestResponse',
    });
    expect(list.summary).toContain(
      'Your rule #1 (rules[27]), pods at RequestResponse, wanted RequestResponse; basic rule #15 (rules[14])',
    );

    // Pod creation: basic "pods create/delete/patch/update at Request" wins over the docs' RequestResponse.
    const create = explain(effective, requestFromKubectl('create pod -n prod --as alice'));
    expect(create.origin).toEqual({ layer: 'basic', index: 12 });
    expect(create.decision.level).toBe('Request');
    expect(create.preempted[0].wantedLevel).toBe('RequestResponse');

    // exec (WebSocket get) is not covered by the basic rules; the docs' core-group Request rule records it.
    const exec = explain(effective, requestFromKubectl('exec web-0 -n prod --as alice -- sh'));
    expect(exec.origin?.layer).toBe('custom');
    expect(exec.decision.level).toBe('Request');
  });

  it('kubespray default: a single Secret read is decided by its Metadata rule, a Secret list by the basic list rule', () => {
    const effective = deckhouseEffectivePolicy({ customPolicy: load('kubespray-default.yaml') });
    const get = explain(effective, requestFromKubectl('get secret db -n prod --as alice'));
    expect(get.origin?.layer).toBe('custom');
    expect(get.decision.level).toBe('Metadata');

    const list = explain(effective, requestFromKubectl('get secrets -n prod --as alice'));
    expect(list.origin).toEqual({ layer: 'basic', index: 14 });
    expect(list.preempted.length).toBeGreaterThan(0);
    expect(list.preempted.every((p) => p.origin?.layer === 'custom')).toBe(true);
  });

  it('k3s CIS starter: its catch-all decides everything the built-in rules leave, so the tail never fires', () => {
    const effective = deckhouseEffectivePolicy({ customPolicy: load('k3s-cis-starter.yaml') });
    const exec = explain(effective, requestFromKubectl('exec web-0 -n prod --as alice -- sh'));
    expect(exec.origin).toEqual({ layer: 'custom', index: 0 });
    expect(exec.decision.level).toBe('Metadata');
    const anon = explain(
      effective,
      requestFromUrl('GET /api/v1/namespaces/x/secrets/s', { unauthenticated: true }),
    );
    expect(anon.origin).toEqual({ layer: 'custom', index: 0 });
  });

  it('gce policy: with the basic rules off only its own rules decide', () => {
    const custom = load('gce-policy.yaml');
    const effective = deckhouseEffectivePolicy({ basicAuditPolicyEnabled: false, customPolicy: custom });
    expect(effective.policy.rules).toHaveLength(custom.rules.length);
    const list = explain(effective, requestFromKubectl('get pods -n prod --as alice'));
    expect(list.origin?.layer).toBe('custom');
    expect(list.preempted.every((p) => p.ruleIndex > list.ruleIndex)).toBe(true);
  });
});
