import { loadPolicy, parsePolicy } from '../src/policy/parse';
import { decodePolicyText } from '../src/policy/yaml-decode';
import {
  aliasesOfOneAnchor,
  billionLaughs,
  stackedAnchors,
  unknownAliases,
} from '../test/support/hostile-policies';

// npm run bench:policy: the policy text path on ordinary and hostile input. Each hostile case must finish
// within a generous budget (the unit suite counts work instead of timing it); the run exits 1 when one does
// not. Budgets leave room for a loaded 2-core machine; typical times are printed beside them.

const HEADER = 'apiVersion: audit.k8s.io/v1\nkind: Policy\n';

interface Case {
  name: string;
  input: () => string | Uint8Array;
  /** Milliseconds the slowest of the runs may take. */
  budgetMs: number;
  /** What the result must be. */
  expect: (errors: readonly { message: string }[]) => boolean;
}

const rule = (i: number) =>
  `  - level: Metadata\n    users: ["system:serviceaccount:ns${i}:sa"]\n    verbs: [get, list, watch]\n` +
  `    resources:\n      - group: apps\n        resources: [deployments, statefulsets]\n    namespaces: [ns-${i}, kube-system]\n`;

const accepted = (errors: readonly unknown[]) => errors.length === 0;
const refusedWith = (text: string) => (errors: readonly { message: string }[]) =>
  errors.some((e) => e.message.includes(text));

const CASES: Case[] = [
  {
    name: '30-rule policy (6 KB), first runs',
    input: () =>
      `${HEADER}omitStages: [RequestReceived]\nrules:\n${Array.from({ length: 30 }, (_, i) => rule(i)).join('')}`,
    budgetMs: 2_000,
    expect: accepted,
  },
  {
    name: '1 MiB policy (4,800 rules)',
    input: () =>
      `${HEADER}rules:\n${Array.from({ length: 5000 }, (_, i) => rule(i)).join('')}`
        .slice(0, 1 << 20)
        .replace(/\n[^\n]*$/, '\n'),
    budgetMs: 15_000,
    expect: () => true,
  },
  {
    name: '20,000 aliases of one anchor (80 KB)',
    input: () => aliasesOfOneAnchor(20_000),
    budgetMs: 10_000,
    expect: accepted,
  },
  {
    name: '15,000 unknown aliases (45,000 entries: under the entry limit)',
    input: () => unknownAliases(15_000),
    budgetMs: 15_000,
    expect: refusedWith('more errors not listed'),
  },
  {
    name: 'billion laughs (12 levels of 10 aliases)',
    input: () => billionLaughs(),
    budgetMs: 2_000,
    expect: refusedWith('excessive aliasing'),
  },
  {
    name: '5,000 anchors stacked in anchors',
    input: () => stackedAnchors(5000),
    budgetMs: 10_000,
    expect: refusedWith('once its aliases are expanded'),
  },
  {
    name: '10^5 "["',
    input: () => '['.repeat(100_000),
    budgetMs: 10_000,
    expect: refusedWith('levels deep'),
  },
  {
    name: '10^5 levels of JSON',
    input: () => '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000),
    budgetMs: 10_000,
    expect: refusedWith('levels deep'),
  },
  {
    name: '77 MB JSON policy',
    input: () =>
      `{"apiVersion":"audit.k8s.io/v1","rules":[${'{"level":"None"},'.repeat(4_500_000)}{"level":"None"}]}`,
    budgetMs: 2_000,
    expect: refusedWith('more than 1 MiB'),
  },
  {
    name: '50 MB of bytes',
    input: () => Buffer.alloc(50 << 20, 0x61),
    budgetMs: 2_000,
    expect: refusedWith('more than 1 MiB'),
  },
];

function main(): void {
  console.log(`policy text path, node ${process.version}; budget = slowest of 3 runs`);
  let failed = 0;
  for (const c of CASES) {
    const input = c.input();
    const times: number[] = [];
    let errors: readonly { message: string }[] = [];
    for (let run = 0; run < 3; run++) {
      const start = process.hrtime.bigint();
      errors = loadPolicy(input).errors;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const slowest = Math.max(...times);
    const ok = slowest <= c.budgetMs && c.expect(errors);
    if (!ok) failed++;
    const size = typeof input === 'string' ? input.length : input.byteLength;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(42)} ${String(size).padStart(9)} B  ` +
        `median ${times
          .sort((a, b) => a - b)[1]
          .toFixed(1)
          .padStart(8)} ms  slowest ${slowest.toFixed(1).padStart(8)} ms  ` +
        `budget ${c.budgetMs} ms  ${errors.length} error(s)`,
    );
  }
  const text = CASES[0].input();
  for (let i = 0; i < 30; i++) parsePolicy(text);
  const runs = 200;
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) parsePolicy(text);
  console.log(
    `parsePolicy, 30-rule policy: ${(Number(process.hrtime.bigint() - start) / 1e6 / runs).toFixed(2)} ms per policy`,
  );
  console.log(`decodePolicyText node visits for it: ${decodePolicyText(text).decodedNodes}`);
  if (failed > 0) {
    console.error(`${failed} case(s) over budget or with the wrong outcome`);
    process.exitCode = 1;
  }
}

main();
