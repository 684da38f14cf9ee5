import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { explain } from '../../src/deckhouse/explain';
import { checkAssertions, expectAudit } from '../../src/policy/assertions';
import { compilePolicy, evaluatePolicy } from '../../src/policy/evaluate';
import { lintPolicy } from '../../src/policy/lint';
import { RequestSpecError, requestFromKubectl, requestFromUrl } from '../../src/policy/request-info';
import { mulberry32 } from '../support/seeded-random';
import { P, REQ, anyValue } from './arguments-fixtures';

// Library calls check their arguments at the public entry: a TypeError that names the function, the
// argument and the expected shape — never a deep property error, never an answer from a policy
// kube-apiserver would refuse.

describe('fuzz: every public entry point answers wrong arguments with its own TypeError (2,000 calls)', () => {
  const JUNK: unknown[] = [
    undefined,
    null,
    0,
    1,
    '',
    'x',
    true,
    [],
    {},
    [null],
    { rules: null },
    { rules: [null] },
    { rules: [{}] },
    { rules: [{ level: 'None', verbs: 'get' }] },
    { rules: 'x' },
    { policy: {}, origins: {} },
    { verb: 5, resourceRequest: 'yes' },
    { verb: 'get' },
    () => 1,
  ];
  const CALLS: Array<[string, (junk: unknown) => unknown]> = [
    ['compilePolicy', (j) => compilePolicy(anyValue(j))],
    ['compilePolicy', (j) => compilePolicy(P, anyValue(j))],
    ['evaluatePolicy', (j) => evaluatePolicy(anyValue(j), REQ)],
    ['evaluatePolicy', (j) => evaluatePolicy(P, anyValue(j))],
    ['lintPolicy', (j) => lintPolicy(anyValue(j))],
    ['lintPolicy', (j) => lintPolicy(P, anyValue(j))],
    ['explain', (j) => explain(anyValue(j), REQ)],
    ['explain', (j) => explain(P, anyValue(j))],
    ['expectAudit', (j) => expectAudit(anyValue(j))],
    ['checkAssertions|assertions', (j) => checkAssertions(P, anyValue(j))],
    ['assertions', (j) => checkAssertions(P, [anyValue(j)])],
    ['assertions', (j) => checkAssertions(P, [anyValue({ request: 'get pods', atLeast: j })])],
    ['request', (j) => expectAudit(P).request(anyValue(j))],
    ['recordedAtLeast', (j) => expectAudit(P).request('get pods').recordedAtLeast(anyValue(j))],
    ['requestFromUrl', (j) => requestFromUrl(anyValue(j))],
    ['kubectlRequest', (j) => requestFromKubectl(anyValue(j))],
    ['deckhouseEffectivePolicy', (j) => deckhouseEffectivePolicy(anyValue({ customPolicy: j }))],
    ['deckhouseEffectivePolicy', (j) => deckhouseEffectivePolicy(anyValue(j))],
  ];

  it('never a deep property error, never a message without the function or field name', () => {
    const rng = mulberry32(13);
    for (let n = 0; n < 2000; n++) {
      const [fn, call] = CALLS[Math.floor(rng() * CALLS.length)];
      const junk = JUNK[Math.floor(rng() * JUNK.length)];
      try {
        call(junk);
      } catch (e) {
        const message = (e as Error).message;
        expect(message).not.toMatch(/Cannot read|is not a function|is not iterable/);
        // A string that is not a request is the other clean error of the request parsers.
        if (e instanceof RequestSpecError) continue;
        expect(e).toBeInstanceOf(TypeError);
        expect(message).toMatch(new RegExp(`^(${fn})`));
      }
    }
  });
});
