import { EVALUATOR_KUBERNETES_VERSION } from '../src/policy/arguments';
import { lintPolicy } from '../src/policy/lint';
import { renderPolicy } from '../src/policy/render';
import { LARGE_POLICY_SHAPES, largePolicy, rulesForBytes } from '../test/support/large-policies';

// npm run bench:lint: lint on policies of about 1 MiB (what fits in the policy Secret), one per shape of
// test/support/large-policies.ts, each in a fresh process-free run: time, peak heap growth, findings, and
// whether the budgeted search had to give up (reported as search-incomplete). The run exits 1 when a case
// takes longer than its generous budget (the unit suite counts work instead of timing it).

const BUDGET_MS = 30_000;
const TARGET_BYTES = Number(process.env.BENCH_POLICY_BYTES ?? 1024 * 1024);

let failed = false;
for (const shape of Object.keys(LARGE_POLICY_SHAPES)) {
  const count = rulesForBytes(shape, TARGET_BYTES);
  const policy = largePolicy(shape, count);
  const bytes = Buffer.byteLength(renderPolicy(policy, { kubernetesVersion: EVALUATOR_KUBERNETES_VERSION }));
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const findings = lintPolicy(policy);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const cut = counts.has('search-incomplete') ? 'search cut (reported)' : 'complete';
  const over = ms > BUDGET_MS;
  failed ||= over;
  console.log(
    `${shape.padEnd(32)} ${String(count).padStart(6)} rules ${(bytes / 1024).toFixed(0).padStart(5)} KiB ` +
      `${(ms / 1000).toFixed(1).padStart(5)} s ${heapMB.toFixed(0).padStart(5)} MB heap  ${cut}` +
      `${over ? `  OVER ${BUDGET_MS / 1000} s` : ''}`,
  );
  console.log(`    ${[...counts].map(([code, n]) => `${code} ${n}`).join(', ')}`);
}
console.log(`rss at the end: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
process.exit(failed ? 1 : 0);
