import { Explanation, explain, formatExplanation } from '../../deckhouse/explain';
import { UnknownNameExplanation, explainUnknownName } from '../../deckhouse/explain-unknown-name';
import { listDependentDecisions } from '../../deckhouse/release-lists';
import { snapshotDecisionNote } from '../../deckhouse/rule-history';
import { LEVELS, Level, RequestAttributes, isEffectivePolicy } from '../../policy/types';
import { closestMatch } from '../../policy/did-you-mean';
import { CommandSpec, stringOption } from '../args';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors';
import { formatProblem } from '../format';
import { write } from '../io';
import { POLICY_OPTIONS, builtInRulesNotes, choosePolicy } from '../policy-choice';
import { REQUEST_OPTIONS, requestFromArgs } from '../request';
import { describeRequest } from '../../policy/describe';
import { omittedStagesFix, writtenStages } from '../../policy/written-stages';
import { PodLookup } from '../../policy/kubectl-plan';
import { printJson } from '../shared';

/** `explain`: which rule decides one request, at what level, and which rules it pre-empted. */
export const explainCommand: CommandSpec = {
  name: 'explain',
  summary: 'show the decision for one request: level, deciding rule and its layer, pre-empted rules',
  usage: [
    "explain (--policy FILE | --deckhouse [--policy FILE]) --url 'VERB /path' [--user U --group G...]",
    "explain (--policy FILE | --deckhouse [--policy FILE]) --kubectl 'ARGS' [--user U --group G...]",
    'explain (--policy FILE | --deckhouse [--policy FILE]) --verb V (--resource R[/SUB] | --path P) [...]',
    "explain --built-in-rules MERGED [--policy FILE] --url 'VERB /path' [...]",
  ],
  description:
    'Evaluates one request against a policy exactly as kube-apiserver does and prints the level, the omitted ' +
    'stages and the first matching rule. With --deckhouse the policy is the one Deckhouse really runs (its ' +
    'built-in rules, then the --policy rules, then the tail rules); --built-in-rules takes the built-in rules (and, ' +
    "without --policy, the custom rules) from a cluster's merged policy file instead of the bundled snapshot. " +
    'The output names the layer of the deciding ' +
    'rule and every later rule that also matches but was pre-empted. --user, --group and --unauthenticated ' +
    'name the caller; without them the request comes from an ordinary authenticated user, with the groups ' +
    "kube-apiserver's authenticators add (system:authenticated; a ServiceAccount's system:serviceaccounts and " +
    'system:serviceaccounts:NS); a node user system:node:NAME without --group is in system:nodes, as its ' +
    'client certificate says. --kubectl maps the arguments to the request kubectl sends (method and URL, ' +
    'e.g. exec as a WebSocket GET) and prints it; --as/--as-group inside them are impersonation, which ' +
    'kube-apiserver applies after the audit policy ran, so the policy sees the caller, never the impersonated ' +
    'user. For a Pod kubectl picks when it runs (logs deploy/web, exec svc/web, logs -l app=web) the request has ' +
    "no name: the output says whether the decision depends on the Pod's name (rules with resourceNames) and " +
    'gives it for each such name. --expect LEVEL turns the answer into a check (exit status 1 when the level ' +
    'differs, for any Pod).',
  options: {
    ...POLICY_OPTIONS,
    ...REQUEST_OPTIONS,
    expect: {
      type: 'string',
      value: 'LEVEL',
      description:
        'exit 1 unless the decided level is LEVEL (above None: and an event is written, some stage the request reaches not omitted)',
    },
  },
  examples: [
    "deckhouse-audit explain --deckhouse --policy policy.yaml --url 'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh'",
    "deckhouse-audit explain --deckhouse --kubectl 'exec web-0 -n prod -- sh'",
    "deckhouse-audit explain --deckhouse --kubectl 'logs deploy/web -n prod' --user alice",
    "deckhouse-audit explain --deckhouse --kubectl 'delete ns team-a --as admin' --user alice",
    'deckhouse-audit explain --policy policy.yaml --verb list --resource secrets --namespace prod --user alice --group dev',
    "deckhouse-audit explain --deckhouse --no-basic --policy secret.yaml --url 'GET /healthz' --unauthenticated --json",
    "deckhouse-audit explain --built-in-rules master-audit-policy.yaml --kubectl 'logs web-0 -n prod'",
  ],
  positionals: false,
  async run({ args, io, json }) {
    const expected = stringOption(args, 'expect');
    if (expected !== undefined && !LEVELS.includes(expected as Level)) {
      const meant = closestMatch(expected, LEVELS);
      throw new UsageError(
        `--expect needs one of ${LEVELS.join(', ')}, got '${expected}'${meant ? `; did you mean ${meant}?` : ''}`,
      );
    }
    const { request, notes, kubectl } = await requestFromArgs(args);
    const chosen = await choosePolicy(args, io);
    // A Pod kubectl picks when it runs has no name here: explain every name the policy could tell apart.
    const byPodName = kubectl?.podLookup ? explainUnknownName(chosen.target, request) : undefined;
    const explanation = byPodName ? byPodName.anyOtherName : explain(chosen.target, request);
    // "Recorded at" needs an event: a level above None whose every stage the request reaches is omitted writes
    // none (written-stages.ts), and misses the expectation as a wrong level does.
    const misses = (e: Explanation) =>
      e.decision.level !== expected ||
      (expected !== 'None' && writtenStages(request, e.decision).length === 0);
    const mismatches = [
      ...(misses(explanation) ? [{ names: [] as string[], explanation }] : []),
      ...(byPodName?.listedNames ?? []).filter((l) => misses(l.explanation)),
    ];
    const ok = expected === undefined || mismatches.length === 0;
    // The bundled snapshot is one release: a decision by a rule older releases lack is said to be one.
    const snapshot = chosen.builtIn !== undefined && chosen.builtIn.source === undefined;
    const releaseNote = snapshot ? snapshotDecisionNote(explanation.origin, explanation.label) : undefined;
    // Its system lists too: a module's namespace or ServiceAccount is listed by the releases that ship it.
    const listNotes =
      snapshot && isEffectivePolicy(chosen.target)
        ? listDependentDecisions(chosen.target, request).map((d) => d.note)
        : [];
    const allNotes = [
      ...notes,
      ...(releaseNote === undefined ? [] : [releaseNote]),
      ...listNotes,
      ...spdyNotes(kubectl?.method === 'GET', chosen.target, request, explanation),
    ];

    // Rules from the --policy file also get their file:line:column, so the reader can jump to them.
    const inFile = (index: number) => (chosen.isFromFile(index) ? chosen.locateRule(index) : undefined);
    const located = [
      ...(byPodName?.listedNames ?? []).map((l) => l.explanation.ruleIndex),
      explanation.ruleIndex,
      ...explanation.preempted.map((p) => p.ruleIndex),
    ]
      .map((index) => ({ index, location: index >= 0 ? inFile(index) : undefined }))
      .filter((l): l is { index: number; location: string } => l.location !== undefined);

    if (json) {
      await printJson(io, {
        request,
        ...(kubectl ? { kubectl } : {}),
        policy: chosen.description,
        ...explanation,
        ...(explanation.ruleIndex >= 0 && inFile(explanation.ruleIndex)
          ? { location: inFile(explanation.ruleIndex) }
          : {}),
        preempted: explanation.preempted.map((p) => ({
          ...p,
          ...(inFile(p.ruleIndex) ? { location: inFile(p.ruleIndex) } : {}),
        })),
        ...(byPodName ? { podName: podNameJson(byPodName) } : {}),
        ...(expected !== undefined ? { expected, ok } : {}),
        ...(expected !== undefined && !ok
          ? { fix: expectFix(mismatches[0].explanation, expected, request) }
          : {}),
        notes: allNotes,
        warnings: chosen.warnings,
        ...(chosen.builtIn ? { builtInRules: chosen.builtIn } : {}),
      });
    } else {
      for (const w of chosen.warnings) await write(io.stderr, formatProblem(w.label, w, 'warning') + '\n');
      for (const n of [...allNotes, ...builtInRulesNotes(chosen)]) await write(io.stderr, `note: ${n}\n`);
      const lines = [`Request: ${describeRequest(request)}`];
      if (kubectl) {
        lines.push(`Sent:    ${kubectl.method} ${kubectl.url} (what kubectl sends)`);
        if (kubectl.impersonate) {
          const who = [kubectl.impersonate.user, ...kubectl.impersonate.groups.map((g) => `group ${g}`)];
          lines.push(
            `As:      ${who.filter(Boolean).join(', ')} (impersonated after the policy ran: not what it sees)`,
          );
        }
      }
      if (kubectl?.podLookup) {
        lines.push(`Pod:     ${podLookupText(kubectl.podLookup)}`);
      }
      lines.push(
        `Policy:  ${chosen.description}`,
        ...(chosen.builtIn ? [`Built-in: ${chosen.builtIn.summary}`] : []),
        '',
        ...(byPodName ? [...podNameLines(byPodName), ''] : []),
        formatExplanation(explanation).trimEnd(),
      );
      if (located.length > 0) {
        lines.push('', 'In the policy file:');
        for (const l of located) lines.push(`  rules[${l.index}] is at ${l.location}`);
      }
      if (expected !== undefined) {
        lines.push(
          '',
          ok
            ? `OK: recorded at ${expected}${listNotes.length > 0 ? " by the bundled snapshot's lists (a cluster's release may differ: see the note)" : ''}`
            : `FAIL: expected ${expected}, got ${mismatches.map((m) => mismatchText(m, expected)).join('; ')}`,
        );
        if (!ok) lines.push(`    fix: ${expectFix(mismatches[0].explanation, expected, request)}`);
      }
      await write(io.stdout, lines.join('\n') + '\n');
    }
    return ok ? EXIT_OK : EXIT_FINDINGS;
  },
};

// kubectl falls back from the WebSocket GET (verb get) to SPDY, a POST (verb create), when the upgrade fails,
// and kubectl before 1.31 sends only that: a policy that tells the verbs apart decides the two differently.
function spdyNotes(
  sentAsGet: boolean,
  target: Parameters<typeof explain>[0],
  request: RequestAttributes,
  webSocketDecision: Explanation,
): string[] {
  const streaming = ['exec', 'attach', 'portforward'].includes(request.subresource ?? '');
  if (!sentAsGet || !streaming || request.apiGroup !== '' || request.resource !== 'pods') return [];
  const spdy = explain(target, { ...request, verb: 'create' });
  if (
    spdy.decision.level === webSocketDecision.decision.level &&
    spdy.ruleIndex === webSocketDecision.ruleIndex
  )
    return [];
  const by = spdy.label !== undefined ? `decided by ${spdy.label}: ${spdy.title}` : 'no rule matches';
  return [
    `over SPDY (kubectl before 1.31, or when the WebSocket upgrade fails; --spdy in --kubectl describes it) the ` +
      `request is a POST, verb create, and gets another decision: Level ${spdy.decision.level}, ${by}`,
  ];
}

function podLookupText(lookup: PodLookup): string {
  if (lookup.pods === 'one') return `one Pod of ${lookup.from}, picked when kubectl runs (name not known)`;
  const pods = lookup.from.startsWith('-l ')
    ? `each Pod that ${lookup.from} selects`
    : `each Pod of ${lookup.from}`;
  return `${pods}, listed when kubectl runs (names not known)`;
}

function podNames(names: readonly string[]): string {
  return names.length === 0 ? 'any other Pod' : `Pods named ${names.join(', ')}`;
}

// What to change so that the request gets the expected level: which rule decides, and whether a custom rule
// can win over it (Deckhouse runs custom rules after the built-in ones and before the tail).
function expectFix(e: Explanation, expected: string, request: RequestAttributes): string {
  if (e.decision.level === expected) return omittedStagesFix(request);
  const layer = e.origin?.layer;
  if (layer === 'basic' || layer === 'virtualization') {
    return (
      `${e.label} (built-in) decides this request before any custom rule, so no rule of yours can change it; ` +
      'set basicAuditPolicyEnabled: false and write the rules you need, or accept the level'
    );
  }
  if (e.label === undefined || layer === 'tail') {
    const where =
      layer === 'tail' ? 'your custom policy (custom rules run before the tail rules)' : 'the policy';
    return `add a rule at ${expected} that matches this request to ${where}`;
  }
  return `${e.label} decides first: change its level, or put a rule at ${expected} for this request before it`;
}

function mismatchText(m: { names: string[]; explanation: Explanation }, expected: string): string {
  const level = m.explanation.decision.level;
  const got =
    level === expected ? `${level}, but no event is written (every stage it reaches is omitted)` : level;
  return m.names.length === 0 ? got : `${got} for ${podNames(m.names)}`;
}

// Says plainly whether the picked Pod's name decides: rules that list Pod names (resourceNames) may match.
function podNameLines(byName: UnknownNameExplanation): string[] {
  if (byName.listedNames.length === 0) {
    return ["Whichever Pod kubectl picks, the decision is the same: no rule's resourceNames changes it."];
  }
  return [
    "The decision depends on the Pod's name, known only when kubectl runs (rules list names in resourceNames):",
    ...byName.listedNames.map((l) => {
      const e = l.explanation;
      const rule = e.label !== undefined ? `decided by ${e.label}: ${e.title}` : 'no rule matches';
      return `  - ${podNames(l.names)}: Level ${e.decision.level}, ${rule}`;
    }),
    `  - any other Pod: Level ${byName.anyOtherName.decision.level}, as follows`,
  ];
}

function podNameJson(byName: UnknownNameExplanation): Record<string, unknown> {
  return {
    known: false,
    decisionDependsOnName: byName.listedNames.length > 0,
    listedNames: byName.listedNames.map((l) => ({
      names: l.names,
      decision: l.explanation.decision,
      ruleIndex: l.explanation.ruleIndex,
      ...(l.explanation.origin ? { origin: l.explanation.origin } : {}),
      ...(l.explanation.label !== undefined
        ? { label: l.explanation.label, title: l.explanation.title }
        : {}),
    })),
  };
}
