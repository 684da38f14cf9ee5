import { checkPolicyOrEffectiveArgument, isRecord, shapeOf } from './arguments';
import { toRequestAttributes } from './assertion-request';
import { checkAuditAssertion, checkDecidedBy, checkLevel, checkStage } from './assertion-arguments';
import { LAYER_NAMES, describeRequest, labelledRule, policyParts, ruleLabel } from './describe';
import { compilePolicy, ruleMatchesRequest } from './evaluate';
import { omittedStagesFix, reachedStagesText, requestStages, writtenStages } from './written-stages';
import {
  CompiledPolicy,
  Decision,
  EffectivePolicy,
  Finding,
  LEVELS,
  Level,
  Policy,
  PolicyRule,
  RequestAttributes,
  RuleLayer,
  RuleOrigin,
  Stage,
  PolicyProducer,
} from './types';

/**
 * A request to check. Complete `RequestAttributes` (with `resourceRequest` set, e.g. from `requestFromUrl`)
 * are used exactly as given: no user = unauthenticated. Partial attributes (no `resourceRequest`) are
 * filled in: `user` absent means an ordinary authenticated user (`unauthenticated: true` for none), and
 * the groups the apiserver's authenticators always add are added unless `impliedGroups: false`; a named
 * Namespace object (`resource: 'namespaces', name: 'x'`) is in namespace `x`, as for its URL; a verb
 * kube-apiserver never produces (`gett`) is refused. A string is a URL when it starts with `/` or `METHOD /`,
 * else a kubectl command.
 */
export interface AuditRequest extends Partial<RequestAttributes> {
  /** `METHOD /path?query` as kube-apiserver parses it, e.g. `GET /api/v1/namespaces/prod/pods/web-0/exec`. */
  url?: string;
  /**
   * A kubectl command line, e.g. `exec web-0 -n prod -- sh`: the request kubectl sends for it (see kubectlRequest),
   * sent by `user`/`groups`; `--as`/`--as-group` in it are impersonation, which the policy never sees.
   */
  kubectl?: string;
  /** With `url`: the request is a WebSocket upgrade (verb get for exec/attach/port-forward). */
  websocket?: boolean;
  /** No user information at all (a request whose authentication failed). @default false */
  unauthenticated?: boolean;
  /** Add system:authenticated, system:serviceaccounts[:ns] as the apiserver does. @default true */
  impliedGroups?: boolean;
}

/** The outcome fields of an assertion: what must hold for its request; every given field is checked. */
export interface RecordingOutcome {
  /** Recorded at exactly this level (`None` = not recorded). */
  level?: Level;
  /** Recorded at this level or higher. */
  atLeast?: Level;
  /** Recorded at this level or lower (combine with `atLeast` for a range). */
  atMost?: Level;
  /** Decided by this rule: `index` is inside `layer` when a layer is given, else in the whole policy. */
  decidedBy?: { layer?: RuleLayer; index?: number };
  /** These stages produce no event for the request. */
  omitsStages?: Stage[];
  /**
   * These stages do produce an event: the level is not None, the stage is not omitted, and the request reaches
   * it (ResponseStarted only for a long-running request or a failed login; Panic when the handler panics).
   */
  emitsStages?: Stage[];
}

/**
 * One statement about the audit log, as data (usable at synth time): a request and what must hold for it,
 * e.g. `{ request: 'exec web-0 -n prod -- sh', atLeast: 'Request' }`; or, with `check: 'audit-enabled'` instead of a
 * request, a statement about the policy as a whole.
 */
export interface AuditAssertion extends RecordingOutcome {
  /** Stable identifier, e.g. `dvp.interactive.exec-websocket` (acknowledgements name it). */
  id?: string;
  /** What is asserted, in words. */
  name?: string;
  /** The documented statement (documentation bullet, benchmark item) the assertion checks; packs group by it. */
  statement?: string;
  /** The request: a URL (`GET /api/v1/pods`), a kubectl command (`exec web-0 -n prod -- sh`) or attributes. */
  request?: AuditRequest | string;
  /** `audit-enabled`: the policy has rules, i.e. kube-apiserver audits at all (no `request` then). */
  check?: 'audit-enabled';
  /** Rules that, added to the custom policy, make the assertion hold. */
  fixRules?: PolicyRule[];
  /** How to make the assertion hold, in words. */
  fix?: string;
}

/** The code of a failed assertion in findings and messages. */
export const ASSERTION_FAILED = 'assertion-failed';

/** The outcome of one assertion. */
export interface AssertionResult {
  id?: string;
  name: string;
  ok: boolean;
  /** Request, expectation, actual level and the deciding rule (with its layer). */
  message: string;
  fix?: string;
  fixRules?: PolicyRule[];
  request?: RequestAttributes;
  decision?: Decision;
  /** The deciding rule's origin in an effective Deckhouse policy. */
  origin?: RuleOrigin;
}

/** Thrown by the fluent `expectAudit` API; the message explains the request, what must hold and the decision. */
export class AuditAssertionError extends Error {
  constructor(
    message: string,
    readonly result: AssertionResult,
  ) {
    super(message);
    this.name = 'AuditAssertionError';
  }
}

export { toRequestAttributes } from './assertion-request';

const rank = (level: Level) => LEVELS.indexOf(level);

function levelText(level: Level): string {
  return level === 'None' ? 'not recorded (level None)' : `recorded at ${level}`;
}

/** The rule a `decidedBy` names, in the one label format when it exists in the policy. */
function expectedRuleText(decidedBy: { layer?: RuleLayer; index?: number }, origins?: RuleOrigin[]): string {
  const { layer, index } = decidedBy;
  if (layer === undefined) return ruleLabel(index!, origins?.[index!]);
  if (index === undefined) return `a ${LAYER_NAMES[layer]}`;
  const merged = origins?.findIndex((o) => o.layer === layer && o.index === index) ?? -1;
  return merged >= 0
    ? ruleLabel(merged, origins![merged])
    : `${LAYER_NAMES[layer]} #${index + 1} (not in this policy)`;
}

/**
 * An assertion that the request is recorded (`atLeast`, or `level` above None) whose decision has the level but
 * omits every stage the request reaches: kube-apiserver then writes no event for it (written-stages.ts).
 */
function silentRecording(
  e: RecordingOutcome,
  req: RequestAttributes,
  d: Decision,
): { failure: string; fix: string } | undefined {
  const wantsRecord =
    (e.atLeast !== undefined && e.atLeast !== 'None') || (e.level !== undefined && e.level !== 'None');
  if (!wantsRecord || d.level === 'None' || writtenStages(req, d).length > 0) return undefined;
  return {
    failure:
      `level ${d.level}, but every stage this request reaches (${reachedStagesText(req)}) is omitted, so no ` +
      'event is written for it',
    fix: omittedStagesFix(req),
  };
}

function outcomeText(e: RecordingOutcome, origins?: RuleOrigin[]): string {
  const parts: string[] = [];
  if (e.level !== undefined) parts.push(e.level === 'None' ? 'not recorded' : `recorded at ${e.level}`);
  if (e.atLeast !== undefined && e.atMost !== undefined)
    parts.push(`recorded at ${e.atLeast} to ${e.atMost}`);
  else if (e.atLeast !== undefined) parts.push(`recorded at ${e.atLeast} or higher`);
  else if (e.atMost !== undefined) parts.push(`recorded at ${e.atMost} or lower`);
  if (e.decidedBy) parts.push(`decided by ${expectedRuleText(e.decidedBy, origins)}`);
  if (e.omitsStages?.length) parts.push(`without stage ${e.omitsStages.join(', ')}`);
  if (e.emitsStages?.length) parts.push(`with stage ${e.emitsStages.join(', ')}`);
  return parts.join(', ') || 'anything';
}

/** A custom rule matching exactly this request's kind of request at a level (a starting point for a fix). */
export function ruleForRequest(req: RequestAttributes, level: Level): PolicyRule {
  const rule: PolicyRule = { level, verbs: [req.verb] };
  if (!req.resourceRequest) return { ...rule, nonResourceURLs: [req.path ?? '/'] };
  const resource = req.subresource ? `${req.resource}/${req.subresource}` : (req.resource ?? '');
  rule.resources = [{ group: req.apiGroup ?? '', resources: [resource] }];
  if (level !== 'None') rule.omitStages = ['RequestReceived'];
  return rule;
}

/**
 * The assertion's fixRules that close the gap for its request: a rule that matches the request at a level the
 * outcome accepts. One fix list serves several requests of a statement (exec, attach, ephemeral containers), and
 * a rule that does not match a request would be offered as its fix and leave it failing.
 */
function closingRules(assertion: AuditAssertion, req: RequestAttributes): PolicyRule[] {
  return (assertion.fixRules ?? []).filter((rule) => {
    if (!isRecord(rule) || !LEVELS.includes(rule.level) || !ruleMatchesRequest(rule, req)) return false;
    const r = rank(rule.level);
    return (
      (assertion.level === undefined || rule.level === assertion.level) &&
      (assertion.atLeast === undefined || r >= rank(assertion.atLeast)) &&
      (assertion.atMost === undefined || r <= rank(assertion.atMost))
    );
  });
}

/** Evaluates assertions against one policy (or effective Deckhouse policy). */
export class AssertionChecker {
  readonly policy: Policy;
  readonly origins?: RuleOrigin[];
  private readonly titles?: string[];
  private readonly auditOff: boolean;
  private readonly compiled: CompiledPolicy;

  /** `caller` names the public function in argument errors. */
  constructor(policy: Policy | EffectivePolicy | PolicyProducer, caller = 'AssertionChecker') {
    const parts = policyParts(checkPolicyOrEffectiveArgument(caller, 'policy', policy));
    this.policy = parts.policy;
    this.origins = parts.origins;
    this.titles = parts.titles;
    this.auditOff = parts.auditOff === true;
    this.compiled = compilePolicy(this.policy);
  }

  ruleText(index: number): string {
    if (index < 0) return 'no rule matched';
    return labelledRule(index, this.policy.rules[index], this.origins?.[index], this.titles?.[index]);
  }

  /** The decision for a request (throws `RequestSpecError` when the request cannot be built). */
  decide(spec: AuditRequest | string): Decision {
    return this.compiled.evaluate(toRequestAttributes(spec));
  }

  /** The result of one assertion; throws a TypeError for an assertion of the wrong shape (see checkAuditAssertion). */
  check(assertion: AuditAssertion): AssertionResult {
    checkAuditAssertion(assertion, 'assertion');
    const name = assertion.name ?? assertion.id ?? 'audit assertion';
    const base = { ...(assertion.id !== undefined ? { id: assertion.id } : {}), name };
    if (assertion.check === 'audit-enabled') return this.checkAuditEnabled(assertion, base);
    let req: RequestAttributes;
    try {
      req = toRequestAttributes(assertion.request!);
    } catch (e) {
      return { ...base, ok: false, message: `${name}: cannot build the request: ${(e as Error).message}` };
    }
    const decision = this.compiled.evaluate(req);
    const origin = decision.ruleIndex >= 0 ? this.origins?.[decision.ruleIndex] : undefined;
    const silent = silentRecording(assertion, req, decision);
    const failures = [
      ...this.failures(assertion, req, decision, origin),
      ...(silent ? [silent.failure] : []),
    ];
    const ok = failures.length === 0;
    const lines = [
      `${ok ? 'holds' : 'FAILS'}: ${name}`,
      `  request:  ${describeRequest(req)}`,
      `  expected: ${outcomeText(assertion, this.origins)}`,
      `  actual:   ${levelText(decision.level)}` +
        (decision.omitStages.length ? ` (omitted stages: ${decision.omitStages.join(', ')})` : ''),
      `  decided by ${this.ruleText(decision.ruleIndex)}`,
    ];
    if (!ok) lines.push(...failures.map((f) => `  - ${f}`));
    const preempted = this.preempted(req, decision.ruleIndex);
    if (!ok && preempted.length) lines.push(`  pre-empted: ${preempted.join('; ')}`);
    const closing = ok ? [] : closingRules(assertion, req);
    const fix = ok
      ? undefined
      : (assertion.fix ??
        (silent && failures.length === 1 ? silent.fix : this.suggestFix(assertion, req, decision, origin)));
    return {
      ...base,
      ok,
      message: lines.join('\n'),
      ...(fix !== undefined ? { fix } : {}),
      ...(!ok && closing.length > 0 ? { fixRules: closing } : {}),
      request: req,
      decision,
      ...(origin ? { origin } : {}),
    };
  }

  private checkAuditEnabled(assertion: AuditAssertion, base: { id?: string; name: string }): AssertionResult {
    const rules = this.policy.rules.length;
    const ok = rules > 0 && !this.auditOff;
    return {
      ...base,
      ok,
      message: ok
        ? `holds: ${base.name} (${rules} ${rules === 1 ? 'rule' : 'rules'})`
        : `FAILS: ${base.name}\n  the policy has no rules, so kube-apiserver runs without auditing`,
      ...(ok || assertion.fix === undefined ? {} : { fix: assertion.fix }),
    };
  }

  private failures(e: RecordingOutcome, req: RequestAttributes, d: Decision, origin?: RuleOrigin): string[] {
    const out: string[] = [];
    if (e.level !== undefined && d.level !== e.level) out.push(`level is ${d.level}, expected ${e.level}`);
    if (e.atLeast !== undefined && rank(d.level) < rank(e.atLeast))
      out.push(`level ${d.level} is below ${e.atLeast}`);
    if (e.atMost !== undefined && rank(d.level) > rank(e.atMost))
      out.push(`level ${d.level} is above ${e.atMost}`);
    if (e.decidedBy) {
      const { layer, index } = e.decidedBy;
      const actual = layer ? origin : { layer: undefined, index: d.ruleIndex };
      const layerOk = layer === undefined || origin?.layer === layer;
      const indexOk = index === undefined || actual?.index === index;
      if (!layerOk || !indexOk) out.push(`decided by ${this.ruleText(d.ruleIndex)} instead`);
    }
    for (const s of e.omitsStages ?? []) {
      if (d.level !== 'None' && !d.omitStages.includes(s)) out.push(`stage ${s} is not omitted`);
    }
    for (const s of e.emitsStages ?? []) {
      if (d.level === 'None') out.push(`no stage is emitted at level None`);
      else if (d.omitStages.includes(s)) out.push(`stage ${s} is omitted`);
      else if (s !== 'Panic' && !requestStages(req).includes(s))
        out.push(
          `stage ${s} is never written for this request, which reaches only ${reachedStagesText(req)}`,
        );
    }
    return out;
  }

  /** Later rules that match the request but never see it (custom rules first: they are the user's). */
  private preempted(req: RequestAttributes, decider: number): string[] {
    if (decider < 0) return [];
    const rules = this.policy.rules;
    const later: number[] = [];
    for (let i = decider + 1; i < rules.length; i++) if (ruleMatchesRequest(rules[i], req)) later.push(i);
    const custom = (i: number) => (this.origins?.[i]?.layer ?? 'custom') === 'custom';
    later.sort((a, b) => Number(custom(b)) - Number(custom(a)) || a - b);
    return later.slice(0, 3).map((i) => `${ruleLabel(i, this.origins?.[i])} wanted ${rules[i].level}`);
  }

  private suggestFix(
    e: RecordingOutcome,
    req: RequestAttributes,
    d: Decision,
    origin?: RuleOrigin,
  ): string | undefined {
    const want = e.level ?? e.atLeast ?? e.atMost;
    if (want === undefined) return undefined;
    if (origin && origin.layer !== 'custom' && origin.layer !== 'tail') {
      return (
        `built-in ${ruleLabel(d.ruleIndex, origin)} decides this request before any custom rule; it cannot be ` +
        'overridden except by setting basicAuditPolicyEnabled: false and re-creating the built-in rules you need'
      );
    }
    const rule = ruleForRequest(req, want);
    const where =
      d.ruleIndex < 0
        ? 'to the policy'
        : origin
          ? 'to the custom policy (custom rules run before the tail rules)'
          : `before ${ruleLabel(d.ruleIndex, origin)}`;
    return `add ${JSON.stringify(rule)} ${where}`;
  }
}

/** Failed assertions as findings (code `assertion-failed`), e.g. for synth-time validation output. */
export function assertionFindings(
  results: readonly AssertionResult[],
  severity: Finding['severity'] = 'error',
): Finding[] {
  return results
    .filter((r) => !r.ok)
    .map((r) => ({
      code: ASSERTION_FAILED,
      severity,
      ruleIndex: r.decision?.ruleIndex ?? -1,
      ...(r.origin ? { layer: r.origin.layer } : {}),
      message: r.message,
      ...(r.fix !== undefined
        ? { fix: r.fix }
        : r.fixRules
          ? { fix: `add custom rules ${JSON.stringify(r.fixRules)}` }
          : {}),
    }));
}

/**
 * Checks assertions and returns their results, in order (a failed assertion is a result, not an exception).
 * Throws a TypeError at once for arguments of the wrong shape: a policy that is not one, an assertion without
 * `request` (or `check`), an unknown level (`atLeast: 'Requets'`), or nothing to check.
 */
export function checkAssertions(
  policy: Policy | EffectivePolicy | PolicyProducer,
  assertions: readonly AuditAssertion[],
): AssertionResult[] {
  if (!Array.isArray(assertions)) {
    throw new TypeError(
      `checkAssertions: assertions must be a list of { request, atLeast | level | ... }, got ${shapeOf(assertions)}`,
    );
  }
  assertions.forEach((a, i) => checkAuditAssertion(a, `assertions[${i}]`));
  const checker = new AssertionChecker(policy, 'checkAssertions');
  return assertions.map((a) => checker.check(a));
}

/** Fluent assertions about one request; each method throws `AuditAssertionError` when it does not hold. */
export class RequestAssertions {
  /** `checker` decides and checks requests against one policy (expectAudit(policy).request(...) builds it). */
  constructor(
    private readonly checker: {
      decide(spec: AuditRequest | string): Decision;
      check(assertion: AuditAssertion): AssertionResult;
    },
    private readonly spec: AuditRequest | string,
  ) {
    if (typeof spec !== 'string' && (typeof spec !== 'object' || spec === null || Array.isArray(spec))) {
      throw new TypeError(
        `request: must be a URL ("GET /api/v1/pods"), a kubectl command ("exec web-0 -n prod -- sh") or request ` +
          `attributes, got ${shapeOf(spec)}`,
      );
    }
  }

  /** The decision for the request. */
  get decision(): Decision {
    return this.checker.decide(this.spec);
  }

  private assert(outcome: RecordingOutcome): this {
    const result = this.checker.check({ request: this.spec, ...outcome, name: 'audit assertion' });
    if (!result.ok) {
      throw new AuditAssertionError(result.message + (result.fix ? `\n  fix: ${result.fix}` : ''), result);
    }
    return this;
  }

  /** Recorded at exactly this level. */
  recordedAt(level: Level): this {
    checkLevel(level, 'recordedAt(level)');
    return this.assert({ level });
  }

  /** Recorded at this level or higher. */
  recordedAtLeast(level: Level): this {
    checkLevel(level, 'recordedAtLeast(level)');
    return this.assert({ atLeast: level });
  }

  /** Recorded at this level or lower (may be not recorded). */
  recordedAtMost(level: Level): this {
    checkLevel(level, 'recordedAtMost(level)');
    return this.assert({ atMost: level });
  }

  /** Not recorded at all (level None). */
  notRecorded(): this {
    return this.assert({ level: 'None' });
  }

  /** Decided by a given rule: `{ layer: 'basic', index: 12 }` (index inside the layer) or `{ index: 3 }`. */
  decidedBy(rule: { layer?: RuleLayer; index?: number }): this {
    checkDecidedBy(rule, 'decidedBy(rule)');
    return this.assert({ decidedBy: rule });
  }

  /** The stage produces no event for this request. */
  withoutStage(stage: Stage): this {
    checkStage(stage, 'withoutStage(stage)');
    return this.assert({ omitsStages: [stage] });
  }

  /** The stage produces an event for this request. */
  withStage(stage: Stage): this {
    checkStage(stage, 'withStage(stage)');
    return this.assert({ emitsStages: [stage] });
  }
}

/** Entry point of the fluent API: `expectAudit(policy).request({...}).recordedAt('Request')`. */
export class PolicyAssertions {
  private readonly checker: AssertionChecker;

  constructor(policy: Policy | EffectivePolicy | PolicyProducer) {
    this.checker = new AssertionChecker(policy, 'expectAudit');
  }

  /** Assertions about one request (attributes, partial attributes, a URL or a kubectl command). */
  request(spec: AuditRequest | string): RequestAssertions {
    return new RequestAssertions(this.checker, spec);
  }
}

/** Starts fluent audit assertions for a policy or an effective Deckhouse policy (each throws on failure). */
export function expectAudit(policy: Policy | EffectivePolicy | PolicyProducer): PolicyAssertions {
  return new PolicyAssertions(policy);
}
