import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { explain, formatExplanation } from '../../src/deckhouse/explain';
import { requestFromKubectl, requestFromUrl } from '../../src/policy/request-info';
import { Policy, PolicyRule } from '../../src/policy/types';

const custom = (...rules: PolicyRule[]): Policy => ({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules });
const execRule: PolicyRule = {
  level: 'Request',
  verbs: ['get', 'create'],
  resources: [{ resources: ['pods/exec'] }],
  omitStages: ['RequestReceived'],
};
const secretsAtRequest: PolicyRule = { level: 'Request', resources: [{ resources: ['secrets'] }] };

describe('explain on the Deckhouse effective policy', () => {
  it('shows the pods/exec gap: kubectl exec falls through to the tail None rule', () => {
    const e = explain(deckhouseEffectivePolicy(), requestFromKubectl('exec web-0 -n prod --as alice -- sh'));
    expect(e.decision.level).toBe('None');
    expect(e.ruleIndex).toBe(27);
    expect(e.origin).toEqual({ layer: 'tail', index: 0 });
    expect(e.title).toBe('authenticated users at None');
    expect(e.preempted).toEqual([]);
    expect(e.label).toBe('tail rule #1 (rules[27])');
    expect(e.summary).toBe(
      'Level None (no stages omitted), decided by tail rule #1 (rules[27]): authenticated users at None.',
    );
  });

  it('records exec once a custom rule covers pods/exec with get (WebSocket) and create (SPDY)', () => {
    const effective = deckhouseEffectivePolicy({ customPolicy: custom(execRule) });
    for (const cmd of ['exec web-0 -n prod --as alice -- sh', 'exec web-0 -n prod --as alice --spdy -- sh']) {
      const e = explain(effective, requestFromKubectl(cmd));
      expect(e.decision).toEqual({
        level: 'Request',
        omitStages: ['RequestReceived'],
        omitManagedFields: false,
        ruleIndex: 27,
      });
      expect(e.origin).toEqual({ layer: 'custom', index: 0 });
      expect(e.label).toBe('your rule #1 (rules[27])');
      expect(e.title).toBe('pods/exec get/create at Request');
    }
  });

  it('reports a custom Secrets-at-Request rule pre-empted by basic "list at Metadata" for lists', () => {
    const effective = deckhouseEffectivePolicy({
      customPolicy: custom({ level: 'None', users: ['bot'] }, secretsAtRequest),
    });
    const list = explain(effective, requestFromKubectl('get secrets -n prod --as alice'));
    expect(list.decision.level).toBe('Metadata');
    expect(list.ruleIndex).toBe(14);
    expect(list.origin).toEqual({ layer: 'basic', index: 14 });
    expect(list.preempted).toHaveLength(1);
    expect(list.preempted[0]).toMatchObject({
      ruleIndex: 28,
      origin: { layer: 'custom', index: 1 },
      wantedLevel: 'Request',
      wantedOmitStages: [],
      title: 'secrets at Request',
    });
    expect(list.summary).toContain(
      'Your rule #2 (rules[28]), secrets at Request, wanted Request; basic rule #15 (rules[14]), list at Metadata, decided first.',
    );

    // A single get is not a list: the custom rule decides.
    const get = explain(effective, requestFromKubectl('get secret s -n prod --as alice'));
    expect(get.decision.level).toBe('Request');
    expect(get.origin).toEqual({ layer: 'custom', index: 1 });
    expect(get.preempted).toEqual([]);
  });

  it('lists only custom rules as pre-empted, including ones pre-empted by an earlier custom rule', () => {
    const effective = deckhouseEffectivePolicy({
      customPolicy: custom({ level: 'Metadata', resources: [{ resources: ['secrets'] }] }, secretsAtRequest),
    });
    const e = explain(effective, requestFromKubectl('get secret s -n prod --as alice'));
    expect(e.origin).toEqual({ layer: 'custom', index: 0 });
    expect(e.preempted.map((p) => p.origin)).toEqual([{ layer: 'custom', index: 1 }]);
    // The tail rule "authenticated users at None" also matches but is not the user's rule.
    expect(e.preempted.some((p) => p.origin?.layer === 'tail')).toBe(false);
  });

  it('records unauthenticated requests at Metadata through the tail catch-all', () => {
    const e = explain(
      deckhouseEffectivePolicy(),
      requestFromUrl('GET /api/v1/namespaces/x/secrets/s', { unauthenticated: true }),
    );
    expect(e.decision.level).toBe('Metadata');
    expect(e.ruleIndex).toBe(28);
    expect(e.origin).toEqual({ layer: 'tail', index: 1 });
  });

  it('says when audit is off', () => {
    const e = explain(
      deckhouseEffectivePolicy({ basicAuditPolicyEnabled: false }),
      requestFromKubectl('get pods'),
    );
    expect(e.enabled).toBe(false);
    expect(e.decision.level).toBe('None');
    expect(e.ruleIndex).toBe(-1);
    expect(e.summary).toMatch(/Audit is off/);
    expect(formatExplanation(e)).toMatch(/^Level: {4}None \(audit is off\)/);
  });

  it('formats an explanation for humans', () => {
    const effective = deckhouseEffectivePolicy({ customPolicy: custom(secretsAtRequest) });
    const text = formatExplanation(explain(effective, requestFromKubectl('get secrets -A --as alice')));
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Level:    Metadata',
      'Omitted:  (none)',
      'Rule:     basic rule #15 (rules[14]): list at Metadata',
      'Pre-empted (they match too, but an earlier rule decides):',
      '  - your rule #1 (rules[27]): secrets at Request, wanted Request',
    ]);
    expect(text).toMatch(/count from 1 within their layer; rules\[i\] counts from 0/);
  });
});

describe('explain on a plain policy', () => {
  const policy = custom(
    { level: 'None', users: ['system:kube-proxy'] },
    { level: 'Metadata', verbs: ['list'] },
    secretsAtRequest,
    { level: 'RequestResponse', omitStages: ['RequestReceived'] },
  );

  it('names the rule by its 1-based number and lists every later matching rule', () => {
    const e = explain(policy, requestFromKubectl('get secrets -n x --as alice'));
    expect(e.ruleIndex).toBe(1);
    expect(e.origin).toBeUndefined();
    expect(e.label).toBe('rule #2 (rules[1])');
    expect(e.preempted.map((p) => [p.ruleIndex, p.wantedLevel, p.wantedOmitStages])).toEqual([
      [2, 'Request', []],
      [3, 'RequestResponse', ['RequestReceived']],
    ]);
    expect(e.summary).toContain(
      'Rule #3 (rules[2]), secrets at Request, wanted Request; rule #2 (rules[1]), list at Metadata, decided first.',
    );
  });

  it('explains a request no rule matches', () => {
    const e = explain(custom({ level: 'Metadata', verbs: ['delete'] }), requestFromKubectl('get pods'));
    expect(e.ruleIndex).toBe(-1);
    expect(e.rule).toBeUndefined();
    expect(e.summary).toMatch(/no rule matches/);
    expect(formatExplanation(e)).toContain('Rule:     (none: no rule matches; the request is not recorded)');
  });
});

// kube-apiserver writes RequestReceived for every request, ResponseStarted only for long-running ones (watch, exec,
// ...), ResponseComplete when the request ends, and nothing for a stage in omitStages (filters/audit.go); Deckhouse
// keeps the custom policy's omitStages for every rule (deckhouse-audit.md §3).
describe('explain when the omitted stages leave nothing to write', () => {
  const silencing: Policy = {
    ...custom({ level: 'Metadata', resources: [{ resources: ['secrets'] }] }),
    omitStages: ['RequestReceived', 'ResponseComplete'],
  };
  const effective = deckhouseEffectivePolicy({ customPolicy: silencing });

  it('says that no event is written for an ordinary request, though the level is Metadata', () => {
    const e = explain(
      effective,
      requestFromUrl('DELETE /api/v1/namespaces/prod/secrets/db', { user: 'alice' }),
    );
    expect(e.decision.level).toBe('Metadata');
    expect(e.summary).toContain(
      'No event is written for this request: every stage it reaches (RequestReceived, ResponseComplete) is omitted.',
    );
    expect(formatExplanation(e)).toContain('No event is written for this request');
  });

  it('does not say it for a watch, which still writes ResponseStarted', () => {
    const e = explain(
      effective,
      requestFromUrl('GET /api/v1/namespaces/prod/secrets?watch=true', { user: 'alice' }),
    );
    expect(e.decision.level).toBe('Metadata');
    expect(e.summary).not.toContain('No event is written');
  });
});
