// Assertions given as functions return findings, whose shape the architecture fixes (docs/architecture.md:
// Finding = { code; severity: 'error' | 'warning' | 'info'; ruleIndex; message; fix? }, ruleIndex the index in the
// effective policy's rules, -1 for the whole policy). With the built-in rules on and no custom policy the effective
// policy has Deckhouse's 29 rules (deckhouse-audit.md §3: 20 basic, 7 virtualization, 2 tail), indexes 0 to 28.
import { Testing } from 'cdk8s';
import { DeckhouseClusterAudit } from '../../src/constructs';
import { AuditAssertionFunction } from '../../src/constructs/policy-checks';
import { synthError } from './helpers';

function refusal(assertion: unknown): string {
  const chart = Testing.chart();
  new DeckhouseClusterAudit(chart, 'Audit', {
    assertions: [assertion as AuditAssertionFunction],
    assertionPacks: [],
  });
  return synthError(chart);
}

describe('what an assertion function returns', () => {
  test.each([
    ['a number in the list', () => [42], 'returned finding [0]: received 42, expected a finding object'],
    [
      'an empty object',
      () => [{}],
      'returned finding [0]: code: received nothing, expected a non-empty string',
    ],
    [
      'an unknown severity',
      () => [{ code: 'mine', severity: 'fatal', ruleIndex: -1, message: 'm' }],
      'returned finding [0]: severity: received "fatal", expected "error", "warning" or "info"',
    ],
    [
      'a ruleIndex past the effective policy',
      () => [{ code: 'mine', severity: 'error', ruleIndex: 29, message: 'm' }],
      "returned finding [0]: ruleIndex: received 29, expected -1 (the whole policy) or the index of one of the effective policy's 29 rules (0 to 28)",
    ],
    ['nothing', () => undefined, 'returned nothing, expected an array of findings'],
    ['a Promise', async () => [], 'returned a Promise (an async function?)'],
  ])('%s is refused naming the assertion, not with a TypeError', (_name, fn, expected) => {
    const message = refusal(fn);
    expect(message).toContain(`[test/Audit] assertions[0]: ${expected}`);
    expect(message).toContain('Fix: return an array of findings');
    expect(message).not.toMatch(/TypeError|Cannot read properties|is not iterable/);
  });

  test('a function that throws is named with what it threw', () => {
    const message = refusal(() => {
      throw new Error('no network at synth');
    });
    expect(message).toContain('[test/Audit] assertions[0]: threw no network at synth. Fix:');
  });

  test('well-formed findings are used: an error fails synth, the last rule index is accepted', () => {
    const message = refusal(() => [
      { code: 'exec-audited', severity: 'error', ruleIndex: 28, message: 'the catch-all logs too much' },
    ]);
    expect(message).toContain('exec-audited');
    expect(message).toContain('the catch-all logs too much');
    expect(message).not.toContain('assertions[0]: returned');
  });
});
